import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { LoaderFactory, Page } from '@gc/common';
import { DelegateEntity } from '../delegate/delegate.entity';
import { DelegateWithStanding, SeatingRepository, SeatStanding } from './seating.repository';

/** What each delegate's seat, active mandate count and vote weight derive from, as of now. */
@Injectable()
export class SeatStandingLoader implements LoaderFactory<string, SeatStanding | null> {
  constructor(private readonly seats: SeatingRepository) {}

  create(): DataLoader<string, SeatStanding | null> {
    return new DataLoader(async (delegateIds) => {
      const byId = new Map((await this.seats.standings(delegateIds)).map((s) => [s.delegateId, s]));
      return delegateIds.map((id) => byId.get(id) ?? null);
    });
  }
}

@Injectable()
export class SeatedCountByDelegationLoader implements LoaderFactory<string, number> {
  constructor(private readonly seats: SeatingRepository) {}

  create(): DataLoader<string, number> {
    return new DataLoader(async (ids) => {
      const counts = await this.seats.seatedCounts('delegation', ids);
      return ids.map((id) => counts.get(id) ?? 0);
    });
  }
}

/** Seated delegates per council: the S of the two-thirds rule and of quorum. */
@Injectable()
export class SeatedCountLoader implements LoaderFactory<string, number> {
  constructor(private readonly seats: SeatingRepository) {}

  create(): DataLoader<string, number> {
    return new DataLoader(async (ids) => {
      const counts = await this.seats.seatedCounts('council', ids);
      return ids.map((id) => counts.get(id) ?? 0);
    });
  }
}

/**
 * List fields read their delegates' seat facts in the same batch as the delegates (one statement per
 * list, whatever its length), then hand them to the request's SeatStandingLoader with this, so the
 * `seated`, `activeMandateCount` and `voteWeight` fields of those delegates need no statement of their own.
 */
export function primeStandings(loader: DataLoader<string, SeatStanding | null>, rows: readonly DelegateWithStanding[]): DelegateEntity[] {
  for (const { delegate, standing } of rows) loader.prime(delegate.id, standing);
  return rows.map((row) => row.delegate);
}

/** The pages of a paged loader, with each delegate's seat facts read in one statement. */
export async function pagesWithStandings(
  seats: SeatingRepository,
  pages: Map<string, Page<DelegateEntity>>,
): Promise<Map<string, Page<DelegateWithStanding>>> {
  const rows = await seats.withStandings([...pages.values()].flatMap((page) => page.items));
  const byId = new Map(rows.map((row) => [row.delegate.id, row]));
  return new Map([...pages].map(([key, page]) => [key, { totalCount: page.totalCount, items: page.items.map((d) => byId.get(d.id)!) }]));
}
