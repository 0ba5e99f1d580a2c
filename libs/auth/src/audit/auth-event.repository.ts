import { Injectable } from '@nestjs/common';
import { Page } from '@gc/common';
import { Db } from '@gc/db';
import { AuthEventDetail, AuthEventEntity, AuthEventKind } from './auth-event.entity';

export interface NewAuthEvent {
  kind: AuthEventKind;
  detail: AuthEventDetail | null;
  councilId: string | null;
  userId: string | null;
  actorUserId: string | null;
  sessionId: string | null;
  addressHash: string | null;
  accountHash: string | null;
}

@Injectable()
export class AuthEventRepository {
  constructor(private readonly db: Db) {}

  /** The council defaults to the account's, so callers that know only the account need not look it up. */
  async insert(event: NewAuthEvent): Promise<void> {
    await this.db.write(
      `INSERT INTO auth_event (kind, detail, council_id, user_id, actor_user_id, session_id, address_hash, account_hash)
       VALUES ($1, $2, COALESCE($3::uuid, (SELECT council_id FROM user_account WHERE id = $4::uuid)), $4, $5, $6, $7, $8)`,
      [event.kind, event.detail, event.councilId, event.userId, event.actorUserId, event.sessionId, event.addressHash, event.accountHash],
    );
  }

  /** Newest first: the council's events, and those that name no account (unknown emails, locked addresses). */
  async page(councilId: string, userId: string | null, limit: number, offset: number): Promise<Page<AuthEventEntity>> {
    const query = this.db.manager
      .createQueryBuilder(AuthEventEntity, 'e')
      .where('(e.council_id = :councilId OR e.council_id IS NULL)', { councilId });
    if (userId) query.andWhere('e.user_id = :userId', { userId });
    const [items, totalCount] = await query.orderBy('e.id', 'DESC').take(limit).skip(offset).getManyAndCount();
    return { items, totalCount };
  }

  async purgeOlderThan(days: number): Promise<number> {
    const rows = await this.db.write<{ n: number }>(
      'WITH gone AS (DELETE FROM auth_event WHERE occurred_at < now() - make_interval(days => $1) RETURNING 1) SELECT count(*)::int AS n FROM gone',
      [days],
    );
    return rows[0].n;
  }
}
