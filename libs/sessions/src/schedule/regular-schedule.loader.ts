import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { LoaderFactory } from '@gc/common';
import { SessionRepository } from '../session/session.repository';

export interface RegularScheduleFacts {
  lastHeldStart: Date | null;
  upcoming: boolean;
}

/** Per council: what the regular schedule is derived from, one query per request. */
@Injectable()
export class RegularScheduleLoader implements LoaderFactory<string, RegularScheduleFacts> {
  constructor(private readonly sessions: SessionRepository) {}

  create(): DataLoader<string, RegularScheduleFacts> {
    return new DataLoader(async (councilIds) => {
      const rows = new Map((await this.sessions.regularSchedule(councilIds)).map((row) => [row.councilId, row]));
      return councilIds.map((id) => rows.get(id) ?? { lastHeldStart: null, upcoming: false });
    });
  }
}
