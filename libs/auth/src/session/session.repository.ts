import { Injectable } from '@nestjs/common';
import { Db } from '@gc/db';
import { IsNull } from 'typeorm';
import { Page, Role } from '@gc/common';
import { AuthSessionEntity, RefreshTokenEntity } from './auth-session.entity';

export interface SessionPrincipal {
  userId: string;
  sessionId: string;
  actorRef: string;
  role: Role;
  councilId: string;
  delegationId: string | null;
  /** The account has an active second factor. */
  factorEnrolled: boolean;
  /** This session presented it. */
  sessionSecondFactor: boolean;
}

/** A session is live while it is not revoked and still holds an unspent, unexpired refresh token. */
const LIVE_SESSION = `s.revoked_at IS NULL AND EXISTS (
  SELECT 1 FROM refresh_token t WHERE t.session_id = s.id AND t.used_at IS NULL AND t.expires_at > now())`;

@Injectable()
export class SessionRepository {
  constructor(private readonly db: Db) {}

  async create(userId: string, secondFactor: boolean): Promise<AuthSessionEntity> {
    const now = new Date();
    return this.db.transactional.save(AuthSessionEntity, {
      userId,
      revokedAt: null,
      revokedReason: null,
      secondFactorAt: secondFactor ? now : null,
      lastUsedAt: now,
    });
  }

  async touch(sessionId: string): Promise<void> {
    await this.db.transactional.update(AuthSessionEntity, { id: sessionId }, { lastUsedAt: new Date() });
  }

  /** Marks a session as having presented a second factor (it just confirmed one), or clears that mark. */
  async setSecondFactor(sessionId: string, presented: boolean): Promise<void> {
    await this.db.transactional.update(AuthSessionEntity, { id: sessionId }, { secondFactorAt: presented ? new Date() : null });
  }

  async clearSecondFactorOfUser(userId: string): Promise<void> {
    await this.db.transactional.update(AuthSessionEntity, { userId }, { secondFactorAt: null });
  }

  /** A user's live sessions, newest first. */
  async pageLive(userId: string, limit: number, offset: number): Promise<Page<AuthSessionEntity>> {
    const [items, totalCount] = await this.db.manager
      .createQueryBuilder(AuthSessionEntity, 's')
      .where('s.user_id = :userId', { userId })
      .andWhere(LIVE_SESSION)
      .orderBy('s.created_at', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .take(limit)
      .skip(offset)
      .getManyAndCount();
    return { items, totalCount };
  }

  /** Revokes a user's unrevoked sessions, except one; returns the ids it revoked. */
  async revokeAllOf(userId: string, reason: string, exceptSessionId: string | null): Promise<string[]> {
    const rows = await this.db.write<{ id: string }>(
      `UPDATE auth_session SET revoked_at = now(), revoked_reason = $2
        WHERE user_id = $1 AND revoked_at IS NULL AND ($3::uuid IS NULL OR id <> $3::uuid)
        RETURNING id`,
      [userId, reason, exceptSessionId],
    );
    return rows.map((row) => row.id);
  }

  /** Revokes one of a user's sessions; false when it is not theirs or already revoked. */
  async revokeOwned(sessionId: string, userId: string, reason: string): Promise<boolean> {
    const rows = await this.db.write(
      `UPDATE auth_session SET revoked_at = now(), revoked_reason = $3 WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING id`,
      [sessionId, userId, reason],
    );
    return rows.length > 0;
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
              u.delegation_id AS "delegationId", s.second_factor_at IS NOT NULL AS "sessionSecondFactor",
              EXISTS (SELECT 1 FROM second_factor f WHERE f.user_id = u.id AND f.confirmed_at IS NOT NULL) AS "factorEnrolled"
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
