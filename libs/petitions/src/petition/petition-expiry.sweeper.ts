import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { runPeriodically } from '@gc/common';
import { APP_CONFIG, AppConfig } from '@gc/config';
import { PetitionService } from './petition.service';

/** Records expired petitions every PETITION_EXPIRY_SWEEP_SECONDS; reads already show them as EXPIRED. */
@Injectable()
export class PetitionExpirySweeper implements OnModuleInit, OnModuleDestroy {
  private task: { stop(): void } | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly petitions: PetitionService,
  ) {}

  onModuleInit(): void {
    this.task = runPeriodically('PetitionExpirySweeper', this.config.petitionExpirySweepSeconds, async () => {
      const expired = await this.petitions.expireDue();
      return expired ? `petition expiry sweep: ${expired} petitions expired` : null;
    });
  }

  onModuleDestroy(): void {
    this.task?.stop();
  }
}
