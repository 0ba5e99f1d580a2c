import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { Loader, Page, PageArgs, PageKey } from '@gc/common';
import { DelegationModel } from '@gc/council';
import { primeStandings, SeatedCountByDelegationLoader, SeatStandingLoader } from '../seating/seating.loaders';
import { DelegateWithStanding, SeatStanding } from '../seating/seating.repository';
import { DelegatesByDelegationLoader } from './delegate.loaders';
import { DelegatePage, toDelegateModel } from './delegate.model';

/** The delegation's roster: its delegates, seated or not, and how many are seated. Coordinators come from the auth module. */
@Resolver(() => DelegationModel)
export class DelegationRosterResolver {
  @ResolveField(() => DelegatePage, { description: 'Delegates by name, seated or not.' })
  async delegates(
    @Parent() delegation: DelegationModel,
    @Args() page: PageArgs,
    @Loader(DelegatesByDelegationLoader) loader: DataLoader<PageKey, Page<DelegateWithStanding>>,
    @Loader(SeatStandingLoader) standings: DataLoader<string, SeatStanding | null>,
  ): Promise<DelegatePage> {
    const result = await loader.load({ parentId: delegation.id, limit: page.limit, offset: page.offset });
    return { items: primeStandings(standings, result.items).map(toDelegateModel), totalCount: result.totalCount };
  }

  @ResolveField(() => Int, { description: 'Delegates seated now.' })
  seatedDelegateCount(
    @Parent() delegation: DelegationModel,
    @Loader(SeatedCountByDelegationLoader) loader: DataLoader<string, number>,
  ): Promise<number> {
    return loader.load(delegation.id);
  }
}
