import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TermEntity } from '../term/term.entity';

export enum ComplianceStatus {
  COMPLIANT = 'COMPLIANT',
  PARTIALLY_COMPLIANT = 'PARTIALLY_COMPLIANT',
  NON_COMPLIANT = 'NON_COMPLIANT',
  UNKNOWN = 'UNKNOWN',
}

export enum EvidenceVisibility {
  PUBLIC = 'PUBLIC',
  RESTRICTED = 'RESTRICTED',
}

/** A committee's finding on a term at one date. Never changed: the history is the timeline. */
@Entity('term_assessment')
@Index(['termId', 'observedOn', 'recordedAt'])
export class AssessmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'term_id' })
  termId: string;

  @ManyToOne(() => TermEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'term_id' })
  term?: TermEntity;

  @Column('enum', { enum: ComplianceStatus, enumName: 'compliance_status' })
  status: ComplianceStatus;

  /** The day the situation was observed (YYYY-MM-DD); never in the future. */
  @Column('date', { name: 'observed_on' })
  observedOn: string;

  @Column('text')
  summary: string;

  /** The term version the assessment was made against. */
  @Column('int', { name: 'term_version' })
  termVersion: number;

  @Column('timestamptz', { name: 'recorded_at', default: () => 'clock_timestamp()' })
  recordedAt: Date;
}

/** One evidence item of an assessment. RESTRICTED items may identify witnesses: see EvidenceAccess. */
@Entity('assessment_evidence')
@Index(['assessmentId'])
export class EvidenceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'assessment_id' })
  assessmentId: string;

  @ManyToOne(() => AssessmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assessment_id' })
  assessment?: AssessmentEntity;

  @Column('int')
  position: number;

  @Column('enum', { enum: EvidenceVisibility, enumName: 'evidence_visibility' })
  visibility: EvidenceVisibility;

  @Column('text')
  title: string;

  /** The date of the evidence itself (YYYY-MM-DD), when known. */
  @Column('date', { name: 'dated_on', nullable: true })
  datedOn: string | null;

  /** A link or a reference to where the evidence is kept. */
  @Column('text')
  source: string;

  /** SHA-256 (hex) of a file the committee keeps elsewhere, when there is one. */
  @Column('text', { name: 'file_hash', nullable: true })
  fileHash: string | null;

  /** SHA-256 of the item's canonical content, as written to the ledger. */
  @Column('text', { name: 'content_sha256' })
  contentSha256: string;
}
