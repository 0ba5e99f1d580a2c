import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DelegationEntity } from '@gc/council';

/**
 * A constituent. Identity and contact fields are stored only encrypted (see field-crypto.ts in libs/common); the email and
 * phone blind indexes find a second registration without decrypting anything. Erasure clears all of them.
 */
@Entity('constituent')
@Index('UQ_constituent_email_index', ['delegationId', 'emailIndex'], { unique: true, where: '"email_index" IS NOT NULL' })
@Index('UQ_constituent_phone_index', ['delegationId', 'phoneIndex'], { unique: true, where: '"phone_index" IS NOT NULL' })
@Index(['delegationId', 'createdAt'])
@Check(
  'CHK_constituent_identity_or_erased',
  `("erased_at" IS NULL AND "name_cipher" IS NOT NULL) OR ("erased_at" IS NOT NULL AND "name_cipher" IS NULL AND "email_cipher" IS NULL AND "phone_cipher" IS NULL AND "city_cipher" IS NULL AND "notes_cipher" IS NULL AND "email_index" IS NULL AND "phone_index" IS NULL)`,
)
export class ConstituentEntity {
  /** Chosen before the insert, because every ciphertext is bound to it. */
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'delegation_id' })
  delegationId: string;

  @ManyToOne(() => DelegationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'delegation_id' })
  delegation?: DelegationEntity;

  /** The opaque reference shown to everyone but the coordinators; random, unrelated to the id. */
  @Column('text', { unique: true })
  ref: string;

  @Column('bytea', { name: 'name_cipher', nullable: true })
  nameCipher: Buffer | null;

  @Column('bytea', { name: 'email_cipher', nullable: true })
  emailCipher: Buffer | null;

  @Column('bytea', { name: 'phone_cipher', nullable: true })
  phoneCipher: Buffer | null;

  @Column('bytea', { name: 'city_cipher', nullable: true })
  cityCipher: Buffer | null;

  @Column('bytea', { name: 'notes_cipher', nullable: true })
  notesCipher: Buffer | null;

  /** HMAC-SHA256 of the normalized email under a key derived from the data key. */
  @Column('bytea', { name: 'email_index', nullable: true })
  emailIndex: Buffer | null;

  @Column('bytea', { name: 'phone_index', nullable: true })
  phoneIndex: Buffer | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { name: 'erased_at', nullable: true })
  erasedAt: Date | null;
}
