import { Injectable } from '@nestjs/common';
import { Db } from '@gc/db';
import { IsNull } from 'typeorm';
import { Role } from '@gc/common';
import { AuthSessionEntity, RefreshTokenEntity } from './auth-session.entity';

export interface SessionPrincipal {
  userId: string;
  sessionId: string;
  actorRef: string;
  role: Role;
  councilId: string;
  delegationId: string | null;
}

@Injectable()
export class SessionRepository {
  constructor(private readonly db: Db) {}

  async create(userId: string): Promise<AuthSessionEntity> {
    return this.db.transactional.save(AuthSessionEntity, { userId, revokedAt: null, revokedReason: null });
  }

  async addRefreshToken(sessionId: string, tokenHash: string, expiresAt: Date): Promise<void> {
    await this.db.transactional.insert(RefreshTokenEntity, { sessionId, tokenHash, expiresAt, usedAt: null });
  }

  /**
   * Spends a refresh token exactly once: of two concurrent refreshes with the same token, one wins.
   * Returns the session it belongs to, or null when it is unknown, spent, expired or revoked.
   */
  async spendRefreshToken(tokenHash: string): Promise<string | null> {
    const rows = await this.db.write<{ session_id: string }>(
      `UPDATE refresh_token t SET used_at = now()
         FROM auth_session s
        WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > now()
          AND s.id = t.session_id AND s.revoked_at IS NULL
        RETURNING t.session_id`,
      [tokenHash],
    );
    return rows[0]?.session_id ?? null;
  }

  /** The session of a refresh token that was already spent, if any: a sign of token theft. */
  async sessionOfSpentToken(tokenHash: string): Promise<string | null> {
    const row = await this.db.manager.findOne(RefreshTokenEntity, { where: { tokenHash } });
    return row && row.usedAt ? row.sessionId : null;
  }

  async revoke(sessionId: string, reason: string): Promise<void> {
    await this.db.transactional.update(
      AuthSessionEntity,
      { id: sessionId, revokedAt: IsNull() },
      { revokedAt: new Date(), revokedReason: reason },
    );
  }

  /** One statement per request: the live session joined to its enabled, activated user. */
  async principal(sessionId: string, userId: string): Promise<SessionPrincipal | null> {
    const rows = await this.db.rows<SessionPrincipal>(
      `SELECT u.id AS "userId", s.id AS "sessionId", u.actor_ref AS "actorRef", u.role, u.council_id AS "councilId",
              u.delegation_id AS "delegationId"
         FROM auth_session s JOIN user_account u ON u.id = s.user_id
        WHERE s.id = $1 AND u.id = $2 AND s.revoked_at IS NULL AND u.disabled_at IS NULL AND u.activated_at IS NOT NULL`,
      [sessionId, userId],
    );
    return rows[0] ?? null;
  }

  async userOfSession(sessionId: string): Promise<string | null> {
    const row = await this.db.manager.findOne(AuthSessionEntity, { where: { id: sessionId } });
    return row?.userId ?? null;
  }
}
