import { createHash, createPrivateKey, createPublicKey, KeyObject, sign, verify } from 'node:crypto';

/**
 * The signed checkpoint, in the C2SP formats that transparency logs share (c2sp.org/tlog-checkpoint and
 * c2sp.org/signed-note), so that generic tools and witnesses can read it:
 *
 *   <origin>\n<tree size>\n<base64 root hash>\n        the body, which is what Ed25519 signs
 *   \n— <key name> <base64(key hash[4] || signature[64])>\n   the signature line of the note
 *
 * The origin is the council id, so a checkpoint of one council cannot be passed off as another's.
 */

export interface CheckpointFields {
  /** The council id. */
  origin: string;
  treeSize: number;
  /** MTH over the first `treeSize` entry hashes, hex. */
  rootHash: string;
}

/** The name under which the ledger key signs notes. */
export const LEDGER_KEY_NAME = 'global-council-ledger';

const ED25519_SIGNATURE_TYPE = 0x01;
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export function checkpointBody(fields: CheckpointFields): string {
  if (!Number.isSafeInteger(fields.treeSize) || fields.treeSize < 0) throw new RangeError(`bad tree size ${fields.treeSize}`);
  if (!/^[0-9a-f]{64}$/.test(fields.rootHash)) throw new RangeError('the root hash must be 64 lowercase hex digits');
  if (fields.origin === '' || /\n/.test(fields.origin)) throw new RangeError('the origin must be one non-empty line');
  return `${fields.origin}\n${fields.treeSize}\n${Buffer.from(fields.rootHash, 'hex').toString('base64')}\n`;
}

export function ed25519PublicKey(raw: Uint8Array): KeyObject {
  if (raw.length !== 32) throw new RangeError('an Ed25519 public key is 32 bytes');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

export function ed25519PrivateKeyFromSeed(seed: Uint8Array): KeyObject {
  if (seed.length !== 32) throw new RangeError('an Ed25519 private key seed is 32 bytes');
  return createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

/** The 32 raw bytes of an Ed25519 public key (or of the public half of a private key). */
export function rawPublicKey(key: KeyObject): Buffer {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new TypeError('the ledger key must be an Ed25519 key');
  return publicKey.export({ format: 'der', type: 'spki' }).subarray(ED25519_SPKI_PREFIX.length);
}

/** The key id users compare and pin: SHA-256 of the raw public key, hex. */
export const keyIdOf = (raw: Uint8Array) => createHash('sha256').update(raw).digest('hex');

/** signed-note key hash: the first 4 bytes of SHA-256(name || "\n" || 0x01 || public key). */
function noteKeyHash(name: string, raw: Uint8Array): Buffer {
  return createHash('sha256')
    .update(`${name}\n`)
    .update(Buffer.from([ED25519_SIGNATURE_TYPE]))
    .update(raw)
    .digest()
    .subarray(0, 4);
}

/** The signed-note verifier key, `<name>+<key hash hex>+<base64(0x01 || key)>`, as Go's sumdb/note reads it. */
export function noteVerifierKey(raw: Uint8Array, name = LEDGER_KEY_NAME): string {
  const typed = Buffer.concat([Buffer.from([ED25519_SIGNATURE_TYPE]), raw]);
  return `${name}+${noteKeyHash(name, raw).toString('hex')}+${typed.toString('base64')}`;
}

/** Ed25519 over the body's UTF-8 bytes; base64. Ed25519 is deterministic: the same body gives the same signature. */
export function signBody(body: string, privateKey: KeyObject): string {
  return sign(null, Buffer.from(body, 'utf8'), privateKey).toString('base64');
}

/** The whole signed note: body, blank line, one signature line. */
export function signedNote(body: string, signature: string, raw: Uint8Array, name = LEDGER_KEY_NAME): string {
  const blob = Buffer.concat([noteKeyHash(name, raw), Buffer.from(signature, 'base64')]).toString('base64');
  return `${body}\n\u2014 ${name} ${blob}\n`;
}

/** Whether `signature` (base64) is the given key's Ed25519 signature over the checkpoint these fields describe. */
export function verifyCheckpointSignature(fields: CheckpointFields, signature: string, publicKey: KeyObject): boolean {
  let body: string;
  try {
    body = checkpointBody(fields);
  } catch {
    return false;
  }
  const bytes = Buffer.from(signature, 'base64');
  if (bytes.length !== 64 || bytes.toString('base64') !== signature) return false;
  return verify(null, Buffer.from(body, 'utf8'), publicKey, bytes);
}

/**
 * Reads a public key the user pinned: a PEM `PUBLIC KEY` block, the base64 of the 32 raw bytes, or a
 * signed-note verifier key. Throws with a readable message otherwise.
 */
export function parsePublicKey(text: string): KeyObject {
  const trimmed = text.trim();
  if (trimmed.startsWith('-----BEGIN')) {
    const key = createPublicKey(trimmed);
    rawPublicKey(key);
    return key;
  }
  const noteKey = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/=]+)$/.exec(trimmed);
  if (noteKey) {
    const [, name, keyHash, material] = noteKey;
    const typed = Buffer.from(material, 'base64');
    if (typed.length !== 33 || typed[0] !== ED25519_SIGNATURE_TYPE) throw new TypeError('not an Ed25519 signed-note verifier key');
    if (noteKeyHash(name, typed.subarray(1)).toString('hex') !== keyHash)
      throw new TypeError('the verifier key hash does not match its key');
    return ed25519PublicKey(typed.subarray(1));
  }
  const raw = Buffer.from(trimmed, 'base64');
  if (raw.length !== 32 || raw.toString('base64') !== trimmed) {
    throw new TypeError('expected a PEM public key, a note verifier key, or the base64 of a 32-byte Ed25519 public key');
  }
  return ed25519PublicKey(raw);
}
