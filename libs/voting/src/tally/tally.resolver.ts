import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { IdPipe, Public } from '@gc/common';
import { EventBus } from '@gc/events';
import { tallyTopic } from './live-tally.publisher';
import { VoteTallyModel } from './tally.model';

@Resolver()
export class TallyResolver {
  constructor(private readonly events: EventBus) {}

  @Public()
  @Subscription(() => VoteTallyModel, {
    description:
      "A vote's tally as ballots arrive (throttled, from every server instance): turnout, counts for roll-call votes only, the result at close.",
    resolve: (payload: VoteTallyModel) => payload,
  })
  voteTally(@Args('voteId', { type: () => ID }, IdPipe) voteId: string): AsyncIterableIterator<VoteTallyModel> {
    return this.events.subscribe(tallyTopic(voteId));
  }
}
