import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DelegateEntity } from '@gc/mandates';
import { ResolutionEntity } from './resolution.entity';

export enum AmendmentStatus {
  SUBMITTED = 'SUBMITTED',
  ON_AGENDA = 'ON_AGENDA',
  VOTING = 'VOTING',
  ADOPTED = 'ADOPTED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
  /** Never placed on an agenda before its resolution's own vote opened, or its resolution was withdrawn. */
  LAPSED = 'LAPSED',
}

/** A proposed new text for a resolution, written against one of its versions and voted before the resolution. */
@Entity('amendment')
@Index(['resolutionId', 'status'])
export class AmendmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'council_id' })
  councilId: string;

  @Column('uuid', { name: 'resolution_id' })
  resolutionId: string;

  @ManyToOne(() => ResolutionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'resolution_id' })
  resolution?: ResolutionEntity;

  @Column('uuid', { name: 'proposed_by_delegate_id' })
  proposedByDelegateId: string;

  @ManyToOne(() => DelegateEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'proposed_by_delegate_id' })
  proposedBy?: DelegateEntity;

  /** The version this amendment rewrites; it can be voted only while that is still the latest. */
  @Column('int', { name: 'base_version' })
  baseVersion: number;

  /** The whole new text the resolution would have. */
  @Column('text')
  text: string;

  @Column('text', { nullable: true })
  rationale: string | null;

  @Column('enum', { enum: AmendmentStatus, enumName: 'amendment_status', default: AmendmentStatus.SUBMITTED })
  status: AmendmentStatus;

  @Column('timestamptz', { name: 'proposed_at' })
  proposedAt: Date;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  /** The resolution version its adoption produced. */
  @Column('int', { name: 'produced_version', nullable: true })
  producedVersion: number | null;
}
