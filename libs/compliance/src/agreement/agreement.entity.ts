import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CommitteeEntity, CouncilEntity } from '@gc/council';

/** One party to an agreement and the role it signed in ("local authorities", "civilian representatives"). */
export interface AgreementParty {
  name: string;
  role: string;
}

/** An agreement whose implementation a committee monitors (founding resolution 3.2). */
@Entity('agreement')
@Index(['councilId', 'committeeId'])
export class AgreementEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'council_id' })
  councilId: string;

  @ManyToOne(() => CouncilEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'council_id' })
  council?: CouncilEntity;

  /** The owning committee: its members manage the agreement and read its restricted evidence. */
  @Column('uuid', { name: 'committee_id' })
  committeeId: string;

  @ManyToOne(() => CommitteeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'committee_id' })
  committee?: CommitteeEntity;

  @Column('text')
  title: string;

  @Column('jsonb')
  parties: AgreementParty[];

  /** The day the agreement was concluded (YYYY-MM-DD). */
  @Column('date', { name: 'concluded_on' })
  concludedOn: string;

  @Column('text')
  place: string;

  @Column('text', { name: 'source_references', array: true })
  sourceReferences: string[];

  @Column('timestamptz', { name: 'recorded_at', default: () => 'now()' })
  recordedAt: Date;
}
