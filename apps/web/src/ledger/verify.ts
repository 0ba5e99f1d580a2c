/**
 * The public ledger checked in the browser, with WebCrypto only: the same checks as `npm run verify`
 * (libs/ledger/src/verify) for one council, reimplemented here because that code runs on node:crypto.
 * Formats it must match: libs/ledger/src/canonical (canonical JSON), entry/ledger-hash.ts (entry hash and
 * chain), merkle/merkle.ts (RFC 6962 tree) and verify/checkpoint-note.ts (the signed checkpoint body).
 * No imports, so that it stays a pure module.
 */

export type Request = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

export interface EntryRecord {
  seq: number;
  canonical: string;
  hash: string;
}

export interface Checkpoint {
  councilId: string;
  treeSize: number;
  rootHash: string;
  keyId: string;
  signature: string;
  createdAt: string;
  note: string;
}

/** Why an entry or a checkpoint fails, as a code the screen turns into words. */
export type ProblemReason =
  | 'NOT_JSON'
  | 'WRONG_SEQUENCE'
  | 'NOT_CANONICAL'
  | 'HASH_MISMATCH'
  | 'BROKEN_LINK'
  | 'OTHER_COUNCIL'
  | 'MISSING_ENTRIES'
  | 'ROOT_MISMATCH'
  | 'BAD_SIGNATURE'
  | 'UNKNOWN_KEY';

export interface Problem {
  reason: ProblemReason;
  /** The first entry that fails, when the problem is an entry's. */
  seq?: number;
}

export interface VerificationReport {
  councilId: string;
  entryCount: number;
  keyId: string;
  checkpoint: Checkpoint | null;
  /** The Merkle root recomputed here at the checkpoint's size, hex. */
  computedRoot: string | null;
  problems: Problem[];
}

const GENESIS_HASH = '0'.repeat(64);
const PAGE = 1000;

const hex = (bytes: ArrayBuffer | Uint8Array) =>
  Array.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

function fromHex(text: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(text.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

const sha256 = async (bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> =>
  new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));

export const sha256Hex = async (text: string): Promise<string> => hex(await sha256(new TextEncoder().encode(text)));

/** Canonical JSON as libs/ledger writes it: keys sorted by UTF-16 code units, safe integers only, no spaces. */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new TypeError('only safe integers are allowed');
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`)
      .join(',')}}`;
  }
  throw new TypeError(`${typeof value} is not JSON`);
}

function isCanonical(text: string, parsed: unknown): boolean {
  try {
    return canonicalJson(parsed) === text;
  } catch {
    return false;
  }
}

