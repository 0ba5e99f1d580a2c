import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { Actor, Allow, CurrentActor, IdPipe, Loader, OwnTransactions, Role } from '@gc/common';
import { MeModel } from '../account/account.model';
import { AllowBeforeSecondFactor, ClientAddress } from '../guards/second-factor.decorator';
import { SecondFactorStatusLoader } from './second-factor-status.loader';
import { ConfirmSecondFactorInput, RemoveSecondFactorInput } from './second-factor.inputs';
import { RecoveryCodesModel, SecondFactorEnrolmentModel, SecondFactorStatusModel } from './second-factor.model';
import { SecondFactorStatusRow } from './second-factor.repository';
import { isSecondFactorRequired } from './second-factor.rules';
import { SecondFactorService } from './second-factor.service';

@Resolver(() => MeModel)
export class SecondFactorResolver {
  constructor(private readonly secondFactors: SecondFactorService) {}

  @Allow('AUTHENTICATED')
  @AllowBeforeSecondFactor()
  @Mutation(() => SecondFactorEnrolmentModel, {
    description:
      'Start setting up an authenticator app (TOTP); confirm with `confirmSecondFactorEnrolment`. Restarting replaces the secret.',
  })
  startSecondFactorEnrolment(@CurrentActor() actor: Actor): Promise<SecondFactorEnrolmentModel> {
    return this.secondFactors.startEnrolment(actor);
  }

  @Allow('AUTHENTICATED')
  @AllowBeforeSecondFactor()
  @Mutation(() => RecoveryCodesModel, {
    description: 'Activate the authenticator app with its current code. Ends your other sessions; returns recovery codes once.',
  })
  async confirmSecondFactorEnrolment(
    @CurrentActor() actor: Actor,
    @Args('input') input: ConfirmSecondFactorInput,
  ): Promise<RecoveryCodesModel> {
    return { recoveryCodes: await this.secondFactors.confirmEnrolment(actor, input.code) };
  }

  @Allow('AUTHENTICATED')
  @OwnTransactions()
  @Mutation(() => Boolean, {
    description:
      'Remove your authenticator app, confirming with your password. Secretariat and coordinators must enrol again to do anything.',
  })
  async removeSecondFactor(
    @CurrentActor() actor: Actor,
    @Args('input') input: RemoveSecondFactorInput,
    @ClientAddress() address: string | undefined,
  ): Promise<boolean> {
    await this.secondFactors.removeOwn(actor, input.password, address);
    return true;
  }

  @Allow(Role.SECRETARIAT)
  @Mutation(() => Boolean, {
    description:
      "Remove the second factor of an account that lost it; ends all that account's sessions so that it signs in and enrols again.",
  })
  async resetSecondFactor(@CurrentActor() actor: Actor, @Args('userId', { type: () => ID }, IdPipe) userId: string): Promise<boolean> {
    await this.secondFactors.reset(actor, userId);
    return true;
  }

  @ResolveField(() => SecondFactorStatusModel)
  async secondFactor(
    @Parent() me: MeModel,
    @Loader(SecondFactorStatusLoader) loader: DataLoader<string, Omit<SecondFactorStatusRow, 'userId'>>,
  ): Promise<SecondFactorStatusModel> {
    const status = await loader.load(me.id);
    return { ...status, required: isSecondFactorRequired(me.role) };
  }
}
