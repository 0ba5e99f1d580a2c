import { Check, Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A signed commitment to the first `treeSize` entries of a council's ledger. Append-only, like the ledger. */
@Entity('ledger_checkpoint')
@Check('"tree_size" > 0')
export class LedgerCheckpointEntity {
  @PrimaryColumn('uuid', { name: 'council_id' })
  councilId: string;

  /** One checkpoint per size: two instances signing the same size write the same row once. */
  @PrimaryColumn('bigint', { name: 'tree_size' })
  treeSize: string;

  /** RFC 6962 Merkle tree hash over the entry hashes 1..treeSize, hex. */
  @Column('char', { name: 'root_hash', length: 64 })
  rootHash: string;

  /** The whole signed note (c2sp.org/tlog-checkpoint body, blank line, signature line). */
  @Column('text')
  note: string;

  /** Ed25519 signature over the checkpoint body, base64. */
  @Column('text')
  signature: string;

  /** SHA-256 of the signing public key, hex. */
  @Column('char', { name: 'key_id', length: 64 })
  keyId: string;

  @Column('text')
  reason: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
