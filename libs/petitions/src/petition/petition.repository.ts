import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Db } from '@gc/db';
import { SEATED_DELEGATE_SQL } from '@gc/mandates';
import { PetitionEntity, PetitionSignatureEntity, PetitionStatus } from './petition.entity';

export interface PetitionCounts {
  petitionId: string;
  /** Every recorded signature, including those of delegates no longer seated. */
  signatures: number;
  /** V: signatures of delegates seated now. */
  validSignatures: number;
}

export interface ThresholdSnapshot {
  seated: number;
  validSignatures: number;
  signers: string[];
  at: Date;
  conveneDeadline: Date;
}

@Injectable()
export class PetitionRepository {
  constructor(private readonly db: Db) {}

  findById(id: string): Promise<PetitionEntity | null> {
    return this.db.manager.findOne(PetitionEntity, { where: { id } });
  }

  findByIds(ids: readonly string[]): Promise<PetitionEntity[]> {
    return this.db.manager.find(PetitionEntity, { where: { id: In([...ids]) } });
  }

  /** Locks the petition row: every signing, withdrawal and re-check of one petition happens one at a time. */
  lockForUpdate(id: string): Promise<PetitionEntity | null> {
    return this.db.transactional.findOne(PetitionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  insert(values: Partial<PetitionEntity>): Promise<PetitionEntity> {
    return this.db.transactional.save(PetitionEntity, values);
  }

  /** False when the delegate had already signed: the primary key refuses a second row. */
  async addSignature(petitionId: string, delegateId: string): Promise<boolean> {
    const rows = await this.db.write(
      'INSERT INTO petition_signature (petition_id, delegate_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING delegate_id',
      [petitionId, delegateId],
    );
    return rows.length === 1;
  }

  async removeSignature(petitionId: string, delegateId: string): Promise<boolean> {
    const rows = await this.db.write('DELETE FROM petition_signature WHERE petition_id = $1 AND delegate_id = $2 RETURNING delegate_id', [
      petitionId,
      delegateId,
    ]);
    return rows.length === 1;
  }

  async counts(petitionIds: readonly string[]): Promise<PetitionCounts[]> {
    return this.db.rows<PetitionCounts>(
      `SELECT s.petition_id AS "petitionId", count(*)::int AS signatures,
              count(*) FILTER (WHERE ${SEATED_DELEGATE_SQL})::int AS "validSignatures"
         FROM petition_signature s JOIN delegate d ON d.id = s.delegate_id JOIN council c ON c.id = d.council_id
        WHERE s.petition_id = ANY($1)
        GROUP BY s.petition_id`,
      [[...petitionIds]],
    );
  }

  /** S and V now, in one statement: seated delegates of the council, and how many of them signed. */
  async standing(petitionId: string, councilId: string): Promise<{ seated: number; validSignatures: number }> {
    const [row] = await this.db.rows<{ seated: number; validSignatures: number }>(
      `SELECT count(*)::int AS seated, count(s.delegate_id)::int AS "validSignatures"
         FROM delegate d JOIN council c ON c.id = d.council_id
         LEFT JOIN petition_signature s ON s.delegate_id = d.id AND s.petition_id = $1
        WHERE d.council_id = $2 AND ${SEATED_DELEGATE_SQL}`,
      [petitionId, councilId],
    );
    return row;
  }

  /** The currently seated signers, for the snapshot. */
  async validSigners(petitionId: string): Promise<string[]> {
    const rows = await this.db.rows<{ delegate_id: string }>(
      `SELECT s.delegate_id FROM petition_signature s JOIN delegate d ON d.id = s.delegate_id JOIN council c ON c.id = d.council_id
        WHERE s.petition_id = $1 AND ${SEATED_DELEGATE_SQL} ORDER BY s.delegate_id`,
      [petitionId],
    );
    return rows.map((row) => row.delegate_id);
  }

  /**
   * OPEN -> THRESHOLD_MET with its snapshot. The status condition makes it happen at most once, whatever
   * runs concurrently; returns false when the petition was no longer OPEN.
   */
  async markThresholdMet(petitionId: string, snapshot: ThresholdSnapshot): Promise<boolean> {
    const rows = await this.db.write(
      `UPDATE petition SET status = 'THRESHOLD_MET', threshold_met_at = $2, snapshot_seated = $3, snapshot_valid_signatures = $4,
              snapshot_signers = $5, convene_deadline = $6
        WHERE id = $1 AND status = 'OPEN' AND expires_at > $2
        RETURNING id`,
      [petitionId, snapshot.at, snapshot.seated, snapshot.validSignatures, snapshot.signers, snapshot.conveneDeadline],
    );
    return rows.length === 1;
  }

  async markConvened(petitionId: string, sessionId: string, at: Date): Promise<boolean> {
    const rows = await this.db.write(
      `UPDATE petition SET status = 'CONVENED', convened_session_id = $2, convened_at = $3
        WHERE id = $1 AND status = 'THRESHOLD_MET' RETURNING id`,
      [petitionId, sessionId, at],
    );
    return rows.length === 1;
  }

  /** OPEN, unexpired petitions of these councils, in a fixed order so that locking them cannot deadlock. */
  async openIds(councilIds: readonly string[]): Promise<string[]> {
    const rows = await this.db.rows<{ id: string }>(
      `SELECT id FROM petition WHERE council_id = ANY($1) AND status = 'OPEN' AND expires_at > now() ORDER BY id`,
      [[...councilIds]],
    );
    return rows.map((row) => row.id);
  }

  /** Writes EXPIRED on OPEN petitions past their expiry; concurrent sweeps each get distinct rows. */
  async expireDue(): Promise<{ id: string; councilId: string; expiresAt: Date }[]> {
    return this.db.write(
      `UPDATE petition SET status = 'EXPIRED' WHERE status = 'OPEN' AND expires_at <= now()
       RETURNING id, council_id AS "councilId", expires_at AS "expiresAt"`,
    );
  }

  page(councilId: string, statuses: PetitionStatus[] | undefined, limit: number, offset: number): Promise<[PetitionEntity[], number]> {
    const query = this.db.manager.createQueryBuilder(PetitionEntity, 'p').where('p.council_id = :councilId', { councilId });
    if (statuses?.length) {
      // EXPIRED is also derived: an OPEN petition past its expiry is listed as EXPIRED, not as OPEN.
      query.andWhere(`(CASE WHEN p.status = 'OPEN' AND p.expires_at <= now() THEN 'EXPIRED' ELSE p.status::text END) IN (:...statuses)`, {
        statuses,
      });
    }
    return query.orderBy('p.opened_at', 'DESC').addOrderBy('p.id', 'ASC').take(limit).skip(offset).getManyAndCount();
  }

  signaturesOf(petitionIds: readonly string[]): Promise<PetitionSignatureEntity[]> {
    return this.db.manager.find(PetitionSignatureEntity, { where: { petitionId: In([...petitionIds]) }, order: { signedAt: 'ASC' } });
  }
}
