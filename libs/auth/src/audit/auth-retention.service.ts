import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@gc/config';
import { Db } from '@gc/db';
import { SecondFactorRepository } from '../two-factor/second-factor.repository';
import { AuthEventRepository } from './auth-event.repository';

/** Keeps sign-in records short-lived: audit events past retention, spent or expired challenges, abandoned enrolments. */
@Injectable()
export class AuthRetentionService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Db,
    private readonly events: AuthEventRepository,
    private readonly factors: SecondFactorRepository,
  ) {}

  sweep(): Promise<number> {
    return this.db.transaction(
      async () => (await this.events.purgeOlderThan(this.config.authEventRetentionDays)) + (await this.factors.purgeStale()),
    );
  }
}
