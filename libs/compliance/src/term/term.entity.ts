import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AgreementEntity } from '../agreement/agreement.entity';

/** One obligation of an agreement. Its wording lives in immutable versions; the row points at the current one. */
@Entity('agreement_term')
@Unique('UQ_agreement_term_position', ['agreementId', 'position'])
export class TermEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'agreement_id' })
  agreementId: string;

  @ManyToOne(() => AgreementEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agreement_id' })
  agreement?: AgreementEntity;

  /** 1-based order of the term in the agreement. */
  @Column('int')
  position: number;

  @Column('int', { name: 'current_version' })
  currentVersion: number;
}

/** One wording of a term. Version 1 is the recorded one; each amendment adds the next, with its reason. */
@Entity('agreement_term_version')
export class TermVersionEntity {
  @PrimaryColumn('uuid', { name: 'term_id' })
  termId: string;

  @ManyToOne(() => TermEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'term_id' })
  term?: TermEntity;

  @PrimaryColumn('int')
  version: number;

  @Column('text')
  obligation: string;

  @Column('text', { name: 'responsible_party' })
  responsibleParty: string;

  /** The last day to comply (YYYY-MM-DD), when the agreement set one. */
  @Column('date', { name: 'due_date', nullable: true })
  dueDate: string | null;

  @Column('text', { array: true })
  tags: string[];

  /** Why this version replaced the previous one; null for version 1. */
  @Column('text', { nullable: true })
  reason: string | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
