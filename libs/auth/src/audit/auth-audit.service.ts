import { Inject, Injectable } from '@nestjs/common';
import { Actor, deriveSubkey, Page } from '@gc/common';
import { APP_CONFIG, AppConfig } from '@gc/config';
import { Db } from '@gc/db';
import { AuthEventDetail, AuthEventEntity, AuthEventKind } from './auth-event.entity';
import { AuthEventRepository } from './auth-event.repository';
import { dailySalt, pseudonym } from './pseudonym';

export interface AuthEventInput {
  kind: AuthEventKind;
  detail?: AuthEventDetail;
  /** The account concerned, when there is one. */
  userId?: string | null;
  councilId?: string | null;
  /** Who acted, when not the account itself. */
  actorUserId?: string | null;
  sessionId?: string | null;
  /** The caller's address as the server saw it; only its daily keyed hash is stored. */
  address?: string;
  /** The normalized email of a sign-in that named no account; only its daily keyed hash is stored. */
  unknownEmail?: string;
}

/** Writes sign-in security events and reads them for the secretariat. */
@Injectable()
export class AuthAuditService {
  private readonly pseudonymKey: Buffer;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly db: Db,
    private readonly events: AuthEventRepository,
  ) {
    this.pseudonymKey = deriveSubkey(config.dataKey, 'global-council/auth-audit/daily-pseudonym/hmac-sha256/v1');
  }

  /**
   * Records one event in the current transaction, so it stands or falls with the change it describes; outside
   * one (a failed sign-in about to throw), in a transaction of its own, so it is kept.
   */
  record(event: AuthEventInput): Promise<void> {
    const salt = dailySalt(this.pseudonymKey, new Date());
    return this.db.transaction(() =>
      this.events.insert({
        kind: event.kind,
        detail: event.detail ?? null,
        councilId: event.councilId ?? null,
        userId: event.userId ?? null,
        actorUserId: event.actorUserId ?? null,
        sessionId: event.sessionId ?? null,
        addressHash: event.address ? pseudonym(salt, 'address', event.address) : null,
        accountHash: event.unknownEmail ? pseudonym(salt, 'account', event.unknownEmail) : null,
      }),
    );
  }

  list(actor: Actor, userId: string | null, limit: number, offset: number): Promise<Page<AuthEventEntity>> {
    return this.events.page(actor.councilId, userId, limit, offset);
  }
}
