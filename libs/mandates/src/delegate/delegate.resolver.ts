import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, Allow, CurrentActor, IdPipe, Public, Role } from '@gc/common';
import { CreateDelegateInput, CreateDelegateLoginInput, DelegateInput } from './delegate.inputs';
import { DelegateInvitationModel, DelegateModel, toDelegateModel } from './delegate.model';
import { DelegateService } from './delegate.service';

@Resolver(() => DelegateModel)
export class DelegateResolver {
  constructor(private readonly service: DelegateService) {}

  @Public()
  @Query(() => DelegateModel)
  async delegate(@Args('id', { type: () => ID }, IdPipe) id: string): Promise<DelegateModel> {
    return toDelegateModel(await this.service.get(id));
  }

  @Allow(Role.DELEGATE)
  @Query(() => DelegateModel, { description: "The signed-in delegate's own record: seat, active mandate count and vote weight." })
  async myDelegate(@CurrentActor() actor: Actor): Promise<DelegateModel> {
    return toDelegateModel(await this.service.mine(actor));
  }

  @Allow(Role.COORDINATOR)
  @Mutation(() => DelegateModel, { description: 'Add a delegate to your delegation; they are not accredited yet.' })
  async createDelegate(@CurrentActor() actor: Actor, @Args('input') input: CreateDelegateInput): Promise<DelegateModel> {
    return toDelegateModel(await this.service.create(actor, input));
  }

  @Allow(Role.COORDINATOR)
  @Mutation(() => DelegateModel)
  async accreditDelegate(@CurrentActor() actor: Actor, @Args('input') input: DelegateInput): Promise<DelegateModel> {
    return toDelegateModel(await this.service.accredit(actor, input));
  }

  @Allow(Role.COORDINATOR)
  @Mutation(() => DelegateModel, { description: 'The delegate loses the seat and leaves every committee.' })
  async withdrawAccreditation(@CurrentActor() actor: Actor, @Args('input') input: DelegateInput): Promise<DelegateModel> {
    return toDelegateModel(await this.service.withdrawAccreditation(actor, input));
  }

  @Allow(Role.COORDINATOR)
  @Mutation(() => DelegateInvitationModel, { description: "Create the delegate's sign-in account; returns its one-time activation token." })
  async createDelegateLogin(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateDelegateLoginInput,
  ): Promise<DelegateInvitationModel> {
    const invitation = await this.service.createLogin(actor, input);
    return { delegate: toDelegateModel(invitation.delegate), activationToken: invitation.activationToken, expiresAt: invitation.expiresAt };
  }
}
