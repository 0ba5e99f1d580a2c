import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { LoaderFactory, Page, PageKey, pagedLoader } from '@gc/common';
import { DelegateWithStanding, SeatingRepository } from '../seating/seating.repository';
import { pagesWithStandings } from '../seating/seating.loaders';
import { DelegateEntity } from './delegate.entity';
import { DelegateRepository } from './delegate.repository';

@Injectable()
export class DelegateByIdLoader implements LoaderFactory<string, DelegateEntity | null> {
  constructor(private readonly delegates: DelegateRepository) {}

  create(): DataLoader<string, DelegateEntity | null> {
    return new DataLoader(async (ids) => {
      const byId = new Map((await this.delegates.findByIds(ids)).map((d) => [d.id, d]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }
}

/** A page of each delegation's delegates (the roster), by name, with their seat facts. */
@Injectable()
export class DelegatesByDelegationLoader implements LoaderFactory<PageKey, Page<DelegateWithStanding>> {
  constructor(
    private readonly delegates: DelegateRepository,
    private readonly seats: SeatingRepository,
  ) {}

  create(): DataLoader<PageKey, Page<DelegateWithStanding>, string> {
    return pagedLoader(async (delegationIds, limit, offset) =>
      pagesWithStandings(this.seats, await this.delegates.pagesByDelegation(delegationIds, limit, offset)),
    );
  }
}
