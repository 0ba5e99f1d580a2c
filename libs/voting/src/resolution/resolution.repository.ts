import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Db } from '@gc/db';
import { SEATED_DELEGATE_SQL } from '@gc/mandates';
import { ResolutionEntity, ResolutionSponsorEntity, ResolutionStatus, ResolutionVersionEntity } from './resolution.entity';

@Injectable()
export class ResolutionRepository {
  constructor(private readonly db: Db) {}

  findById(id: string): Promise<ResolutionEntity | null> {
    return this.db.manager.findOne(ResolutionEntity, { where: { id } });
  }

  findByIds(ids: readonly string[]): Promise<ResolutionEntity[]> {
    return ids.length ? this.db.manager.find(ResolutionEntity, { where: { id: In([...ids]) } }) : Promise.resolve([]);
  }

  /** Locks the resolution for the rest of the transaction: every change of one resolution takes its turn. */
  lockForUpdate(id: string): Promise<ResolutionEntity | null> {
    return this.db.transactional.findOne(ResolutionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  findByNumber(councilId: string, year: number, seq: number): Promise<ResolutionEntity | null> {
    return this.db.manager.findOne(ResolutionEntity, { where: { councilId, numberYear: year, numberSeq: seq } });
  }

  /** Inserts the draft with its first text version, and its drafter as first sponsor when it is a delegates' draft. */
  async insertDraft(values: Partial<ResolutionEntity>, text: string): Promise<ResolutionEntity> {
    const saved = await this.db.transactional.save(ResolutionEntity, values);
    await this.db.transactional.insert(ResolutionVersionEntity, { resolutionId: saved.id, version: 1, text, amendmentId: null });
    if (!saved.committeeId) await this.addSponsor(saved.id, saved.draftedByDelegateId);
    return saved;
  }

  async update(id: string, values: Partial<ResolutionEntity>): Promise<void> {
    await this.db.transactional.update(ResolutionEntity, { id }, values);
  }

  /** False when the delegate already sponsors it: the primary key refuses a second row. */
  async addSponsor(resolutionId: string, delegateId: string): Promise<boolean> {
    const rows = await this.db.write(
      'INSERT INTO resolution_sponsor (resolution_id, delegate_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING delegate_id',
      [resolutionId, delegateId],
    );
    return rows.length === 1;
  }

  /** Sponsors who are seated now: the count the minSponsors rule looks at. */
  async seatedSponsorCount(resolutionId: string): Promise<number> {
    const [row] = await this.db.rows<{ n: number }>(
      `SELECT count(*)::int AS n
         FROM resolution_sponsor s JOIN delegate d ON d.id = s.delegate_id JOIN council c ON c.id = d.council_id
        WHERE s.resolution_id = $1 AND ${SEATED_DELEGATE_SQL}`,
      [resolutionId],
    );
    return row.n;
  }

  sponsorsOf(resolutionIds: readonly string[]): Promise<ResolutionSponsorEntity[]> {
    return this.db.manager.find(ResolutionSponsorEntity, {
      where: { resolutionId: In([...resolutionIds]) },
      order: { sponsoredAt: 'ASC', delegateId: 'ASC' },
    });
  }

  versionsOf(resolutionIds: readonly string[]): Promise<ResolutionVersionEntity[]> {
    return this.db.manager.find(ResolutionVersionEntity, { where: { resolutionId: In([...resolutionIds]) }, order: { version: 'ASC' } });
  }

  /** The latest text version of each resolution, in one statement. */
  latestVersions(resolutionIds: readonly string[]): Promise<ResolutionVersionEntity[]> {
    return this.db.manager
      .createQueryBuilder(ResolutionVersionEntity, 'v')
      .distinctOn(['v.resolution_id'])
      .where('v.resolution_id IN (:...ids)', { ids: [...resolutionIds] })
      .orderBy('v.resolution_id')
      .addOrderBy('v.version', 'DESC')
      .getMany();
  }

  async latestVersion(resolutionId: string): Promise<ResolutionVersionEntity> {
    const [latest] = await this.latestVersions([resolutionId]);
    return latest;
  }

  /** Adds the next text version; the caller holds the resolution's lock, so versions never collide. */
  async addVersion(resolutionId: string, text: string, amendmentId: string): Promise<number> {
    const [row] = await this.db.write<{ version: number }>(
      `INSERT INTO resolution_version (resolution_id, version, text, amendment_id)
       SELECT $1, coalesce(max(version), 0) + 1, $2, $3 FROM resolution_version WHERE resolution_id = $1
       RETURNING version`,
      [resolutionId, text, amendmentId],
    );
    return row.version;
  }

  /**
   * The next number of the council's year. The counter row stays locked until the closing transaction ends:
   * concurrent adoptions take turns, and a rollback gives the number back, so the sequence has no gaps.
   */
  async nextNumber(councilId: string, year: number): Promise<number> {
    const [row] = await this.db.write<{ last_seq: number }>(
      `INSERT INTO resolution_number_counter AS c (council_id, year, last_seq) VALUES ($1, $2, 1)
       ON CONFLICT (council_id, year) DO UPDATE SET last_seq = c.last_seq + 1
       RETURNING last_seq`,
      [councilId, year],
    );
    return row.last_seq;
  }

  /** Whether the delegate chairs the committee now. */
  async isCommitteeChair(committeeId: string, delegateId: string): Promise<boolean> {
    const rows = await this.db.rows('SELECT 1 FROM committee_member WHERE committee_id = $1 AND delegate_id = $2 AND chair', [
      committeeId,
      delegateId,
    ]);
    return rows.length === 1;
  }

  /** Newest first; `includeDrafts` false hides drafts, which only signed-in users may read. */
  page(
    councilId: string,
    statuses: ResolutionStatus[] | undefined,
    includeDrafts: boolean,
    limit: number,
    offset: number,
  ): Promise<[ResolutionEntity[], number]> {
    const query = this.db.manager.createQueryBuilder(ResolutionEntity, 'r').where('r.council_id = :councilId', { councilId });
    if (statuses?.length) query.andWhere('r.status IN (:...statuses)', { statuses });
    if (!includeDrafts) query.andWhere('r.status <> :draft AND r.submitted_at IS NOT NULL', { draft: ResolutionStatus.DRAFT });
    return query.orderBy('r.drafted_at', 'DESC').addOrderBy('r.id', 'ASC').take(limit).skip(offset).getManyAndCount();
  }
}
