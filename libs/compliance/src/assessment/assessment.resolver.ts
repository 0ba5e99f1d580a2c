import { Args, Field, ID, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { Actor, Allow, CurrentActor, IdPipe, Loader, Public, Role } from '@gc/common';
import { EventBus } from '@gc/events';
import { ComplianceScopeLoader, EvidenceByAssessmentLoader, ScopeKey } from '../compliance.loaders';
import { ComplianceStatus } from './assessment.entity';
import { RecordAssessmentInput } from './assessment.inputs';
import { AssessmentModel, EvidenceModel, toAssessmentModel, toEvidenceModel } from './assessment.model';
import { EvidenceView } from './assessment.repository';
import { AssessmentService, TermStatusChange, termStatusTopic } from './assessment.service';
import { ComplianceScope, restrictedCount, visibleEvidence } from './evidence-access';

@ObjectType('TermStatusChange', { description: "A term's status or overdue flag changed; public facts only." })
export class TermStatusChangeModel {
  @Field(() => ID)
  agreementId: string;

  @Field(() => ID)
  termId: string;

  @Field(() => ComplianceStatus)
  status: ComplianceStatus;

  @Field()
  overdue: boolean;

  @Field({ description: 'The observation date of the assessment that changed it.' })
  observedOn: string;
}

@Resolver(() => AssessmentModel)
export class AssessmentResolver {
  constructor(
    private readonly service: AssessmentService,
    private readonly events: EventBus,
  ) {}

  @Public()
  @Query(() => AssessmentModel, { description: 'One assessment; its restricted evidence only for the committee and the secretariat.' })
  async assessment(@Args('id', { type: () => ID }, IdPipe) id: string): Promise<AssessmentModel> {
    return toAssessmentModel(await this.service.get(id));
  }

  @Public()
  @Query(() => EvidenceModel, {
    description: 'One evidence item; EVIDENCE_RESTRICTED for a restricted item outside the committee and the secretariat.',
  })
  async evidenceItem(@CurrentActor() actor: Actor | null, @Args('id', { type: () => ID }, IdPipe) id: string): Promise<EvidenceModel> {
    return toEvidenceModel(await this.service.evidenceItem(actor, id));
  }

  @Allow(Role.SECRETARIAT, Role.DELEGATE)
  @Mutation(() => AssessmentModel, {
    description: "Record an assessment of a term with its evidence (secretariat, members of the agreement's committee).",
  })
  async recordAssessment(@CurrentActor() actor: Actor, @Args('input') input: RecordAssessmentInput): Promise<AssessmentModel> {
    return toAssessmentModel(await this.service.record(actor, input));
  }

  @Public()
  @Subscription(() => TermStatusChangeModel, {
    description: "Changes of status (or of the overdue flag) on an agreement's terms, throttled per agreement (the latest wins).",
    resolve: (payload: TermStatusChange) => payload,
  })
  termStatusChanged(@Args('agreementId', { type: () => ID }, IdPipe) agreementId: string): AsyncIterableIterator<TermStatusChange> {
    return this.events.subscribe(termStatusTopic(agreementId));
  }

  @ResolveField(() => [EvidenceModel], {
    description: "The items the caller may read: every PUBLIC one; RESTRICTED ones only for the committee's members and the secretariat.",
  })
  async evidence(
    @Parent() assessment: AssessmentModel,
    @CurrentActor() actor: Actor | null,
    @Loader(EvidenceByAssessmentLoader) evidence: DataLoader<string, EvidenceView[]>,
    @Loader(ComplianceScopeLoader) scopes: DataLoader<ScopeKey, ComplianceScope>,
  ): Promise<EvidenceModel[]> {
    const [items, scope] = await Promise.all([evidence.load(assessment.id), scopes.load({ actor })]);
    return visibleEvidence(items, scope).map(toEvidenceModel);
  }

  @ResolveField(() => Int, { description: 'How many RESTRICTED items the assessment has, for everyone to see.' })
  async restrictedEvidenceCount(
    @Parent() assessment: AssessmentModel,
    @Loader(EvidenceByAssessmentLoader) evidence: DataLoader<string, EvidenceView[]>,
  ): Promise<number> {
    return restrictedCount(await evidence.load(assessment.id));
  }
}
