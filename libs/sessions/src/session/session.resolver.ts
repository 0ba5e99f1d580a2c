import { Args, ArgsType, Field, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import DataLoader from 'dataloader';
import { Actor, Allow, CurrentActor, IdPipe, Loader, PageArgs, Public, Role } from '@gc/common';
import { SessionAgendaItemEntity, SessionKind, SessionStatus } from './session.entity';
import { SessionAgendaLoader } from './session-agenda.loader';
import { CancelSessionInput, ConveneSessionInput } from './session.inputs';
import { AgendaItemModel, SessionModel, SessionPage, toAgendaItemModel, toSessionModel } from './session.model';
import { SessionService } from './session.service';

@ArgsType()
export class SessionsArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  councilId?: string;

  @Field(() => [SessionStatus], { nullable: true, description: 'Only sessions in these states.' })
  @IsOptional()
  @IsEnum(SessionStatus, { each: true })
  status?: SessionStatus[];
}

@Resolver(() => SessionModel)
export class SessionResolver {
  constructor(private readonly service: SessionService) {}

  @Public()
  @Query(() => SessionPage, { description: 'Sessions of the council, latest start first.' })
  async sessions(@Args() args: SessionsArgs): Promise<SessionPage> {
    const page = await this.service.page(args.councilId, args.status, args.limit, args.offset);
    return { items: page.items.map(toSessionModel), totalCount: page.totalCount };
  }

  @Public()
  @Query(() => SessionModel)
  async session(@Args('id', { type: () => ID }, IdPipe) id: string): Promise<SessionModel> {
    return toSessionModel(await this.service.get(id));
  }

  @Allow(Role.SECRETARIAT)
  @Mutation(() => SessionModel, { description: 'Convene a regular session, respecting the notice period; sessions may not overlap.' })
  async conveneRegularSession(@CurrentActor() actor: Actor, @Args('input') input: ConveneSessionInput): Promise<SessionModel> {
    return toSessionModel(await this.service.convene(actor, { ...input, kind: SessionKind.REGULAR }));
  }

  @Allow(Role.SECRETARIAT)
  @Mutation(() => SessionModel, { description: 'SCHEDULED -> IN_PROGRESS, from an hour before the announced start.' })
  async startSession(
    @CurrentActor() actor: Actor,
    @Args('sessionId', { type: () => ID }, IdPipe) sessionId: string,
  ): Promise<SessionModel> {
    return toSessionModel(await this.service.start(actor, sessionId));
  }

  @Allow(Role.SECRETARIAT)
  @Mutation(() => SessionModel, { description: 'IN_PROGRESS -> ADJOURNED.' })
  async adjournSession(
    @CurrentActor() actor: Actor,
    @Args('sessionId', { type: () => ID }, IdPipe) sessionId: string,
  ): Promise<SessionModel> {
    return toSessionModel(await this.service.adjourn(actor, sessionId));
  }

  @Allow(Role.SECRETARIAT)
  @Mutation(() => SessionModel, { description: 'SCHEDULED -> CANCELLED, with a reason.' })
  async cancelSession(@CurrentActor() actor: Actor, @Args('input') input: CancelSessionInput): Promise<SessionModel> {
    return toSessionModel(await this.service.cancel(actor, input));
  }

  @ResolveField(() => [AgendaItemModel])
  async agenda(
    @Parent() session: SessionModel,
    @Loader(SessionAgendaLoader) loader: DataLoader<string, SessionAgendaItemEntity[]>,
  ): Promise<AgendaItemModel[]> {
    return (await loader.load(session.id)).map(toAgendaItemModel);
  }
}
