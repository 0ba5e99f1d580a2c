import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, Allow, CurrentActor, OwnTransactions, Public } from '@gc/common';
import { AccountService } from '../account/account.service';
import { ActivateAccountInput, ChangePasswordInput, LoginInput, RefreshSessionInput } from '../account/account.inputs';
import { AuthPayloadModel, MeModel, toMeModel } from '../account/account.model';
import { UserEntity } from '../account/user.entity';
import { unauthenticated } from '../auth.errors';
import { LoginGuard, VerifiedUser } from '../guards/login.guard';
import { AllowBeforeSecondFactor, ClientAddress } from '../guards/second-factor.decorator';
import { VerifySecondFactorInput } from '../two-factor/second-factor.inputs';
import { SecondFactorService } from '../two-factor/second-factor.service';
import { AuthService, IssuedTokens } from './auth.service';
import { LoginResult } from './login-result.model';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly accounts: AccountService,
    private readonly secondFactors: SecondFactorService,
  ) {}

  @Public()
  @OwnTransactions()
  @AllowBeforeSecondFactor()
  @UseGuards(LoginGuard)
  @Mutation(() => LoginResult, {
    description: 'Sign in with email and password: tokens, or a challenge for `verifySecondFactor` when the account has a second factor.',
  })
  async login(
    @Args('input') _input: LoginInput,
    @VerifiedUser() user: UserEntity,
    @ClientAddress() address: string | undefined,
  ): Promise<typeof LoginResult> {
    const step = await this.secondFactors.beginSignIn(user, address);
    return 'challenge' in step ? step.challenge : this.payload(step.tokens, user);
  }

  @Public()
  @OwnTransactions()
  @AllowBeforeSecondFactor()
  @Mutation(() => AuthPayloadModel, {
    description: "Second step of sign-in: the challenge from `login` and the authenticator app's code (or a recovery code).",
  })
  async verifySecondFactor(
    @Args('input') input: VerifySecondFactorInput,
    @ClientAddress() address: string | undefined,
  ): Promise<AuthPayloadModel> {
    const tokens = await this.secondFactors.completeSignIn(input.challengeToken, input, address);
    return this.payload(tokens, await this.accounts.getUser(tokens.userId));
  }

  @Public()
  @OwnTransactions()
  @AllowBeforeSecondFactor()
  @Mutation(() => AuthPayloadModel, { description: 'Trade a refresh token for new tokens.' })
  async refreshSession(@Args('input') input: RefreshSessionInput): Promise<AuthPayloadModel> {
    const tokens = await this.auth.refresh(input.refreshToken);
    return this.payload(tokens, await this.accounts.getUser(tokens.userId));
  }

  @Public()
  @AllowBeforeSecondFactor()
  @Mutation(() => AuthPayloadModel, {
    description:
      'Set the first password with a one-time activation token, and sign in. Secretariat and coordinators must then enrol a second factor.',
  })
  async activateAccount(@Args('input') input: ActivateAccountInput): Promise<AuthPayloadModel> {
    const user = await this.accounts.activate(input);
    return this.payload(await this.auth.startSession(user.id), user);
  }

  @Allow('AUTHENTICATED')
  @OwnTransactions()
  @Mutation(() => Boolean, { description: 'Change your password (the current one is required); ends your other sessions.' })
  async changePassword(
    @CurrentActor() actor: Actor,
    @Args('input') input: ChangePasswordInput,
    @ClientAddress() address: string | undefined,
  ): Promise<boolean> {
    await this.accounts.changePassword(actor, input, address);
    return true;
  }

  @Allow('AUTHENTICATED')
  @AllowBeforeSecondFactor()
  @Mutation(() => Boolean, { description: 'End this session: its access and refresh tokens stop working.' })
  async logout(@CurrentActor() actor: Actor): Promise<boolean> {
    await this.auth.logout(actor);
    return true;
  }

  @Allow('AUTHENTICATED')
  @AllowBeforeSecondFactor()
  @Query(() => MeModel)
  async me(@CurrentActor() actor: Actor): Promise<MeModel> {
    const user = await this.accounts.getUser(actor.userId);
    if (!user) throw unauthenticated();
    return toMeModel(user);
  }

  private payload(tokens: IssuedTokens, user: UserEntity | null): AuthPayloadModel {
    if (!user) throw unauthenticated();
    return { ...tokens, me: toMeModel(user) };
  }
}
