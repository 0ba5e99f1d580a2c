import { Column, CreateDateColumn, Entity, Index, JoinColumn, OneToOne, PrimaryColumn, PrimaryGeneratedColumn, ManyToOne } from 'typeorm';
import { UserEntity } from '../account/user.entity';

/** An account's TOTP factor: pending until confirmed with a first code, then active. */
@Entity('second_factor')
export class SecondFactorEntity {
  @PrimaryColumn('uuid', { name: 'user_id' })
  userId: string;

  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  /** The base32 TOTP secret, sealed with AES-256-GCM (field-crypto) and bound to this row; never stored in clear. */
  @Column('bytea', { name: 'secret_cipher' })
  secretCipher: Buffer;

  /** Null while the enrolment waits for its first code. */
  @Column('timestamptz', { name: 'confirmed_at', nullable: true })
  confirmedAt: Date | null;

  /** The RFC 6238 time step of the last accepted code: a code of this step or an earlier one is a replay. */
  @Column('bigint', { name: 'last_used_step', nullable: true })
  lastUsedStep: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** One single-use recovery code, stored only as a keyed hash. */
@Entity('recovery_code')
@Index(['userId', 'codeHash'], { unique: true })
export class RecoveryCodeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'user_id' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  /** HMAC-SHA256 of the normalized code under a key derived from the data key. */
  @Column('char', { name: 'code_hash', length: 64 })
  codeHash: string;

  @Column('timestamptz', { name: 'used_at', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** The short-lived, single-use proof that a password was right, traded with a second factor for a session. */
@Entity('second_factor_challenge')
@Index(['userId'])
export class SecondFactorChallengeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'user_id' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  /** SHA-256 of the challenge token; the token itself is never stored. */
  @Column('char', { name: 'token_hash', length: 64, unique: true })
  tokenHash: string;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;

  @Column('timestamptz', { name: 'used_at', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
