import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ResolutionEntity } from '@gc/voting';
import { AssessmentEntity } from '../assessment/assessment.entity';
import { TermEntity } from '../term/term.entity';

/** A NON_COMPLIANT term taken to the council as a committee's draft resolution (founding resolution 3.3). */
@Entity('term_escalation')
@Index(['termId'])
export class EscalationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'term_id' })
  termId: string;

  @ManyToOne(() => TermEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'term_id' })
  term?: TermEntity;

  @Column('uuid', { name: 'resolution_id', unique: true })
  resolutionId: string;

  @ManyToOne(() => ResolutionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'resolution_id' })
  resolution?: ResolutionEntity;

  /** The NON_COMPLIANT assessment that was escalated. */
  @Column('uuid', { name: 'assessment_id' })
  assessmentId: string;

  @ManyToOne(() => AssessmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assessment_id' })
  assessment?: AssessmentEntity;

  /** Ids of the escalated assessment's evidence items (ids only: the resolution never carries their content). */
  @Column('uuid', { name: 'evidence_ids', array: true })
  evidenceIds: string[];

  @Column('timestamptz', { name: 'escalated_at', default: () => 'now()' })
  escalatedAt: Date;
}
