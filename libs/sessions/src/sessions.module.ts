import { Module } from '@nestjs/common';
import { CouncilModule } from '@gc/council';
import { LedgerModule } from '@gc/ledger';
import { RegularScheduleLoader } from './schedule/regular-schedule.loader';
import { RegularScheduleResolver } from './schedule/regular-schedule.resolver';
import { SessionAgendaLoader } from './session/session-agenda.loader';
import { SessionRepository } from './session/session.repository';
import { SessionResolver } from './session/session.resolver';
import { SessionService } from './session/session.service';

@Module({
  imports: [CouncilModule, LedgerModule],
  providers: [SessionRepository, SessionService, SessionResolver, SessionAgendaLoader, RegularScheduleLoader, RegularScheduleResolver],
  exports: [SessionService, SessionRepository],
})
export class SessionsModule {}
