import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Actor, DomainError, ErrorCode } from '@gc/common';
import { APP_CONFIG, AppConfig } from '@gc/config';
import { Db } from '@gc/db';
import { normalizeEmail, randomToken, sha256Hex, timingDummyHash, verifyPassword } from '../account/secrets';
import { UserEntity } from '../account/user.entity';
import { UserRepository } from '../account/user.repository';
import { AuthAuditService } from '../audit/auth-audit.service';
import { AuthEventDetail, AuthEventKind } from '../audit/auth-event.entity';
import { invalidCredentials, invalidToken, tooManyAttempts } from '../auth.errors';
import { LoginThrottleService, NewLocks } from '../throttle/login-throttle.service';
import { owesSecondFactor, SignedInActor } from '../two-factor/second-factor.rules';
import { SessionRepository } from './session.repository';

export interface IssuedTokens {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  userId: string;
  sessionId: string;
}

export interface AccessTokenClaims {
  sub: string;
  sid: string;
}

@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Db,
    private readonly jwt: JwtService,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuthAuditService,
  ) {}

  /**
   * Checks an email and password. Failures say nothing about whether the account exists, cost the same
   * either way, count toward per-account and per-address locks, and are audited (an unknown email only as
   * a keyed hash).
   */
  async verifyCredentials(email: string, password: string, address: string | undefined): Promise<UserEntity> {
    const normalized = normalizeEmail(email);
    const keys = this.throttle.keys(normalized, address);
    const user = await this.users.findByEmail(normalized);
    const subject = user ? { userId: user.id, councilId: user.councilId } : { unknownEmail: normalized };
    try {
      await this.throttle.assertNotLocked(keys);
    } catch (error) {
      await this.audit.record({ kind: AuthEventKind.LOGIN_FAILED, detail: AuthEventDetail.LOCKED, address, ...subject });
      throw error;
    }
    const usable = user !== null && user.passwordHash !== null && user.activatedAt !== null && user.disabledAt === null;
    const matches = await verifyPassword(usable ? user.passwordHash! : await timingDummyHash(), password);
    if (!usable || !matches) {
      const locks = await this.throttle.recordFailure(keys);
      const detail = !user
        ? AuthEventDetail.UNKNOWN_ACCOUNT
        : !usable
          ? AuthEventDetail.ACCOUNT_NOT_USABLE
          : AuthEventDetail.WRONG_PASSWORD;
      await this.audit.record({ kind: AuthEventKind.LOGIN_FAILED, detail, address, ...subject });
      await this.auditLocks(locks, address, subject);
      throw invalidCredentials();
    }
    await this.throttle.recordSuccess(keys);
    return user;
  }

  /**
   * Asks a signed-in user for their current password again before a sensitive change. Wrong answers count
   * toward the same per-account lock as sign-in, so a stolen session cannot guess the password; the caller
   * must not be inside a transaction, or the failure would roll back with it.
   */
  async confirmPassword(user: UserEntity, password: string, address: string | undefined, field: string): Promise<void> {
    const keys = this.throttle.keys(user.email, address);
    await this.throttle.assertNotLocked(keys);
    if (user.passwordHash !== null && (await verifyPassword(user.passwordHash, password))) return;
    const locks = await this.throttle.recordFailure(keys);
    await this.audit.record({ kind: AuthEventKind.PASSWORD_CONFIRMATION_FAILED, userId: user.id, councilId: user.councilId, address });
    await this.auditLocks(locks, address, { userId: user.id, councilId: user.councilId });
    if (locks.account) throw tooManyAttempts();
    throw new DomainError(ErrorCode.INVALID_CREDENTIALS, 'The current password is not correct', field);
  }

  /** Starts a session; `secondFactor` says whether it presented one. */
  startSession(userId: string, options: { secondFactor: boolean } = { secondFactor: false }): Promise<IssuedTokens> {
    return this.db.transaction(async () => {
      const session = await this.sessions.create(userId, options.secondFactor);
      return this.issue(userId, session.id);
    });
  }

  /** Rotates a refresh token. Presenting a spent one revokes its whole session: someone else has it. */
  async refresh(refreshToken: string): Promise<IssuedTokens> {
    const tokenHash = sha256Hex(refreshToken);
    const issued = await this.db.transaction(async () => {
      const sessionId = await this.sessions.spendRefreshToken(tokenHash);
      if (!sessionId) return null;
      const userId = await this.sessions.userOfSession(sessionId);
      await this.sessions.touch(sessionId);
      return this.issue(userId!, sessionId);
    });
    if (issued) return issued;
    const stolenFrom = await this.sessions.sessionOfSpentToken(tokenHash);
    if (stolenFrom) {
      await this.db.transaction(async () => {
        await this.sessions.revoke(stolenFrom, 'refresh token reused');
        await this.audit.record({
          kind: AuthEventKind.SESSION_REVOKED,
          detail: AuthEventDetail.REFRESH_TOKEN_REUSED,
          userId: await this.sessions.userOfSession(stolenFrom),
          sessionId: stolenFrom,
        });
      });
    }
    throw invalidToken('refreshToken');
  }

  logout(actor: Actor): Promise<void> {
    return this.db.transaction(async () => {
      await this.sessions.revoke(actor.sessionId, 'logout');
      await this.audit.record({
        kind: AuthEventKind.SESSION_REVOKED,
        detail: AuthEventDetail.LOGOUT,
        userId: actor.userId,
        councilId: actor.councilId,
        sessionId: actor.sessionId,
      });
    });
  }

  /** The actor behind a verified access token, or null when its session was revoked or the user disabled. */
  async actorFor(claims: AccessTokenClaims): Promise<SignedInActor | null> {
    const principal = await this.sessions.principal(claims.sid, claims.sub);
    if (!principal) return null;
    const { factorEnrolled, sessionSecondFactor, ...actor } = principal;
    return { ...actor, secondFactorOwed: owesSecondFactor({ role: actor.role, factorEnrolled, sessionSecondFactor }) };
  }

  private async auditLocks(
    locks: NewLocks,
    address: string | undefined,
    subject: { userId?: string; councilId?: string; unknownEmail?: string },
  ) {
    if (locks.account) await this.audit.record({ kind: AuthEventKind.LOCKOUT, detail: AuthEventDetail.ACCOUNT, address, ...subject });
    if (locks.address) await this.audit.record({ kind: AuthEventKind.LOCKOUT, detail: AuthEventDetail.ADDRESS, address });
  }

  private async issue(userId: string, sessionId: string): Promise<IssuedTokens> {
    const now = Date.now();
    const refreshToken = randomToken();
    const refreshTokenExpiresAt = new Date(now + this.config.refreshTokenTtlSeconds * 1000);
    await this.sessions.addRefreshToken(sessionId, sha256Hex(refreshToken), refreshTokenExpiresAt);
    const claims: AccessTokenClaims = { sub: userId, sid: sessionId };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.accessTokenTtlSeconds });
    return {
      accessToken,
      accessTokenExpiresAt: new Date(now + this.config.accessTokenTtlSeconds * 1000),
      refreshToken,
      refreshTokenExpiresAt,
      userId,
      sessionId,
    };
  }
}