/** Checks one entry in its place in the chain; the reason it fails, or null. Mirrors checkEntry in ledger-hash.ts. */
export async function checkEntry(
  entry: EntryRecord,
  expectedSeq: number,
  prevHash: string,
  councilId: string,
): Promise<ProblemReason | null> {
  let body: { seq?: unknown; prevHash?: unknown; councilId?: unknown };
  try {
    body = JSON.parse(entry.canonical);
  } catch {
    return 'NOT_JSON';
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'NOT_JSON';
  if (body.seq !== expectedSeq || entry.seq !== expectedSeq) return 'WRONG_SEQUENCE';
  if (!isCanonical(entry.canonical, body)) return 'NOT_CANONICAL';
  if ((await sha256Hex(entry.canonical)) !== entry.hash) return 'HASH_MISMATCH';
  if (body.prevHash !== prevHash) return 'BROKEN_LINK';
  if (body.councilId !== councilId) return 'OTHER_COUNCIL';
  return null;
}

/**
 * RFC 6962 Merkle tree hash over entry hashes (hex), fed in order: leaf = SHA-256(0x00 || hash),
 * node = SHA-256(0x01 || left || right). Keeps only the right edge's complete subtrees.
 */
export class MerkleRoot {
  private readonly stack: { size: number; hash: Uint8Array<ArrayBuffer> }[] = [];

  async add(entryHashHex: string): Promise<void> {
    let node = { size: 1, hash: await sha256(concat([0], fromHex(entryHashHex))) };
    while (this.stack.length && this.stack[this.stack.length - 1].size === node.size) {
      const left = this.stack.pop()!;
      node = { size: left.size * 2, hash: await sha256(concat([1], left.hash, node.hash)) };
    }
    this.stack.push(node);
  }

  async root(): Promise<string> {
    if (!this.stack.length) return hex(await sha256(new Uint8Array(0)));
    let hash = this.stack[this.stack.length - 1].hash;
    for (let i = this.stack.length - 2; i >= 0; i--) hash = await sha256(concat([1], this.stack[i].hash, hash));
    return hex(hash);
  }
}

function concat(prefix: number[], ...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(prefix.length + parts.reduce((n, part) => n + part.length, 0));
  out.set(prefix, 0);
  let offset = prefix.length;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** The checkpoint body Ed25519 signs (c2sp.org/tlog-checkpoint): origin, size, base64 root, one per line. */
export const checkpointBody = (checkpoint: Pick<Checkpoint, 'councilId' | 'treeSize' | 'rootHash'>) =>
  `${checkpoint.councilId}\n${checkpoint.treeSize}\n${toBase64(fromHex(checkpoint.rootHash))}\n`;

export async function verifySignature(checkpoint: Checkpoint, publicKeyBase64: string): Promise<boolean> {
  try {
    const key = await crypto.subtle.importKey('raw', fromBase64(publicKeyBase64), { name: 'Ed25519' }, false, ['verify']);
    const body = new TextEncoder().encode(checkpointBody(checkpoint));
    return await crypto.subtle.verify({ name: 'Ed25519' }, key, fromBase64(checkpoint.signature), body);
  } catch {
    return false;
  }
}

const CHECKPOINT_FIELDS = 'councilId treeSize rootHash keyId signature createdAt note';

/**
 * Downloads the whole ledger of the council a page at a time, checks every entry and link, recomputes the Merkle
 * root at the latest checkpoint's size, and checks that checkpoint's signature with the published key.
 * `onProgress` gets the count of entries checked so far.
 */
export async function verifyLedger(request: Request, onProgress: (checked: number) => void = () => undefined): Promise<VerificationReport> {
  const { council } = await request<{ council: { id: string } }>('{ council { id } }');
  const councilId = council.id;
  const { ledgerPublicKey } = await request<{ ledgerPublicKey: { publicKey: string; keyId: string } }>(
    '{ ledgerPublicKey { publicKey keyId } }',
  );
  let checkpoint: Checkpoint | null = null;
  try {
    checkpoint = (
      await request<{ ledgerCheckpoint: Checkpoint }>(`query($id: ID!) { ledgerCheckpoint(councilId: $id) { ${CHECKPOINT_FIELDS} } }`, {
        id: councilId,
      })
    ).ledgerCheckpoint;
  } catch (error) {
    if (!(error as { has?: (code: string) => boolean }).has?.('NOT_FOUND')) throw error;
  }

  const problems: Problem[] = [];
  const tree = new MerkleRoot();
  let computedRoot: string | null = checkpoint?.treeSize === 0 ? await tree.root() : null;
  let prevHash = GENESIS_HASH;
  let count = 0;
  let chainBroken = false;
  for (let afterSeq = 0; ;) {
    const { ledgerEntries: page } = await request<{ ledgerEntries: EntryRecord[] }>(
      'query($id: ID!, $after: Int!, $limit: Int!) { ledgerEntries(councilId: $id, afterSeq: $after, limit: $limit) { seq canonical hash } }',
      { id: councilId, after: afterSeq, limit: PAGE },
    );
    for (const entry of page) {
      count++;
      if (!chainBroken) {
        const reason = await checkEntry(entry, count, prevHash, councilId);
        // Past the first break every later link is suspect too; the first bad entry is what the reader needs.
        if (reason) {
          problems.push({ reason, seq: count });
          chainBroken = true;
        }
      }
      prevHash = entry.hash;
      if (checkpoint && count <= checkpoint.treeSize) {
        await tree.add(entry.hash);
        if (count === checkpoint.treeSize) computedRoot = await tree.root();
      }
    }
    onProgress(count);
    if (page.length < PAGE) break;
    afterSeq = page[page.length - 1].seq;
  }

  if (checkpoint) {
    if (count < checkpoint.treeSize) problems.push({ reason: 'MISSING_ENTRIES', seq: count + 1 });
    else if (computedRoot !== checkpoint.rootHash) problems.push({ reason: 'ROOT_MISMATCH' });
    if (checkpoint.keyId !== ledgerPublicKey.keyId || hex(await sha256(fromBase64(ledgerPublicKey.publicKey))) !== ledgerPublicKey.keyId) {
      problems.push({ reason: 'UNKNOWN_KEY' });
    }
    if (!(await verifySignature(checkpoint, ledgerPublicKey.publicKey))) problems.push({ reason: 'BAD_SIGNATURE' });
  }
  return { councilId, entryCount: count, keyId: ledgerPublicKey.keyId, checkpoint, computedRoot, problems };
}
