import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, Allow, CurrentActor, IdPipe, PageArgs, Role } from '@gc/common';
import { AuthSessionPageModel, toAuthSessionModel } from './auth-session.model';
import { AuthSessionService } from './auth-session.service';

@Resolver()
export class AuthSessionResolver {
  constructor(private readonly authSessions: AuthSessionService) {}

  @Allow('AUTHENTICATED')
  @Query(() => AuthSessionPageModel, { description: 'Your live sessions, newest first.' })
  async myAuthSessions(@CurrentActor() actor: Actor, @Args() page: PageArgs): Promise<AuthSessionPageModel> {
    const sessions = await this.authSessions.listOwn(actor, page.limit, page.offset);
    return { items: sessions.items.map((session) => toAuthSessionModel(session, actor.sessionId)), totalCount: sessions.totalCount };
  }

  @Allow('AUTHENTICATED')
  @Mutation(() => Boolean, { description: 'End one of your sessions: its tokens stop working at once.' })
  async revokeAuthSession(
    @CurrentActor() actor: Actor,
    @Args('sessionId', { type: () => ID }, IdPipe) sessionId: string,
  ): Promise<boolean> {
    await this.authSessions.revokeOwn(actor, sessionId);
    return true;
  }

  @Allow(Role.SECRETARIAT)
  @Mutation(() => Int, {
    description: 'End every session of an account of your council (a lost device, a suspected takeover); returns how many.',
  })
  revokeUserAuthSessions(@CurrentActor() actor: Actor, @Args('userId', { type: () => ID }, IdPipe) userId: string): Promise<number> {
    return this.authSessions.revokeAllOfUser(actor, userId);
  }
}
