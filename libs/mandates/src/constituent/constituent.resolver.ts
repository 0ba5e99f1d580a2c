import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { Actor, Allow, CurrentActor, IdPipe, Loader, PageArgs, Role } from '@gc/common';
import { MandateEntity } from '../mandate/mandate.entity';
import { ActiveMandateByConstituentLoader } from '../mandate/mandate.loaders';
import { MandateModel, toMandateModel } from '../mandate/mandate.model';
import { ConstituentErasureService } from './constituent-erasure.service';
import { ConstituentInput, RegisterConstituentInput } from './constituent.inputs';
import { ConstituentErasureModel, ConstituentModel, ConstituentPage } from './constituent.model';
import { ConstituentService } from './constituent.service';

/** Coordinators only, and only for their own delegation (checked in the services). */
@Resolver(() => ConstituentModel)
export class ConstituentResolver {
  constructor(
    private readonly service: ConstituentService,
    private readonly erasure: ConstituentErasureService,
  ) {}

  @Allow(Role.COORDINATOR)
  @Query(() => ConstituentPage, { description: "Your delegation's constituents, in order of registration." })
  constituents(
    @CurrentActor() actor: Actor,
    @Args('delegationId', { type: () => ID }, IdPipe) delegationId: string,
    @Args() page: PageArgs,
  ): Promise<ConstituentPage> {
    return this.service.page(actor, delegationId, page.limit, page.offset);
  }

  @Allow(Role.COORDINATOR)
  @Query(() => ConstituentModel)
  constituent(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, IdPipe) id: string): Promise<ConstituentModel> {
    return this.service.get(actor, id);
  }

  @Allow(Role.COORDINATOR)
  @Mutation(() => ConstituentModel, { description: 'Register a constituent; identity fields are stored encrypted.' })
  registerConstituent(@CurrentActor() actor: Actor, @Args('input') input: RegisterConstituentInput): Promise<ConstituentModel> {
    return this.service.register(actor, input);
  }

  @Allow(Role.COORDINATOR)
  @Mutation(() => ConstituentErasureModel, { description: 'Destroy a constituent’s identity on request and revoke their mandate.' })
  eraseConstituent(@CurrentActor() actor: Actor, @Args('input') input: ConstituentInput): Promise<ConstituentErasureModel> {
    return this.erasure.erase(actor, input);
  }

  @ResolveField(() => MandateModel, { nullable: true, description: 'The ACTIVE mandate, if any.' })
  async activeMandate(
    @Parent() constituent: ConstituentModel,
    @Loader(ActiveMandateByConstituentLoader) loader: DataLoader<string, MandateEntity | null>,
  ): Promise<MandateModel | null> {
    const mandate = await loader.load(constituent.id);
    return mandate && toMandateModel(mandate, constituent.ref);
  }
}
