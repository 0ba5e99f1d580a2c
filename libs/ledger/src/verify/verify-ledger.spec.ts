import { generateKeyPairSync, KeyObject } from 'node:crypto';
import { CanonicalValue } from '../canonical/canonical-json';
import { GENESIS_HASH, sealEntry } from '../entry/ledger-hash';
import { consistencyProofRanges, merkleRoot } from '../merkle/merkle';
import { checkpointBody, keyIdOf, rawPublicKey, signBody } from './checkpoint-note';
import { EntryRecord } from './entry-stream-checker';
import { formatProblem, LedgerSource, SignedCheckpoint, summaryLine, VerifierState, verifyLedger } from './verify-ledger';

const COUNCIL = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

function buildLedger(count: number, payload: (seq: number) => { [key: string]: CanonicalValue } = (seq) => ({ n: seq })): EntryRecord[] {
  const entries: EntryRecord[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const recordedAt = new Date(Date.UTC(2025, 0, 1, 0, 0, seq)).toISOString();
    const { canonical, hash } = sealEntry({
      councilId: COUNCIL,
      seq,
      recordedAt,
      actor: 'system',
      kind: 'TEST',
      payload: payload(seq),
      prevHash,
    });
    entries.push({ seq, canonical, hash });
    prevHash = hash;
  }
  return entries;
}

const leaves = (entries: EntryRecord[]) => entries.map((e) => Buffer.from(e.hash, 'hex'));

function signCheckpoint(entries: EntryRecord[], treeSize: number, key: KeyObject, origin = COUNCIL): SignedCheckpoint {
  const rootHash = merkleRoot(leaves(entries.slice(0, treeSize))).toString('hex');
  const signature = signBody(checkpointBody({ origin, treeSize, rootHash }), key);
  return { origin, treeSize, rootHash, keyId: keyIdOf(rawPublicKey(key)), signature };
}

/** A server in memory: whatever entries and checkpoints it is given, and honest proofs over its entries. */
function source(
  entries: EntryRecord[],
  checkpoints: SignedCheckpoint[],
  key: KeyObject,
  overrides: Partial<LedgerSource> = {},
): LedgerSource {
  const raw = rawPublicKey(key);
  return {
    label: 'memory',
    councilId: async () => COUNCIL,
    publicKey: async () => ({ publicKey: raw.toString('base64'), keyId: keyIdOf(raw) }),
    checkpoints: async () => checkpoints,
    async *entries() {
      for (let i = 0; i < entries.length; i += 7) yield entries.slice(i, i + 7);
    },
    consistencyProof: async (from, to) =>
      consistencyProofRanges(from, to).map((r) => merkleRoot(leaves(entries).slice(r.start, r.end)).toString('hex')),
    ...overrides,
  };
}

const stateFrom = (checkpoint: SignedCheckpoint, key: KeyObject): VerifierState => ({
  ...checkpoint,
  publicKey: rawPublicKey(key).toString('base64'),
  verifiedAt: '2025-01-01T00:00:00.000Z',
});

const lines = async (s: LedgerSource, options: Parameters<typeof verifyLedger>[1] = {}) =>
  (await verifyLedger(s, options)).problems.map(formatProblem);

/** The operator's rewrite: entry 5 changed, every later hash recomputed, so the chain is self-consistent. */
function rewrite(entries: EntryRecord[]): EntryRecord[] {
  return buildLedger(entries.length, (seq): { [key: string]: CanonicalValue } =>
    seq === 5 ? { n: 5, note: 'quietly changed' } : { n: seq },
  );
}

