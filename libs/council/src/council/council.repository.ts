import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Db } from '@gc/db';
import { CouncilEntity } from './council.entity';

@Injectable()
export class CouncilRepository {
  constructor(private readonly db: Db) {}

  findById(id: string): Promise<CouncilEntity | null> {
    return this.db.manager.findOne(CouncilEntity, { where: { id } });
  }

  findByIds(ids: readonly string[]): Promise<CouncilEntity[]> {
    return this.db.manager.find(CouncilEntity, { where: { id: In([...ids]) } });
  }

  findBySlug(slug: string): Promise<CouncilEntity | null> {
    return this.db.manager.findOne(CouncilEntity, { where: { slug } });
  }

  /** The deployment's first council, which queries use when none is named. */
  findPrimary(): Promise<CouncilEntity | null> {
    return this.db.manager.findOne(CouncilEntity, { where: {}, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Inserts the council unless one with the slug exists; returns the row and whether it is new. */
  async insertIfAbsent(values: Pick<CouncilEntity, 'slug' | 'name' | 'foundedOn'>): Promise<{ council: CouncilEntity; created: boolean }> {
    const manager = this.db.transactional;
    const result = await manager.createQueryBuilder().insert().into(CouncilEntity).values(values).orIgnore().returning('id').execute();
    const council = await manager.findOneOrFail(CouncilEntity, { where: { slug: values.slug } });
    return { council, created: result.raw.length > 0 };
  }
}
