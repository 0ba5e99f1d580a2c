import { Injectable } from '@nestjs/common';
import { Db } from '@gc/db';
import { In } from 'typeorm';
import { DelegationEntity } from './delegation.entity';

@Injectable()
export class DelegationRepository {
  constructor(private readonly db: Db) {}

  findById(id: string): Promise<DelegationEntity | null> {
    return this.db.manager.findOne(DelegationEntity, { where: { id } });
  }

  findByIds(ids: readonly string[]): Promise<DelegationEntity[]> {
    return this.db.manager.find(DelegationEntity, { where: { id: In([...ids]) } });
  }

  findByCode(councilId: string, countryCode: string): Promise<DelegationEntity | null> {
    return this.db.manager.findOne(DelegationEntity, { where: { councilId, countryCode } });
  }

  page(councilId: string, limit: number, offset: number): Promise<[DelegationEntity[], number]> {
    return this.db.manager.findAndCount(DelegationEntity, {
      where: { councilId },
      order: { countryCode: 'ASC' },
      take: limit,
      skip: offset,
    });
  }

  /** Inserts the delegations the council lacks; returns the codes that were new. */
  async insertMissing(councilId: string, delegations: ReadonlyArray<{ code: string; name: string }>): Promise<string[]> {
    const result = await this.db.transactional
      .createQueryBuilder()
      .insert()
      .into(DelegationEntity)
      .values(delegations.map((d) => ({ councilId, countryCode: d.code, name: d.name })))
      .orIgnore()
      .returning(['countryCode'])
      .execute();
    return (result.raw as { country_code: string }[]).map((row) => row.country_code);
  }
}
