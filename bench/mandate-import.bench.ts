import 'reflect-metadata';
import { Client } from 'pg';
import { Actor, Role } from '@gc/common';
import { Db } from '@gc/db';
// The mandates module keeps this service to itself; the bench, an entry point, reaches it through the app as the resolver does.
import { ConstituentCsvService } from '../libs/mandates/src/csv/constituent-csv.service';
import { benchSetup, figures, GraphqlClient, log, recordStatements, replay, Result, round, writeSection } from './support';

/**
 * `npm run bench` (or `npm run bench:mandate-import`): a coordinator imports 10,000 constituents with their
 * mandates from one CSV (`importConstituents` over HTTP: parse, check every row, encrypt the identities, two bulk
 * inserts, the seat changes, one ledger entry, one transaction). Then the statements of the same import, recorded
 * in-process in a rolled-back transaction, are replayed and committed with pg: the database's share.
 */

const ROWS = 10_000;
const WARMUP_ROWS = 1000;
const DELEGATES = 50;
const IMPORT = 'mutation($input: ImportConstituentsInput!) { importConstituents(input: $input) { constituentsImported mandatesIssued } }';

class Rollback extends Error {}

const csv = (tag: string, rows: number, delegates: string[]) =>
  [
    'name,email,city,delegate',
    ...Array.from(
      { length: rows },
      (_, i) => `Constituent ${tag} ${i + 1},c-${tag}-${i + 1}@example.org,Lyon,${delegates[i % delegates.length]}`,
    ),
  ].join('\n');

async function main(): Promise<void> {
  const setup = await benchSetup('import');
  const { db, councilId } = setup;
  try {
    const delegations = (
      await db.query<{ id: string; name: string }>('SELECT id, name FROM delegation WHERE council_id = $1 ORDER BY country_code LIMIT 3', [
        councilId,
      ])
    ).rows;
    const fixtures = [];
    for (const delegation of delegations) {
      const names = Array.from({ length: DELEGATES }, (_, i) => `${delegation.name} delegate ${i + 1}`);
      await db.query(
        `INSERT INTO delegate (council_id, delegation_id, display_name, accredited_at) SELECT $1, $2, unnest($3::text[]), now()`,
        [councilId, delegation.id, names],
      );
      const { rows } = await db.query<{ id: string; actor_ref: string }>(
        `INSERT INTO user_account (council_id, email, display_name, role, delegation_id, actor_ref, activated_at)
         VALUES ($1, $2, 'Coordinator', 'COORDINATOR', $3, gen_random_uuid(), now()) RETURNING id, actor_ref`,
        [councilId, `coordinator-${delegation.id}@example.org`, delegation.id],
      );
      fixtures.push({ delegationId: delegation.id, names, userId: rows[0].id, actorRef: rows[0].actor_ref });
    }
    const [recorded, warmup, measured] = fixtures;

    // The import's statements, recorded in a transaction that is then rolled back.
    const actor: Actor = {
      userId: recorded.userId,
      actorRef: recorded.actorRef,
      sessionId: recorded.userId,
      role: Role.COORDINATOR,
      councilId,
      delegationId: recorded.delegationId,
    };
    const service = setup.app.get(ConstituentCsvService, { strict: false });
    const statements = await recordStatements(() =>
      setup.app
        .get(Db)
        .transaction(async () => {
          await service.import(actor, { delegationId: recorded.delegationId, csv: csv('r', ROWS, recorded.names) });
          throw new Rollback();
        })
        .catch((error) => {
          if (!(error instanceof Rollback)) throw error;
        }),
    );
    const tokens = { warmup: await setup.token(warmup.userId), measured: await setup.token(measured.userId) };

    await setup.startApi();
    const api = new GraphqlClient(setup.port);
    await api.ok(IMPORT, { input: { delegationId: warmup.delegationId, csv: csv('w', WARMUP_ROWS, warmup.names) } }, tokens.warmup);
    const body = csv('m', ROWS, measured.names);
    const t0 = process.hrtime.bigint();
    const { importConstituents } = await api.ok(IMPORT, { input: { delegationId: measured.delegationId, csv: body } }, tokens.measured);
    const httpMs = Number(process.hrtime.bigint() - t0) / 1e6;
    api.close();
    if (importConstituents.constituentsImported !== ROWS || importConstituents.mandatesIssued !== ROWS)
      throw new Error(`imported ${JSON.stringify(importConstituents)}`);

    // The recorded import, committed this time.
    const raw = new Client({ connectionString: setup.embedded.url });
    await raw.connect();
    const t1 = process.hrtime.bigint();
    await replay(
      raw,
      statements.map((s) => (s.text === 'ROLLBACK' ? { ...s, text: 'COMMIT' } : s)),
    );
    const rawMs = Number(process.hrtime.bigint() - t1) / 1e6;
    const [{ count }] = (
      await raw.query<{ count: number }>(
        'SELECT count(*)::int AS count FROM mandate m JOIN delegate d ON d.id = m.delegate_id WHERE d.delegation_id = $1',
        [recorded.delegationId],
      )
    ).rows;
    await raw.end();
    if (count !== ROWS) throw new Error(`the replayed import wrote ${count} mandates`);
    log(`import: ${statements.length} statements`);

    const results: Result[] = [
      {
        scenario: `importConstituents over HTTP, ${ROWS.toLocaleString('en')} rows with mandates`,
        rows: ROWS,
        csvKB: round(Buffer.byteLength(body) / 1024),
        ms: round(httpMs),
        rowsPerSecond: Math.round(ROWS / (httpMs / 1000)),
        sqlStatements: statements.length,
      },
      {
        scenario: `the same ${statements.length} statements through pg, committed`,
        rows: ROWS,
        ms: round(rawMs),
        rowsPerSecond: Math.round(ROWS / (rawMs / 1000)),
      },
    ];
    const summary = { scenario: 'mandate-import', rows: ROWS, ms: round(httpMs), rawSqlMs: round(rawMs), ratio: round(rawMs / httpMs, 2) };
    writeSection(
      'mandate-import',
      `## Mandate import\n\nbench/mandate-import.bench.ts.\n\n${figures(results)}\n\nSummary line: \`${JSON.stringify(summary)}\`\n\n` +
        `- One request from a coordinator of a delegation with ${DELEGATES} accredited delegates, after a warm-up import of ${WARMUP_ROWS} rows ` +
        'into another delegation: every row is checked before anything is written, identities are encrypted (AES-256-GCM) with ' +
        'their blind indexes, then constituents and mandates go in with one bulk statement each, seats are re-derived and one ' +
        'ledger entry counts the import.\n' +
        '- _the same statements through pg_: the import recorded in-process (in a transaction rolled back), replayed on one ' +
        "connection and committed: the database's share. ratio = raw SQL time divided by HTTP time.",
    );
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } finally {
    await setup.cleanup();
  }
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
