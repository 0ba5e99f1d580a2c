import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@gc/config';
import { CheckpointReason } from './checkpoint-reason';
import { CheckpointService } from './checkpoint.service';

/** Signs a checkpoint every LEDGER_CHECKPOINT_INTERVAL_SECONDS for each ledger that grew; 0 turns it off. */
@Injectable()
export class CheckpointScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CheckpointScheduler.name);
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly checkpoints: CheckpointService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.checkpointIntervalSeconds === 0) return;
    this.timer = setInterval(() => void this.tick(), this.config.checkpointIntervalSeconds * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  get started(): boolean {
    return this.timer !== undefined;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const signed = await this.checkpoints.checkpointAllBehind(CheckpointReason.SCHEDULED);
      if (signed) this.logger.log(`scheduled ledger checkpoints: ${signed} signed`);
    } catch (error) {
      this.logger.error(`scheduled ledger checkpoint failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.running = false;
    }
  }
}