describe('verifyLedger', () => {
  const { privateKey: key } = generateKeyPairSync('ed25519');
  const entries = buildLedger(40);
  const checkpoints = [signCheckpoint(entries, 10, key), signCheckpoint(entries, 25, key), signCheckpoint(entries, 40, key)];

  it('accepts an intact ledger, says what it trusted, and keeps the latest checkpoint for next time', async () => {
    const report = await verifyLedger(source(entries, checkpoints, key), { now: () => new Date('2025-02-01T00:00:00Z') });
    expect(report.problems).toEqual([]);
    expect(report.notes).toEqual([expect.stringMatching(/trusted on first use/)]);
    expect(report.nextState).toEqual({
      ...checkpoints[2],
      publicKey: rawPublicKey(key).toString('base64'),
      verifiedAt: '2025-02-01T00:00:00.000Z',
    });
    expect(summaryLine(report)).toMatch(
      /^OK council .*: 40 entries, 3 checkpoints, hash chain intact, signatures valid; latest checkpoint at 40/,
    );
  });

  it('names the first entry whose text no longer matches its hash', async () => {
    const tampered = entries.map((e) => (e.seq === 17 ? { ...e, canonical: e.canonical.replace('"n":17', '"n":71') } : e));
    const report = await verifyLedger(source(tampered, checkpoints, key));
    expect(report.problems.map(formatProblem)).toEqual(['seq 17: hash does not match the entry text']);
    expect(report.nextState).toBeNull();
    expect(summaryLine(report)).toMatch(/^FAILED council .*: 1 problem/);
  });

  it('catches a removed last entry through the checkpoint that covered it', async () => {
    expect(await lines(source(entries.slice(0, 39), checkpoints, key))).toEqual([
      'checkpoint 40: signed for 40 entries, but the ledger has only 39: entries were removed',
    ]);
  });

  it('catches two entries swapped, at the first one out of place, and the checkpoints they break', async () => {
    const swapped = [...entries];
    [swapped[11], swapped[12]] = [swapped[12], swapped[11]];
    expect(await lines(source(swapped, checkpoints, key))).toEqual([
      'seq 12: expected sequence 12, found 13',
      expect.stringMatching(/^checkpoint 25: the entries no longer give the signed root/),
      expect.stringMatching(/^checkpoint 40: the entries no longer give the signed root/),
    ]);
  });

  it('refuses a forged signature, a checkpoint of another council, and a key it does not trust', async () => {
    const forged = { ...checkpoints[1], signature: signBody(checkpointBody(checkpoints[1]), generateKeyPairSync('ed25519').privateKey) };
    const foreign = signCheckpoint(entries, 30, key, '00000000-0000-4000-8000-000000000000');
    const { privateKey: otherKey } = generateKeyPairSync('ed25519');
    expect(
      await lines(source(entries, [checkpoints[0], forged, foreign, signCheckpoint(entries, 35, otherKey), checkpoints[2]], key)),
    ).toEqual([
      'checkpoint 25: the signature does not verify: forged or altered checkpoint',
      'checkpoint 30: made for council 00000000-0000-4000-8000-000000000000, not 3f2504e0-4f89-41d3-9a0c-0305e82c3301',
      expect.stringMatching(/^checkpoint 35: signed with key [0-9a-f]{64}, which is not trusted$/),
    ]);
  });

  it('with a pinned key, refuses a source that publishes another one', async () => {
    const { privateKey: operatorKey } = generateKeyPairSync('ed25519');
    const resigned = [signCheckpoint(entries, 40, operatorKey)];
    const problems = await lines(source(entries, resigned, operatorKey), { pinnedKeys: [key] });
    expect(problems).toEqual([
      expect.stringMatching(/^the source publishes key [0-9a-f]{64}, which is not a key you pinned$/),
      expect.stringMatching(/^checkpoint 40: signed with key .*, which is not trusted$/),
    ]);
  });

  describe('a rewrite of history with every hash recomputed and every checkpoint signed again', () => {
    const rewritten = rewrite(entries);
    const resigned = [signCheckpoint(rewritten, 10, key), signCheckpoint(rewritten, 25, key), signCheckpoint(rewritten, 40, key)];

    it('passes for someone who never saw an earlier checkpoint (the limit docs/ledger.md explains)', async () => {
      expect(await lines(source(rewritten, resigned, key))).toEqual([]);
    });

    it('fails for someone who kept an earlier checkpoint: by recomputation and by the consistency proof', async () => {
      const seenBefore = stateFrom(checkpoints[0], key);
      const report = await verifyLedger(source(rewritten, resigned, key), { state: seenBefore });
      expect(report.problems.map(formatProblem)).toEqual([
        expect.stringMatching(/^entries 1\.\.10 no longer give the checkpoint you saw before \(size 10, .*\): history was rewritten$/),
        expect.stringMatching(/^checkpoint 10: now signed with root .*: two signed histories/),
        expect.stringMatching(/^the server's consistency proof from size 10 to 40 does not verify/),
      ]);
      expect(report.nextState).toBeNull();
    });

    it('fails on the consistency proof alone when the server hides the rewritten entries but not the new checkpoint', async () => {
      const seenBefore = stateFrom(checkpoints[0], key);
      // Honest entries and proofs up to 40, but a later checkpoint signed over a different history.
      const longer = rewrite(buildLedger(50));
      const late = signCheckpoint(longer, 50, key);
      const report = await verifyLedger(
        source(entries, [...checkpoints, late], key, {
          consistencyProof: async (from, to) =>
            consistencyProofRanges(from, to).map((r) => merkleRoot(leaves(longer).slice(r.start, r.end)).toString('hex')),
        }),
        { state: seenBefore },
      );
      expect(report.problems.map(formatProblem)).toEqual([
        'checkpoint 50: signed for 50 entries, but the ledger has only 40: entries were removed',
        expect.stringMatching(/^the server's consistency proof from size 10 to 50 does not verify/),
      ]);
    });
  });

  it('accepts growth since the checkpoint seen before, and notices when the ledger goes back', async () => {
    const seenAt25 = stateFrom(checkpoints[1], key);
    expect(await lines(source(entries, checkpoints, key), { state: seenAt25 })).toEqual([]);
    const seenAt40 = stateFrom(checkpoints[2], key);
    expect(await lines(source(entries.slice(0, 25), checkpoints.slice(0, 2), key), { state: seenAt40 })).toEqual([
      'the ledger now has 25 entries, fewer than the checkpoint you saw before (size 40, root ' +
        `${checkpoints[2].rootHash.slice(0, 16)}...): entries were removed`,
      expect.stringMatching(/^the latest checkpoint \(size 25\) is older than the checkpoint you saw before/),
    ]);
  });

  it('notices that the published key changed since the last run', async () => {
    const { privateKey: newKey } = generateKeyPairSync('ed25519');
    const problems = await lines(source(entries, [signCheckpoint(entries, 40, newKey)], newKey), { state: stateFrom(checkpoints[1], key) });
    expect(problems[0]).toMatch(/^the published key changed since your last run/);
  });

  it('checks offline sources by recomputation alone, and says so', async () => {
    const report = await verifyLedger(source(entries, checkpoints, key, { consistencyProof: undefined }), {
      state: stateFrom(checkpoints[0], key),
    });
    expect(report.problems).toEqual([]);
    expect(report.notes).toEqual([
      expect.stringMatching(/^offline: consistency with the checkpoint you saw before .* recomputation only$/),
    ]);
  });
});
