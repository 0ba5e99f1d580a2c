import { Injectable } from '@nestjs/common';
import { Db } from '@gc/db';
import { SessionStatus } from '@gc/sessions';

/** An agenda line that puts a resolution or an amendment to the vote. */
export interface AgendaMotion {
  agendaItemId: string;
  sessionId: string;
  position: number;
  title: string;
  resolutionId: string;
  amendmentId: string | null;
}

export interface LockedSession {
  id: string;
  councilId: string;
  status: SessionStatus;
}

const MOTION_COLUMNS = `m.agenda_item_id AS "agendaItemId", m.session_id AS "sessionId", i.position, i.title,
  m.resolution_id AS "resolutionId", m.amendment_id AS "amendmentId"`;

@Injectable()
export class AgendaRepository {
  constructor(private readonly db: Db) {}

  /**
   * Locks the session row: FOR UPDATE while its agenda grows (positions are taken one at a time), FOR SHARE
   * while a vote opens in it (so it cannot be adjourned half-way).
   */
  async lockSession(sessionId: string, mode: 'update' | 'share'): Promise<LockedSession | null> {
    const rows = await this.db.write<LockedSession>(
      `SELECT id, council_id AS "councilId", status FROM council_session WHERE id = $1 FOR ${mode === 'update' ? 'UPDATE' : 'SHARE'}`,
      [sessionId],
    );
    return rows[0] ?? null;
  }

  /** Appends a line to the session's agenda and links it to the motion; the caller holds the session lock. */
  async append(sessionId: string, title: string, resolutionId: string, amendmentId: string | null): Promise<AgendaMotion> {
    const [item] = await this.db.write<{ id: string; position: number }>(
      `INSERT INTO session_agenda_item (session_id, position, title)
       SELECT $1, coalesce(max(position), 0) + 1, $2 FROM session_agenda_item WHERE session_id = $1
       RETURNING id, position`,
      [sessionId, title],
    );
    await this.db.write('INSERT INTO agenda_motion (agenda_item_id, session_id, resolution_id, amendment_id) VALUES ($1, $2, $3, $4)', [
      item.id,
      sessionId,
      resolutionId,
      amendmentId,
    ]);
    return { agendaItemId: item.id, sessionId, position: item.position, title, resolutionId, amendmentId };
  }

  async isPlaced(sessionId: string, resolutionId: string, amendmentId: string | null): Promise<boolean> {
    const rows = await this.db.rows(
      `SELECT 1 FROM agenda_motion WHERE session_id = $1 AND resolution_id = $2 AND amendment_id IS NOT DISTINCT FROM $3`,
      [sessionId, resolutionId, amendmentId],
    );
    return rows.length > 0;
  }

  async findMotion(agendaItemId: string): Promise<AgendaMotion | null> {
    const rows = await this.db.rows<AgendaMotion>(
      `SELECT ${MOTION_COLUMNS} FROM agenda_motion m JOIN session_agenda_item i ON i.id = m.agenda_item_id WHERE m.agenda_item_id = $1`,
      [agendaItemId],
    );
    return rows[0] ?? null;
  }

  /** The motions on these sessions' agendas, in agenda order. */
  motionsOf(sessionIds: readonly string[]): Promise<AgendaMotion[]> {
    return this.db.rows<AgendaMotion>(
      `SELECT ${MOTION_COLUMNS} FROM agenda_motion m JOIN session_agenda_item i ON i.id = m.agenda_item_id
        WHERE m.session_id = ANY($1) ORDER BY m.session_id, i.position`,
      [[...sessionIds]],
    );
  }

  /** Every agenda line of these resolutions (and their amendments), in session and agenda order. */
  motionsOfResolutions(resolutionIds: readonly string[]): Promise<AgendaMotion[]> {
    return this.db.rows<AgendaMotion>(
      `SELECT ${MOTION_COLUMNS} FROM agenda_motion m JOIN session_agenda_item i ON i.id = m.agenda_item_id
        WHERE m.resolution_id = ANY($1) ORDER BY m.session_id, i.position`,
      [[...resolutionIds]],
    );
  }
}
