import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '@gc/common';
import { CouncilEntity, DelegationEntity } from '@gc/council';

@Entity('user_account')
@Index(['delegationId'])
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'council_id' })
  councilId: string;

  @ManyToOne(() => CouncilEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'council_id' })
  council?: CouncilEntity;

  /** Normalized (trimmed, lower-case); readable only by the user and the secretariat. */
  @Column('text', { unique: true })
  email: string;

  @Column('text', { name: 'display_name' })
  displayName: string;

  @Column('enum', { enum: Role, enumName: 'user_role' })
  role: Role;

  @Column('uuid', { name: 'delegation_id', nullable: true })
  delegationId: string | null;

  @ManyToOne(() => DelegationEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'delegation_id' })
  delegation?: DelegationEntity;

  /** Argon2id PHC string; null until the account is activated. */
  @Column('text', { name: 'password_hash', nullable: true })
  passwordHash: string | null;

  /** Pseudonymous id for the ledger, random and unrelated to the account id. */
  @Column('uuid', { name: 'actor_ref', unique: true })
  actorRef: string;

  /** SHA-256 of the one-time activation token. */
  @Column('char', { name: 'activation_token_hash', length: 64, nullable: true, unique: true })
  activationTokenHash: string | null;

  @Column('timestamptz', { name: 'activation_expires_at', nullable: true })
  activationExpiresAt: Date | null;

  @Column('timestamptz', { name: 'activated_at', nullable: true })
  activatedAt: Date | null;

  @Column('timestamptz', { name: 'disabled_at', nullable: true })
  disabledAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
