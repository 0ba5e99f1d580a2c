import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Db } from '@gc/db';
import { EventBus } from '@gc/events';
import { toVoteModel } from '../vote/vote.model';
import { VoteRepository } from '../vote/vote.repository';
import { toTallyModel } from './tally.model';
import { TallyRepository } from './tally.repository';

export const tallyTopic = (voteId: string) => `vote-tally:${voteId}`;

/** How long a burst of ballots is gathered before the vote's tally is read once and published. */
export const LIVE_TALLY_INTERVAL_MS = 200;

/**
 * Live tallies without a query per ballot: a cast only marks its vote, after commit; a timer per vote then
 * reads the tally once (one aggregate statement) and publishes it through the EventBus, which throttles per
 * topic again and fans it out to every instance. At most a few reads and updates per second per vote.
 */
@Injectable()
export class LiveTallyPublisher implements OnModuleDestroy {
  private readonly logger = new Logger(LiveTallyPublisher.name);
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly votes: VoteRepository,
    private readonly tally: TallyRepository,
    private readonly events: EventBus,
  ) {}

  /** The vote's tally changed (a ballot, an opening, a close): publish it soon, once the change has committed. */
  touch(voteId: string): void {
    this.db.afterCommit(() => this.schedule(voteId));
  }

  onModuleDestroy(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private schedule(voteId: string): void {
    if (this.stopped || this.timers.has(voteId)) return;
    const timer = setTimeout(() => {
      this.timers.delete(voteId);
      this.publish(voteId).catch((error: unknown) =>
        this.logger.error(`live tally of vote ${voteId} failed: ${error instanceof Error ? error.message : String(error)}`),
      );
    }, LIVE_TALLY_INTERVAL_MS);
    timer.unref();
    this.timers.set(voteId, timer);
  }

  private async publish(voteId: string): Promise<void> {
    if (this.stopped) return;
    const vote = await this.votes.findById(voteId);
    if (!vote) return;
    const model = toVoteModel(vote);
    const [live] = model.result ? [null] : await this.tally.live([voteId]);
    this.events.publish(tallyTopic(voteId), toTallyModel(model, live ?? null));
  }
}
