import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { runPeriodically } from '@gc/common';
import { APP_CONFIG, AppConfig } from '@gc/config';
import { VoteService } from './vote.service';

/**
 * Closes votes whose deadline passed, every VOTE_DEADLINE_SWEEP_SECONDS. The database already refuses their
 * ballots from the deadline on; this tallies them and publishes the result. Several instances may run it at once.
 */
@Injectable()
export class VoteDeadlineSweeper implements OnModuleInit, OnModuleDestroy {
  private task: { stop(): void } | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly votes: VoteService,
  ) {}

  onModuleInit(): void {
    this.task = runPeriodically('VoteDeadlineSweeper', this.config.voteDeadlineSweepSeconds, async () => {
      const closed = await this.votes.closeDue();
      return closed ? `vote deadline sweep: ${closed} votes closed` : null;
    });
  }

  onModuleDestroy(): void {
    this.task?.stop();
  }
}
