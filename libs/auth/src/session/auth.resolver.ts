import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, Allow, CurrentActor, OwnTransactions, Public } from '@gc/common';
import { AccountService } from '../account/account.service';
import { ActivateAccountInput, LoginInput, RefreshSessionInput } from '../account/account.inputs';
import { AuthPayloadModel, MeModel, toMeModel } from '../account/account.model';
import { UserEntity } from '../account/user.entity';
import { unauthenticated } from '../auth.errors';
import { LoginGuard, VerifiedUser } from '../guards/login.guard';
import { AuthService, IssuedTokens } from './auth.service';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly accounts: AccountService,
  ) {}

  @Public()
  @OwnTransactions()
  @UseGuards(LoginGuard)
  @Mutation(() => AuthPayloadModel, { description: 'Sign in with email and password.' })
  async login(@Args('input') _input: LoginInput, @VerifiedUser() user: UserEntity): Promise<AuthPayloadModel> {
    return this.payload(await this.auth.startSession(user.id), user);
  }

  @Public()
  @OwnTransactions()
  @Mutation(() => AuthPayloadModel, { description: 'Trade a refresh token for new tokens.' })
  async refreshSession(@Args('input') input: RefreshSessionInput): Promise<AuthPayloadModel> {
    const tokens = await this.auth.refresh(input.refreshToken);
    return this.payload(tokens, await this.accounts.getUser(tokens.userId));
  }

  @Public()
  @Mutation(() => AuthPayloadModel, { description: 'Set the first password with a one-time activation token, and sign in.' })
  async activateAccount(@Args('input') input: ActivateAccountInput): Promise<AuthPayloadModel> {
    const user = await this.accounts.activate(input);
    return this.payload(await this.auth.startSession(user.id), user);
  }

  @Allow('AUTHENTICATED')
  @Mutation(() => Boolean, { description: 'End this session: its access and refresh tokens stop working.' })
  async logout(@CurrentActor() actor: Actor): Promise<boolean> {
    await this.auth.logout(actor);
    return true;
  }

  @Allow('AUTHENTICATED')
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
