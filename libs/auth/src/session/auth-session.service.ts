import { Injectable } from '@nestjs/common';
import { Actor, forbidden, notFound, Page } from '@gc/common';
import { UserRepository } from '../account/user.repository';
import { AuthAuditService } from '../audit/auth-audit.service';
import { AuthEventDetail, AuthEventKind } from '../audit/auth-event.entity';
import { SecondFactorRepository } from '../two-factor/second-factor.repository';
import { AuthSessionEntity } from './auth-session.entity';
import { SessionRepository } from './session.repository';

/** Why sessions other than the caller's end together. */
export type SessionsEndedBecause =
  | AuthEventDetail.PASSWORD_CHANGED
  | AuthEventDetail.SECOND_FACTOR_ENROLLED
  | AuthEventDetail.SECOND_FACTOR_REMOVED
  | AuthEventDetail.BY_SECRETARIAT;

/** Listing and revoking sign-in sessions. */
@Injectable()
export class AuthSessionService {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly users: UserRepository,
    private readonly factors: SecondFactorRepository,
    private readonly audit: AuthAuditService,
  ) {}

  listOwn(actor: Actor, limit: number, offset: number): Promise<Page<AuthSessionEntity>> {
    return this.sessions.pageLive(actor.userId, limit, offset);
  }

  /** Ends one of the caller's own sessions; another user's session id is NOT_FOUND, so ids reveal nothing. */
  async revokeOwn(actor: Actor, sessionId: string): Promise<void> {
    if (!(await this.sessions.revokeOwned(sessionId, actor.userId, 'revoked by owner'))) throw notFound('The session', 'sessionId');
    await this.audit.record({
      kind: AuthEventKind.SESSION_REVOKED,
      detail: AuthEventDetail.BY_OWNER,
      userId: actor.userId,
      councilId: actor.councilId,
      sessionId,
    });
  }

  /** The secretariat ends every session of an account of its council; returns how many it ended. */
  async revokeAllOfUser(actor: Actor, userId: string): Promise<number> {
    const user = await this.users.findById(userId);
    if (!user) throw notFound('The account', 'userId');
    if (user.councilId !== actor.councilId) throw forbidden('You can only revoke sessions in your own council');
    return (await this.endSessions(userId, null, AuthEventDetail.BY_SECRETARIAT, actor.userId)).length;
  }

  /**
   * Ends every session of an account except `keepSessionId`, and withdraws its open sign-in challenges, so
   * that nothing started with the old credentials outlives a change of them. Must run in a transaction.
   */
  async endSessions(userId: string, keepSessionId: string | null, because: SessionsEndedBecause, actorUserId: string | null = null) {
    const revoked = await this.sessions.revokeAllOf(userId, because.toLowerCase().replace(/_/g, ' '), keepSessionId);
    await this.factors.deleteChallenges(userId);
    for (const sessionId of revoked) {
      await this.audit.record({ kind: AuthEventKind.SESSION_REVOKED, detail: because, userId, actorUserId, sessionId });
    }
    return revoked;
  }
}
