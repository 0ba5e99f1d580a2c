import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Db } from '@gc/db';
import { AmendmentEntity, AmendmentStatus } from './amendment.entity';

@Injectable()
export class AmendmentRepository {
  constructor(private readonly db: Db) {}

  findById(id: string): Promise<AmendmentEntity | null> {
    return this.db.manager.findOne(AmendmentEntity, { where: { id } });
  }

  findByIds(ids: readonly string[]): Promise<AmendmentEntity[]> {
    return ids.length ? this.db.manager.find(AmendmentEntity, { where: { id: In([...ids]) } }) : Promise.resolve([]);
  }

  lockForUpdate(id: string): Promise<AmendmentEntity | null> {
    return this.db.transactional.findOne(AmendmentEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  insert(values: Partial<AmendmentEntity>): Promise<AmendmentEntity> {
    return this.db.transactional.save(AmendmentEntity, values);
  }

  async update(id: string, values: Partial<AmendmentEntity>): Promise<void> {
    await this.db.transactional.update(AmendmentEntity, { id }, values);
  }

  /** Amendments of the resolution in these states, oldest first. */
  inStates(resolutionId: string, statuses: readonly AmendmentStatus[]): Promise<AmendmentEntity[]> {
    return this.db.manager.find(AmendmentEntity, {
      where: { resolutionId, status: In([...statuses]) },
      order: { proposedAt: 'ASC', id: 'ASC' },
    });
  }

  /** Moves every amendment of the resolution that is in one of `from` to `to`; returns their ids, in id order. */
  async moveAll(resolutionId: string, from: readonly AmendmentStatus[], to: AmendmentStatus, at: Date): Promise<string[]> {
    const rows = await this.db.write<{ id: string }>(
      `UPDATE amendment SET status = $3, decided_at = $4 WHERE resolution_id = $1 AND status = ANY($2::amendment_status[]) RETURNING id`,
      [resolutionId, [...from], to, at],
    );
    return rows.map((row) => row.id).sort();
  }

  ofResolutions(resolutionIds: readonly string[]): Promise<AmendmentEntity[]> {
    return this.db.manager.find(AmendmentEntity, {
      where: { resolutionId: In([...resolutionIds]) },
      order: { proposedAt: 'ASC', id: 'ASC' },
    });
  }
}
