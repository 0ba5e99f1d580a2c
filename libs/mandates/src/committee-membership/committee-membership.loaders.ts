import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { LoaderFactory, Page, PageKey, pagedLoader } from '@gc/common';
import { pagesWithStandings } from '../seating/seating.loaders';
import { DelegateWithStanding, SeatingRepository } from '../seating/seating.repository';
import { CommitteeMembershipRepository } from './committee-membership.repository';

/** A page of each committee's members, by name, with their seat facts. */
@Injectable()
export class CommitteeMembersLoader implements LoaderFactory<PageKey, Page<DelegateWithStanding>> {
  constructor(
    private readonly members: CommitteeMembershipRepository,
    private readonly seats: SeatingRepository,
  ) {}

  create(): DataLoader<PageKey, Page<DelegateWithStanding>, string> {
    return pagedLoader(async (committeeIds, limit, offset) =>
      pagesWithStandings(this.seats, await this.members.pagesByCommittee(committeeIds, limit, offset)),
    );
  }
}

@Injectable()
export class CommitteeChairLoader implements LoaderFactory<string, DelegateWithStanding | null> {
  constructor(
    private readonly members: CommitteeMembershipRepository,
    private readonly seats: SeatingRepository,
  ) {}

  create(): DataLoader<string, DelegateWithStanding | null> {
    return new DataLoader(async (committeeIds) => {
      const chairs = await this.members.chairs(committeeIds);
      const withStandings = await this.seats.withStandings(chairs.map((c) => c.delegate));
      const byCommittee = new Map(chairs.map((c, i) => [c.committeeId, withStandings[i]]));
      return committeeIds.map((id) => byCommittee.get(id) ?? null);
    });
  }
}
