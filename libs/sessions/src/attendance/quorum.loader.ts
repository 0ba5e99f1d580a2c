import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { LoaderFactory } from '@gc/common';
import { CouncilService } from '@gc/council';
import { SeatingService } from '@gc/mandates';
import { hasQuorum } from '../session/session.rules';
import { AttendanceRepository } from './attendance.repository';
import { QuorumModel } from './attendance.model';

export interface QuorumKey {
  sessionId: string;
  councilId: string;
}

/** Quorum of many sessions in three queries: present per session, seated per council, council settings. */
@Injectable()
export class QuorumLoader implements LoaderFactory<QuorumKey, QuorumModel> {
  constructor(
    private readonly attendance: AttendanceRepository,
    private readonly seating: SeatingService,
    private readonly councils: CouncilService,
  ) {}

  create(): DataLoader<QuorumKey, QuorumModel, string> {
    return new DataLoader(
      async (keys) => {
        const councilIds = [...new Set(keys.map((key) => key.councilId))];
        const [present, seated, councils] = await Promise.all([
          this.attendance.presentCounts(keys.map((key) => key.sessionId)),
          this.seating.seatedCounts(councilIds),
          this.councils.getMany(councilIds),
        ]);
        const settings = new Map(councils.map((council) => [council.id, council.settings]));
        return keys.map((key) => {
          const p = present.get(key.sessionId) ?? 0;
          const s = seated.get(key.councilId) ?? 0;
          const { quorumNumerator, quorumDenominator } = settings.get(key.councilId)!;
          return { present: p, seated: s, hasQuorum: hasQuorum(p, s, quorumNumerator, quorumDenominator) };
        });
      },
      { cacheKeyFn: (key) => key.sessionId },
    );
  }
}
