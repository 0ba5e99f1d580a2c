import { Args, ArgsType, Field, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import DataLoader from 'dataloader';
import { Actor, Allow, CurrentActor, IdPipe, Loader, PageArgs, Public, Role } from '@gc/common';
import { ResolutionEntity } from '../resolution/resolution.entity';
import { ResolutionByIdLoader } from '../resolution/resolution.loaders';
import { ResolutionModel, toResolutionModel } from '../resolution/resolution.model';
import { toTallyModel, VoteTallyModel } from '../tally/tally.model';
import { LiveCounts } from '../tally/tally.repository';
import { VoteStatus } from './vote.entity';
import { OpenVoteInput } from './vote.inputs';
import { LiveTallyLoader } from './vote.loaders';
import { toVoteModel, VoteModel, VotePage, VoteRollPage } from './vote.model';
import { VoteService } from './vote.service';

@ArgsType()
export class VotesArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  councilId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  sessionId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  resolutionId?: string;

  @Field(() => [VoteStatus], { nullable: true })
  @IsOptional()
  @IsEnum(VoteStatus, { each: true })
  status?: VoteStatus[];
}

@ArgsType()
export class VoteRollArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID()
  voteId: string;
}

@Resolver(() => VoteModel)
export class VoteResolver {
  constructor(private readonly service: VoteService) {}

  @Public()
  @Query(() => VotePage, { description: 'Votes, latest opened first, with their results once closed.' })
  async votes(@Args() args: VotesArgs): Promise<VotePage> {
    const page = await this.service.page(
      { councilId: args.councilId, sessionId: args.sessionId, resolutionId: args.resolutionId, statuses: args.status },
      args.limit,
      args.offset,
    );
    return { items: page.items.map((v) => toVoteModel(v)), totalCount: page.totalCount };
  }

  @Public()
  @Query(() => VoteModel)
  async vote(@Args('id', { type: () => ID }, IdPipe) id: string): Promise<VoteModel> {
    return toVoteModel(await this.service.get(id));
  }

  @Public()
  @Query(() => VoteRollPage, { description: "A vote's frozen roll by delegate id: recompute rollHash from it." })
  voteRoll(@Args() args: VoteRollArgs): Promise<VoteRollPage> {
    return this.service.roll(args.voteId, args.limit, args.offset);
  }

  @Allow(Role.SECRETARIAT)
  @Mutation(() => VoteModel, { description: 'Open a vote on an agenda line of a session in progress with quorum; freezes the roll.' })
  async openVote(@CurrentActor() actor: Actor, @Args('input') input: OpenVoteInput): Promise<VoteModel> {
    return toVoteModel(await this.service.open(actor, input));
  }

  @Allow(Role.SECRETARIAT)
  @Mutation(() => VoteModel, { description: 'Close an open vote: tally once, store and publish the result.' })
  async closeVote(@CurrentActor() actor: Actor, @Args('voteId', { type: () => ID }, IdPipe) voteId: string): Promise<VoteModel> {
    return toVoteModel(await this.service.close(actor, voteId));
  }

  @ResolveField(() => VoteTallyModel, { description: 'Turnout now (and counts for roll-call votes); the stored result once closed.' })
  async tally(@Parent() vote: VoteModel, @Loader(LiveTallyLoader) loader: DataLoader<string, LiveCounts | null>): Promise<VoteTallyModel> {
    return toTallyModel(vote, vote.result ? null : await loader.load(vote.id));
  }

  @ResolveField(() => ResolutionModel)
  async resolution(
    @Parent() vote: VoteModel,
    @Loader(ResolutionByIdLoader) loader: DataLoader<string, ResolutionEntity | null>,
  ): Promise<ResolutionModel> {
    return toResolutionModel((await loader.load(vote.resolutionId))!);
  }
}
