import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { groupByKey, LoaderFactory } from '@gc/common';
import { SessionAgendaItemEntity } from './session.entity';
import { SessionRepository } from './session.repository';

@Injectable()
export class SessionAgendaLoader implements LoaderFactory<string, SessionAgendaItemEntity[]> {
  constructor(private readonly sessions: SessionRepository) {}

  create(): DataLoader<string, SessionAgendaItemEntity[]> {
    return new DataLoader(async (sessionIds) => groupByKey(sessionIds, await this.sessions.agendaOf(sessionIds), (item) => item.sessionId));
  }
}
