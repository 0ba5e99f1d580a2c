import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum AuthEventKind {
  LOGIN_SUCCEEDED = 'LOGIN_SUCCEEDED',
  LOGIN_FAILED = 'LOGIN_FAILED',
  SECOND_FACTOR_SUCCEEDED = 'SECOND_FACTOR_SUCCEEDED',
  SECOND_FACTOR_FAILED = 'SECOND_FACTOR_FAILED',
  RECOVERY_CODE_USED = 'RECOVERY_CODE_USED',
  SECOND_FACTOR_ENROLLED = 'SECOND_FACTOR_ENROLLED',
  SECOND_FACTOR_REMOVED = 'SECOND_FACTOR_REMOVED',
  SESSION_REVOKED = 'SESSION_REVOKED',
  PASSWORD_CHANGED = 'PASSWORD_CHANGED',
  PASSWORD_CONFIRMATION_FAILED = 'PASSWORD_CONFIRMATION_FAILED',
  LOCKOUT = 'LOCKOUT',
  ACCOUNT_ACTIVATED = 'ACCOUNT_ACTIVATED',
}

/** Why, in one fixed word: never free text, so that nothing a caller typed can reach the audit table. */
export enum AuthEventDetail {
  PASSWORD_ONLY = 'PASSWORD_ONLY',
  SECOND_FACTOR_CHALLENGE = 'SECOND_FACTOR_CHALLENGE',
  UNKNOWN_ACCOUNT = 'UNKNOWN_ACCOUNT',
  WRONG_PASSWORD = 'WRONG_PASSWORD',
  ACCOUNT_NOT_USABLE = 'ACCOUNT_NOT_USABLE',
  LOCKED = 'LOCKED',
  WRONG_CODE = 'WRONG_CODE',
  REUSED_CODE = 'REUSED_CODE',
  WRONG_RECOVERY_CODE = 'WRONG_RECOVERY_CODE',
  ACCOUNT = 'ACCOUNT',
  ADDRESS = 'ADDRESS',
  SECOND_FACTOR = 'SECOND_FACTOR',
  LOGOUT = 'LOGOUT',
  BY_OWNER = 'BY_OWNER',
  BY_SECRETARIAT = 'BY_SECRETARIAT',
  PASSWORD_CHANGED = 'PASSWORD_CHANGED',
  SECOND_FACTOR_ENROLLED = 'SECOND_FACTOR_ENROLLED',
  SECOND_FACTOR_REMOVED = 'SECOND_FACTOR_REMOVED',
  REFRESH_TOKEN_REUSED = 'REFRESH_TOKEN_REUSED',
}

/**
 * A sign-in security event, kept for AUTH_EVENT_RETENTION_DAYS. No raw address or email is stored: the
 * address and an unknown account's email appear only as keyed hashes under a salt that changes every UTC
 * day, so events of one day can be correlated and events of different days cannot.
 */
@Entity('auth_event')
@Index(['occurredAt'])
@Index(['councilId', 'id'])
export class AuthEventEntity {
  /** Increasing, so that events written in one transaction still list in the order they happened. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column('enum', { enum: AuthEventKind, enumName: 'auth_event_kind' })
  kind: AuthEventKind;

  @Column('enum', { enum: AuthEventDetail, enumName: 'auth_event_detail', nullable: true })
  detail: AuthEventDetail | null;

  /** The council of the account concerned; null when no account was found (an unknown email). */
  @Column('uuid', { name: 'council_id', nullable: true })
  councilId: string | null;

  /** The account concerned. */
  @Column('uuid', { name: 'user_id', nullable: true })
  userId: string | null;

  /** Who acted, when it was not the account itself (the secretariat revoking or resetting). */
  @Column('uuid', { name: 'actor_user_id', nullable: true })
  actorUserId: string | null;

  @Column('uuid', { name: 'session_id', nullable: true })
  sessionId: string | null;

  @Column('char', { name: 'address_hash', length: 64, nullable: true })
  addressHash: string | null;

  /** For an email that names no account: its keyed hash, never the email. */
  @Column('char', { name: 'account_hash', length: 64, nullable: true })
  accountHash: string | null;
}
