import { Args, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { Actor, Allow, CurrentActor, Loader, Role } from '@gc/common';
import { formatResolutionNumber } from '@gc/voting';
import { EvidenceView } from '../assessment/assessment.repository';
import { ComplianceScope, restrictedCount, visibleEvidence } from '../assessment/evidence-access';
import { ComplianceScopeLoader, EvidenceByAssessmentLoader, ResolutionOutcomeLoader, ScopeKey } from '../compliance.loaders';
import { EscalateTermInput } from './escalation.inputs';
import { EscalationModel, EscalationOutcomeModel, toEscalationModel } from './escalation.model';
import { ResolutionOutcome } from './escalation.repository';
import { EscalationService } from './escalation.service';

const DECIDED = ['ADOPTED', 'REJECTED', 'WITHDRAWN'];

@Resolver(() => EscalationModel)
export class EscalationResolver {
  constructor(private readonly service: EscalationService) {}

  @Allow(Role.DELEGATE)
  @Mutation(() => EscalationModel, {
    description: "Escalate a NON_COMPLIANT term into a draft resolution of the agreement's committee (its seated chair).",
  })
  async escalateAgreementTerm(@CurrentActor() actor: Actor, @Args('input') input: EscalateTermInput): Promise<EscalationModel> {
    return toEscalationModel(await this.service.escalate(actor, input));
  }

  @ResolveField(() => EscalationOutcomeModel)
  async outcome(
    @Parent() escalation: EscalationModel,
    @Loader(ResolutionOutcomeLoader) outcomes: DataLoader<string, ResolutionOutcome | null>,
  ): Promise<EscalationOutcomeModel> {
    const outcome = (await outcomes.load(escalation.resolutionId))!;
    return {
      resolutionStatus: outcome.status,
      resolutionNumber: outcome.numberYear && outcome.numberSeq ? formatResolutionNumber(outcome.numberYear, outcome.numberSeq) : null,
      decided: DECIDED.includes(outcome.status),
    };
  }

  @ResolveField(() => [ID], { description: 'The linked evidence items the caller may read (restricted ones only within the committee).' })
  async evidenceIds(
    @Parent() escalation: EscalationModel,
    @CurrentActor() actor: Actor | null,
    @Loader(EvidenceByAssessmentLoader) evidence: DataLoader<string, EvidenceView[]>,
    @Loader(ComplianceScopeLoader) scopes: DataLoader<ScopeKey, ComplianceScope>,
  ): Promise<string[]> {
    const [items, scope] = await Promise.all([evidence.load(escalation.assessmentId), scopes.load({ actor })]);
    return visibleEvidence(linked(escalation, items), scope).map((item) => item.id);
  }

  @ResolveField(() => Int)
  async restrictedEvidenceCount(
    @Parent() escalation: EscalationModel,
    @Loader(EvidenceByAssessmentLoader) evidence: DataLoader<string, EvidenceView[]>,
  ): Promise<number> {
    return restrictedCount(linked(escalation, await evidence.load(escalation.assessmentId)));
  }
}

const linked = (escalation: EscalationModel, items: EvidenceView[]) => items.filter((item) => escalation.allEvidenceIds.includes(item.id));
