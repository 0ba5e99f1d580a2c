import { Inject, Injectable } from '@nestjs/common';
import { blindIndex, decryptField, encryptField, fieldContext } from '@gc/common';
import { APP_CONFIG, AppConfig } from '@gc/config';
import { deriveIdentityKeys, IdentityKeys } from '../crypto/identity-keys';
import { ConstituentEntity } from './constituent.entity';
import { ConstituentIdentity, IDENTITY_FIELDS, IdentityField } from './identity';

export type SealedIdentity = Pick<
  ConstituentEntity,
  'nameCipher' | 'emailCipher' | 'phoneCipher' | 'cityCipher' | 'notesCipher' | 'emailIndex' | 'phoneIndex'
>;

const CIPHER_PROPERTY = {
  name: 'nameCipher',
  email: 'emailCipher',
  phone: 'phoneCipher',
  city: 'cityCipher',
  notes: 'notesCipher',
} as const satisfies Record<IdentityField, keyof SealedIdentity>;

/** The associated data names the database column, so it stays valid however the code is refactored. */
const context = (constituentId: string, field: IdentityField) => fieldContext('constituent', `${field}_cipher`, constituentId);

/** Encrypts and decrypts constituents' identity fields with keys derived from COUNCIL_DATA_KEY. */
@Injectable()
export class IdentityCipher {
  private readonly keys: IdentityKeys;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.keys = deriveIdentityKeys(config.dataKey);
  }

  /** Blind indexes of an identity's normalized email and phone, for duplicate checks. */
  indexes(identity: Pick<ConstituentIdentity, 'email' | 'phone'>): Pick<SealedIdentity, 'emailIndex' | 'phoneIndex'> {
    return {
      emailIndex: identity.email === null ? null : blindIndex(this.keys.emailIndex, identity.email),
      phoneIndex: identity.phone === null ? null : blindIndex(this.keys.phoneIndex, identity.phone),
    };
  }

  seal(constituentId: string, identity: ConstituentIdentity): SealedIdentity {
    const sealed = { ...this.indexes(identity) } as SealedIdentity;
    for (const field of IDENTITY_FIELDS) {
      const value = identity[field];
      sealed[CIPHER_PROPERTY[field]] = value === null ? null : encryptField(this.keys.encryption, value, context(constituentId, field));
    }
    return sealed;
  }

  /** The identity of a constituent who has not been erased. */
  open(constituent: Pick<ConstituentEntity, 'id'> & SealedIdentity): ConstituentIdentity {
    const identity = {} as ConstituentIdentity;
    for (const field of IDENTITY_FIELDS) {
      const sealed = constituent[CIPHER_PROPERTY[field]];
      (identity as unknown as Record<IdentityField, string | null>)[field] =
        sealed === null ? null : decryptField(this.keys.encryption, sealed, context(constituent.id, field));
    }
    return identity;
  }
}
