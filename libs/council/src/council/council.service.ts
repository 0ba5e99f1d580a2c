import { Injectable } from '@nestjs/common';
import { notFound } from '@gc/common';
import { CouncilEntity } from './council.entity';
import { CouncilModel } from './council.model';
import { CouncilRepository } from './council.repository';

@Injectable()
export class CouncilService {
  constructor(private readonly councils: CouncilRepository) {}

  /** The named council, or the deployment's primary one when no id is given. */
  async get(councilId?: string | null, field = 'councilId'): Promise<CouncilEntity> {
    const council = councilId ? await this.councils.findById(councilId) : await this.councils.findPrimary();
    if (!council) throw notFound('Council', councilId ? field : undefined);
    return council;
  }

  getMany(ids: readonly string[]): Promise<CouncilEntity[]> {
    return this.councils.findByIds(ids);
  }

  toModel(council: CouncilEntity): CouncilModel {
    return {
      id: council.id,
      slug: council.slug,
      name: council.name,
      foundedOn: council.foundedOn,
      settings: { ...council.settings },
    };
  }
}
