import { Injectable } from '@nestjs/common';
import { Actor, DomainError, ErrorCode } from '@gc/common';
import { Db } from '@gc/db';
import { LedgerService } from '@gc/ledger';
import { ResolutionService } from '@gc/voting';
import { AgreementService } from '../agreement/agreement.service';
import { ComplianceAccessService } from '../agreement/compliance-access.service';
import { ComplianceStatus, EvidenceVisibility } from '../assessment/assessment.entity';
import { AssessmentRepository, EvidenceView } from '../assessment/assessment.repository';
import { compareAssessments, termStanding, todayUtc } from '../term/term-standing.rules';
import { TermView } from '../term/term.repository';
import { TermService } from '../term/term.service';
import { EscalationEntity } from './escalation.entity';
import { EscalateTermInput } from './escalation.inputs';
import { EscalationRepository } from './escalation.repository';

/**
 * The draft's text names the breach and links the evidence by id only: a resolution is public once
 * submitted, and restricted evidence must never reach it.
 */
export function escalationText(
  agreementTitle: string,
  term: TermView,
  assessment: { observedOn: string; summary: string },
  evidence: readonly EvidenceView[],
  demand: string | undefined,
): string {
  const publicIds = evidence.filter((e) => e.visibility === EvidenceVisibility.PUBLIC).map((e) => e.id);
  const restricted = evidence.length - publicIds.length;
  return [
    `The Global Council notes that term ${term.position} of the agreement "${agreementTitle}" is not being complied with.`,
    `Obligation (version ${term.version}): ${term.obligation}`,
    `Responsible party: ${term.responsibleParty}${term.dueDate ? `; due ${term.dueDate}` : ''}.`,
    `Assessed NON_COMPLIANT on ${assessment.observedOn}: ${assessment.summary}`,
    `Evidence on record: ${publicIds.length ? `public items ${publicIds.join(', ')}` : 'no public items'}; ${restricted} restricted item(s) held by the committee.`,
    ...(demand ? [demand.trim()] : []),
  ].join('\n\n');
}

@Injectable()
export class EscalationService {
  constructor(
    private readonly db: Db,
    private readonly escalations: EscalationRepository,
    private readonly assessments: AssessmentRepository,
    private readonly terms: TermService,
    private readonly agreements: AgreementService,
    private readonly access: ComplianceAccessService,
    private readonly resolutions: ResolutionService,
    private readonly ledger: LedgerService,
  ) {}

  /**
   * A NON_COMPLIANT term becomes a draft resolution of the agreement's committee, drafted through the
   * resolutions workflow, so its chair (seated) is the one who escalates and later submits it.
   */
  escalate(actor: Actor, input: EscalateTermInput): Promise<EscalationEntity> {
    return this.db.transaction(async () => {
      const term = await this.terms.lock(input.termId, 'input.termId');
      await this.access.assertMayManage(actor, term, 'input.termId');
      const timeline = (await this.assessments.ofTerms([term.id])).sort(compareAssessments);
      const standing = termStanding(term.dueDate, timeline, todayUtc());
      if (standing.status !== ComplianceStatus.NON_COMPLIANT) {
        throw new DomainError(
          ErrorCode.TERM_NOT_NON_COMPLIANT,
          `Only a NON_COMPLIANT term can be escalated; this one is ${standing.status}`,
          'input.termId',
        );
      }
      if (await this.escalations.hasUndecided(term.id)) {
        throw new DomainError(
          ErrorCode.TERM_ALREADY_ESCALATED,
          'The term was already escalated and its resolution is not decided yet',
          'input.termId',
        );
      }
      const latest = timeline[timeline.length - 1];
      const evidence = await this.assessments.evidenceOf([latest.id]);
      const agreement = await this.agreements.get(term.agreementId);
      const resolution = await this.resolutions.draft(actor, {
        committeeId: term.committeeId,
        title: `Breach of "${agreement.title}", term ${term.position}`.slice(0, 300),
        text: escalationText(agreement.title, term, latest, evidence, input.demand),
      });
      const escalation = await this.escalations.insert({
        termId: term.id,
        resolutionId: resolution.id,
        assessmentId: latest.id,
        evidenceIds: evidence.map((e) => e.id),
      });
      await this.ledger.append(term.councilId, actor.actorRef, 'TERM_ESCALATED', {
        escalationId: escalation.id,
        termId: term.id,
        agreementId: term.agreementId,
        assessmentId: latest.id,
        resolutionId: resolution.id,
        publicEvidenceIds: evidence.filter((e) => e.visibility === EvidenceVisibility.PUBLIC).map((e) => e.id),
        restrictedEvidenceCount: evidence.filter((e) => e.visibility === EvidenceVisibility.RESTRICTED).length,
      });
      return escalation;
    });
  }
}
