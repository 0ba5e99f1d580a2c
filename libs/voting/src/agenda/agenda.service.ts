import { Injectable } from '@nestjs/common';
import { Actor, DomainError, ErrorCode, notFound } from '@gc/common';
import { Db } from '@gc/db';
import { LedgerService } from '@gc/ledger';
import { SessionStatus } from '@gc/sessions';
import { AmendmentStatus } from '../resolution/amendment.entity';
import { AmendmentRepository } from '../resolution/amendment.repository';
import { ResolutionStatus } from '../resolution/resolution.entity';
import { amendmentWrongState, resolutionWrongState } from '../resolution/resolution.errors';
import { ResolutionRepository } from '../resolution/resolution.repository';
import { AMENDABLE, AMENDMENT_PLACEABLE, PLACEABLE } from '../resolution/resolution.rules';
import { PlaceAmendmentInput, PlaceResolutionInput } from './agenda.inputs';
import { AgendaMotion, AgendaRepository, LockedSession } from './agenda.repository';

const PLACEABLE_SESSIONS = [SessionStatus.SCHEDULED, SessionStatus.IN_PROGRESS];

const alreadyPlaced = (field: string) => new DomainError(ErrorCode.ALREADY_EXISTS, 'It is already on this session’s agenda', field);

/**
 * The secretariat puts resolutions and amendments on a session's agenda. Each becomes the next line of the
 * session's one ordered agenda (`session_agenda_item`), linked to what it puts to the vote. Locks: the
 * session, then the resolution, then the amendment, the order every voting change takes.
 */
@Injectable()
export class AgendaService {
  constructor(
    private readonly db: Db,
    private readonly agenda: AgendaRepository,
    private readonly resolutions: ResolutionRepository,
    private readonly amendments: AmendmentRepository,
    private readonly ledger: LedgerService,
  ) {}

  placeResolution(actor: Actor, input: PlaceResolutionInput): Promise<AgendaMotion> {
    return this.db.transaction(async () => {
      const session = await this.lockSession(actor, input.sessionId);
      const resolution = await this.resolutions.lockForUpdate(input.resolutionId);
      if (!resolution || resolution.councilId !== session.councilId) throw notFound('Resolution', 'input.resolutionId');
      if (!PLACEABLE.includes(resolution.status))
        throw resolutionWrongState(resolution.status, 'placed on an agenda', 'input.resolutionId');
      if (await this.agenda.isPlaced(session.id, resolution.id, null)) throw alreadyPlaced('input.resolutionId');
      const motion = await this.agenda.append(session.id, resolution.title, resolution.id, null);
      if (resolution.status === ResolutionStatus.SUBMITTED)
        await this.resolutions.update(resolution.id, { status: ResolutionStatus.ON_AGENDA });
      await this.recordPlaced(actor, session, motion);
      return motion;
    });
  }

  placeAmendment(actor: Actor, input: PlaceAmendmentInput): Promise<AgendaMotion> {
    return this.db.transaction(async () => {
      const session = await this.lockSession(actor, input.sessionId);
      const found = await this.amendments.findById(input.amendmentId);
      if (!found || found.councilId !== session.councilId) throw notFound('Amendment', 'input.amendmentId');
      const resolution = (await this.resolutions.lockForUpdate(found.resolutionId))!;
      const amendment = (await this.amendments.lockForUpdate(found.id))!;
      if (!AMENDABLE.includes(resolution.status)) throw resolutionWrongState(resolution.status, 'amended any more', 'input.amendmentId');
      if (!AMENDMENT_PLACEABLE.includes(amendment.status))
        throw amendmentWrongState(amendment.status, 'placed on an agenda', 'input.amendmentId');
      if (await this.agenda.isPlaced(session.id, resolution.id, amendment.id)) throw alreadyPlaced('input.amendmentId');
      const motion = await this.agenda.append(session.id, `Amendment to: ${resolution.title}`, resolution.id, amendment.id);
      if (amendment.status === AmendmentStatus.SUBMITTED) await this.amendments.update(amendment.id, { status: AmendmentStatus.ON_AGENDA });
      await this.recordPlaced(actor, session, motion);
      return motion;
    });
  }

  async motion(agendaItemId: string, field = 'agendaItemId'): Promise<AgendaMotion> {
    const motion = await this.agenda.findMotion(agendaItemId);
    if (!motion) throw notFound('Agenda item', field);
    return motion;
  }

  private async lockSession(actor: Actor, sessionId: string): Promise<LockedSession> {
    const session = await this.agenda.lockSession(sessionId, 'update');
    if (!session || session.councilId !== actor.councilId) throw notFound('Session', 'input.sessionId');
    if (!PLACEABLE_SESSIONS.includes(session.status)) {
      throw new DomainError(
        ErrorCode.SESSION_WRONG_STATE,
        `Items can be added only to a SCHEDULED or IN_PROGRESS session, not a ${session.status} one`,
        'input.sessionId',
      );
    }
    return session;
  }

  private recordPlaced(actor: Actor, session: LockedSession, motion: AgendaMotion): Promise<void> {
    return this.ledger.append(session.councilId, actor.actorRef, 'AGENDA_MOTION_PLACED', {
      sessionId: session.id,
      agendaItemId: motion.agendaItemId,
      position: motion.position,
      resolutionId: motion.resolutionId,
      amendmentId: motion.amendmentId,
    });
  }
}
