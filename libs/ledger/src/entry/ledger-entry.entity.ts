import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('ledger_entry')
@Index(['councilId', 'kind'])
export class LedgerEntryEntity {
  @PrimaryColumn('uuid', { name: 'council_id' })
  councilId: string;

  @PrimaryColumn('bigint')
  seq: string;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt: Date;

  @Column('text')
  actor: string;

  @Column('text')
  kind: string;

  /** The exact canonical JSON text that was hashed; it contains every other field. */
  @Column('text')
  canonical: string;

  @Column('char', { name: 'prev_hash', length: 64 })
  prevHash: string;

  @Column('char', { length: 64, unique: true })
  hash: string;
}
