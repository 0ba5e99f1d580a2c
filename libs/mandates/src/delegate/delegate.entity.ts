import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '@gc/auth';
import { CouncilEntity, DelegationEntity } from '@gc/council';

@Entity('delegate')
@Index('UQ_delegate_display_name', ['delegationId', 'displayName'], { unique: true })
@Index('UQ_delegate_user', ['userId'], { unique: true, where: '"user_id" IS NOT NULL' })
@Index(['councilId'])
export class DelegateEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The delegation's council, kept here so council-wide seat counts need no join. */
  @Column('uuid', { name: 'council_id' })
  councilId: string;

  @ManyToOne(() => CouncilEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'council_id' })
  council?: CouncilEntity;

  @Column('uuid', { name: 'delegation_id' })
  delegationId: string;

  @ManyToOne(() => DelegationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'delegation_id' })
  delegation?: DelegationEntity;

  /** The name as it should appear publicly. */
  @Column('text', { name: 'display_name' })
  displayName: string;

  @Column('text', { name: 'public_alias', nullable: true })
  publicAlias: string | null;

  /** The delegate's sign-in account, once the coordinator has created one. */
  @Column('uuid', { name: 'user_id', nullable: true })
  userId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  /** Set while accredited by the delegation's coordinator. */
  @Column('timestamptz', { name: 'accredited_at', nullable: true })
  accreditedAt: Date | null;

  /**
   * The seat status as last recorded in seat history. Reads derive the seat afresh instead, because a
   * mandate may have expired since; every change that can alter the seat brings this up to date.
   */
  @Column('boolean', { default: false })
  seated: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
