import { Args, ArgsType, Field, ID, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import DataLoader from 'dataloader';
import { Actor, Allow, CurrentActor, IdPipe, Loader, PageArgs, Public, Role } from '@gc/common';
import { EventBus } from '@gc/events';
import { SessionModel, toSessionModel } from '@gc/sessions';
import { PetitionStatus } from './petition.entity';
import { ConveneSpecialSessionInput, OpenPetitionInput } from './petition.inputs';
import { ValidSignaturesLoader } from './petition.loaders';
import { SeatedCountLoader } from '@gc/mandates';
import { PetitionModel, PetitionPage, PetitionProgressModel, toPetitionModel } from './petition.model';
import { PetitionService, progressTopic } from './petition.service';
import { ObjectType } from '@nestjs/graphql';

@ArgsType()
export class PetitionsArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  councilId?: string;

  @Field(() => [PetitionStatus], { nullable: true })
  @IsOptional()
  @IsEnum(PetitionStatus, { each: true })
  status?: PetitionStatus[];
}

@ObjectType('SpecialSessionConvened')
export class SpecialSessionConvenedModel {
  @Field(() => PetitionModel)
  petition: PetitionModel;

  @Field(() => SessionModel)
  session: SessionModel;
}

@Resolver(() => PetitionModel)
export class PetitionResolver {
  constructor(
    private readonly service: PetitionService,
    private readonly events: EventBus,
  ) {}

  @Public()
  @Query(() => PetitionPage, { description: 'Petitions for special sessions, newest first.' })
  async petitions(@Args() args: PetitionsArgs): Promise<PetitionPage> {
    const page = await this.service.page(args.councilId, args.status, args.limit, args.offset);
    return { items: page.items.map((p) => toPetitionModel(p)), totalCount: page.totalCount };
  }

  @Public()
  @Query(() => PetitionModel)
  async petition(@Args('id', { type: () => ID }, IdPipe) id: string): Promise<PetitionModel> {
    return toPetitionModel(await this.service.get(id));
  }

  @Allow(Role.DELEGATE)
  @Mutation(() => PetitionModel, { description: 'Open a petition for a special session (seated delegates).' })
  async openPetition(@CurrentActor() actor: Actor, @Args('input') input: OpenPetitionInput): Promise<PetitionModel> {
    return toPetitionModel(await this.service.open(actor, input));
  }

  @Allow(Role.DELEGATE)
  @Mutation(() => PetitionProgressModel, { description: 'Sign a petition once (seated delegates).' })
  signPetition(
    @CurrentActor() actor: Actor,
    @Args('petitionId', { type: () => ID }, IdPipe) petitionId: string,
  ): Promise<PetitionProgressModel> {
    return this.service.sign(actor, petitionId);
  }

  @Allow(Role.DELEGATE)
  @Mutation(() => PetitionProgressModel, { description: 'Withdraw your signature while the petition is OPEN.' })
  withdrawPetitionSignature(
    @CurrentActor() actor: Actor,
    @Args('petitionId', { type: () => ID }, IdPipe) petitionId: string,
  ): Promise<PetitionProgressModel> {
    return this.service.withdrawSignature(actor, petitionId);
  }

  @Allow(Role.SECRETARIAT)
  @Mutation(() => SpecialSessionConvenedModel, { description: 'Convene the special session a petition that met two-thirds asked for.' })
  async conveneSpecialSession(
    @CurrentActor() actor: Actor,
    @Args('input') input: ConveneSpecialSessionInput,
  ): Promise<SpecialSessionConvenedModel> {
    const { petition, session } = await this.service.conveneSpecialSession(actor, input);
    return { petition: toPetitionModel(petition), session: toSessionModel(session) };
  }

  @Public()
  @Subscription(() => PetitionProgressModel, {
    description: "A petition's progress as it changes (throttled), from any server instance.",
    resolve: (payload: PetitionProgressModel) => payload,
  })
  petitionProgress(@Args('petitionId', { type: () => ID }, IdPipe) petitionId: string): AsyncIterableIterator<PetitionProgressModel> {
    return this.events.subscribe(progressTopic(petitionId));
  }

  @ResolveField(() => PetitionProgressModel, { description: 'S, V and what is still needed, now.' })
  async progress(
    @Parent() petition: PetitionModel,
    @Loader(ValidSignaturesLoader) valid: DataLoader<string, number>,
    @Loader(SeatedCountLoader) seated: DataLoader<string, number>,
  ): Promise<PetitionProgressModel> {
    return this.service.toProgress(petition.id, petition.status, await seated.load(petition.councilId), await valid.load(petition.id));
  }
}
