import { Injectable } from '@nestjs/common';
import { badInput, Page } from '@gc/common';
import { CouncilService } from '@gc/council';
import { LedgerService } from '@gc/ledger';
import { DelegateEntity } from '../delegate/delegate.entity';
import { DelegateRepository } from '../delegate/delegate.repository';
import { pagesFrom } from '../paging';
import { SeatChange, SeatChangeNotifier } from './seat-change.notifier';
import { SeatChangeReason } from './seat-history.entity';
import { isSeated, unseatedByExpiryAt, voteWeight } from './seating.rules';
import { SeatChangeRow, SeatingRepository } from './seating.repository';

@Injectable()
export class SeatingService {
  constructor(
    private readonly seats: SeatingRepository,
    private readonly councils: CouncilService,
    private readonly delegates: DelegateRepository,
    private readonly ledger: LedgerService,
    private readonly notifier: SeatChangeNotifier,
  ) {}

  /**
   * Derives the seat of each delegate from the database as it is now and records every change, in the
   * caller's transaction: the delegate's recorded seat, a seat-history row, a ledger entry, and the
   * notifier's listeners. The caller holds the delegates' row locks (MandateExpiryService.settle).
   * `expiredAt` gives, per delegate, the expiry instants behind an unseating, so history shows when it really happened.
   */
  async reevaluate(
    delegateIds: readonly string[],
    reason: SeatChangeReason,
    actorRef: string,
    expiredAt?: ReadonlyMap<string, readonly Date[]>,
  ): Promise<SeatChange[]> {
    const rows: SeatChangeRow[] = [];
    for (const standing of await this.seats.standings([...new Set(delegateIds)])) {
      const seated = isSeated(standing);
      if (seated === standing.recordedSeated) continue;
      const expiries = seated ? undefined : expiredAt?.get(standing.delegateId);
      rows.push({
        delegateId: standing.delegateId,
        councilId: standing.councilId,
        fromSeated: standing.recordedSeated,
        toSeated: seated,
        reason,
        activeMandates: standing.activeMandates,
        at: expiries ? unseatedByExpiryAt(standing.activeMandates, expiries, standing.minMandatesToSeat) : null,
      });
    }
    if (!rows.length) return [];
    const effective = await this.seats.record(rows);
    const changes = rows.map((row) => ({
      councilId: row.councilId,
      delegateId: row.delegateId,
      seated: row.toSeated,
      reason: row.reason,
      at: effective.get(row.delegateId)!,
    }));
    for (const [i, change] of changes.entries()) {
      await this.ledger.append(change.councilId, actorRef, 'SEAT_CHANGED', {
        delegateId: change.delegateId,
        seated: change.seated,
        reason: change.reason,
        activeMandates: rows[i].activeMandates,
        effectiveAt: change.at.toISOString(),
      });
    }
    await this.notifier.notify(changes);
    return changes;
  }

  /** Seated delegates now, per council. */
  seatedCounts(councilIds: readonly string[]): Promise<Map<string, number>> {
    return this.seats.seatedCounts('council', councilIds);
  }

  /**
   * The weight each delegate's ballot would carry now under their council's voteWeighting, 0 when not seated
   * (`voteWeight`): what a vote freezes into its roll when it opens.
   */
  async voteWeights(delegateIds: readonly string[]): Promise<Map<string, number>> {
    const standings = await this.seats.standings([...new Set(delegateIds)]);
    return new Map(standings.map((standing) => [standing.delegateId, voteWeight(standing, standing.voteWeighting)]));
  }

  /** Whether the delegate is seated now, expiries that have passed included, whether or not a sweep recorded them. */
  async isSeatedNow(delegateId: string): Promise<boolean> {
    const [standing] = await this.seats.standings([delegateId]);
    return standing !== undefined && isSeated(standing);
  }

  /**
   * Who was seated at `at`, replaying seat history. Expiries are written back-dated to their expiry instant
   * when a sweep or a change records them, so an instant older than one sweep interval is answered exactly.
   */
  async seatedAt(councilId: string | undefined, at: Date, limit: number, offset: number): Promise<Page<DelegateEntity>> {
    if (at.getTime() > Date.now()) throw badInput('at', 'at must not be in the future');
    const council = await this.councils.get(councilId);
    const window = await this.seats.seatedAt(council.id, at, limit, offset);
    return pagesFrom(window, await this.delegates.findByIds(window.flatMap((row) => (row.id ? [row.id] : [])))).get(council.id)!;
  }
}
