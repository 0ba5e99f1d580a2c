import { Injectable } from '@nestjs/common';
import { Actor, DomainError, ErrorCode, notFound } from '@gc/common';
import { Db } from '@gc/db';
import { LedgerService } from '@gc/ledger';
import { DelegateService, SeatingService } from '@gc/mandates';
import { SessionEntity, SessionStatus } from '../session/session.entity';
import { sessionNotInProgress } from '../session/session.errors';
import { SessionRepository } from '../session/session.repository';
import { AttendanceRepository } from './attendance.repository';
import { RecordAttendanceInput } from './attendance.inputs';

export interface AttendanceChange {
  sessionId: string;
  delegateId: string;
  present: boolean;
}

@Injectable()
export class AttendanceService {
  constructor(
    private readonly db: Db,
    private readonly attendance: AttendanceRepository,
    private readonly sessions: SessionRepository,
    private readonly delegates: DelegateService,
    private readonly seating: SeatingService,
    private readonly ledger: LedgerService,
  ) {}

  /** A seated delegate marks themself present (or leaves). Repeating the same call changes nothing. */
  async checkIn(actor: Actor, sessionId: string, present: boolean): Promise<AttendanceChange> {
    return this.db.transaction(async () => {
      const delegate = await this.delegates.mine(actor);
      const session = await this.sessionInProgress(sessionId, delegate.councilId);
      if (present && !(await this.seating.isSeatedNow(delegate.id))) throw notSeatedError();
      return this.set(actor, session, delegate.id, present, 'self');
    });
  }

  /** The secretariat records delegates present in the room, or gone from it. */
  async record(actor: Actor, input: RecordAttendanceInput): Promise<AttendanceChange> {
    return this.db.transaction(async () => {
      const session = await this.sessionInProgress(input.sessionId, actor.councilId, 'input.sessionId');
      const delegate = await this.delegates.get(input.delegateId, 'input.delegateId');
      if (delegate.councilId !== session.councilId) throw notFound('Delegate', 'input.delegateId');
      if (input.present && !(await this.seating.isSeatedNow(delegate.id))) throw notSeatedError('input.delegateId');
      return this.set(actor, session, delegate.id, input.present, 'secretariat');
    });
  }

  private async set(actor: Actor, session: SessionEntity, delegateId: string, present: boolean, by: string): Promise<AttendanceChange> {
    if (await this.attendance.setPresence(session.id, delegateId, present)) {
      await this.ledger.append(session.councilId, actor.actorRef, 'ATTENDANCE_RECORDED', {
        sessionId: session.id,
        delegateId,
        present,
        by,
      });
    }
    return { sessionId: session.id, delegateId, present };
  }

  private async sessionInProgress(sessionId: string, councilId: string, field = 'sessionId'): Promise<SessionEntity> {
    // A shared lock: attendance may change concurrently, but not while the session is being adjourned.
    const session = await this.sessions.findByIdForShare(sessionId);
    if (!session || session.councilId !== councilId) throw notFound('Session', field);
    if (session.status !== SessionStatus.IN_PROGRESS) throw sessionNotInProgress();
    return session;
  }
}

const notSeatedError = (field?: string) => new DomainError(ErrorCode.NOT_SEATED, 'Only seated delegates can be present for quorum', field);
