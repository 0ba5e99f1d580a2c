import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Actor, DomainError, ErrorCode, Role } from '@gc/common';
import { Db } from '@gc/db';
import { startTestApp, TestApp } from '../../../../test/support/test-app';
import { ConstituentService } from '../constituent/constituent.service';
import { DelegateService } from '../delegate/delegate.service';
import { SeatChange, SeatChangeNotifier } from '../seating/seat-change.notifier';
import { SeatingRepository } from '../seating/seating.repository';
import { isSeated } from '../seating/seating.rules';
import { MandateExpiryService } from './mandate-expiry.service';
import { MandateService } from './mandate.service';

/** Services against a real, migrated PostgreSQL: the guarantees that only the database can give. */
describe('mandates on PostgreSQL (integration)', () => {
  let t: TestApp;
  let coordinator: Actor;
  let delegationId: string;
  let delegates: string[];

  const service = <T>(type: new (...args: never[]) => T): T => t.app.get(type, { strict: false });
  const count = async (sql: string, params: unknown[] = []) => (await t.sql<{ n: number }>(sql, params))[0].n;
  let seq = 0;
  const newConstituent = async () =>
    (await service(ConstituentService).register(coordinator, { delegationId, name: `Person ${++seq}`, email: `p${seq}@example.org` })).id;
  const issue = (constituentId: string, delegateId: string, expiresAt?: Date) =>
    service(MandateService).issue(coordinator, { constituentId, delegateId, expiresAt });
  /** Moves a mandate's dates into the past, as if time had passed: its expiry is due but not recorded. */
  const backdate = (mandateId: string, expiredMinutesAgo: number) =>
    t.sql(`UPDATE mandate SET issued_at = now() - interval '1 day', expires_at = now() - make_interval(mins => $2) WHERE id = $1`, [
      mandateId,
      expiredMinutesAgo,
    ]);

  beforeAll(async () => {
    t = await startTestApp();
    [{ id: delegationId }] = await t.sql<{ id: string }>(`SELECT id FROM delegation WHERE country_code = 'DE'`);
    coordinator = {
      userId: randomUUID(),
      actorRef: randomUUID(),
      sessionId: randomUUID(),
      role: Role.COORDINATOR,
      councilId: t.councilId,
      delegationId,
    };
    delegates = [];
    for (const name of ['Anna', 'Boris', 'Chen']) {
      const delegate = await service(DelegateService).create(coordinator, { delegationId, displayName: name });
      await service(DelegateService).accredit(coordinator, { delegateId: delegate.id });
      delegates.push(delegate.id);
    }
  });
  afterAll(() => t.close());

  it('has the database refuse a second ACTIVE mandate for a constituent, even from two raw concurrent transactions', async () => {
    const constituentId = await newConstituent();
    const [first, second] = [new Client({ connectionString: t.database.url }), new Client({ connectionString: t.database.url })];
    await Promise.all([first.connect(), second.connect()]);
    try {
      const insert = `INSERT INTO mandate (delegation_id, constituent_id, delegate_id, status) VALUES ($1, $2, $3, 'ACTIVE')`;
      await first.query('BEGIN');
      await second.query('BEGIN');
      await first.query(insert, [delegationId, constituentId, delegates[0]]);
      // The second insert waits on the first transaction's index entry, then fails once it commits.
      const blocked = second.query(insert, [delegationId, constituentId, delegates[1]]).then(
        () => null,
        (error: { code: string; constraint: string }) => error,
      );
      await first.query('COMMIT');
      expect(await blocked).toMatchObject({ code: '23505', constraint: 'UQ_mandate_one_active_per_constituent' });
      await second.query('ROLLBACK');
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
    expect(await count(`SELECT count(*)::int AS n FROM mandate WHERE constituent_id = $1 AND status = 'ACTIVE'`, [constituentId])).toBe(1);
  });

  it('lets exactly one of many concurrent issue requests win; the others get MANDATE_ALREADY_ACTIVE and leave nothing', async () => {
    const constituentId = await newConstituent();
    const ledgerBefore = await count(`SELECT count(*)::int AS n FROM ledger_entry WHERE kind = 'MANDATE_ISSUED'`);
    const results = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => issue(constituentId, delegates[i % 3])));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(failures).toHaveLength(5);
    for (const failure of failures) expect(failure).toEqual(expect.objectContaining({ code: ErrorCode.MANDATE_ALREADY_ACTIVE }));
    expect(await count(`SELECT count(*)::int AS n FROM mandate WHERE constituent_id = $1`, [constituentId])).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM ledger_entry WHERE kind = 'MANDATE_ISSUED'`)).toBe(ledgerBefore + 1);
  });

  it('transfers the same mandate concurrently to two delegates: one wins, never zero and never two ACTIVE', async () => {
    const constituentId = await newConstituent();
    const mandate = await issue(constituentId, delegates[0]);
    const results = await Promise.allSettled([
      service(MandateService).transfer(coordinator, { mandateId: mandate.id, toDelegateId: delegates[1] }),
      service(MandateService).transfer(coordinator, { mandateId: mandate.id, toDelegateId: delegates[2] }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const failure = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failure.reason).toEqual(expect.objectContaining({ code: ErrorCode.MANDATE_NOT_ACTIVE }));
    const rows = await t.sql<{ status: string }>('SELECT status FROM mandate WHERE constituent_id = $1 ORDER BY issued_at, status', [
      constituentId,
    ]);
    expect(rows.map((r) => r.status).sort()).toEqual(['ACTIVE', 'SUPERSEDED']);
  });

  it('treats a passed expiry as EXPIRED on every read before any sweep, then sweeps it exactly once across concurrent sweepers', async () => {
    const delegate = await service(DelegateService).create(coordinator, { delegationId, displayName: 'Dilnoza' });
    await service(DelegateService).accredit(coordinator, { delegateId: delegate.id });
    const first = await issue(await newConstituent(), delegate.id, new Date(Date.now() + 3600_000));
    const second = await issue(await newConstituent(), delegate.id, new Date(Date.now() + 3600_000));
    await backdate(first.id, 30);
    await backdate(second.id, 10);
    const standing = async () => (await service(SeatingRepository).standings([delegate.id]))[0];

    // Still stored as ACTIVE, and still recorded as seated, but read as expired and not seated.
    expect(await count(`SELECT count(*)::int AS n FROM mandate WHERE delegate_id = $1 AND status = 'ACTIVE'`, [delegate.id])).toBe(2);
    expect(await standing()).toMatchObject({ activeMandates: 0, recordedSeated: true });
    expect(isSeated(await standing())).toBe(false);

    const swept = await Promise.all([1, 2, 3, 4].map(() => service(MandateExpiryService).sweep()));
    expect(swept.reduce((a, b) => a + b, 0)).toBe(2);
    expect(await service(MandateExpiryService).sweep()).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM mandate WHERE delegate_id = $1 AND status = 'EXPIRED'`, [delegate.id])).toBe(2);
    expect(
      await count(`SELECT count(*)::int AS n FROM ledger_entry WHERE kind = 'MANDATE_EXPIRED' AND canonical LIKE $1`, [`%${delegate.id}%`]),
    ).toBe(2);
    expect(await standing()).toMatchObject({ activeMandates: 0, recordedSeated: false });
    const [{ expires_at: lastExpiry }] = await t.sql<{ expires_at: Date }>('SELECT expires_at FROM mandate WHERE id = $1', [second.id]);
    // Unseated once, back-dated to the later expiry: the moment the last active mandate ran out.
    expect(await t.sql('SELECT to_seated, reason, at FROM seat_history WHERE delegate_id = $1 ORDER BY seq', [delegate.id])).toEqual([
      { to_seated: true, reason: 'MANDATE_ISSUED', at: expect.any(Date) },
      { to_seated: false, reason: 'MANDATE_EXPIRED', at: lastExpiry },
    ]);
  });

  it("records a delegate's due expiry before a new change on them, so the history keeps the gap", async () => {
    const delegate = await service(DelegateService).create(coordinator, { delegationId, displayName: 'Emomali' });
    await service(DelegateService).accredit(coordinator, { delegateId: delegate.id });
    const old = await issue(await newConstituent(), delegate.id, new Date(Date.now() + 3600_000));
    await backdate(old.id, 5);
    await issue(await newConstituent(), delegate.id);
    const history = await t.sql<{ to_seated: boolean; reason: string }>(
      'SELECT to_seated, reason FROM seat_history WHERE delegate_id = $1 ORDER BY seq',
      [delegate.id],
    );
    expect(history).toEqual([
      { to_seated: true, reason: 'MANDATE_ISSUED' },
      { to_seated: false, reason: 'MANDATE_EXPIRED' },
      { to_seated: true, reason: 'MANDATE_ISSUED' },
    ]);
  });

  describe('SeatChangeNotifier', () => {
    let listen: ((changes: readonly SeatChange[]) => Promise<void>) | null = null;
    beforeAll(() => service(SeatChangeNotifier).register((changes) => listen?.(changes) ?? Promise.resolve()));
    afterEach(() => {
      listen = null;
    });

    it('tells listeners about seat changes inside the transaction that made them', async () => {
      const delegate = await service(DelegateService).create(coordinator, { delegationId, displayName: 'Farrukh' });
      const heard: { changes: readonly SeatChange[]; inTransaction: boolean; recorded: boolean }[] = [];
      listen = async (changes) => {
        const db = service(Db);
        const [row] = await db.manager.query('SELECT seated FROM delegate WHERE id = $1', [delegate.id]);
        heard.push({ changes, inTransaction: db.inTransaction, recorded: row.seated });
      };
      await issue(await newConstituent(), delegate.id);
      expect(heard).toEqual([]);
      await service(DelegateService).accredit(coordinator, { delegateId: delegate.id });
      expect(heard).toEqual([
        {
          changes: [{ councilId: t.councilId, delegateId: delegate.id, seated: true, reason: 'ACCREDITED', at: expect.any(Date) }],
          inTransaction: true,
          recorded: true,
        },
      ]);
    });

    it('rolls the whole change back when a listener throws', async () => {
      const delegate = await service(DelegateService).create(coordinator, { delegationId, displayName: 'Gulnora' });
      await service(DelegateService).accredit(coordinator, { delegateId: delegate.id });
      const constituentId = await newConstituent();
      listen = () => Promise.reject(new DomainError(ErrorCode.CONFLICT, 'petition rule refused'));
      await expect(issue(constituentId, delegate.id)).rejects.toThrow('petition rule refused');
      expect(await count('SELECT count(*)::int AS n FROM mandate WHERE constituent_id = $1', [constituentId])).toBe(0);
      expect(await count('SELECT count(*)::int AS n FROM seat_history WHERE delegate_id = $1', [delegate.id])).toBe(0);
    });
  });
});
