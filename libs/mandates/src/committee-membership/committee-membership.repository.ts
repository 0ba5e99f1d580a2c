import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Page } from '@gc/common';
import { Db } from '@gc/db';
import { DelegateEntity } from '../delegate/delegate.entity';
import { DelegateRepository } from '../delegate/delegate.repository';
import { pagesFrom, PageWindowRow } from '../paging';
import { CommitteeMemberEntity } from './committee-member.entity';

@Injectable()
export class CommitteeMembershipRepository {
  constructor(
    private readonly db: Db,
    private readonly delegates: DelegateRepository,
  ) {}

  /** Adds the member unless already there; returns false when they were. */
  async insertIfAbsent(committeeId: string, delegateId: string): Promise<boolean> {
    const result = await this.db.transactional
      .createQueryBuilder()
      .insert()
      .into(CommitteeMemberEntity)
      .values({ committeeId, delegateId })
      .orIgnore()
      .returning('delegate_id')
      .execute();
    return result.raw.length > 0;
  }

  /** Removes the member; returns the removed row, or null when they were not a member. */
  async delete(committeeId: string, delegateId: string): Promise<CommitteeMemberEntity | null> {
    const rows = await this.db.write<{ chair: boolean }>(
      'DELETE FROM committee_member WHERE committee_id = $1 AND delegate_id = $2 RETURNING chair',
      [committeeId, delegateId],
    );
    return rows.length ? Object.assign(new CommitteeMemberEntity(), { committeeId, delegateId, chair: rows[0].chair }) : null;
  }

  /** Ends every membership of a delegate; returns the committees they sat on. */
  async deleteAllOf(delegateId: string): Promise<{ committeeId: string; chair: boolean }[]> {
    const rows = await this.db.write<{ committee_id: string; chair: boolean }>(
      'DELETE FROM committee_member WHERE delegate_id = $1 RETURNING committee_id, chair',
      [delegateId],
    );
    return rows
      .map((row) => ({ committeeId: row.committee_id, chair: row.chair }))
      .sort((a, b) => a.committeeId.localeCompare(b.committeeId));
  }

  findChair(committeeId: string): Promise<CommitteeMemberEntity | null> {
    return this.db.manager.findOne(CommitteeMemberEntity, { where: { committeeId, chair: true } });
  }

  /** Names a member chair, clearing the previous chair first (the one-chair index checks each row). Returns false for a non-member. */
  async setChair(committeeId: string, delegateId: string): Promise<boolean> {
    await this.db.write('UPDATE committee_member SET chair = false WHERE committee_id = $1 AND chair AND delegate_id <> $2', [
      committeeId,
      delegateId,
    ]);
    const named = await this.db.write(
      'UPDATE committee_member SET chair = true WHERE committee_id = $1 AND delegate_id = $2 RETURNING delegate_id',
      [committeeId, delegateId],
    );
    return named.length > 0;
  }

  /** One page of members per committee, by name. */
  async pagesByCommittee(committeeIds: string[], limit: number, offset: number): Promise<Map<string, Page<DelegateEntity>>> {
    const window = await this.db.rows<PageWindowRow>(
      `SELECT p.parent_id, t.total, m.id
         FROM unnest($1::uuid[]) AS p(parent_id)
         CROSS JOIN LATERAL (SELECT count(*)::int AS total FROM committee_member WHERE committee_id = p.parent_id) t
         LEFT JOIN LATERAL (
           SELECT d.id, d.display_name FROM committee_member cm JOIN delegate d ON d.id = cm.delegate_id
            WHERE cm.committee_id = p.parent_id ORDER BY d.display_name, d.id LIMIT $2 OFFSET $3
         ) m ON true
        ORDER BY p.parent_id, m.display_name, m.id`,
      [committeeIds, limit, offset],
    );
    return pagesFrom(window, await this.delegates.findByIds(window.flatMap((row) => (row.id ? [row.id] : []))));
  }

  /** The chair of each committee that has one, as a delegate. */
  async chairs(committeeIds: readonly string[]): Promise<{ committeeId: string; delegate: DelegateEntity }[]> {
    const members = await this.db.manager.find(CommitteeMemberEntity, {
      where: { committeeId: In([...committeeIds]), chair: true },
      relations: { delegate: true },
    });
    return members.map((member) => ({ committeeId: member.committeeId, delegate: member.delegate! }));
  }
}
