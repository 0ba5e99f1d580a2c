import { Injectable } from '@nestjs/common';
import { Db } from '@gc/db';
import { SecondFactorChallengeEntity, SecondFactorEntity } from './second-factor.entity';

export interface SecondFactorStatusRow {
  userId: string;
  enrolled: boolean;
  recoveryCodesLeft: number;
}

@Injectable()
export class SecondFactorRepository {
  constructor(private readonly db: Db) {}

  find(userId: string): Promise<SecondFactorEntity | null> {
    return this.db.manager.findOne(SecondFactorEntity, { where: { userId } });
  }

  /** Locks the row for the rest of the transaction, so that two confirmations cannot interleave. */
  findForUpdate(userId: string): Promise<SecondFactorEntity | null> {
    return this.db.transactional.findOne(SecondFactorEntity, { where: { userId }, lock: { mode: 'pessimistic_write' } });
  }

  async isConfirmed(userId: string): Promise<boolean> {
    const rows = await this.db.rows('SELECT 1 FROM second_factor WHERE user_id = $1 AND confirmed_at IS NOT NULL', [userId]);
    return rows.length > 0;
  }

  /** Starts or restarts an enrolment with a new sealed secret; refuses (returns false) when a factor is already active. */
  async upsertPending(userId: string, secretCipher: Buffer): Promise<boolean> {
    const rows = await this.db.write(
      `INSERT INTO second_factor AS f (user_id, secret_cipher) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET secret_cipher = EXCLUDED.secret_cipher, created_at = now(), last_used_step = NULL
        WHERE f.confirmed_at IS NULL
       RETURNING f.user_id`,
      [userId, secretCipher],
    );
    return rows.length > 0;
  }

  async confirm(userId: string, timeStep: number): Promise<void> {
    await this.db.write('UPDATE second_factor SET confirmed_at = now(), last_used_step = $2 WHERE user_id = $1 AND confirmed_at IS NULL', [
      userId,
      timeStep,
    ]);
  }

  /**
   * Records that a code of `timeStep` was used, only if no code of this or a later step was used before.
   * One statement, so of two concurrent sign-ins with the same code exactly one gets `true`.
   */
  async advanceStep(userId: string, timeStep: number): Promise<boolean> {
    const rows = await this.db.write(
      `UPDATE second_factor SET last_used_step = $2
        WHERE user_id = $1 AND confirmed_at IS NOT NULL AND (last_used_step IS NULL OR last_used_step < $2)
        RETURNING user_id`,
      [userId, timeStep],
    );
    return rows.length > 0;
  }

  /** Deletes the factor and its recovery codes; false when there was none. */
  async remove(userId: string): Promise<boolean> {
    await this.db.write('DELETE FROM recovery_code WHERE user_id = $1', [userId]);
    const rows = await this.db.write('DELETE FROM second_factor WHERE user_id = $1 RETURNING user_id', [userId]);
    return rows.length > 0;
  }

  async replaceRecoveryCodes(userId: string, codeHashes: string[]): Promise<void> {
    await this.db.write('DELETE FROM recovery_code WHERE user_id = $1', [userId]);
    await this.db.write('INSERT INTO recovery_code (user_id, code_hash) SELECT $1, unnest($2::char(64)[])', [userId, codeHashes]);
  }

  /** Spends a recovery code exactly once, even under concurrent use. */
  async spendRecoveryCode(userId: string, codeHash: string): Promise<boolean> {
    const rows = await this.db.write(
      'UPDATE recovery_code SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id',
      [userId, codeHash],
    );
    return rows.length > 0;
  }

  statuses(userIds: readonly string[]): Promise<SecondFactorStatusRow[]> {
    return this.db.rows<SecondFactorStatusRow>(
      `SELECT f.user_id AS "userId", f.confirmed_at IS NOT NULL AS enrolled,
              (SELECT count(*)::int FROM recovery_code c WHERE c.user_id = f.user_id AND c.used_at IS NULL) AS "recoveryCodesLeft"
         FROM second_factor f WHERE f.user_id = ANY($1::uuid[])`,
      [userIds],
    );
  }

  async createChallenge(userId: string, tokenHash: string, expiresAt: Date): Promise<void> {
    await this.db.transactional.insert(SecondFactorChallengeEntity, { userId, tokenHash, expiresAt, usedAt: null });
  }

  /** A challenge that is neither spent nor expired. */
  async findLiveChallenge(tokenHash: string): Promise<{ id: string; userId: string } | null> {
    const rows = await this.db.rows<{ id: string; userId: string }>(
      'SELECT id, user_id AS "userId" FROM second_factor_challenge WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()',
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  /** Spends a challenge exactly once; false when it was spent, expired or withdrawn meanwhile. */
  async spendChallenge(id: string): Promise<boolean> {
    const rows = await this.db.write(
      'UPDATE second_factor_challenge SET used_at = now() WHERE id = $1 AND used_at IS NULL AND expires_at > now() RETURNING id',
      [id],
    );
    return rows.length > 0;
  }

  /** Withdraws every open challenge of an account: a password-only proof must not outlive a change of credentials. */
  async deleteChallenges(userId: string): Promise<void> {
    await this.db.write('DELETE FROM second_factor_challenge WHERE user_id = $1', [userId]);
  }

  /** Spent and expired challenges, and enrolments never confirmed within a day. */
  async purgeStale(): Promise<number> {
    const challenges = await this.db.write(
      'DELETE FROM second_factor_challenge WHERE used_at IS NOT NULL OR expires_at < now() RETURNING id',
    );
    const pending = await this.db.write(
      `DELETE FROM second_factor WHERE confirmed_at IS NULL AND created_at < now() - interval '1 day' RETURNING user_id`,
    );
    return challenges.length + pending.length;
  }
}
