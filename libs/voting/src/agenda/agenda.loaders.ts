import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { groupByKey, LoaderFactory } from '@gc/common';
import { AgendaMotion, AgendaRepository } from './agenda.repository';

/** The voting lines of each session's agenda, in agenda order. */
@Injectable()
export class SessionMotionsLoader implements LoaderFactory<string, AgendaMotion[]> {
  constructor(private readonly agenda: AgendaRepository) {}

  create(): DataLoader<string, AgendaMotion[]> {
    return new DataLoader(async (ids) => groupByKey(ids, await this.agenda.motionsOf(ids), (m) => m.sessionId));
  }
}

/** Every agenda line of each resolution or its amendments, in session and agenda order. */
@Injectable()
export class ResolutionMotionsLoader implements LoaderFactory<string, AgendaMotion[]> {
  constructor(private readonly agenda: AgendaRepository) {}

  create(): DataLoader<string, AgendaMotion[]> {
    return new DataLoader(async (ids) => groupByKey(ids, await this.agenda.motionsOfResolutions(ids), (m) => m.resolutionId));
  }
}
