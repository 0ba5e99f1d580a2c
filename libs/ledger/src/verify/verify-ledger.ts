import { KeyObject } from 'node:crypto';
import { verifyConsistency } from '../merkle/merkle';
import { ed25519PublicKey, keyIdOf, rawPublicKey, verifyCheckpointSignature } from './checkpoint-note';
import { BatchCheck, EntryRecord, EntryStreamChecker } from './entry-stream-checker';

/** A signed checkpoint as the server lists it and the export writes it. */
export interface SignedCheckpoint {
  /** The council id. */
  origin: string;
  treeSize: number;
  rootHash: string;
  keyId: string;
  /** Ed25519 signature over the checkpoint body, base64. */
  signature: string;
}

export interface PublishedKey {
  /** The 32 raw bytes of the Ed25519 public key, base64. */
  publicKey: string;
  keyId: string;
}

/** Where a verification reads the ledger from: the server over HTTP, an export file, ... */
export interface LedgerSource {
  /** For messages: the URL or the file name. */
  readonly label: string;
  councilId(): Promise<string>;
  publicKey(): Promise<PublishedKey | null>;
  /** Every checkpoint; asked for before the entries, so that all of them are covered by the entries read next. */
  checkpoints(): Promise<SignedCheckpoint[]>;
  /** All entries in sequence order, in batches. */
  entries(): AsyncIterable<EntryRecord[]>;
  /** The server's RFC 6962 consistency proof (hex hashes); absent when verifying offline. */
  consistencyProof?(fromSize: number, toSize: number): Promise<string[]>;
}

/** The last checkpoint a verifier accepted, kept between runs so that a later rewrite of history shows. */
export interface VerifierState extends SignedCheckpoint {
  /** The key that signed it, base64 of the raw 32 bytes: trusted on first use unless the user pins one. */
  publicKey: string;
  verifiedAt: string;
}

export interface Problem {
  seq?: number;
  checkpoint?: number;
  message: string;
}

export interface VerifyOptions {
  /** Keys the user pinned (`--key`); when given, nothing else is trusted. */
  pinnedKeys?: KeyObject[];
  /** The checkpoint accepted on an earlier run for this council, if any. */
  state?: VerifierState | null;
  onProgress?: (entriesChecked: number) => void;
  /** Where entry checks run; inline when absent. The command line passes a pool of worker threads. */
  checkBatch?: BatchCheck;
  /** Checkpoint mismatches beyond this many are counted in one line rather than listed. */
  maxCheckpointLines?: number;
  now?: () => Date;
}

export interface VerifyReport {
  councilId: string;
  entries: number;
  checkpoints: number;
  latest: SignedCheckpoint | null;
  problems: Problem[];
  /** Facts worth a line that are not failures (trust on first use, offline, unsigned tail). */
  notes: string[];
  /** What to keep for the next run: the latest checkpoint, only when nothing failed. */
  nextState: VerifierState | null;
}

export function formatProblem(problem: Problem): string {
  if (problem.seq !== undefined) return `seq ${problem.seq}: ${problem.message}`;
  if (problem.checkpoint !== undefined) return `checkpoint ${problem.checkpoint}: ${problem.message}`;
  return problem.message;
}

interface TrustedKey {
  keyId: string;
  key: KeyObject;
  raw: Buffer;
}

const trusted = (key: KeyObject): TrustedKey => {
  const raw = rawPublicKey(key);
  return { keyId: keyIdOf(raw), key, raw };
};

