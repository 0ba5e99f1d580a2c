import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum VoteWeighting {
  ONE_PER_DELEGATE = 'ONE_PER_DELEGATE',
  BY_MANDATES = 'BY_MANDATES',
}

/** Council settings, with the defaults DOMAIN.md gives. */
export class CouncilSettingsColumns {
  @Column('int', { name: 'regular_interval_months', default: 24 })
  regularIntervalMonths: number;

  @Column('int', { name: 'min_mandates_to_seat', default: 1 })
  minMandatesToSeat: number;

  @Column('int', { name: 'quorum_numerator', default: 1 })
  quorumNumerator: number;

  @Column('int', { name: 'quorum_denominator', default: 2 })
  quorumDenominator: number;

  @Column('int', { name: 'regular_notice_days', default: 14 })
  regularNoticeDays: number;

  @Column('int', { name: 'special_notice_days', default: 7 })
  specialNoticeDays: number;

  @Column('int', { name: 'petition_expiry_days', default: 90 })
  petitionExpiryDays: number;

  @Column('int', { name: 'petition_max_expiry_days', default: 180 })
  petitionMaxExpiryDays: number;

  @Column('int', { name: 'special_session_convene_days', default: 30 })
  specialSessionConveneDays: number;

  @Column('enum', { name: 'vote_weighting', enum: VoteWeighting, enumName: 'vote_weighting', default: VoteWeighting.ONE_PER_DELEGATE })
  voteWeighting: VoteWeighting;

  @Column('int', { name: 'min_sponsors', default: 3 })
  minSponsors: number;
}

@Entity('council')
export class CouncilEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text', { unique: true })
  slug: string;

  @Column('text')
  name: string;

  /** A calendar date, kept as `YYYY-MM-DD`. */
  @Column('date', { name: 'founded_on' })
  foundedOn: string;

  @Column(() => CouncilSettingsColumns, { prefix: false })
  settings: CouncilSettingsColumns;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
