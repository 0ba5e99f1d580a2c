import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { runPeriodically } from '@gc/common';
import { APP_CONFIG, AppConfig } from '@gc/config';
import { AuthRetentionService } from './auth-retention.service';

/** Runs the retention sweep every AUTH_EVENT_SWEEP_SECONDS. */
@Injectable()
export class AuthEventSweeper implements OnModuleInit, OnModuleDestroy {
  private task: { stop(): void } | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly retention: AuthRetentionService,
  ) {}

  onModuleInit(): void {
    this.task = runPeriodically('AuthEventSweeper', this.config.authEventSweepSeconds, async () => {
      const removed = await this.retention.sweep();
      return removed ? `auth retention sweep: ${removed} rows deleted` : null;
    });
  }

  onModuleDestroy(): void {
    this.task?.stop();
  }
}
