import { Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { Loader } from '@gc/common';
import { DelegateModel } from '../delegate/delegate.model';
import { SeatStandingLoader } from './seating.loaders';
import { SeatStanding } from './seating.repository';
import { isSeated, voteWeight } from './seating.rules';

/** Derived afresh on every read, so an expiry shows at once, before any sweep has recorded it. */
@Resolver(() => DelegateModel)
export class SeatStandingResolver {
  @ResolveField(() => Boolean, { description: 'Accredited and holding at least minMandatesToSeat active mandates.' })
  async seated(@Parent() delegate: DelegateModel, @Loader(SeatStandingLoader) loader: DataLoader<string, SeatStanding>): Promise<boolean> {
    return isSeated(await loader.load(delegate.id));
  }

  @ResolveField(() => Int, { description: 'ACTIVE mandates that have not expired; never who gave them.' })
  async activeMandateCount(
    @Parent() delegate: DelegateModel,
    @Loader(SeatStandingLoader) loader: DataLoader<string, SeatStanding>,
  ): Promise<number> {
    return (await loader.load(delegate.id)).activeMandates;
  }

  @ResolveField(() => Int, {
    description: "The ballot weight now under the council's voteWeighting: 1 or the active mandates; 0 when not seated.",
  })
  async voteWeight(
    @Parent() delegate: DelegateModel,
    @Loader(SeatStandingLoader) loader: DataLoader<string, SeatStanding>,
  ): Promise<number> {
    const standing = await loader.load(delegate.id);
    return voteWeight(standing, standing.voteWeighting);
  }
}
