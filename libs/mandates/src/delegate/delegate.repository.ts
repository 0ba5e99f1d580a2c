import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Page } from '@gc/common';
import { Db } from '@gc/db';
import { pagesFrom, PageWindowRow } from '../paging';
import { DelegateEntity } from './delegate.entity';

@Injectable()
export class DelegateRepository {
  constructor(private readonly db: Db) {}

  findById(id: string): Promise<DelegateEntity | null> {
    return this.db.manager.findOne(DelegateEntity, { where: { id } });
  }

  async findByIds(ids: readonly string[]): Promise<DelegateEntity[]> {
    return ids.length ? this.db.manager.find(DelegateEntity, { where: { id: In([...ids]) } }) : [];
  }

  findByUserId(userId: string): Promise<DelegateEntity | null> {
    return this.db.manager.findOne(DelegateEntity, { where: { userId } });
  }

  /** Every delegate's id and name in a delegation, for matching the names written in a CSV file. */
  names(delegationId: string): Promise<Pick<DelegateEntity, 'id' | 'displayName'>[]> {
    return this.db.manager.find(DelegateEntity, { select: { id: true, displayName: true }, where: { delegationId } });
  }

  /**
   * Locks the delegates for the rest of the transaction, always in id order so that two changes touching
   * the same delegates cannot deadlock. Returns the ids that exist.
   */
  async lockForUpdate(ids: readonly string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows = await this.db.write<{ id: string }>('SELECT id FROM delegate WHERE id = ANY($1) ORDER BY id FOR UPDATE', [[...ids]]);
    return rows.map((row) => row.id);
  }

  /** Like lockForUpdate, but passes over delegates another transaction holds: that one settles them itself. */
  async lockSkippingLocked(ids: readonly string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows = await this.db.write<{ id: string }>('SELECT id FROM delegate WHERE id = ANY($1) ORDER BY id FOR UPDATE SKIP LOCKED', [
      [...ids],
    ]);
    return rows.map((row) => row.id);
  }

  /** Inserts unless the delegation already has a delegate of that name; returns null when it has. */
  async insertIfNameFree(
    values: Pick<DelegateEntity, 'councilId' | 'delegationId' | 'displayName' | 'publicAlias'>,
  ): Promise<DelegateEntity | null> {
    const result = await this.db.transactional
      .createQueryBuilder()
      .insert()
      .into(DelegateEntity)
      .values(values)
      .orIgnore()
      .returning('id')
      .execute();
    return result.raw.length ? this.db.transactional.findOneOrFail(DelegateEntity, { where: { id: result.raw[0].id } }) : null;
  }

  async update(id: string, values: Partial<Pick<DelegateEntity, 'accreditedAt' | 'userId'>>): Promise<void> {
    await this.db.transactional.update(DelegateEntity, { id }, values);
  }

  /** One page of delegates per delegation, by name, in two statements whatever the number of delegations. */
  async pagesByDelegation(delegationIds: string[], limit: number, offset: number): Promise<Map<string, Page<DelegateEntity>>> {
    const window = await this.db.rows<PageWindowRow>(
      `SELECT p.parent_id, t.total, d.id
         FROM unnest($1::uuid[]) AS p(parent_id)
         CROSS JOIN LATERAL (SELECT count(*)::int AS total FROM delegate WHERE delegation_id = p.parent_id) t
         LEFT JOIN LATERAL (
           SELECT id, display_name FROM delegate WHERE delegation_id = p.parent_id ORDER BY display_name, id LIMIT $2 OFFSET $3
         ) d ON true
        ORDER BY p.parent_id, d.display_name, d.id`,
      [delegationIds, limit, offset],
    );
    return pagesFrom(window, await this.findByIds(window.flatMap((row) => (row.id ? [row.id] : []))));
  }
}
