import { deriveSubkey } from '@gc/common';

export interface IdentityKeys {
  /** Encrypts identity fields. */
  encryption: Buffer;
  /** Keys the blind index of normalized emails. */
  emailIndex: Buffer;
  /** Keys the blind index of normalized phone numbers. */
  phoneIndex: Buffer;
}

/** Separate subkeys per purpose; the info strings are part of the stored data's format and never change. */
export function deriveIdentityKeys(dataKey: Buffer): IdentityKeys {
  return {
    encryption: deriveSubkey(dataKey, 'global-council/constituent-identity/aes-256-gcm/v1'),
    emailIndex: deriveSubkey(dataKey, 'global-council/constituent-identity/blind-index/email/v1'),
    phoneIndex: deriveSubkey(dataKey, 'global-council/constituent-identity/blind-index/phone/v1'),
  };
}
