import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { CommitteeEntity, CouncilEntity } from '@gc/council';
import { DelegateEntity } from '@gc/mandates';

export enum ResolutionStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  ON_AGENDA = 'ON_AGENDA',
  VOTING = 'VOTING',
  ADOPTED = 'ADOPTED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}

/** A text the council votes on. Its words live in immutable versions; the row holds its state. */
@Entity('resolution')
@Index(['councilId', 'status'])
@Index('UQ_resolution_number', ['councilId', 'numberYear', 'numberSeq'], { unique: true, where: '"number_seq" IS NOT NULL' })
export class ResolutionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'council_id' })
  councilId: string;

  @ManyToOne(() => CouncilEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'council_id' })
  council?: CouncilEntity;

  @Column('text')
  title: string;

  @Column('enum', { enum: ResolutionStatus, enumName: 'resolution_status', default: ResolutionStatus.DRAFT })
  status: ResolutionStatus;

  /** Set for a committee's draft: its chair drafts and submits it, and it needs no sponsors. */
  @Column('uuid', { name: 'committee_id', nullable: true })
  committeeId: string | null;

  @ManyToOne(() => CommitteeEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'committee_id' })
  committee?: CommitteeEntity;

  /** The delegate who drafted it (for a committee draft, the chair at the time). */
  @Column('uuid', { name: 'drafted_by_delegate_id' })
  draftedByDelegateId: string;

  @ManyToOne(() => DelegateEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'drafted_by_delegate_id' })
  draftedBy?: DelegateEntity;

  @Column('timestamptz', { name: 'drafted_at' })
  draftedAt: Date;

  @Column('timestamptz', { name: 'submitted_at', nullable: true })
  submittedAt: Date | null;

  /** When it was adopted, rejected or withdrawn. */
  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  /** The permanent number GC-<numberYear>-<numberSeq>, given at adoption. */
  @Column('int', { name: 'number_year', nullable: true })
  numberYear: number | null;

  @Column('int', { name: 'number_seq', nullable: true })
  numberSeq: number | null;

  /** The text version that was adopted. */
  @Column('int', { name: 'adopted_version', nullable: true })
  adoptedVersion: number | null;
}

/** One immutable text of a resolution: version 1 is the draft, each adopted amendment adds the next (a trigger refuses changes). */
@Entity('resolution_version')
export class ResolutionVersionEntity {
  @PrimaryColumn('uuid', { name: 'resolution_id' })
  resolutionId: string;

  @ManyToOne(() => ResolutionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'resolution_id' })
  resolution?: ResolutionEntity;

  @PrimaryColumn('int')
  version: number;

  @Column('text')
  text: string;

  /** The adopted amendment that produced this version; null for the draft's text. */
  @Column('uuid', { name: 'amendment_id', nullable: true })
  amendmentId: string | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}

/** A seated delegate's support for a delegates' draft; the drafter is the first. */
@Entity('resolution_sponsor')
@Index(['delegateId'])
export class ResolutionSponsorEntity {
  @PrimaryColumn('uuid', { name: 'resolution_id' })
  resolutionId: string;

  @ManyToOne(() => ResolutionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'resolution_id' })
  resolution?: ResolutionEntity;

  @PrimaryColumn('uuid', { name: 'delegate_id' })
  delegateId: string;

  @ManyToOne(() => DelegateEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'delegate_id' })
  delegate?: DelegateEntity;

  @Column('timestamptz', { name: 'sponsored_at', default: () => 'now()' })
  sponsoredAt: Date;
}

/**
 * The last number given per council and year. Adoption increments it in the closing transaction, whose row
 * lock makes concurrent adoptions take turns and whose rollback returns the number: no gaps, no repeats.
 */
@Entity('resolution_number_counter')
export class ResolutionNumberCounterEntity {
  @PrimaryColumn('uuid', { name: 'council_id' })
  councilId: string;

  @ManyToOne(() => CouncilEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'council_id' })
  council?: CouncilEntity;

  @PrimaryColumn('int')
  year: number;

  @Column('int', { name: 'last_seq' })
  lastSeq: number;
}
