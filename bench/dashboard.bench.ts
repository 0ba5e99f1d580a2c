import 'reflect-metadata';
import { Client } from 'pg';
import {
  benchSetup,
  CONCURRENCY,
  createVoters,
  cpuMs,
  drive,
  figures,
  GraphqlClient,
  log,
  percentile,
  recordStatements,
  replay,
  Result,
  round,
  writeSection,
} from './support';

/**
 * `npm run bench` (or `npm run bench:dashboard`): the council's read dashboard, what every visitor's first page
 * asks for. One query: the council, all delegations with seat counts and coordinators, the committees with their
 * chair and members, the open petitions with their progress, and the sessions with quorum. 64 anonymous clients
 * ask for it over HTTP; then the statements one request sends (recorded in-process) are replayed with 64 pg
 * connections. Prints one JSON line and writes its section of bench/RESULTS.md.
 */

export const DASHBOARD = `query Dashboard {
  council { name seatedDelegateCount nextRegularSessionDue overdue }
  delegations(limit: 50) { totalCount items { id countryCode name seatedDelegateCount coordinators { displayName } } }
  committees(limit: 50) { totalCount items { id name chair { displayName } members(limit: 50) { totalCount items { id displayName } } } }
  petitions(status: [OPEN], limit: 50) { totalCount items { id purpose progress { validSignatures seated signaturesStillNeeded } } }
  sessions(limit: 50) { totalCount items { id title status startsAt quorum { present seated hasQuorum } } }
}`;

const DELEGATES_PER_DELEGATION = 40;
const MEMBERS_PER_COMMITTEE = 30;
const OPEN_PETITIONS = 12;
const SESSIONS = 6;
const REQUESTS = 800;
const WARMUP = 100;

