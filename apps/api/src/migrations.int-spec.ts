import { DataSource } from 'typeorm';
import { AccountService } from '@gc/auth';
import { CouncilSeeder } from '@gc/council';
import { Db, dataSourceOptions } from '@gc/db';
import { MIGRATIONS } from '../../../migrations';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { ENTITIES } from './entities';

describe('migrations and seed (integration, real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('leave the database exactly as the entities describe it (no drift between migrations and code)', async () => {
    const dataSource = await new DataSource(dataSourceOptions(t.database.url, ENTITIES, MIGRATIONS)).initialize();
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('seed is idempotent: running it again creates nothing and appends nothing', async () => {
    const db = t.app.get(Db);
    const counts = async () =>
      (
        await db.rows<{ councils: number; delegations: number; committees: number; users: number; entries: number }>(`SELECT
          (SELECT count(*)::int FROM council) AS councils, (SELECT count(*)::int FROM delegation) AS delegations,
          (SELECT count(*)::int FROM committee) AS committees, (SELECT count(*)::int FROM user_account) AS users,
          (SELECT count(*)::int FROM ledger_entry) AS entries`)
      )[0];
    const before = await counts();
    expect(before).toMatchObject({ councils: 1, delegations: 24, committees: 4, users: 1 });
    const council = await t.app.get(CouncilSeeder).seedFoundingCouncil();
    expect(council.id).toBe(t.councilId);
    expect(await t.app.get(AccountService).ensureSecretariat(council.id)).toBeNull();
    expect(await counts()).toEqual(before);
  });

  it('seeds concurrently without duplicates (two instances starting at once)', async () => {
    const seeder = t.app.get(CouncilSeeder);
    const results = await Promise.all([seeder.seedFoundingCouncil(), seeder.seedFoundingCouncil(), seeder.seedFoundingCouncil()]);
    expect(new Set(results.map((c) => c.id)).size).toBe(1);
    const [{ n }] = await t.app
      .get(Db)
      .rows<{ n: number }>("SELECT count(*)::int AS n FROM ledger_entry WHERE kind = 'DELEGATION_CREATED'");
    expect(n).toBe(24);
  });
});
