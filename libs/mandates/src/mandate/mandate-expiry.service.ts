import { Injectable } from '@nestjs/common';
import { Db } from '@gc/db';
import { LedgerService, SYSTEM_ACTOR } from '@gc/ledger';
import { DelegateRepository } from '../delegate/delegate.repository';
import { SeatChangeReason } from '../seating/seat-history.entity';
import { SeatingService } from '../seating/seating.service';
import { ExpiredMandate, MandateRepository } from './mandate.repository';

/** Delegates a single sweep transaction takes on; the next sweep picks up the rest. */
export const SWEEP_BATCH = 500;

@Injectable()
export class MandateExpiryService {
  constructor(
    private readonly db: Db,
    private readonly delegates: DelegateRepository,
    private readonly mandates: MandateRepository,
    private readonly seating: SeatingService,
    private readonly ledger: LedgerService,
  ) {}

  /**
   * Locks the delegates a change is about to touch and first records the expiries already due on them, so
   * that the change starts from the true state and seat history stays in order. Call inside the change's
   * transaction, before its writes.
   */
  async settle(delegateIds: readonly string[]): Promise<void> {
    const locked = await this.delegates.lockForUpdate([...new Set(delegateIds)]);
    await this.expire(locked);
  }

  /**
   * Records due expiries as EXPIRED, re-derives the seats they change, and appends the ledger entries.
   * Safe with several servers sweeping at once: each takes only delegates no one else holds, and a
   * mandate already stored as EXPIRED is never expired again. Returns how many mandates it expired.
   */
  sweep(): Promise<number> {
    return this.db.transaction(async () => {
      const due = await this.mandates.delegatesWithDueExpiries(SWEEP_BATCH);
      const locked = await this.delegates.lockSkippingLocked(due);
      return (await this.expire(locked)).length;
    });
  }

  private async expire(delegateIds: string[]): Promise<ExpiredMandate[]> {
    const expired = await this.mandates.expireDue(delegateIds);
    if (!expired.length) return expired;
    const expiredAt = new Map<string, Date[]>();
    for (const mandate of expired) {
      expiredAt.set(mandate.delegateId, [...(expiredAt.get(mandate.delegateId) ?? []), mandate.expiresAt]);
      await this.ledger.append(mandate.councilId, SYSTEM_ACTOR, 'MANDATE_EXPIRED', {
        mandateId: mandate.id,
        constituent: mandate.constituentRef,
        delegateId: mandate.delegateId,
        expiredAt: mandate.expiresAt.toISOString(),
      });
    }
    await this.seating.reevaluate([...expiredAt.keys()], SeatChangeReason.MANDATE_EXPIRED, SYSTEM_ACTOR, expiredAt);
    return expired;
  }
}