async function main(): Promise<void> {
  const setup = await benchSetup('dashboard');
  const { db, councilId } = setup;
  try {
    // Every founding delegation gets its seated delegates; the first 12 of the first delegation can sign in.
    await db.query(
      `INSERT INTO delegate (council_id, delegation_id, display_name, accredited_at, seated)
       SELECT $1, d.id, d.name || ' delegate ' || i, now(), true FROM delegation d, generate_series(1, $2) AS i WHERE d.council_id = $1`,
      [councilId, DELEGATES_PER_DELEGATION],
    );
    await db.query(
      `INSERT INTO committee_member (committee_id, delegate_id, chair)
       SELECT c.id, m.id, m.n = 1 FROM committee c
         CROSS JOIN LATERAL (SELECT id, row_number() OVER (ORDER BY random()) AS n FROM delegate WHERE council_id = $1 LIMIT $2) m
        WHERE c.council_id = $1`,
      [councilId, MEMBERS_PER_COMMITTEE],
    );
    const signers = await createVoters(db, councilId, OPEN_PETITIONS, 'petitioner');
    const tokens = await Promise.all(signers.map((s) => setup.token(s.userId)));
    const [secretariatId] = (await db.query<{ id: string }>("SELECT id FROM user_account WHERE role = 'SECRETARIAT'")).rows.map(
      (r) => r.id,
    );
    const secretariat = await setup.token(secretariatId);
    await setup.app.listen(0, '127.0.0.1');
    const inProcess = new GraphqlClient(Number(new URL(await setup.app.getUrl()).port));
    for (const [i, token] of tokens.entries()) {
      await inProcess.ok(
        'mutation($input: OpenPetitionInput!) { openPetition(input: $input) { id } }',
        { input: { purpose: `Special session on question ${i + 1} of the bench`, proposedAgenda: ['Opening', `Question ${i + 1}`] } },
        token,
      );
    }
    for (let i = 0; i < SESSIONS; i++) {
      const startsAt = new Date(Date.now() + (40 + 10 * i) * 86_400_000);
      await inProcess.ok(
        'mutation($input: ConveneSessionInput!) { conveneRegularSession(input: $input) { id } }',
        {
          input: {
            title: `Session ${i + 1}`,
            startsAt: startsAt.toISOString(),
            endsAt: new Date(startsAt.getTime() + 8 * 3600_000).toISOString(),
          },
        },
        secretariat,
      );
    }
    await db.query('ANALYZE');
    // What one request sends to the database, recorded in-process (the served process runs the same code).
    await inProcess.ok(DASHBOARD, {});
    const statements = await recordStatements(() => inProcess.ok(DASHBOARD, {}));
    const answer = await inProcess.ok(DASHBOARD, {});
    inProcess.close();
    // Each statement timed alone (best of five), to name the costliest.
    const timed: { ms: number; text: string }[] = [];
    for (const statement of statements) {
      let best = Infinity;
      for (let i = 0; i < 5; i++) {
        const t0 = process.hrtime.bigint();
        await db.query(statement.text, statement.values as unknown[]);
        best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
      }
      timed.push({ ms: best, text: statement.text.replace(/\s+/g, ' ') });
    }
    timed.sort((a, b) => b.ms - a.ms);
    const sqlMsAlone = timed.reduce((sum, t) => sum + t.ms, 0);
    log(
      `dashboard: ${answer.delegations.totalCount} delegations, ${answer.committees.totalCount} committees, ` +
        `${answer.petitions.totalCount} open petitions, ${answer.sessions.totalCount} sessions; ${statements.length} SQL statements per request`,
    );

    const server = await setup.startApi();
    const api = new GraphqlClient(setup.port);
    let failures = 0;
    const ask = async () => {
      const result = await api.request(DASHBOARD, {});
      if (result.errors || !result.data) failures++;
    };
    await drive(Array.from({ length: WARMUP }), ask);
    const cpuBefore = cpuMs(server.pid, setup.pgDir);
    const httpRun = await drive(Array.from({ length: REQUESTS }), ask);
    const cpuAfter = cpuMs(server.pid, setup.pgDir);
    api.close();
    if (failures) throw new Error(`${failures} dashboard requests failed`);

    const clients = await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        const client = new Client({ connectionString: setup.embedded.url });
        await client.connect();
        return client;
      }),
    );
    await drive(Array.from({ length: WARMUP }), (_, worker) => replay(clients[worker], statements));
    const rawRun = await drive(Array.from({ length: REQUESTS }), (_, worker) => replay(clients[worker], statements));
    await Promise.all(clients.map((client) => client.end()));

    const requestsPerSecond = Math.round(REQUESTS / httpRun.seconds);
    const rawSqlPerSecond = Math.round(REQUESTS / rawRun.seconds);
    const results: Result[] = [
      {
        scenario: `dashboard query over HTTP, ${CONCURRENCY} clients`,
        requests: REQUESTS,
        requestsPerSecond,
        p50ms: round(percentile(httpRun.latencies, 50)),
        p95ms: round(percentile(httpRun.latencies, 95)),
        p99ms: round(percentile(httpRun.latencies, 99)),
        sqlStatementsPerRequest: statements.length,
        sqlMsPerRequestAlone: round(sqlMsAlone, 2),
        costliestStatementMs: round(timed[0].ms, 2),
        responseKB: round(Buffer.byteLength(JSON.stringify({ data: answer })) / 1024),
        ...(cpuBefore && cpuAfter
          ? {
              serverCpuMsPerRequest: round((cpuAfter.server - cpuBefore.server) / REQUESTS, 2),
              postgresCpuMsPerRequest: round((cpuAfter.postgres - cpuBefore.postgres) / REQUESTS, 2),
            }
          : {}),
      },
      {
        scenario: `the same ${statements.length} statements per request through pg, ${CONCURRENCY} connections`,
        requests: REQUESTS,
        requestsPerSecond: rawSqlPerSecond,
        p50ms: round(percentile(rawRun.latencies, 50)),
        p99ms: round(percentile(rawRun.latencies, 99)),
      },
    ];
    const summary = {
      scenario: 'dashboard',
      requestsPerSecond,
      p99Ms: round(percentile(httpRun.latencies, 99)),
      sqlStatementsPerRequest: statements.length,
      rawSqlPerSecond,
      ratio: round(requestsPerSecond / rawSqlPerSecond, 2),
    };
    writeSection(
      'dashboard',
      `## Council read dashboard\n\nbench/dashboard.bench.ts.\n\n${figures(results)}\n\nSummary line: \`${JSON.stringify(summary)}\`\n\n` +
        `- Data: the ${answer.delegations.totalCount} founding delegations with ${DELEGATES_PER_DELEGATION} seated delegates each, ` +
        `${answer.committees.totalCount} committees with ${MEMBERS_PER_COMMITTEE} members and a chair, ${OPEN_PETITIONS} open petitions, ` +
        `${SESSIONS} sessions. One anonymous GraphQL query (\`DASHBOARD\` in the bench) asks for all of it; ${WARMUP} requests warm up first.\n` +
        '- _sqlStatementsPerRequest_: counted with the query counter of libs/db around one request in the bench process (the same code ' +
        'the server runs); the DataLoaders batch every nested list, so the count does not grow with the number of delegations, ' +
        'committees, members or petitions.\n' +
        '- _the same statements through pg_: those recorded statements, replayed in order on each of 64 connections: the ' +
        "database's own limit for this page. ratio = HTTP requests/s divided by raw SQL requests/s.\n" +
        `- _sqlMsPerRequestAlone_: the statements timed one by one on an idle database (best of five each). The costliest ` +
        `(${round(timed[0].ms, 2)} ms) is:\n\n  \`${timed[0].text.slice(0, 400)}${timed[0].text.length > 400 ? ' ...' : ''}\`\n\n` +
        `  then ${timed
          .slice(1, 3)
          .map((t) => `${round(t.ms, 2)} ms for \`${t.text.slice(0, 90)} ...\``)
          .join(' and ')}.`,
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