function chooseKeys(published: PublishedKey | null, options: VerifyOptions, problems: Problem[], notes: string[]): TrustedKey[] {
  let publishedKey: TrustedKey | null = null;
  if (published) {
    try {
      publishedKey = trusted(ed25519PublicKey(Buffer.from(published.publicKey, 'base64')));
      if (publishedKey.keyId !== published.keyId) {
        problems.push({ message: `the published key id ${published.keyId} is not the SHA-256 of the published key` });
      }
    } catch {
      problems.push({ message: 'the published public key is not an Ed25519 key' });
    }
  }
  if (options.pinnedKeys?.length) {
    const pinned = options.pinnedKeys.map(trusted);
    if (publishedKey && !pinned.some((k) => k.keyId === publishedKey.keyId)) {
      problems.push({ message: `the source publishes key ${publishedKey.keyId}, which is not a key you pinned` });
    }
    return pinned;
  }
  if (options.state) {
    const remembered = trusted(ed25519PublicKey(Buffer.from(options.state.publicKey, 'base64')));
    if (publishedKey && publishedKey.keyId !== remembered.keyId) {
      problems.push({
        message: `the published key changed since your last run (was ${remembered.keyId}, now ${publishedKey.keyId}); if the council announced a new key, pin it with --key`,
      });
    }
    return [remembered];
  }
  if (!publishedKey) {
    problems.push({ message: 'no public key to check signatures with: pass --key' });
    return [];
  }
  notes.push(
    `key ${publishedKey.keyId} is trusted on first use; compare it with the one the council publishes elsewhere, or pin it with --key`,
  );
  return [publishedKey];
}

const short = (hash: string) => `${hash.slice(0, 16)}...`;

/**
 * Verifies a whole ledger from a source: every entry's text, hash and link; every checkpoint's signature;
 * every checkpoint's root against the root recomputed from the entries; and, when an earlier run left a
 * checkpoint behind, that the ledger still extends it (by recomputation and by the source's proof).
 * Reads the entries once, streaming.
 */
export async function verifyLedger(source: LedgerSource, options: VerifyOptions = {}): Promise<VerifyReport> {
  const problems: Problem[] = [];
  const notes: string[] = [];
  const councilId = await source.councilId();
  const state = options.state && options.state.origin === councilId ? options.state : null;
  const keys = chooseKeys(await source.publicKey(), { ...options, state }, problems, notes);

  const checkpoints = [...(await source.checkpoints())].sort((a, b) => a.treeSize - b.treeSize);
  const signedAt = new Map<number, SignedCheckpoint>();
  for (const checkpoint of checkpoints) {
    const at = checkpoint.treeSize;
    if (checkpoint.origin !== councilId) {
      problems.push({ checkpoint: at, message: `made for council ${checkpoint.origin}, not ${councilId}` });
      continue;
    }
    const key = keys.find((k) => k.keyId === checkpoint.keyId);
    if (!key) problems.push({ checkpoint: at, message: `signed with key ${checkpoint.keyId}, which is not trusted` });
    else if (!verifyCheckpointSignature(checkpoint, checkpoint.signature, key.key)) {
      problems.push({ checkpoint: at, message: 'the signature does not verify: forged or altered checkpoint' });
    }
    const other = signedAt.get(at);
    if (other && other.rootHash !== checkpoint.rootHash) {
      problems.push({
        checkpoint: at,
        message: `two different roots are signed for this size (${short(other.rootHash)}, ${short(checkpoint.rootHash)})`,
      });
    }
    signedAt.set(at, checkpoint);
  }
  if (state) {
    const key = keys.find((k) => k.keyId === state.keyId);
    if (!key || !verifyCheckpointSignature(state, state.signature, key.key)) {
      problems.push({ message: `the checkpoint kept from your last run (size ${state.treeSize}) does not verify with the trusted key` });
    }
  }

  const watched = new Set([...signedAt.keys(), ...(state ? [state.treeSize] : [])]);
  const checker = new EntryStreamChecker(councilId, watched, options.checkBatch);
  for await (const batch of source.entries()) {
    await checker.addBatch(batch);
    options.onProgress?.(checker.count);
  }
  const count = checker.count;
  const chainProblem = await checker.firstProblem();
  if (chainProblem) problems.push({ seq: chainProblem.seq, message: chainProblem.reason });

  const maxLines = options.maxCheckpointLines ?? 20;
  let mismatches = 0;
  for (const checkpoint of signedAt.values()) {
    const root = checker.roots.get(checkpoint.treeSize);
    let message: string | null = null;
    if (root === undefined) message = `signed for ${checkpoint.treeSize} entries, but the ledger has only ${count}: entries were removed`;
    else if (root !== checkpoint.rootHash) {
      message = `the entries no longer give the signed root (signed ${short(checkpoint.rootHash)}, recomputed ${short(root)})`;
    }
    if (message && ++mismatches <= maxLines) problems.push({ checkpoint: checkpoint.treeSize, message });
  }
  if (mismatches > maxLines) problems.push({ message: `${mismatches - maxLines} more checkpoints do not match the entries` });

  const latest = checkpoints.length ? checkpoints[checkpoints.length - 1] : null;
  if (state) await checkAgainstEarlier(source, state, latest, signedAt, checker, problems, notes);
  if (latest && latest.treeSize < count) {
    notes.push(`${count - latest.treeSize} entries after the latest checkpoint (${latest.treeSize}) are chained but not yet signed`);
  }
  if (!latest) notes.push('no checkpoint yet: the chain was checked, but nothing is signed');

  const publishedKey = latest ? keys.find((k) => k.keyId === latest.keyId) : undefined;
  const nextState =
    problems.length === 0 && latest && publishedKey
      ? { ...latest, publicKey: publishedKey.raw.toString('base64'), verifiedAt: (options.now?.() ?? new Date()).toISOString() }
      : null;
  return { councilId, entries: count, checkpoints: signedAt.size, latest, problems, notes, nextState };
}

