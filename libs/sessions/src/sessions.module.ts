import { Module } from '@nestjs/common';
import { CouncilModule } from '@gc/council';
import { LedgerModule } from '@gc/ledger';
import { MandatesModule } from '@gc/mandates';
import { AttendanceRepository } from './attendance/attendance.repository';
import { AttendanceResolver } from './attendance/attendance.resolver';
import { AttendanceService } from './attendance/attendance.service';
import { QuorumLoader } from './attendance/quorum.loader';
import { RegularScheduleLoader } from './schedule/regular-schedule.loader';
import { RegularScheduleResolver } from './schedule/regular-schedule.resolver';
import { SessionAgendaLoader } from './session/session-agenda.loader';
import { SessionRepository } from './session/session.repository';
import { SessionResolver } from './session/session.resolver';
import { SessionService } from './session/session.service';

@Module({
  imports: [CouncilModule, LedgerModule, MandatesModule],
  providers: [
    AttendanceRepository,
    AttendanceService,
    AttendanceResolver,
    QuorumLoader,
    SessionRepository,
    SessionService,
    SessionResolver,
    SessionAgendaLoader,
    RegularScheduleLoader,
    RegularScheduleResolver,
  ],
  exports: [SessionService, AttendanceRepository],
})
export class SessionsModule {}
