import { Injectable } from '@nestjs/common';
import { Db } from '@gc/db';
import { LedgerCheckpointEntity } from './ledger-checkpoint.entity';

@Injectable()
export class LedgerCheckpointRepository {
  constructor(private readonly db: Db) {}

  latest(councilId: string): Promise<LedgerCheckpointEntity | null> {
    return this.db.manager.findOne(LedgerCheckpointEntity, { where: { councilId }, order: { treeSize: 'DESC' } });
  }

  atSize(councilId: string, treeSize: number): Promise<LedgerCheckpointEntity | null> {
    return this.db.manager.findOne(LedgerCheckpointEntity, { where: { councilId, treeSize: String(treeSize) } });
  }

  /** Newest first. */
  page(councilId: string, limit: number, offset: number): Promise<[LedgerCheckpointEntity[], number]> {
    return this.db.manager.findAndCount(LedgerCheckpointEntity, {
      where: { councilId },
      order: { treeSize: 'DESC' },
      take: limit,
      skip: offset,
    });
  }

  /** Inserts unless a checkpoint of that size exists (another instance signed it first); either way it exists afterwards. */
  async insertIfAbsent(checkpoint: Omit<LedgerCheckpointEntity, 'createdAt'>): Promise<void> {
    await this.db.transactional.createQueryBuilder().insert().into(LedgerCheckpointEntity).values(checkpoint).orIgnore().execute();
  }
}
