import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Failed sign-in counters, keyed by a keyed hash of the account or address: no raw email or IP is stored. */
@Entity('login_throttle')
export class LoginThrottleEntity {
  @PrimaryColumn('char', { name: 'key_hash', length: 64 })
  keyHash: string;

  @Column('int')
  failures: number;

  @Column('timestamptz', { name: 'window_started_at' })
  windowStartedAt: Date;

  @Column('timestamptz', { name: 'locked_until', nullable: true })
  lockedUntil: Date | null;
}