/** The one check that catches a rewrite with re-signed checkpoints: does today's ledger still extend what you saw? */
async function checkAgainstEarlier(
  source: LedgerSource,
  state: VerifierState,
  latest: SignedCheckpoint | null,
  signedAt: Map<number, SignedCheckpoint>,
  checker: EntryStreamChecker,
  problems: Problem[],
  notes: string[],
): Promise<void> {
  const seen = `the checkpoint you saw before (size ${state.treeSize}, root ${short(state.rootHash)})`;
  const recomputed = checker.roots.get(state.treeSize);
  if (recomputed === undefined) {
    problems.push({ message: `the ledger now has ${checker.count} entries, fewer than ${seen}: entries were removed` });
  } else if (recomputed !== state.rootHash) {
    problems.push({ message: `entries 1..${state.treeSize} no longer give ${seen}: history was rewritten` });
  }
  const shown = signedAt.get(state.treeSize);
  if (shown && shown.rootHash !== state.rootHash) {
    problems.push({
      checkpoint: state.treeSize,
      message: `now signed with root ${short(shown.rootHash)}, not the root you saw before: two signed histories (keep both as evidence)`,
    });
  }
  if (!latest || latest.treeSize < state.treeSize) {
    problems.push({ message: `the latest checkpoint (size ${latest?.treeSize ?? 0}) is older than ${seen}: the ledger went back` });
    return;
  }
  if (!source.consistencyProof) {
    notes.push(`offline: consistency with ${seen} was checked by recomputation only`);
    return;
  }
  try {
    const proof = (await source.consistencyProof(state.treeSize, latest.treeSize)).map((h) => Buffer.from(h, 'hex'));
    const from = Buffer.from(state.rootHash, 'hex');
    const to = Buffer.from(latest.rootHash, 'hex');
    if (!verifyConsistency(state.treeSize, latest.treeSize, from, to, proof)) {
      problems.push({
        message: `the server's consistency proof from size ${state.treeSize} to ${latest.treeSize} does not verify: the latest checkpoint does not extend ${seen}`,
      });
    }
  } catch (error) {
    problems.push({
      message: `could not get a consistency proof from ${state.treeSize} to ${latest.treeSize}: ${(error as Error).message}`,
    });
  }
}

/** The last line of a run: what was checked, or how many problems were found. */
export function summaryLine(report: VerifyReport): string {
  const counts = `${report.entries} entries, ${report.checkpoints} checkpoints`;
  if (report.problems.length) return `FAILED council ${report.councilId}: ${report.problems.length} problem(s) (${counts})`;
  const latest = report.latest ? `; latest checkpoint at ${report.latest.treeSize}, root ${short(report.latest.rootHash)}, matches` : '';
  return `OK council ${report.councilId}: ${counts}, hash chain intact, signatures valid${latest}`;
}
