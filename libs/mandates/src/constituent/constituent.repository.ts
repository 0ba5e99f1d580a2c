import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { Db } from '@gc/db';
import { LIVE_ACTIVE_SQL } from '../mandate/mandate.rules';
import { ConstituentEntity } from './constituent.entity';
import { SealedIdentity } from './identity-cipher';

export type NewConstituent = Pick<ConstituentEntity, 'id' | 'delegationId' | 'ref'> & SealedIdentity;

/** One constituent with their live mandate, as the coordinator's export lists them. */
export interface ExportRow extends Pick<ConstituentEntity, 'id' | 'ref'>, SealedIdentity {
  delegateName: string | null;
  expiresAt: Date | null;
}

@Injectable()
export class ConstituentRepository {
  constructor(private readonly db: Db) {}

  findById(id: string): Promise<ConstituentEntity | null> {
    return this.db.manager.findOne(ConstituentEntity, { where: { id } });
  }

  findByIdForUpdate(id: string): Promise<ConstituentEntity | null> {
    return this.db.transactional.findOne(ConstituentEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Constituents not erased, oldest registration first (names are encrypted, so they cannot be sorted on). */
  page(delegationId: string, limit: number, offset: number): Promise<[ConstituentEntity[], number]> {
    return this.db.manager.findAndCount(ConstituentEntity, {
      where: { delegationId, erasedAt: IsNull() },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
  }

  /** The blind indexes among these that the delegation already holds. */
  async registeredIndexes(
    delegationId: string,
    emailIndexes: Buffer[],
    phoneIndexes: Buffer[],
  ): Promise<{ email: Set<string>; phone: Set<string> }> {
    const rows = await this.db.rows<{ email_index: Buffer | null; phone_index: Buffer | null }>(
      `SELECT email_index, phone_index FROM constituent
        WHERE delegation_id = $1 AND (email_index = ANY($2::bytea[]) OR phone_index = ANY($3::bytea[]))`,
      [delegationId, emailIndexes, phoneIndexes],
    );
    const hex = (values: (Buffer | null)[]) => new Set(values.flatMap((value) => (value ? [value.toString('hex')] : [])));
    return { email: hex(rows.map((row) => row.email_index)), phone: hex(rows.map((row) => row.phone_index)) };
  }

  /**
   * Inserts constituents in one statement. Returns false, having inserted nothing, when one of them was
   * registered meanwhile (a blind index is taken); the caller then fails the whole change.
   */
  async insertMany(rows: readonly NewConstituent[]): Promise<boolean> {
    const column = <K extends keyof NewConstituent>(key: K) => rows.map((row) => row[key]);
    const inserted = await this.db.write(
      `INSERT INTO constituent (id, delegation_id, ref, name_cipher, email_cipher, phone_cipher, city_cipher, notes_cipher, email_index, phone_index)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::bytea[], $5::bytea[], $6::bytea[], $7::bytea[], $8::bytea[], $9::bytea[], $10::bytea[])
       ON CONFLICT DO NOTHING
       RETURNING id`,
      [
        column('id'),
        column('delegationId'),
        column('ref'),
        column('nameCipher'),
        column('emailCipher'),
        column('phoneCipher'),
        column('cityCipher'),
        column('notesCipher'),
        column('emailIndex'),
        column('phoneIndex'),
      ],
    );
    return inserted.length === rows.length;
  }

  /** Destroys the identity: every ciphertext and blind index is overwritten with NULL. */
  async erase(id: string): Promise<void> {
    await this.db.write(
      `UPDATE constituent SET name_cipher = NULL, email_cipher = NULL, phone_cipher = NULL, city_cipher = NULL, notes_cipher = NULL,
              email_index = NULL, phone_index = NULL, erased_at = now()
        WHERE id = $1`,
      [id],
    );
  }

  exportRows(delegationId: string): Promise<ExportRow[]> {
    return this.db.rows<ExportRow>(
      `SELECT c.id, c.ref, c.name_cipher AS "nameCipher", c.email_cipher AS "emailCipher", c.phone_cipher AS "phoneCipher",
              c.city_cipher AS "cityCipher", c.notes_cipher AS "notesCipher", c.email_index AS "emailIndex", c.phone_index AS "phoneIndex",
              d.display_name AS "delegateName", m.expires_at AS "expiresAt"
         FROM constituent c
         LEFT JOIN mandate m ON m.constituent_id = c.id AND ${LIVE_ACTIVE_SQL}
         LEFT JOIN delegate d ON d.id = m.delegate_id
        WHERE c.delegation_id = $1 AND c.erased_at IS NULL
        ORDER BY c.created_at, c.id`,
      [delegationId],
    );
  }
}
