import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@gc/config';
import { Db } from '@gc/db';
import { keyedHash, sha256Hex } from '../account/secrets';
import { tooManyAttempts } from '../auth.errors';
import { LoginThrottleRepository } from './login-throttle.repository';

/** Failures within this window count toward a lock. */
export const THROTTLE_WINDOW_SECONDS = 15 * 60;
export const THROTTLE_LOCK_SECONDS = 15 * 60;
/** Per account, whatever address the attempts come from. */
export const ACCOUNT_FAILURE_LIMIT = 5;
/** Per address, whatever accounts it tries. */
export const ADDRESS_FAILURE_LIMIT = 20;
/** Wrong second-factor codes per account, whatever address or challenge they come with: 5 guesses in 10^6 per window. */
export const SECOND_FACTOR_FAILURE_LIMIT = 5;

export interface ThrottleKeys {
  account: string;
  address: string;
}

/** Which keys the failure just locked, for the audit. */
export interface NewLocks {
  account: boolean;
  address: boolean;
}

@Injectable()
export class LoginThrottleService {
  private readonly key: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly db: Db,
    private readonly throttle: LoginThrottleRepository,
  ) {
    this.key = sha256Hex(`login-throttle:${config.jwtSecret}`);
  }

  keys(normalizedEmail: string, address: string | undefined): ThrottleKeys {
    return { account: keyedHash(this.key, `account:${normalizedEmail}`), address: keyedHash(this.key, `address:${address ?? 'unknown'}`) };
  }

  async assertNotLocked(keys: ThrottleKeys): Promise<void> {
    if (await this.throttle.lockedUntil([keys.account, keys.address])) throw tooManyAttempts();
  }

  /** Commits on its own: the failure must count even though the sign-in that caused it fails. */
  recordFailure(keys: ThrottleKeys): Promise<NewLocks> {
    return this.db.transaction(async () => ({
      account: await this.throttle.recordFailure(keys.account, ACCOUNT_FAILURE_LIMIT, THROTTLE_WINDOW_SECONDS, THROTTLE_LOCK_SECONDS),
      address: await this.throttle.recordFailure(keys.address, ADDRESS_FAILURE_LIMIT, THROTTLE_WINDOW_SECONDS, THROTTLE_LOCK_SECONDS),
    }));
  }

  recordSuccess(keys: ThrottleKeys): Promise<void> {
    return this.db.transaction(() => this.throttle.clear(keys.account));
  }

  /** Second-factor failures are counted per account only: a new challenge, alias or address does not reset them. */
  private secondFactorKey(userId: string): string {
    return keyedHash(this.key, `second-factor:${userId}`);
  }

  async assertSecondFactorNotLocked(userId: string): Promise<void> {
    if (await this.throttle.lockedUntil([this.secondFactorKey(userId)])) throw tooManyAttempts();
  }

  /** Commits on its own, like `recordFailure`; returns true when this failure locked the factor. */
  recordSecondFactorFailure(userId: string): Promise<boolean> {
    return this.db.transaction(() =>
      this.throttle.recordFailure(
        this.secondFactorKey(userId),
        SECOND_FACTOR_FAILURE_LIMIT,
        THROTTLE_WINDOW_SECONDS,
        THROTTLE_LOCK_SECONDS,
      ),
    );
  }

  clearSecondFactor(userId: string): Promise<void> {
    return this.db.transaction(() => this.throttle.clear(this.secondFactorKey(userId)));
  }
}
