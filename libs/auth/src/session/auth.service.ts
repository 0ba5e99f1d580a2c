import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Actor } from '@gc/common';
import { APP_CONFIG, AppConfig } from '@gc/config';
import { Db } from '@gc/db';
import { normalizeEmail, randomToken, sha256Hex, timingDummyHash, verifyPassword } from '../account/secrets';
import { UserEntity } from '../account/user.entity';
import { UserRepository } from '../account/user.repository';
import { invalidCredentials, invalidToken } from '../auth.errors';
import { LoginThrottleService } from '../throttle/login-throttle.service';
import { SessionRepository } from './session.repository';

export interface IssuedTokens {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  userId: string;
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
  ) {}

  /**
   * Checks an email and password. Failures say nothing about whether the account exists, cost the same
   * either way, and count toward per-account and per-address locks.
   */
  async verifyCredentials(email: string, password: string, address: string | undefined): Promise<UserEntity> {
    const normalized = normalizeEmail(email);
    const keys = this.throttle.keys(normalized, address);
    await this.throttle.assertNotLocked(keys);
    const user = await this.users.findByEmail(normalized);
    const usable = user !== null && user.passwordHash !== null && user.activatedAt !== null && user.disabledAt === null;
    const matches = await verifyPassword(usable ? user.passwordHash! : await timingDummyHash(), password);
    if (!usable || !matches) {
      await this.throttle.recordFailure(keys);
      throw invalidCredentials();
    }
    await this.throttle.recordSuccess(keys);
    return user;
  }

  startSession(userId: string): Promise<IssuedTokens> {
    return this.db.transaction(async () => {
      const session = await this.sessions.create(userId);
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
      return this.issue(userId!, sessionId);
    });
    if (issued) return issued;
    const stolenFrom = await this.sessions.sessionOfSpentToken(tokenHash);
    if (stolenFrom) await this.db.transaction(() => this.sessions.revoke(stolenFrom, 'refresh token reused'));
    throw invalidToken('refreshToken');
  }

  logout(actor: Actor): Promise<void> {
    return this.db.transaction(() => this.sessions.revoke(actor.sessionId, 'logout'));
  }

  /** The actor behind a verified access token, or null when its session was revoked or the user disabled. */
  async actorFor(claims: AccessTokenClaims): Promise<Actor | null> {
    return this.sessions.principal(claims.sid, claims.sub);
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
    };
  }
}
