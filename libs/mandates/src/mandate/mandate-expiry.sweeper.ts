import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { runPeriodically } from '@gc/common';
import { APP_CONFIG, AppConfig } from '@gc/config';
import { MandateExpiryService } from './mandate-expiry.service';

/**
 * Runs the expiry sweep every MANDATE_EXPIRY_SWEEP_SECONDS. Reads never depend on it (they treat a passed
 * expiry as EXPIRED already); it makes the stored status, seat history and ledger catch up.
 */
@Injectable()
export class MandateExpirySweeper implements OnModuleInit, OnModuleDestroy {
  private task: { stop(): void } | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly expiry: MandateExpiryService,
  ) {}

  onModuleInit(): void {
    this.task = runPeriodically('MandateExpirySweeper', this.config.mandateExpirySweepSeconds, async () => {
      const expired = await this.expiry.sweep();
      return expired ? `mandate expiry sweep: ${expired} mandates expired` : null;
    });
  }

  onModuleDestroy(): void {
    this.task?.stop();
  }
}
