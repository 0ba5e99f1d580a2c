import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { Actor, Allow, CurrentActor, IdPipe, Loader, Public, Role } from '@gc/common';
import { VoteEntity } from '../vote/vote.entity';
import { VotesByResolutionLoader } from '../vote/vote.loaders';
import { toVoteModel, VoteModel } from '../vote/vote.model';
import { AmendmentService } from './amendment.service';
import { ResolutionEntity } from './resolution.entity';
import { ProposeAmendmentInput } from './resolution.inputs';
import { ResolutionByIdLoader } from './resolution.loaders';
import { AmendmentModel, ResolutionModel, toAmendmentModel, toResolutionModel } from './resolution.model';

@Resolver(() => AmendmentModel)
export class AmendmentResolver {
  constructor(private readonly service: AmendmentService) {}

  @Public()
  @Query(() => AmendmentModel)
  async amendment(@CurrentActor() actor: Actor | null, @Args('id', { type: () => ID }, IdPipe) id: string): Promise<AmendmentModel> {
    return toAmendmentModel(await this.service.get(id, actor));
  }

  @Allow(Role.DELEGATE)
  @Mutation(() => AmendmentModel, { description: 'Propose a new text for a SUBMITTED or ON_AGENDA resolution (seated delegates).' })
  async proposeAmendment(@CurrentActor() actor: Actor, @Args('input') input: ProposeAmendmentInput): Promise<AmendmentModel> {
    return toAmendmentModel(await this.service.propose(actor, input));
  }

  @Allow(Role.DELEGATE)
  @Mutation(() => AmendmentModel, { description: 'Withdraw your amendment before its vote opens.' })
  async withdrawAmendment(
    @CurrentActor() actor: Actor,
    @Args('amendmentId', { type: () => ID }, IdPipe) amendmentId: string,
  ): Promise<AmendmentModel> {
    return toAmendmentModel(await this.service.withdraw(actor, amendmentId));
  }

  @ResolveField(() => ResolutionModel)
  async resolution(
    @Parent() a: AmendmentModel,
    @Loader(ResolutionByIdLoader) loader: DataLoader<string, ResolutionEntity | null>,
  ): Promise<ResolutionModel> {
    return toResolutionModel((await loader.load(a.resolutionId))!);
  }

  @ResolveField(() => [VoteModel])
  async votes(
    @Parent() a: AmendmentModel,
    @Loader(VotesByResolutionLoader) loader: DataLoader<string, VoteEntity[]>,
  ): Promise<VoteModel[]> {
    return (await loader.load(a.resolutionId)).filter((v) => v.amendmentId === a.id).map((v) => toVoteModel(v));
  }
}
