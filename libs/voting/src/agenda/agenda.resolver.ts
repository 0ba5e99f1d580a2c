import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { Actor, Allow, CurrentActor, Loader, Role } from '@gc/common';
import { AmendmentEntity } from '../resolution/amendment.entity';
import { ResolutionEntity } from '../resolution/resolution.entity';
import { AmendmentByIdLoader, ResolutionByIdLoader } from '../resolution/resolution.loaders';
import { AmendmentModel, ResolutionModel, toAmendmentModel, toResolutionModel } from '../resolution/resolution.model';
import { VoteEntity } from '../vote/vote.entity';
import { VotesByAgendaItemLoader } from '../vote/vote.loaders';
import { toVoteModel, VoteModel } from '../vote/vote.model';
import { PlaceAmendmentInput, PlaceResolutionInput } from './agenda.inputs';
import { AgendaMotionModel, toAgendaMotionModel } from './agenda.model';
import { AgendaService } from './agenda.service';

@Resolver(() => AgendaMotionModel)
export class AgendaResolver {
  constructor(private readonly service: AgendaService) {}

  @Allow(Role.SECRETARIAT)
  @Mutation(() => AgendaMotionModel, { description: "Put a SUBMITTED resolution on a session's agenda, as its next line." })
  async placeResolutionOnAgenda(@CurrentActor() actor: Actor, @Args('input') input: PlaceResolutionInput): Promise<AgendaMotionModel> {
    return toAgendaMotionModel(await this.service.placeResolution(actor, input));
  }

  @Allow(Role.SECRETARIAT)
  @Mutation(() => AgendaMotionModel, { description: "Put an amendment on a session's agenda; it must be voted before its resolution." })
  async placeAmendmentOnAgenda(@CurrentActor() actor: Actor, @Args('input') input: PlaceAmendmentInput): Promise<AgendaMotionModel> {
    return toAgendaMotionModel(await this.service.placeAmendment(actor, input));
  }

  @ResolveField(() => ResolutionModel)
  async resolution(
    @Parent() m: AgendaMotionModel,
    @Loader(ResolutionByIdLoader) loader: DataLoader<string, ResolutionEntity | null>,
  ): Promise<ResolutionModel> {
    return toResolutionModel((await loader.load(m.resolutionId))!);
  }

  @ResolveField(() => AmendmentModel, { nullable: true })
  async amendment(
    @Parent() m: AgendaMotionModel,
    @Loader(AmendmentByIdLoader) loader: DataLoader<string, AmendmentEntity | null>,
  ): Promise<AmendmentModel | null> {
    if (!m.amendmentId) return null;
    const amendment = await loader.load(m.amendmentId);
    return amendment && toAmendmentModel(amendment);
  }

  @ResolveField(() => [VoteModel])
  async votes(
    @Parent() m: AgendaMotionModel,
    @Loader(VotesByAgendaItemLoader) loader: DataLoader<string, VoteEntity[]>,
  ): Promise<VoteModel[]> {
    return (await loader.load(m.agendaItemId)).map((v) => toVoteModel(v));
  }
}
