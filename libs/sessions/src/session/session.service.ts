import { Injectable } from '@nestjs/common';
import { Actor, badInput, forbidden, notFound, Page } from '@gc/common';
import { CouncilService } from '@gc/council';
import { Db } from '@gc/db';
import { LedgerService } from '@gc/ledger';
import { SessionEntity, SessionKind, SessionStatus } from './session.entity';
import { noticeTooShort, sessionOverlap, sessionWrongState } from './session.errors';
import { CancelSessionInput, ConveneSessionInput } from './session.inputs';
import { SessionRepository } from './session.repository';
import { canTransition, EARLY_START_MS, earliestStart } from './session.rules';

const LEDGER_KIND = { start: 'SESSION_STARTED', adjourn: 'SESSION_ADJOURNED', cancel: 'SESSION_CANCELLED' } as const;

/** Longest session the secretariat may schedule in one go. */
const MAX_SESSION_MS = 14 * 24 * 3600 * 1000;

export interface ConveneRequest extends ConveneSessionInput {
  kind: SessionKind;
}

@Injectable()
export class SessionService {
  constructor(
    private readonly db: Db,
    private readonly sessions: SessionRepository,
    private readonly councils: CouncilService,
    private readonly ledger: LedgerService,
  ) {}

  async get(id: string, field = 'id'): Promise<SessionEntity> {
    const session = await this.sessions.findById(id);
    if (!session) throw notFound('Session', field);
    return session;
  }

  async page(
    councilId: string | undefined,
    statuses: SessionStatus[] | undefined,
    limit: number,
    offset: number,
  ): Promise<Page<SessionEntity>> {
    const council = await this.councils.get(councilId);
    const [items, totalCount] = await this.sessions.page(council.id, statuses, limit, offset);
    return { items, totalCount };
  }

  /**
   * Convenes a session after checking the notice period and that it overlaps no other session. The council's
   * schedule is locked for the check, so two concurrent convenings cannot both take the same slot.
   * Special sessions come here from a petition whose threshold was met.
   */
  convene(actor: Actor, request: ConveneRequest, extraLedgerFields: Record<string, string> = {}): Promise<SessionEntity> {
    return this.db.transaction(async () => {
      const council = await this.councils.get(request.councilId ?? actor.councilId, 'input.councilId');
      if (council.id !== actor.councilId) throw forbidden('You can only convene sessions of your own council');
      if (request.endsAt.getTime() <= request.startsAt.getTime()) throw badInput('input.endsAt', 'endsAt must be after startsAt');
      if (request.endsAt.getTime() - request.startsAt.getTime() > MAX_SESSION_MS)
        throw badInput('input.endsAt', 'A session may last at most 14 days');
      const now = new Date();
      const earliest = earliestStart(request.kind, now, council.settings);
      if (request.startsAt.getTime() < earliest.getTime()) throw noticeTooShort(earliest);
      await this.sessions.lockCouncilSchedule(council.id);
      if ((await this.sessions.findOverlapping(council.id, request.startsAt, request.endsAt)).length) throw sessionOverlap();
      const agenda = request.agenda.map((item) => item.trim());
      const session = await this.sessions.insert(
        {
          councilId: council.id,
          kind: request.kind,
          status: SessionStatus.SCHEDULED,
          title: request.title.trim(),
          startsAt: request.startsAt,
          endsAt: request.endsAt,
          location: request.location?.trim() ?? null,
          onlineLink: request.onlineLink ?? null,
          convenedAt: now,
        },
        agenda,
      );
      await this.ledger.append(council.id, actor.actorRef, 'SESSION_CONVENED', {
        sessionId: session.id,
        kind: session.kind,
        title: session.title,
        startsAt: session.startsAt.toISOString(),
        endsAt: session.endsAt.toISOString(),
        agendaItems: agenda.length,
        ...extraLedgerFields,
      });
      return session;
    });
  }

  /** Opens a scheduled session, from an hour before its announced start. */
  start(actor: Actor, sessionId: string): Promise<SessionEntity> {
    return this.transition(actor, sessionId, 'start', (session, now) => {
      if (now.getTime() < session.startsAt.getTime() - EARLY_START_MS) {
        throw badInput(
          'sessionId',
          `The session cannot be opened before ${new Date(session.startsAt.getTime() - EARLY_START_MS).toISOString()}`,
        );
      }
      return { status: SessionStatus.IN_PROGRESS, startedAt: now };
    });
  }

  adjourn(actor: Actor, sessionId: string): Promise<SessionEntity> {
    return this.transition(actor, sessionId, 'adjourn', (_, now) => ({ status: SessionStatus.ADJOURNED, adjournedAt: now }));
  }

  cancel(actor: Actor, input: CancelSessionInput): Promise<SessionEntity> {
    return this.transition(actor, input.sessionId, 'cancel', (_, now) => ({
      status: SessionStatus.CANCELLED,
      cancelledAt: now,
      cancelReason: input.reason.trim(),
    }));
  }

  private transition(
    actor: Actor,
    sessionId: string,
    action: 'start' | 'adjourn' | 'cancel',
    change: (session: SessionEntity, now: Date) => Partial<SessionEntity>,
  ): Promise<SessionEntity> {
    return this.db.transaction(async () => {
      const session = await this.sessions.findByIdForUpdate(sessionId);
      if (!session) throw notFound('Session', 'sessionId');
      if (session.councilId !== actor.councilId) throw forbidden('You can only manage sessions of your own council');
      const past = { start: 'started', adjourn: 'adjourned', cancel: 'cancelled' }[action];
      if (!canTransition(session.status, action)) throw sessionWrongState(session.status, past);
      const values = change(session, new Date());
      await this.sessions.update(session.id, values);
      const updated = { ...session, ...values };
      await this.ledger.append(session.councilId, actor.actorRef, LEDGER_KIND[action], {
        sessionId: session.id,
        ...(updated.cancelReason ? { reason: updated.cancelReason } : {}),
      });
      return updated;
    });
  }
}
