import { Injectable } from '@nestjs/common';
import { Db } from '@gc/db';
import { MandateEntity, MandateStatus } from './mandate.entity';
import { LIVE_ACTIVE_SQL } from './mandate.rules';

export interface NewMandate {
  delegationId: string;
  constituentId: string;
  delegateId: string;
  expiresAt: Date | null;
}

export interface ExpiredMandate {
  id: string;
  delegateId: string;
  councilId: string;
  constituentRef: string;
  expiresAt: Date;
}

@Injectable()
export class MandateRepository {
  constructor(private readonly db: Db) {}

  findById(id: string): Promise<MandateEntity | null> {
    return this.db.manager.findOne(MandateEntity, { where: { id } });
  }

  findByIdForUpdate(id: string): Promise<MandateEntity | null> {
    return this.db.transactional.findOne(MandateEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The constituent's mandate stored as ACTIVE, expired or not: the one the one-ACTIVE index counts. */
  findStoredActive(constituentId: string): Promise<MandateEntity | null> {
    return this.db.manager.findOne(MandateEntity, { where: { constituentId, status: MandateStatus.ACTIVE } });
  }

  /** The live ACTIVE mandate of each constituent that has one. */
  findLiveActive(constituentIds: readonly string[]): Promise<MandateEntity[]> {
    return this.db.manager
      .createQueryBuilder(MandateEntity, 'm')
      .where(`m.constituent_id = ANY(:ids) AND ${LIVE_ACTIVE_SQL}`, { ids: [...constituentIds] })
      .getMany();
  }

  /** Inserts an ACTIVE mandate unless the constituent already has one; returns null when it has. */
  async insertActive(values: NewMandate): Promise<MandateEntity | null> {
    const result = await this.db.transactional
      .createQueryBuilder()
      .insert()
      .into(MandateEntity)
      .values({ ...values, status: MandateStatus.ACTIVE })
      .orIgnore()
      .returning('id')
      .execute();
    return result.raw.length ? this.db.transactional.findOneOrFail(MandateEntity, { where: { id: result.raw[0].id } }) : null;
  }

  /** Inserts ACTIVE mandates in one statement; returns how many went in (fewer when a constituent already had one). */
  async insertActiveMany(rows: readonly NewMandate[]): Promise<number> {
    if (!rows.length) return 0;
    const inserted = await this.db.write(
      `INSERT INTO mandate (delegation_id, constituent_id, delegate_id, status, expires_at)
       SELECT delegation_id, constituent_id, delegate_id, 'ACTIVE', expires_at
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::timestamptz[]) AS r(delegation_id, constituent_id, delegate_id, expires_at)
       ON CONFLICT DO NOTHING
       RETURNING id`,
      [rows.map((r) => r.delegationId), rows.map((r) => r.constituentId), rows.map((r) => r.delegateId), rows.map((r) => r.expiresAt)],
    );
    return inserted.length;
  }

  /** Ends an ACTIVE mandate; returns false when it was not ACTIVE any more. */
  async end(id: string, status: MandateStatus.REVOKED | MandateStatus.SUPERSEDED): Promise<boolean> {
    const ended = await this.db.write(
      `UPDATE mandate SET status = $2, ended_at = now() WHERE id = $1 AND status = 'ACTIVE' AND (expires_at IS NULL OR expires_at > now()) RETURNING id`,
      [id, status],
    );
    return ended.length > 0;
  }

  async linkSuccessor(id: string, successorId: string): Promise<void> {
    await this.db.transactional.update(MandateEntity, { id }, { supersededById: successorId });
  }

  /** Delegates holding mandates whose expiry passed but whose stored status is still ACTIVE. */
  async delegatesWithDueExpiries(limit: number): Promise<string[]> {
    const rows = await this.db.rows<{ delegate_id: string }>(
      `SELECT DISTINCT delegate_id FROM mandate WHERE status = 'ACTIVE' AND expires_at <= now() LIMIT $1`,
      [limit],
    );
    return rows.map((row) => row.delegate_id);
  }

  /** Stores EXPIRED on these delegates' mandates whose expiry has passed; idempotent. */
  async expireDue(delegateIds: readonly string[]): Promise<ExpiredMandate[]> {
    if (!delegateIds.length) return [];
    const rows = await this.db.write<{ id: string; delegate_id: string; council_id: string; ref: string; expires_at: Date }>(
      `UPDATE mandate m SET status = 'EXPIRED', ended_at = m.expires_at
         FROM constituent c, delegate d
        WHERE m.delegate_id = ANY($1) AND m.status = 'ACTIVE' AND m.expires_at <= now()
          AND c.id = m.constituent_id AND d.id = m.delegate_id
        RETURNING m.id, m.delegate_id, d.council_id, c.ref, m.expires_at`,
      [[...delegateIds]],
    );
    return rows
      .map((row) => ({
        id: row.id,
        delegateId: row.delegate_id,
        councilId: row.council_id,
        constituentRef: row.ref,
        expiresAt: row.expires_at,
      }))
      .sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime() || a.id.localeCompare(b.id));
  }
}
