import { Injectable } from '@nestjs/common';
import { SeatChangeReason } from './seat-history.entity';

export interface SeatChange {
  councilId: string;
  delegateId: string;
  seated: boolean;
  reason: SeatChangeReason;
  /** When the change took effect. */
  at: Date;
}

/** Called with every batch of seat changes, inside the transaction that made them. */
export type SeatChangeListener = (changes: readonly SeatChange[]) => Promise<void>;

/**
 * The extension point for rules that depend on who is seated, such as the two-thirds petition threshold,
 * which must be re-checked on every seating change. A module registers a listener once, typically from
 * `onModuleInit`. Listeners run in the same transaction as the change, in registration order, and may read
 * and write through `Db` as usual; a listener that throws rolls the whole change back.
 */
@Injectable()
export class SeatChangeNotifier {
  private readonly listeners: SeatChangeListener[] = [];

  register(listener: SeatChangeListener): void {
    this.listeners.push(listener);
  }

  async notify(changes: readonly SeatChange[]): Promise<void> {
    if (!changes.length) return;
    for (const listener of this.listeners) await listener(changes);
  }
}
