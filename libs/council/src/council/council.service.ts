import { Injectable } from '@nestjs/common';
import { notFound } from '@gc/common';
import { CouncilEntity } from './council.entity';
import { CouncilModel } from './council.model';
import { CouncilRepository } from './council.repository';
import { isRegularSessionOverdue, nextRegularSessionDue } from './regular-schedule';

@Injectable()
export class CouncilService {
  constructor(private readonly councils: CouncilRepository) {}

  /** The named council, or the deployment's primary one when no id is given. */
  async get(councilId?: string | null, field = 'councilId'): Promise<CouncilEntity> {
    const council = councilId ? await this.councils.findById(councilId) : await this.councils.findPrimary();
    if (!council) throw notFound('Council', councilId ? field : undefined);
    return council;
  }

  toModel(council: CouncilEntity, now = new Date()): CouncilModel {
    // Regular sessions arrive with the sessions feature; until one is held the founding date counts.
    const due = nextRegularSessionDue(council.foundedOn, null, council.settings.regularIntervalMonths);
    return {
      id: council.id,
      slug: council.slug,
      name: council.name,
      foundedOn: council.foundedOn,
      settings: { ...council.settings },
      nextRegularSessionDue: due,
      overdue: isRegularSessionOverdue(due, now),
    };
  }
}
