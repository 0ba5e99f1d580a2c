import { Injectable } from '@nestjs/common';
import { Db } from '@gc/db';
import { CommitteeEntity } from './committee.entity';

@Injectable()
export class CommitteeRepository {
  constructor(private readonly db: Db) {}

  findById(id: string): Promise<CommitteeEntity | null> {
    return this.db.manager.findOne(CommitteeEntity, { where: { id } });
  }

  /** Locks the committee row for the rest of the transaction. */
  findByIdForUpdate(id: string): Promise<CommitteeEntity | null> {
    return this.db.transactional.findOne(CommitteeEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  page(councilId: string, limit: number, offset: number): Promise<[CommitteeEntity[], number]> {
    return this.db.manager.findAndCount(CommitteeEntity, {
      where: { councilId },
      order: { name: 'ASC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
  }

  /** Inserts unless the slug or name is taken in the council; returns null when it was. */
  async insertIfAbsent(values: Pick<CommitteeEntity, 'councilId' | 'slug' | 'name' | 'mandate'>): Promise<CommitteeEntity | null> {
    const result = await this.db.transactional
      .createQueryBuilder()
      .insert()
      .into(CommitteeEntity)
      .values(values)
      .orIgnore()
      .returning('*')
      .execute();
    return result.raw.length ? this.db.transactional.findOneOrFail(CommitteeEntity, { where: { id: result.raw[0].id } }) : null;
  }

  async nameTaken(councilId: string, name: string, exceptId: string): Promise<boolean> {
    const count = await this.db.manager
      .createQueryBuilder(CommitteeEntity, 'c')
      .where('c.council_id = :councilId AND c.name = :name AND c.id <> :exceptId', { councilId, name, exceptId })
      .getCount();
    return count > 0;
  }

  async rename(id: string, name: string): Promise<void> {
    await this.db.transactional.update(CommitteeEntity, { id }, { name });
  }
}
