import { Db } from '@gc/db';
import { startTestApp, TestApp } from '../../../../test/support/test-app';
import { GENESIS_HASH, verifyChain } from './ledger-hash';
import { LedgerService } from './ledger.service';

describe('ledger (integration, real PostgreSQL)', () => {
  let t: TestApp;
  let ledger: LedgerService;
  let db: Db;
  beforeAll(async () => {
    t = await startTestApp();
    ledger = t.app.get(LedgerService);
    db = t.app.get(Db);
  });
  afterAll(() => t.close());

  const allEntries = () =>
    db.rows<{ seq: string; canonical: string; hash: string; prev_hash: string }>(
      'SELECT seq, canonical, hash, prev_hash FROM ledger_entry WHERE council_id = $1 ORDER BY seq',
      [t.councilId],
    );

  it('starts with the seed: the founding council, 24 delegations, 4 committees, the secretariat account', async () => {
    const rows = await db.rows<{ kind: string; n: number }>(
      'SELECT kind, count(*)::int AS n FROM ledger_entry WHERE council_id = $1 GROUP BY kind ORDER BY kind',
      [t.councilId],
    );
    expect(rows).toEqual([
      { kind: 'COMMITTEE_CREATED', n: 4 },
      { kind: 'COUNCIL_FOUNDED', n: 1 },
      { kind: 'DELEGATION_CREATED', n: 24 },
      { kind: 'SECRETARIAT_ACCOUNT_CREATED', n: 1 },
    ]);
    const entries = await allEntries();
    expect(entries[0].prev_hash).toBe(GENESIS_HASH);
    expect(verifyChain(entries)).toBeNull();
  });

  it('assigns gapless sequence numbers under 64 concurrent writers and keeps the chain intact', async () => {
    const before = (await allEntries()).length;
    await Promise.all(
      Array.from({ length: 64 }, (_, i) => db.transaction(() => ledger.append(t.councilId, 'system', 'TEST_EVENT', { i }))),
    );
    const entries = await allEntries();
    expect(entries.map((e) => Number(e.seq))).toEqual(Array.from({ length: before + 64 }, (_, i) => i + 1));
    expect(verifyChain(entries)).toBeNull();
  });

  it('takes a rolled-back entry with its transaction, leaving no gap', async () => {
    const before = (await allEntries()).length;
    await expect(
      db.transaction(async () => {
        await ledger.append(t.councilId, 'system', 'TEST_EVENT', { doomed: true });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await db.transaction(() => ledger.append(t.councilId, 'system', 'TEST_EVENT', { kept: true }));
    const entries = await allEntries();
    expect(entries).toHaveLength(before + 1);
    expect(JSON.parse(entries[before].canonical).payload).toEqual({ kept: true });
  });

  it('writes the entries of one transaction in append order, with consecutive numbers', async () => {
    const before = (await allEntries()).length;
    await db.transaction(async () => {
      await ledger.append(t.councilId, 'system', 'TEST_EVENT', { step: 1 });
      await ledger.append(t.councilId, 'system', 'TEST_EVENT', { step: 2 });
    });
    const entries = await allEntries();
    expect(entries.slice(before).map((e) => [Number(e.seq), JSON.parse(e.canonical).payload.step])).toEqual([
      [before + 1, 1],
      [before + 2, 2],
    ]);
    expect(verifyChain(entries)).toBeNull();
  });

  it('refuses a payload it cannot write canonically at once, not at commit', async () => {
    await expect(db.transaction(() => ledger.append(t.councilId, 'system', 'TEST_EVENT', { ratio: 0.5 }))).rejects.toThrow(/safe integers/);
  });

  it('refuses to append outside a transaction', async () => {
    await expect(ledger.append(t.councilId, 'system', 'TEST_EVENT', {})).rejects.toThrow(/inside Db.transaction/);
  });

  it.each([
    ['UPDATE', "UPDATE ledger_entry SET kind = 'FORGED' WHERE seq = 1"],
    ['DELETE', 'DELETE FROM ledger_entry WHERE seq = 1'],
    ['TRUNCATE', 'TRUNCATE ledger_entry'],
  ])('refuses %s in the database itself', async (_, sql) => {
    await expect(db.rows(sql)).rejects.toThrow(/append-only/);
    expect(verifyChain(await allEntries())).toBeNull();
  });

  it('lets verification find the first entry that was changed behind the triggers', async () => {
    const entries = await allEntries();
    const tampered = entries.map((e) => (Number(e.seq) === 7 ? { ...e, canonical: e.canonical.replace('"kind":"', '"kind":"X') } : e));
    expect(verifyChain(tampered)).toEqual({ seq: 7, reason: 'hash does not match the entry text' });
    expect(verifyChain([...entries.slice(0, 3), ...entries.slice(4)])).toEqual({ seq: 4, reason: 'expected sequence 4, found 5' });
  });

  it('serves the ledger publicly, page by page', async () => {
    const page = await t.gql(
      `{ ledgerEntries(councilId: "${t.councilId}", afterSeq: 1, limit: 2) { seq kind actor hash prevHash payload canonical } }`,
    );
    expect(page.errors).toBeUndefined();
    const [second, third] = page.data!.ledgerEntries;
    expect([second.seq, third.seq]).toEqual([2, 3]);
    expect(third.prevHash).toBe(second.hash);
    expect(JSON.parse(second.canonical).payload).toEqual(JSON.parse(second.payload));
    const tooMany = await t.gql(`{ ledgerEntries(councilId: "${t.councilId}", limit: 1001) { seq } }`);
    expect(tooMany.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'limit' });
  });
});
