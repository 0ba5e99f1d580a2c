import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { totpCode } from '@gc/auth';
import { hashPassword } from '../libs/auth/src/account/secrets';
import { activate, CSV_HEADER, delegationId, importCsv, signUpCoordinator } from './support/delegation-fixtures';
import { coordinatorOf, SeatedDelegate, seatedDelegates } from './support/factories';
import { SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD, startTestApp, TestApp } from './support/test-app';
import { enrolSecondFactor } from './support/two-factor';
import { markPresent, ok, OPEN_VOTE, PLACE_RESOLUTION, sessionInProgress, sha256Hex, submittedResolution } from './support/voting-fixtures';

/**
 * The web client in a real browser (Debian's chromium through playwright-core), against the real app and
 * database: a delegate votes, a coordinator imports a CSV file, anyone checks the ledger, delegates sign a
 * petition that the secretariat turns into a special session, and a committee member records an assessment
 * whose restricted evidence the public never sees. Screenshots of the main screens go to test/artifacts/web/
 * (not committed).
 */
const ARTIFACTS = join(__dirname, 'artifacts', 'web');
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const PASSWORD = 'a long enough passphrase for tests';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

describe('the web client in a browser (e2e)', () => {
  let t: TestApp;
  let secretariat: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  /** Script errors and console errors (a CSP violation shows there): every test ends with none. */
  let pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    [t, browser] = await Promise.all([
      startTestApp(),
      chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS }),
    ]);
    secretariat = await t.signIn();
  }, 120_000);
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    const errors = pageErrors;
    pageErrors = [];
    expect(errors).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A fresh browser profile: nothing carried over between users, as on two devices. */
  async function newPage(viewport = PHONE): Promise<Page> {
    const context = await browser.newContext({ viewport, timezoneId: 'Europe/Istanbul', locale: 'en-GB' });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    return page;
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

  /** Signs in through the page, answering the second-factor step with a real TOTP code (none: an account without one). */
  async function signIn(page: Page, email: string, secret: string | null, password = PASSWORD): Promise<void> {
    await page.goto(`${t.url}/sign-in`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    if (secret === null) return;
    await page.getByLabel('Authenticator code').waitFor();
    // Enrolment just used this 30-second step's code; the replay guard would refuse it again (as it should).
    await t.sql('UPDATE second_factor SET last_used_step = NULL WHERE user_id = (SELECT id FROM user_account WHERE email = $1)', [email]);
    await page.getByLabel('Authenticator code').fill(totpCode(secret));
    await page.getByRole('button', { name: 'Continue' }).click();
  }

  it('serves the client at / with a strict policy, falls back to index.html for pages, and leaves the API alone', async () => {
    const home = await fetch(`${t.url}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<script type="module" src="/js/main.js">');
    const csp = home.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(home.headers.get('x-content-type-options')).toBe('nosniff');
    expect(home.headers.get('referrer-policy')).toBe('no-referrer');

    const deep = await fetch(`${t.url}/resolutions/some-id`);
    expect([deep.status, deep.headers.get('content-type')]).toEqual([200, expect.stringContaining('text/html')]);
    const module = await fetch(`${t.url}/js/main.js`);
    expect([module.status, module.headers.get('content-type')]).toEqual([200, expect.stringContaining('javascript')]);
    expect((await fetch(`${t.url}/js/missing.js`)).status).toBe(404);
    expect((await fetch(`${t.url}/health`)).status).toBe(200);
    const api = await t.gql('{ council { name } }');
    expect(api.data?.council.name).toBeTruthy();
    expect((await fetch(`${t.url}/graphql/anything`)).headers.get('content-security-policy')).toBeNull();
  });

  it('a delegate signs in with the second factor, votes by secret ballot, sees the receipt once, and finds it counted after the close', async () => {
    // A seated delegate with a password and an authenticator, made through the coordinator's real API.
    const coordinator = await coordinatorOf(t, 'DE', secretariat);
    const others = await seatedDelegates(t, coordinator, 3, 'Colleague');
    const email = 'delegate.browser@example.org';
    const delegateId = (
      await ok(
        t.gql(
          'mutation($input: CreateDelegateInput!) { createDelegate(input: $input) { id } }',
          {
            input: { delegationId: coordinator.delegationId, displayName: 'Dilnoza Browser' },
          },
          coordinator.token,
        ),
      )
    ).createDelegate.id;
    await ok(t.gql('mutation($id: ID!) { accreditDelegate(input: { delegateId: $id }) { id } }', { id: delegateId }, coordinator.token));
    await ok(
      importCsv(
        t,
        coordinator.token,
        coordinator.delegationId,
        `name,email,delegate\nVoter Of Dilnoza,voter.dilnoza@example.org,Dilnoza Browser`,
      ),
    );
    const invited = await ok(
      t.gql(
        'mutation($input: CreateDelegateLoginInput!) { createDelegateLogin(input: $input) { activationToken } }',
        {
          input: { delegateId, email },
        },
        coordinator.token,
      ),
    );
    const { secret } = await enrolSecondFactor(t.gql, await activate(t, invited.createDelegateLogin.activationToken));
    t.secondFactorSecrets.set(email, secret);

    // A resolution on the agenda of a session in progress, everyone present, a secret vote open.
    const resolutionId = await submittedResolution(t, others[0], others.slice(1), 'On safe channels for relatives');
    const sessionId = await sessionInProgress(t, secretariat, 'Winter session');
    const line = (await ok(t.gql(PLACE_RESOLUTION, { input: { sessionId, resolutionId } }, secretariat))).placeResolutionOnAgenda;
    await markPresent(t, sessionId, [...others, { delegateId, userId: '', token: '' }]);
    const vote = (
      await ok(t.gql(OPEN_VOTE, { input: { agendaItemId: line.agendaItemId, rule: 'SIMPLE', secrecy: 'SECRET' } }, secretariat))
    ).openVote;

    // The secretariat watches the turnout live on a desktop while the delegate votes on a phone.
    const desk = await newPage(DESKTOP);
    await signIn(desk, SECRETARIAT_EMAIL, t.secondFactorSecrets.get(SECRETARIAT_EMAIL)!, SECRETARIAT_PASSWORD);
    await desk.waitForURL(`${t.url}/secretariat`);
    const subscribed = new Promise<void>((resolve) =>
      desk.on('websocket', (socket) =>
        socket.on('framesent', (frame) => {
          if (String(frame.payload).includes('"type":"subscribe"')) resolve();
        }),
      ),
    );
    await desk.getByRole('link', { name: 'Winter session' }).click();
    const turnout = desk.getByTestId('turnout');
    await turnout.getByText('0 of 4 on the roll have voted.').waitFor();
    await subscribed;
    // As in test/voting.e2e-spec.ts: let the server register the subscription before the ballot it must report.
    await new Promise((resolve) => setTimeout(resolve, 300));

    const page = await newPage(PHONE);
    await signIn(page, email, secret);
    await page.waitForURL(`${t.url}/me`);
    await page.getByRole('heading', { name: 'Welcome, Dilnoza Browser' }).waitFor();
    expect(await page.getByTestId('my-seat').textContent()).toBe('✓ Seated');
    await shot(page, '02-delegate-home-phone');

    await page.getByRole('link', { name: 'Vote on the resolution: On safe channels for relatives' }).click();
    await page.getByRole('heading', { name: 'Ballot: On safe channels for relatives' }).waitFor();
    await page.getByLabel('Yes').check();
    await shot(page, '03-ballot-phone');
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await page.getByTestId('confirm-choice').textContent()).toBe('You are voting “Yes” on “On safe channels for relatives”.');
    await shot(page, '04-ballot-confirm-phone');
    await page.getByRole('button', { name: 'Cast my vote: Yes' }).click();
    const receipt = (await page.getByTestId('receipt').textContent())!.trim();
    await page.getByRole('heading', { name: '✓ Your vote was recorded' }).waitFor();
    await shot(page, '05-receipt-phone');
    await turnout.getByText('1 of 4 on the roll have voted.').waitFor();
    await shot(desk, '12-secretariat-live-turnout-desktop');
    const myBallot = await ok(
      t.gql('query($id: ID!) { myBallot(voteId: $id) { voted } }', { id: vote.id }, await t.signIn(email, PASSWORD)),
    );
    expect(myBallot.myBallot.voted).toBe(true);

    // After the close the bulletin lists the receipt's hash, and the page finds it from the receipt alone.
    for (const [i, d] of others.entries()) {
      await ok(
        t.gql(
          'mutation($input: CastBallotInput!) { castBallot(input: $input) { receipt } }',
          { input: { voteId: vote.id, choice: i < 2 ? 'YES' : 'NO' } },
          d.token,
        ),
      );
    }
    await ok(t.gql('mutation($id: ID!) { closeVote(voteId: $id) { id } }', { id: vote.id }, secretariat));
    const bulletin = await ok(t.gql('query($id: ID!) { voteBulletin(voteId: $id) { entries { receiptHash } } }', { id: vote.id }));
    expect(bulletin.voteBulletin.entries.map((e: { receiptHash: string }) => e.receiptHash)).toContain(sha256Hex(receipt));

    await page.getByRole('link', { name: 'Check my receipt' }).click();
    await page.getByLabel('Receipt', { exact: true }).fill(receipt);
    await page.getByRole('button', { name: 'Check' }).click();
    await page.getByText('Counted: this receipt is on the vote’s bulletin.').waitFor();
    await shot(page, '06-receipt-counted-phone');
    await page.getByLabel('Receipt', { exact: true }).fill(`${receipt.slice(0, -1)}${receipt.endsWith('a') ? 'b' : 'a'}`);
    await page.getByRole('button', { name: 'Check' }).click();
    await page.getByText('Not found: no counted ballot has this receipt in this vote.').waitFor();
  }, 90_000);

  it('a coordinator imports a CSV file with one bad row, sees the problem in a table, and nothing is imported until it is fixed', async () => {
    const email = 'coordinator.browser@example.org';
    const fr = await delegationId(t, 'FR');
    await signUpCoordinator(t, secretariat, fr, email);
    const page = await newPage(DESKTOP);
    await signIn(page, email, t.secondFactorSecrets.get(email)!);
    await page.waitForURL(`${t.url}/coordinator`);
    await page.getByRole('button', { name: 'Add delegate' }).waitFor();
    await page.getByLabel('Name').fill('Farrukh Rahimov');
    await page.getByRole('button', { name: 'Add delegate' }).click();
    await page.getByRole('cell', { name: 'Farrukh Rahimov' }).waitFor();
    await page.getByRole('button', { name: 'Accredit', exact: true }).click();
    await page.getByRole('button', { name: 'Withdraw accreditation' }).waitFor();
    await shot(page, '07-coordinator-roster-desktop');

    await page.getByRole('link', { name: 'Import constituents from CSV' }).click();
    const rows = [
      'Good Row,good.row@example.org,,Lyon,,Farrukh Rahimov,2099-01-01',
      'Bad Date,bad.date@example.org,,Paris,,Farrukh Rahimov,31.12.2099',
    ];
    await page.getByLabel('CSV text').fill([CSV_HEADER, ...rows].join('\n'));
    await page.getByRole('button', { name: 'Import' }).click();
    const problemRow = page.getByTestId('import-report').getByRole('row').nth(1);
    await problemRow.waitFor();
    const cells = await problemRow.getByRole('cell').allTextContents();
    expect(cells.slice(0, 2)).toEqual(['3', 'expires_at']);
    expect(cells[2]).toMatch(/must be a date/);
    expect(await page.getByTestId('import-report').getByRole('row').count()).toBe(2);
    expect(await page.getByLabel('CSV text').getAttribute('aria-invalid')).toBe('true');
    await shot(page, '08-csv-import-refused-desktop');
    const [{ count }] = await t.sql<{ count: string }>('SELECT count(*) FROM constituent WHERE delegation_id = $1', [fr]);
    expect(count).toBe('0');

    await page.getByLabel('CSV text').fill([CSV_HEADER, rows[0], rows[1].replace('31.12.2099', '2099-12-31')].join('\n'));
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByText('✓ Imported 2 constituents and issued 2 mandates.').waitFor();
    await page.getByRole('link', { name: 'My delegation' }).click();
    await page.getByRole('link', { name: 'Constituents', exact: true }).click();
    await page.getByRole('cell', { name: /good\.row@example\.org/ }).waitFor();
    await shot(page, '09-constituents-desktop');

    // Mandates from the same table: revoke one, then issue it again.
    const row = page.getByRole('row', { name: /Good Row/ });
    await row.getByRole('button', { name: 'Revoke mandate' }).click();
    await row.getByText('No mandate').waitFor();
    await row.getByRole('button', { name: 'Issue mandate' }).click();
    await row.getByText('✓ Active').waitFor();
    const mandates = await t.sql<{ status: string }>(
      'SELECT m.status FROM mandate m JOIN constituent c ON c.id = m.constituent_id WHERE c.delegation_id = $1 ORDER BY m.issued_at',
      [fr],
    );
    expect(mandates.map((m) => m.status).sort()).toEqual(['ACTIVE', 'ACTIVE', 'REVOKED']);
  }, 90_000);

  it('anyone reads an adopted resolution and its bulletin, and checks the ledger in the browser: intact, then the tampered entry by its sequence number', async () => {
    await ok(t.gql('mutation { createLedgerCheckpoint { treeSize } }', {}, secretariat));
    const page = await newPage(PHONE);
    await page.goto(`${t.url}/`);
    await page.getByTestId('seated-count').waitFor();
    await shot(page, '01-home-phone');

    // The resolution adopted in the delegate's test, its result and its bulletin, for anyone.
    await page.getByRole('link', { name: 'Resolutions' }).first().click();
    await page.getByRole('link', { name: 'On safe channels for relatives' }).click();
    await page.getByText('Yes 3, no 1, abstain 0; 4 of 4 on the roll voted.').waitFor();
    await shot(page, '13-resolution-result-phone');
    await page.getByRole('link', { name: 'Bulletin of this vote' }).click();
    await page.getByText('4 ballots counted.').waitFor();
    expect(await page.getByRole('row').count()).toBe(5);
    await shot(page, '14-bulletin-phone');
    await page.getByRole('link', { name: 'Check the record' }).first().click();
    const verdict = page.getByTestId('verification');
    await verdict.getByText(/The record is intact/).waitFor();
    const [{ entries }] = await t.sql<{ entries: string }>('SELECT count(*) AS entries FROM ledger_entry WHERE council_id = $1', [
      t.councilId,
    ]);
    expect(await verdict.locator('.result-ok').textContent()).toContain(`${entries} entries checked`);
    await shot(page, '10-record-intact-phone');

    // A rogue operator edits one entry's payload in place, past the append-only triggers.
    const client = new Client({ connectionString: t.database.url });
    await client.connect();
    try {
      await client.query('SET session_replication_role = replica');
      const { rows } = await client.query(
        "SELECT seq, canonical FROM ledger_entry WHERE council_id = $1 AND kind = 'DELEGATION_CREATED' ORDER BY seq LIMIT 1",
        [t.councilId],
      );
      const changed = rows[0].canonical.replace(/"countryCode":"(\w+)"/, '"countryCode":"XX"');
      expect(changed).not.toBe(rows[0].canonical);
      await client.query('UPDATE ledger_entry SET canonical = $3 WHERE council_id = $1 AND seq = $2', [t.councilId, rows[0].seq, changed]);
      await page.getByRole('button', { name: 'Check again' }).click();
      await verdict.getByText('The record does not verify.').waitFor();
      expect(await verdict.getByRole('listitem').allTextContents()).toEqual([
        `Entry ${rows[0].seq}: its hash does not match its text (the entry was changed)`,
      ]);
    } finally {
      await client.end();
    }
    await shot(page, '11-record-tampered-phone');
  }, 60_000);

  /** Gives seated delegates made by the factory (which skips passwords) the test passphrase, so they can sign in from a page. */
  async function withPassword(delegates: SeatedDelegate[]): Promise<void> {
    const passwordHash = await hashPassword(PASSWORD);
    await t.sql('UPDATE user_account SET password_hash = $1 WHERE id = ANY($2::uuid[])', [passwordHash, delegates.map((d) => d.userId)]);
  }

  /** Resolves when the page has sent a graphql-ws subscribe message. */
  const subscribeSent = (page: Page) =>
    new Promise<void>((resolve) =>
      page.on('websocket', (socket) =>
        socket.on('framesent', (frame) => {
          if (String(frame.payload).includes('"type":"subscribe"')) resolve();
        }),
      ),
    );

  const PURPOSE = 'Convene a special session on the blockade of Khorog';
  let petitionId: string;

  it('delegates sign a petition for a special session from their phones, watch the count move live, withdraw, and see two-thirds reached', async () => {
    const coordinator = await coordinatorOf(t, 'SE', secretariat);
    const delegates = await seatedDelegates(t, coordinator, 20, 'Petitioner');
    const [first, second, third] = delegates;
    await withPassword([first, second, third]);
    // The client has no form to open a petition: the first delegate opens it through the API.
    petitionId = (
      await ok(
        t.gql(
          'mutation($input: OpenPetitionInput!) { openPetition(input: $input) { id } }',
          { input: { purpose: PURPOSE, proposedAgenda: ['The blockade of Khorog', 'Relief for the families'] } },
          first.token,
        ),
      )
    ).openPetition.id;
    const progress = async () =>
      (
        await ok(
          t.gql('query($id: ID!) { petition(id: $id) { progress { seated validSignatures signaturesStillNeeded } } }', {
            id: petitionId,
          }),
        )
      ).petition.progress as { seated: number; validSignatures: number; signaturesStillNeeded: number };
    const { seated, signaturesStillNeeded: needed } = await progress();
    expect(needed).toBeGreaterThan(3);
    expect(needed).toBeLessThanOrEqual(delegates.length - 2);
    const signed = (n: number) => `${n} of ${seated} seated delegates signed.`;

    const phones: Page[] = [];
    for (const d of [first, second, third]) {
      const page = await newPage(PHONE);
      const subscribed = subscribeSent(page);
      await signIn(page, `login-${d.delegateId}@example.org`, null);
      await page.waitForURL(`${t.url}/me`);
      await subscribed;
      phones.push(page);
    }
    // As in the ballot test: let the server register the subscriptions before the signatures they must report.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const cardOf = (page: Page) => page.locator('section.card', { hasText: PURPOSE });
    for (const page of phones) {
      await cardOf(page)
        .getByText(`${signed(0)} ${needed} more needed for two-thirds.`)
        .waitFor();
    }
    await shot(phones[0], '15-petition-open-phone');

    // The first signs on her phone; the other two see it arrive without reloading.
    await cardOf(phones[0]).getByRole('button', { name: 'Sign', exact: true }).click();
    await cardOf(phones[0]).getByText(signed(1)).waitFor();
    await cardOf(phones[1])
      .getByText(`${signed(1)} ${needed - 1} more needed for two-thirds.`)
      .waitFor();
    await cardOf(phones[2]).getByText(signed(1)).waitFor();
    // The second signs, then withdraws; the first watches both.
    await cardOf(phones[1]).getByRole('button', { name: 'Sign', exact: true }).click();
    await cardOf(phones[0]).getByText(signed(2)).waitFor();
    expect(await cardOf(phones[0]).locator('progress').getAttribute('value')).toBe('2');
    await shot(phones[0], '16-petition-live-progress-phone');
    await cardOf(phones[1]).getByRole('button', { name: 'Withdraw my signature' }).click();
    await cardOf(phones[1]).getByText(signed(1)).waitFor();
    await cardOf(phones[0])
      .getByText(`${signed(1)} ${needed - 1} more needed for two-thirds.`)
      .waitFor();
    await shot(phones[1], '17-petition-withdrawn-phone');

    // Others sign through the API until one signature is missing; the third delegate's is the one that crosses two-thirds.
    for (const d of delegates.slice(3, 3 + needed - 2)) {
      await ok(t.gql('mutation($id: ID!) { signPetition(petitionId: $id) { status } }', { id: petitionId }, d.token));
    }
    expect(await progress()).toEqual({ seated, validSignatures: needed - 1, signaturesStillNeeded: 1 });
    await cardOf(phones[2])
      .getByText(`${signed(needed - 1)} 1 more needed for two-thirds.`)
      .waitFor();
    await cardOf(phones[2]).getByRole('button', { name: 'Sign', exact: true }).click();
    for (const page of phones) {
      await cardOf(page).getByText(signed(needed)).waitFor();
      await cardOf(page).getByText('Two-thirds reached').waitFor();
      // Signatures no longer count once two-thirds is reached: the buttons are gone.
      await cardOf(page).getByRole('button', { name: 'Sign', exact: true }).waitFor({ state: 'hidden' });
      expect(await cardOf(page).getByRole('button').count()).toBe(0);
    }
    await shot(phones[0], '18-petition-threshold-met-phone');
    const [{ status }] = await t.sql<{ status: string }>('SELECT status FROM petition WHERE id = $1', [petitionId]);
    expect(status).toBe('THRESHOLD_MET');
  }, 60_000);

  it('the secretariat convenes the special session from the petition that met two-thirds, and anyone then finds it among the sessions', async () => {
    const desk = await newPage(DESKTOP);
    await signIn(desk, SECRETARIAT_EMAIL, t.secondFactorSecrets.get(SECRETARIAT_EMAIL)!, SECRETARIAT_PASSWORD);
    await desk.waitForURL(`${t.url}/secretariat`);
    const row = desk.getByRole('row', { name: new RegExp(PURPOSE) });
    await row.getByRole('cell', { name: 'Two-thirds reached' }).waitFor();
    const card = desk.locator('section.card', {
      has: desk.getByRole('heading', { name: `Convene the special session asked for: ${PURPOSE}` }),
    });
    expect(await card.getByLabel('Agenda').inputValue()).toBe('The blockade of Khorog\nRelief for the families');
    const local = (days: number, hour: number) => {
      const at = new Date(Date.now() + days * 24 * 3600 * 1000);
      return `${at.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
    };
    await card.getByLabel('Title').fill('Special session on Khorog');
    await card.getByLabel('Starts').fill(local(10, 10));
    await card.getByLabel('Ends').fill(local(10, 17));
    await card.getByLabel('Location').fill('Berlin');
    await shot(desk, '19-secretariat-convene-special-desktop');
    await card.getByRole('button', { name: 'Convene' }).click();
    await desk.getByRole('link', { name: 'Special session on Khorog' }).waitFor();
    await row.getByRole('cell', { name: 'Convened' }).waitFor();
    expect(await desk.getByRole('heading', { name: /Convene the special session asked for/ }).count()).toBe(0);
    await shot(desk, '20-secretariat-special-convened-desktop');
    const [petition] = await t.sql<{ status: string; convened_session_id: string }>(
      'SELECT status, convened_session_id FROM petition WHERE id = $1',
      [petitionId],
    );
    expect(petition.status).toBe('CONVENED');

    const page = await newPage(PHONE);
    await page.goto(`${t.url}/sessions`);
    const line = page.getByRole('row', { name: /Special session on Khorog/ });
    await line.waitFor();
    // Convened for 10:00 in the secretariat's time zone, shown at 10:00 in the reader's (both Istanbul here).
    expect(await line.getByRole('cell').allTextContents()).toEqual([
      'Special session on Khorog',
      'Special',
      expect.stringContaining('10:00 AM'),
      'Scheduled',
    ]);
    expect(await line.getByRole('link').getAttribute('href')).toBe(`/sessions/${petition.convened_session_id}`);
    await shot(page, '21-public-sessions-special-phone');
  }, 60_000);

  it('a monitoring committee member records an agreement and an assessment with public and restricted evidence; an outsider sees only the public part', async () => {
    const coordinator = await coordinatorOf(t, 'GB', secretariat);
    const [monitor] = await seatedDelegates(t, coordinator, 1, 'Monitor');
    await withPassword([monitor]);
    const { committees } = await ok(t.gql('{ committees { items { id slug } } }'));
    const monitoringId = committees.items.find((c: { slug: string }) => c.slug === 'monitoring').id;
    await ok(
      t.gql(
        'mutation($input: CommitteeMemberInput!) { addCommitteeMember(input: $input) { id } }',
        { input: { committeeId: monitoringId, delegateId: monitor.delegateId } },
        secretariat,
      ),
    );
    const day = (days: number) => new Date(Date.now() + days * 24 * 3600 * 1000).toISOString().slice(0, 10);
    const TITLE = 'Khorog agreement on the situation in GBAO';
    const RESTRICTED = { title: 'Statement of witness W-7 from Rushan', source: 'committee archive, sealed envelope 7' };
    const PUBLIC = { title: 'Outage map of GBAO districts', source: 'https://example.org/outages' };

    const desk = await newPage(DESKTOP);
    await signIn(desk, `login-${monitor.delegateId}@example.org`, null);
    await desk.waitForURL(`${t.url}/me`);
    await desk.getByRole('link', { name: 'Committee work' }).click();
    await desk.getByRole('heading', { name: 'Committee work: agreements' }).waitFor();
    await desk.getByLabel('Agreement').fill(TITLE);
    await desk.getByLabel('Concluded on').fill(day(-120));
    await desk.getByLabel('Place').fill('Khorog');
    await desk.getByLabel('Parties').fill('Local authorities of GBAO | local authorities\nCivilian representatives | 40 delegates of GBAO');
    await desk
      .getByLabel('Terms')
      .fill(
        `Restore internet and mobile connection in GBAO | Ministry of Transport and Communications | ${day(-20)}\n` +
          'Remove the officials responsible for the violence | Government of Tajikistan',
      );
    await desk.getByRole('button', { name: 'Record agreement' }).click();
    await desk.getByRole('link', { name: TITLE }).click();
    await desk.getByRole('heading', { name: TITLE }).waitFor();
    const term = desk.locator('section.card', {
      has: desk.getByRole('heading', { name: '1. Restore internet and mobile connection in GBAO' }),
    });
    await term.getByText('Overdue').waitFor();
    await term.getByText('Record an assessment').click();
    await term.getByLabel('Status').selectOption({ label: 'Not compliant' });
    await term.getByLabel('Observed on').fill(day(-2));
    await term.getByLabel('Summary').fill('Mobile data is still cut in Rushan and Roshtqal’a districts.');
    await term.getByLabel('Evidence title', { exact: true }).fill(PUBLIC.title);
    await term.getByLabel('Evidence source', { exact: true }).fill(PUBLIC.source);
    await term.getByLabel('Second evidence title').fill(RESTRICTED.title);
    await term.getByLabel('Second evidence source').fill(RESTRICTED.source);
    expect(await term.getByLabel('Evidence visibility', { exact: true }).inputValue()).toBe('PUBLIC');
    expect(await term.getByLabel('Second evidence visibility').inputValue()).toBe('RESTRICTED');
    await shot(desk, '22-committee-assessment-form-desktop');
    await term.getByRole('button', { name: 'Record assessment' }).click();

    // The committee sees both items, the restricted one marked as such.
    const timeline = desk.getByRole('list', { name: 'Assessments, oldest first' });
    await timeline.getByText(`${RESTRICTED.title} (${RESTRICTED.source}) · Restricted`).waitFor();
    await timeline.getByText(`${PUBLIC.title} (${PUBLIC.source})`, { exact: true }).waitFor();
    await term.getByText('Not compliant').first().waitFor();
    await shot(desk, '23-committee-term-timeline-desktop');
    const evidence = await t.sql<{ title: string; visibility: string }>('SELECT title, visibility FROM assessment_evidence ORDER BY title');
    expect(evidence).toEqual([
      { title: PUBLIC.title, visibility: 'PUBLIC' },
      { title: RESTRICTED.title, visibility: 'RESTRICTED' },
    ]);

    // A fresh anonymous browser: the public timeline shows the public item and counts the restricted one, nothing more.
    const page = await newPage(PHONE);
    await page.goto(`${t.url}/agreements`);
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { name: TITLE }).waitFor();
    const publicTimeline = page.getByRole('list', { name: 'Assessments, oldest first' });
    await publicTimeline.getByText(`${PUBLIC.title} (${PUBLIC.source})`, { exact: true }).waitFor();
    await publicTimeline.getByText('Restricted evidence items: 1 (visible to the committee only).').waitFor();
    await publicTimeline.getByText('Mobile data is still cut in Rushan and Roshtqal’a districts.').waitFor();
    const text = (await page.textContent('body')) ?? '';
    for (const secret of [RESTRICTED.title, RESTRICTED.source, 'W-7', 'sealed envelope']) expect(text).not.toContain(secret);
    expect(await page.content()).not.toContain('W-7');
    await shot(page, '24-public-agreement-timeline-phone');
  }, 60_000);
});
