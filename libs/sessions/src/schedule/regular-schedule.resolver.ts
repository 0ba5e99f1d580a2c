import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { Loader } from '@gc/common';
import { CouncilModel } from '@gc/council';
import { RegularScheduleFacts, RegularScheduleLoader } from './regular-schedule.loader';
import { isRegularSessionOverdue, nextRegularSessionDue } from './regular-schedule';

/** "Meets every two years": the council's regular schedule, derived from the sessions held. */
@Resolver(() => CouncilModel)
export class RegularScheduleResolver {
  @ResolveField(() => Date, {
    description: 'The regular-session interval after the start of the last regular session held, or after founding.',
  })
  async nextRegularSessionDue(
    @Parent() council: CouncilModel,
    @Loader(RegularScheduleLoader) loader: DataLoader<string, RegularScheduleFacts>,
  ): Promise<Date> {
    const facts = await loader.load(council.id);
    return nextRegularSessionDue(council.foundedOn, facts.lastHeldStart, council.settings.regularIntervalMonths);
  }

  @ResolveField(() => Boolean, { description: 'True when the next regular session is past due and none is scheduled or running.' })
  async overdue(
    @Parent() council: CouncilModel,
    @Loader(RegularScheduleLoader) loader: DataLoader<string, RegularScheduleFacts>,
  ): Promise<boolean> {
    const facts = await loader.load(council.id);
    const due = nextRegularSessionDue(council.foundedOn, facts.lastHeldStart, council.settings.regularIntervalMonths);
    return isRegularSessionOverdue(due, new Date(), facts.upcoming);
  }
}
