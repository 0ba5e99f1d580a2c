import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { Actor, Allow, CurrentActor, Loader, Role } from '@gc/common';
import { DelegationModel } from '@gc/council';
import { AssignCoordinatorInput } from './account.inputs';
import { CoordinatorInvitationModel, CoordinatorModel, toCoordinatorModel } from './account.model';
import { AccountService } from './account.service';
import { CoordinatorsByDelegationLoader } from './coordinators.loader';
import { UserEntity } from './user.entity';

@Resolver(() => DelegationModel)
export class AccountResolver {
  constructor(private readonly accounts: AccountService) {}

  @Allow(Role.SECRETARIAT)
  @Mutation(() => CoordinatorInvitationModel, {
    description: 'Create a coordinator account for a delegation; returns its one-time activation token.',
  })
  async assignCoordinator(@CurrentActor() actor: Actor, @Args('input') input: AssignCoordinatorInput): Promise<CoordinatorInvitationModel> {
    const invitation = await this.accounts.assignCoordinator(actor, input);
    return {
      coordinator: toCoordinatorModel(invitation.user),
      delegationId: invitation.user.delegationId!,
      activationToken: invitation.activationToken,
      expiresAt: invitation.expiresAt,
    };
  }

  @ResolveField(() => [CoordinatorModel])
  async coordinators(
    @Parent() delegation: DelegationModel,
    @Loader(CoordinatorsByDelegationLoader) loader: DataLoader<string, UserEntity[]>,
  ): Promise<CoordinatorModel[]> {
    return (await loader.load(delegation.id)).map(toCoordinatorModel);
  }
}
