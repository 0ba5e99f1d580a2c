import { Injectable } from '@nestjs/common';
import { In, Not } from 'typeorm';
import { Db } from '@gc/db';
import { SessionAgendaItemEntity, SessionEntity, SessionKind, SessionStatus } from './session.entity';

@Injectable()
export class SessionRepository {
  constructor(private readonly db: Db) {}

  findById(id: string): Promise<SessionEntity | null> {
    return this.db.manager.findOne(SessionEntity, { where: { id } });
  }

  findByIdForShare(id: string): Promise<SessionEntity | null> {
    return this.db.transactional.findOne(SessionEntity, { where: { id }, lock: { mode: 'pessimistic_read' } });
  }

  findByIdForUpdate(id: string): Promise<SessionEntity | null> {
    return this.db.transactional.findOne(SessionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Serializes session scheduling within a council: overlap checks then see every committed session. */
  async lockCouncilSchedule(councilId: string): Promise<void> {
    await this.db.write('SELECT id FROM council WHERE id = $1 FOR UPDATE', [councilId]);
  }

  /** Non-cancelled sessions of the council that intersect [startsAt, endsAt). */
  findOverlapping(councilId: string, startsAt: Date, endsAt: Date): Promise<SessionEntity[]> {
    return this.db.manager
      .createQueryBuilder(SessionEntity, 's')
      .where('s.council_id = :councilId AND s.status <> :cancelled', { councilId, cancelled: SessionStatus.CANCELLED })
      .andWhere('s.starts_at < :endsAt AND :startsAt < s.ends_at', { startsAt, endsAt })
      .getMany();
  }

  async insert(session: Partial<SessionEntity>, agenda: string[]): Promise<SessionEntity> {
    const saved = await this.db.transactional.save(SessionEntity, session);
    if (agenda.length) {
      await this.db.transactional.insert(
        SessionAgendaItemEntity,
        agenda.map((title, i) => ({ sessionId: saved.id, position: i + 1, title })),
      );
    }
    return saved;
  }

  async update(id: string, values: Partial<SessionEntity>): Promise<void> {
    await this.db.transactional.update(SessionEntity, { id }, values);
  }

  page(councilId: string, statuses: SessionStatus[] | undefined, limit: number, offset: number): Promise<[SessionEntity[], number]> {
    return this.db.manager.findAndCount(SessionEntity, {
      where: { councilId, ...(statuses?.length ? { status: In(statuses) } : {}) },
      order: { startsAt: 'DESC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
  }

  agendaOf(sessionIds: readonly string[]): Promise<SessionAgendaItemEntity[]> {
    return this.db.manager.find(SessionAgendaItemEntity, { where: { sessionId: In([...sessionIds]) }, order: { position: 'ASC' } });
  }

  /** Per council: the start of the latest regular session that was held, and whether one is scheduled or running. */
  async regularSchedule(councilIds: readonly string[]): Promise<{ councilId: string; lastHeldStart: Date | null; upcoming: boolean }[]> {
    const rows = await this.db.rows<{ council_id: string; last_held_start: Date | null; upcoming: boolean }>(
      `SELECT c.id AS council_id,
              (SELECT max(coalesce(s.started_at, s.starts_at)) FROM council_session s
                WHERE s.council_id = c.id AND s.kind = $2 AND s.status IN ('IN_PROGRESS', 'ADJOURNED')) AS last_held_start,
              EXISTS (SELECT 1 FROM council_session s
                WHERE s.council_id = c.id AND s.kind = $2 AND s.status IN ('SCHEDULED', 'IN_PROGRESS')) AS upcoming
         FROM council c WHERE c.id = ANY($1)`,
      [[...councilIds], SessionKind.REGULAR],
    );
    return rows.map((r) => ({ councilId: r.council_id, lastHeldStart: r.last_held_start, upcoming: r.upcoming }));
  }

  countActive(councilId: string, exceptId: string): Promise<number> {
    return this.db.manager.count(SessionEntity, { where: { councilId, status: SessionStatus.IN_PROGRESS, id: Not(exceptId) } });
  }
}
