import { Args, ArgsType, Field, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import DataLoader from 'dataloader';
import { Actor, Allow, CurrentActor, IdPipe, Loader, PageArgs, Public, Role } from '@gc/common';
import { AgendaMotionModel, toAgendaMotionModel } from '../agenda/agenda.model';
import { AgendaMotion } from '../agenda/agenda.repository';
import { ResolutionMotionsLoader } from '../agenda/agenda.loaders';
import { VoteEntity, VoteStatus } from '../vote/vote.entity';
import { VotesByResolutionLoader } from '../vote/vote.loaders';
import { toVoteModel, VoteModel, VoteResultModel } from '../vote/vote.model';
import { AmendmentEntity } from './amendment.entity';
import { ResolutionStatus, ResolutionVersionEntity } from './resolution.entity';
import { DraftResolutionInput } from './resolution.inputs';
import { AmendmentsByResolutionLoader, LatestVersionLoader, SponsorsLoader, VersionsLoader } from './resolution.loaders';
import {
  AmendmentModel,
  ResolutionModel,
  ResolutionPage,
  ResolutionVersionModel,
  toAmendmentModel,
  toResolutionModel,
  toVersionModel,
} from './resolution.model';
import { ResolutionService } from './resolution.service';

@ArgsType()
export class ResolutionsArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  councilId?: string;

  @Field(() => [ResolutionStatus], { nullable: true })
  @IsOptional()
  @IsEnum(ResolutionStatus, { each: true })
  status?: ResolutionStatus[];
}

@Resolver(() => ResolutionModel)
export class ResolutionResolver {
  constructor(private readonly service: ResolutionService) {}

  @Public()
  @Query(() => ResolutionPage, { description: 'Resolutions, newest draft first; drafts only for signed-in users.' })
  async resolutions(@CurrentActor() actor: Actor | null, @Args() args: ResolutionsArgs): Promise<ResolutionPage> {
    const page = await this.service.page(actor, args.councilId, args.status, args.limit, args.offset);
    return { items: page.items.map(toResolutionModel), totalCount: page.totalCount };
  }

  @Public()
  @Query(() => ResolutionModel)
  async resolution(@CurrentActor() actor: Actor | null, @Args('id', { type: () => ID }, IdPipe) id: string): Promise<ResolutionModel> {
    return toResolutionModel(await this.service.get(id, actor));
  }

  @Public()
  @Query(() => ResolutionModel, { description: 'An adopted resolution by its permanent number, e.g. GC-2026-1.' })
  async resolutionByNumber(
    @Args('number') number: string,
    @Args('councilId', { type: () => ID, nullable: true }, IdPipe) councilId?: string,
  ): Promise<ResolutionModel> {
    return toResolutionModel(await this.service.byNumber(number, councilId));
  }

  @Allow(Role.DELEGATE)
  @Mutation(() => ResolutionModel, {
    description: "Draft a resolution (seated delegates): for a committee you chair, or as a delegates' draft.",
  })
  async draftResolution(@CurrentActor() actor: Actor, @Args('input') input: DraftResolutionInput): Promise<ResolutionModel> {
    return toResolutionModel(await this.service.draft(actor, input));
  }

  @Allow(Role.DELEGATE)
  @Mutation(() => ResolutionModel, { description: "Sponsor a delegates' draft (seated delegates)." })
  async sponsorResolution(
    @CurrentActor() actor: Actor,
    @Args('resolutionId', { type: () => ID }, IdPipe) resolutionId: string,
  ): Promise<ResolutionModel> {
    return toResolutionModel(await this.service.sponsor(actor, resolutionId));
  }

  @Allow(Role.DELEGATE)
  @Mutation(() => ResolutionModel, {
    description: "DRAFT -> SUBMITTED: by the committee's chair, or the drafter with enough seated sponsors.",
  })
  async submitResolution(
    @CurrentActor() actor: Actor,
    @Args('resolutionId', { type: () => ID }, IdPipe) resolutionId: string,
  ): Promise<ResolutionModel> {
    return toResolutionModel(await this.service.submit(actor, resolutionId));
  }

  @Allow(Role.DELEGATE)
  @Mutation(() => ResolutionModel, { description: 'Withdraw a resolution before its vote opens (its authors).' })
  async withdrawResolution(
    @CurrentActor() actor: Actor,
    @Args('resolutionId', { type: () => ID }, IdPipe) resolutionId: string,
  ): Promise<ResolutionModel> {
    return toResolutionModel(await this.service.withdraw(actor, resolutionId));
  }

  @ResolveField(() => String, { description: 'The text of the latest version.' })
  async text(
    @Parent() r: ResolutionModel,
    @Loader(LatestVersionLoader) loader: DataLoader<string, ResolutionVersionEntity | null>,
  ): Promise<string> {
    return (await loader.load(r.id))!.text;
  }

  @ResolveField(() => Int, { description: 'The latest version number.' })
  async currentVersion(
    @Parent() r: ResolutionModel,
    @Loader(LatestVersionLoader) loader: DataLoader<string, ResolutionVersionEntity | null>,
  ): Promise<number> {
    return (await loader.load(r.id))!.version;
  }

  @ResolveField(() => [ResolutionVersionModel], { description: 'Every text version, oldest first.' })
  async versions(
    @Parent() r: ResolutionModel,
    @Loader(VersionsLoader) loader: DataLoader<string, ResolutionVersionEntity[]>,
  ): Promise<ResolutionVersionModel[]> {
    return (await loader.load(r.id)).map(toVersionModel);
  }

  @ResolveField(() => [ID], { description: "Sponsors of a delegates' draft (the drafter first)." })
  sponsorDelegateIds(@Parent() r: ResolutionModel, @Loader(SponsorsLoader) loader: DataLoader<string, string[]>): Promise<string[]> {
    return loader.load(r.id);
  }

  @ResolveField(() => [AmendmentModel])
  async amendments(
    @Parent() r: ResolutionModel,
    @Loader(AmendmentsByResolutionLoader) loader: DataLoader<string, AmendmentEntity[]>,
  ): Promise<AmendmentModel[]> {
    return (await loader.load(r.id)).map(toAmendmentModel);
  }

  @ResolveField(() => [AgendaMotionModel], { description: 'The agenda lines that put it or its amendments to the vote.' })
  async agenda(
    @Parent() r: ResolutionModel,
    @Loader(ResolutionMotionsLoader) loader: DataLoader<string, AgendaMotion[]>,
  ): Promise<AgendaMotionModel[]> {
    return (await loader.load(r.id)).map(toAgendaMotionModel);
  }

  @ResolveField(() => [VoteModel], { description: 'Votes on it and on its amendments, in the order they opened.' })
  async votes(
    @Parent() r: ResolutionModel,
    @Loader(VotesByResolutionLoader) loader: DataLoader<string, VoteEntity[]>,
  ): Promise<VoteModel[]> {
    return (await loader.load(r.id)).map((v) => toVoteModel(v));
  }

  @ResolveField(() => VoteResultModel, { nullable: true, description: 'The result of the vote on the resolution itself, once closed.' })
  async result(
    @Parent() r: ResolutionModel,
    @Loader(VotesByResolutionLoader) loader: DataLoader<string, VoteEntity[]>,
  ): Promise<VoteResultModel | null> {
    const decisive = (await loader.load(r.id)).filter((v) => v.amendmentId === null && v.status === VoteStatus.CLOSED).pop();
    return decisive ? toVoteModel(decisive).result : null;
  }
}
