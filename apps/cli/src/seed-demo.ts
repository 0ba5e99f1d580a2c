import { INestApplicationContext } from '@nestjs/common';
import { Actor, Role } from '@gc/common';
import {
  AgreementService,
  AssessmentService,
  DEMO_AGREEMENT,
  DEMO_ASSESSMENTS,
  DEMO_CHAIR_EMAIL,
  DEMO_DELEGATES,
  DEMO_DELEGATION,
  DEMO_ESCALATION,
  EscalationService,
  MONITORING_COMMITTEE_SLUG,
} from '@gc/compliance';
import { CommitteeService, DelegationService } from '@gc/council';
import { Db } from '@gc/db';
import { DelegateService } from '@gc/mandates';
// The mandates module does not export these services to other modules; the seed, an entry point, reaches them
// through the application context like the API's resolvers do.
import { CommitteeMembershipService } from '../../../libs/mandates/src/committee-membership/committee-membership.service';
import { ConstituentService } from '../../../libs/mandates/src/constituent/constituent.service';
import { MandateService } from '../../../libs/mandates/src/mandate/mandate.service';

/** Who the seed acts as in the ledger; never a real account. */
const SEED_ACTOR_REF = 'seed:demo';

const actor = (role: Role, councilId: string, delegationId: string | null = null, userId = SEED_ACTOR_REF): Actor => ({
  userId,
  actorRef: SEED_ACTOR_REF,
  sessionId: SEED_ACTOR_REF,
  role,
  councilId,
  delegationId,
});

/**
 * `npm run seed:demo`: sample delegates with mandates, a monitoring committee with a chair, and the demo agreement
 * with its timeline and one escalation, all through the services (so every change is in the ledger), in one
 * transaction. Refuses to run twice on the same council.
 */
export async function seedDemo(app: INestApplicationContext, councilId: string): Promise<string> {
  const get = <T>(type: new (...args: never[]) => T): T => app.get(type, { strict: false });
  const agreements = get(AgreementService);
  if ((await agreements.page(councilId, undefined, 200, 0)).items.some((a) => a.title === DEMO_AGREEMENT.title)) {
    return 'The demo data is already there; nothing was added.';
  }
  return get(Db).transaction(async () => {
    const delegation = await get(DelegationService).getByCode(DEMO_DELEGATION, councilId);
    const coordinator = actor(Role.COORDINATOR, councilId, delegation.id);
    const secretariat = actor(Role.SECRETARIAT, councilId);
    const delegateIds: string[] = [];
    for (const [i, displayName] of DEMO_DELEGATES.entries()) {
      const delegate = await get(DelegateService).create(coordinator, { delegationId: delegation.id, displayName });
      await get(DelegateService).accredit(coordinator, { delegateId: delegate.id });
      const constituent = await get(ConstituentService).register(coordinator, {
        delegationId: delegation.id,
        name: `Demo Constituent ${i + 1}`,
        email: `demo-constituent-${i + 1}@example.org`,
      });
      await get(MandateService).issue(coordinator, { constituentId: constituent.id, delegateId: delegate.id });
      delegateIds.push(delegate.id);
    }
    const committees = await get(CommitteeService).page(councilId, 200, 0);
    const monitoring = committees.items.find((c) => c.slug === MONITORING_COMMITTEE_SLUG);
    if (!monitoring) throw new Error('The council has no monitoring committee');
    for (const delegateId of delegateIds.slice(0, 3)) {
      await get(CommitteeMembershipService).add(secretariat, { committeeId: monitoring.id, delegateId });
    }
    await get(CommitteeMembershipService).setChair(secretariat, { committeeId: monitoring.id, delegateId: delegateIds[0] });
    const login = await get(DelegateService).createLogin(coordinator, { delegateId: delegateIds[0], email: DEMO_CHAIR_EMAIL });
    const chair = actor(Role.DELEGATE, councilId, delegation.id, login.delegate.userId!);

    const agreement = await agreements.record(chair, { ...DEMO_AGREEMENT, committeeId: monitoring.id });
    const terms = (await get(AssessmentService).termsOf(agreement.id)).map((t) => t.id);
    for (const assessment of DEMO_ASSESSMENTS) {
      await get(AssessmentService).record(chair, {
        termId: terms[assessment.term - 1],
        status: assessment.status,
        observedOn: assessment.observedOn,
        summary: assessment.summary,
        evidence: assessment.evidence,
      });
    }
    await get(EscalationService).escalate(chair, { termId: terms[DEMO_ESCALATION.term - 1], demand: DEMO_ESCALATION.demand });
    return `Demo data added: ${DEMO_DELEGATES.length} delegates of ${DEMO_DELEGATION} with mandates, the agreement "${agreement.title}" with ${terms.length} terms, ${DEMO_ASSESSMENTS.length} assessments and one escalation. The chair's login ${DEMO_CHAIR_EMAIL} is not activated.`;
  });
}
