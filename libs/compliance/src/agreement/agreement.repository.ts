import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Db } from '@gc/db';
import { AgreementEntity } from './agreement.entity';

@Injectable()
export class AgreementRepository {
  constructor(private readonly db: Db) {}

  insert(values: Partial<AgreementEntity>): Promise<AgreementEntity> {
    return this.db.transactional.save(AgreementEntity, values);
  }

  findById(id: string): Promise<AgreementEntity | null> {
    return this.db.manager.findOne(AgreementEntity, { where: { id } });
  }

  findByIds(ids: readonly string[]): Promise<AgreementEntity[]> {
    return this.db.manager.find(AgreementEntity, { where: { id: In([...ids]) } });
  }

  page(councilId: string, committeeId: string | undefined, limit: number, offset: number): Promise<[AgreementEntity[], number]> {
    return this.db.manager.findAndCount(AgreementEntity, {
      where: { councilId, ...(committeeId ? { committeeId } : {}) },
      order: { concludedOn: 'DESC', recordedAt: 'DESC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
  }

  /** The committee an agreement goes to when none is named. */
  async committeeIdBySlug(councilId: string, slug: string): Promise<string | null> {
    const [row] = await this.db.rows<{ id: string }>('SELECT id FROM committee WHERE council_id = $1 AND slug = $2', [councilId, slug]);
    return row?.id ?? null;
  }
}
