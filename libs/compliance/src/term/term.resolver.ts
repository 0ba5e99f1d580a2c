import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { Actor, Allow, CurrentActor, IdPipe, Loader, Public, Role } from '@gc/common';
import { AgreementModel, toAgreementModel } from '../agreement/agreement.model';
import { AgreementEntity } from '../agreement/agreement.entity';
import { ComplianceStatus, AssessmentEntity } from '../assessment/assessment.entity';
import { AssessmentModel, toAssessmentModel } from '../assessment/assessment.model';
import { AgreementByIdLoader, EscalationsByTermLoader, TermVersionsLoader, TimelineLoader } from '../compliance.loaders';
import { EscalationEntity } from '../escalation/escalation.entity';
import { EscalationModel, toEscalationModel } from '../escalation/escalation.model';
import { TermVersionEntity } from './term.entity';
import { AmendTermInput } from './term.inputs';
import { TermModel, TermVersionModel, toTermModel, toTermVersionModel } from './term.model';
import { termStanding, TermStanding, todayUtc } from './term-standing.rules';
import { TermService } from './term.service';

@Resolver(() => TermModel)
export class TermResolver {
  constructor(private readonly service: TermService) {}

  @Public()
  @Query(() => TermModel)
  async agreementTerm(@Args('id', { type: () => ID }, IdPipe) id: string): Promise<TermModel> {
    return toTermModel(await this.service.get(id));
  }

  @Allow(Role.SECRETARIAT, Role.DELEGATE)
  @Mutation(() => TermModel, {
    description: 'Amend a term by a new version with a reason; earlier versions stay (secretariat, owning committee).',
  })
  async amendAgreementTerm(@CurrentActor() actor: Actor, @Args('input') input: AmendTermInput): Promise<TermModel> {
    return toTermModel(await this.service.amend(actor, input));
  }

  @ResolveField(() => AgreementModel)
  async agreement(
    @Parent() term: TermModel,
    @Loader(AgreementByIdLoader) agreements: DataLoader<string, AgreementEntity | null>,
  ): Promise<AgreementModel> {
    return toAgreementModel((await agreements.load(term.agreementId))!);
  }

  @ResolveField(() => ComplianceStatus, {
    description: "The latest assessment's status by observation date (ties: the later recorded); UNKNOWN when none.",
  })
  async status(
    @Parent() term: TermModel,
    @Loader(TimelineLoader) timeline: DataLoader<string, AssessmentEntity[]>,
  ): Promise<ComplianceStatus> {
    return (await standingOf(term, timeline)).status;
  }

  @ResolveField(() => Boolean, {
    description: 'Past the due date and the status is not COMPLIANT. Shown beside the status, not instead of it.',
  })
  async overdue(@Parent() term: TermModel, @Loader(TimelineLoader) timeline: DataLoader<string, AssessmentEntity[]>): Promise<boolean> {
    return (await standingOf(term, timeline)).overdue;
  }

  @ResolveField(() => String, { nullable: true, description: 'The latest observation date, YYYY-MM-DD.' })
  async lastObservedOn(
    @Parent() term: TermModel,
    @Loader(TimelineLoader) timeline: DataLoader<string, AssessmentEntity[]>,
  ): Promise<string | null> {
    return (await standingOf(term, timeline)).lastObservedOn;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'First observation of the current unbroken NON_COMPLIANT run; null unless NON_COMPLIANT.',
  })
  async nonCompliantSince(
    @Parent() term: TermModel,
    @Loader(TimelineLoader) timeline: DataLoader<string, AssessmentEntity[]>,
  ): Promise<string | null> {
    return (await standingOf(term, timeline)).nonCompliantSince;
  }

  @ResolveField(() => [AssessmentModel], { description: 'Every assessment, oldest observation first.' })
  async timeline(
    @Parent() term: TermModel,
    @Loader(TimelineLoader) timeline: DataLoader<string, AssessmentEntity[]>,
  ): Promise<AssessmentModel[]> {
    return (await timeline.load(term.id)).map(toAssessmentModel);
  }

  @ResolveField(() => [TermVersionModel], { description: 'Every wording, version 1 first.' })
  async versions(
    @Parent() term: TermModel,
    @Loader(TermVersionsLoader) versions: DataLoader<string, TermVersionEntity[]>,
  ): Promise<TermVersionModel[]> {
    return (await versions.load(term.id)).map(toTermVersionModel);
  }

  @ResolveField(() => [EscalationModel], { description: 'Escalations into draft resolutions, oldest first, with their outcomes.' })
  async escalations(
    @Parent() term: TermModel,
    @Loader(EscalationsByTermLoader) escalations: DataLoader<string, EscalationEntity[]>,
  ): Promise<EscalationModel[]> {
    return (await escalations.load(term.id)).map(toEscalationModel);
  }
}

async function standingOf(term: TermModel, timeline: DataLoader<string, AssessmentEntity[]>): Promise<TermStanding> {
  return termStanding(term.dueDate, await timeline.load(term.id), todayUtc());
}
