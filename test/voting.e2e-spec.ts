import { runVerifierCli } from '../apps/verifier/src/verifier-cli';
import { createHash } from 'node:crypto';
import { merkleRoot } from '@gc/ledger';
import { VoteService } from '@gc/voting';
import { coordinatorOf, SeatedDelegate, seatedDelegates } from './support/factories';
import { subscribe } from './support/subscriptions';
import { codes, GqlResult, startTestApp, TestApp } from './support/test-app';
import {
  AMEND,
  BULLETIN,
  CAST,
  CLOSE_VOTE,
  DRAFT,
  markPresent,
  ok,
  OPEN_VOTE,
  PLACE_AMENDMENT,
  PLACE_RESOLUTION,
  RECEIPT,
  sessionInProgress,
  sha256Hex,
  SPONSOR,
  SUBMIT,
  submittedResolution,
  wholeBulletin,
  WITHDRAW,
} from './support/voting-fixtures';

const RESOLUTION = `query($id: ID!) { resolution(id: $id) { id status number title text currentVersion adoptedVersion committeeId
  versions { version text amendmentId } amendments { id status producedVersion }
  result { outcome rule yes no abstain turnout rollSize receiptRoot } votes { id status amendmentId textVersion } } }`;

describe('resolutions and voting: the whole walk (e2e)', () => {
  let t: TestApp;
  let secretariat: string;
  let delegates: SeatedDelegate[];
  let chair: SeatedDelegate;
  let committeeId: string;

  beforeAll(async () => {
    t = await startTestApp();
    secretariat = await t.signIn();
    const coordinator = await coordinatorOf(t, 'FR', secretariat);
    delegates = await seatedDelegates(t, coordinator, 8, 'Walker');
    chair = delegates[0];
    const { committees } = await ok(t.gql('{ committees { items { id slug } } }'));
    committeeId = committees.items[0].id;
    const member = { committeeId, delegateId: chair.delegateId };
    await ok(t.gql('mutation($input: CommitteeMemberInput!) { addCommitteeMember(input: $input) { id } }', { input: member }, secretariat));
    await ok(t.gql('mutation($input: CommitteeMemberInput!) { setCommitteeChair(input: $input) { id } }', { input: member }, secretariat));
  }, 120_000);
  afterAll(() => t.close());

  it('a committee drafts, delegates amend, the session votes the amendment then the resolution by secret ballot, the result is numbered, a voter finds their receipt, and the ledger shows open and close', async () => {
    // The committee's chair drafts and submits; no sponsors needed.
    const drafted = await ok(
      t.gql(
        DRAFT,
        { input: { title: 'On the protection of relatives', text: 'The Council condemns reprisals against relatives.', committeeId } },
        chair.token,
      ),
    );
    const resolutionId = drafted.draftResolution.id;
    expect(drafted.draftResolution).toMatchObject({ status: 'DRAFT', committeeId });
    expect((await ok(t.gql(SUBMIT, { id: resolutionId }, chair.token))).submitResolution.status).toBe('SUBMITTED');

    // A delegate proposes a new text against version 1.
    const amendedText = 'The Council condemns reprisals against relatives and asks for their release.';
    const amendment = (await ok(t.gql(AMEND, { input: { resolutionId, text: amendedText } }, delegates[3].token))).proposeAmendment;
    expect(amendment).toMatchObject({ status: 'SUBMITTED', baseVersion: 1 });

    // The secretariat places both on the agenda of a session in progress; seven of eight delegates are present.
    const sessionId = await sessionInProgress(t, secretariat, 'Autumn session');
    const resolutionLine = (await ok(t.gql(PLACE_RESOLUTION, { input: { sessionId, resolutionId } }, secretariat))).placeResolutionOnAgenda;
    const amendmentLine = (await ok(t.gql(PLACE_AMENDMENT, { input: { sessionId, amendmentId: amendment.id } }, secretariat)))
      .placeAmendmentOnAgenda;
    expect([resolutionLine.position, amendmentLine.position]).toEqual([2, 3]);
    const checkIn = 'mutation($id: ID!) { checkIn(sessionId: $id) { present } }';
    for (const d of delegates.slice(0, 7)) await ok(t.gql(checkIn, { id: sessionId }, d.token));
    const motions = (
      await ok(
        t.gql('query($id: ID!) { session(id: $id) { motions { agendaItemId position resolutionId amendmentId } } }', { id: sessionId }),
      )
    ).session.motions;
    expect(motions.map((m: { amendmentId: string | null }) => m.amendmentId)).toEqual([null, amendment.id]);

    // The amendment first: the resolution's vote cannot open while it is pending.
    const tooEarly = await t.gql(
      OPEN_VOTE,
      { input: { agendaItemId: resolutionLine.agendaItemId, rule: 'SIMPLE', secrecy: 'SECRET' } },
      secretariat,
    );
    expect(tooEarly.errors![0].extensions).toMatchObject({ code: 'AMENDMENTS_PENDING', field: 'input.agendaItemId' });
    const amendmentVote = (
      await ok(t.gql(OPEN_VOTE, { input: { agendaItemId: amendmentLine.agendaItemId, rule: 'SIMPLE', secrecy: 'SECRET' } }, secretariat))
    ).openVote;
    expect(amendmentVote).toMatchObject({
      status: 'OPEN',
      secrecy: 'SECRET',
      textVersion: 1,
      rollSize: 7,
      rollWeight: 7,
      quorum: { present: 7, seated: 8 },
    });
    const amendmentChoices = ['YES', 'YES', 'YES', 'YES', 'NO', 'ABSTAIN', 'YES'];
    for (const [i, choice] of amendmentChoices.entries()) {
      await ok(t.gql(CAST, { input: { voteId: amendmentVote.id, choice } }, delegates[i].token));
    }
    const amendmentResult = (await ok(t.gql(CLOSE_VOTE, { id: amendmentVote.id }, secretariat))).closeVote.result;
    expect(amendmentResult).toMatchObject({ outcome: 'ADOPTED', yes: 5, no: 1, abstain: 1, turnout: 7, rollSize: 7 });

    // Then the resolution, now at version 2, by secret ballot with two-thirds of those voting.
    const vote = (
      await ok(
        t.gql(OPEN_VOTE, { input: { agendaItemId: resolutionLine.agendaItemId, rule: 'TWO_THIRDS_CAST', secrecy: 'SECRET' } }, secretariat),
      )
    ).openVote;
    expect(vote.textVersion).toBe(2);
    const tally = subscribe<{ voteTally: { status: string; turnout: number; yes: number | null; outcome: string | null } }>(
      t.url,
      'subscription($id: ID!) { voteTally(voteId: $id) { status turnout yes no abstain outcome } }',
      { id: vote.id },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const receipts: string[] = [];
    for (const [i, choice] of ['YES', 'YES', 'YES', 'YES', 'YES', 'NO', 'NO'].entries()) {
      const cast = (await ok(t.gql(CAST, { input: { voteId: vote.id, choice } }, delegates[i].token))).castBallot;
      expect(cast.receiptHash).toBe(sha256Hex(cast.receipt));
      receipts.push(cast.receipt);
    }
    let message = await tally.next();
    while (message.voteTally.turnout < 7) {
      expect(message.voteTally).toMatchObject({ status: 'OPEN', yes: null, outcome: null });
      message = await tally.next();
    }
    expect(message.voteTally).toMatchObject({ status: 'OPEN', turnout: 7, yes: null });
    const closed = (await ok(t.gql(CLOSE_VOTE, { id: vote.id }, secretariat))).closeVote.result;
    expect(closed).toMatchObject({
      outcome: 'ADOPTED',
      rule: 'TWO_THIRDS_CAST',
      yes: 5,
      no: 2,
      abstain: 0,
      turnout: 7,
      quorum: { present: 7, seated: 8 },
    });
    while (message.voteTally.status !== 'CLOSED') message = await tally.next();
    expect(message.voteTally).toMatchObject({ turnout: 7, yes: 5, outcome: 'ADOPTED' });
    await tally.close();

    // Adopted with its number, the amended text, and the result; readable by the public.
    const year = new Date().getUTCFullYear();
    const adopted = (await ok(t.gql(RESOLUTION, { id: resolutionId }))).resolution;
    expect(adopted).toMatchObject({
      status: 'ADOPTED',
      number: `GC-${year}-1`,
      text: amendedText,
      currentVersion: 2,
      adoptedVersion: 2,
      result: { outcome: 'ADOPTED', yes: 5, no: 2, turnout: 7, rollSize: 7 },
    });
    expect(adopted.versions.map((v: { version: number; amendmentId: string | null }) => [v.version, v.amendmentId])).toEqual([
      [1, null],
      [2, amendment.id],
    ]);
    expect((await ok(t.gql(`{ resolutionByNumber(number: "GC-${year}-1") { id } }`))).resolutionByNumber.id).toBe(resolutionId);

    // A voter checks their receipt: it is on the bulletin, without the choice; the bulletin is sorted and its root matches.
    const mine = sha256Hex(receipts[2]);
    expect((await ok(t.gql(RECEIPT, { voteId: vote.id, hash: mine }))).ballotReceipt).toEqual({
      voteId: vote.id,
      receiptHash: mine,
      counted: true,
      choice: null,
    });
    const bulletin = (await ok(t.gql(BULLETIN, { voteId: vote.id }))).voteBulletin;
    const hashes = bulletin.entries.map((e: { receiptHash: string }) => e.receiptHash);
    expect(hashes).toEqual([...receipts.map(sha256Hex)].sort());
    expect(bulletin.entries.every((e: { choice: string | null }) => e.choice === null)).toBe(true);
    expect(bulletin.receiptRoot).toBe(merkleRoot(hashes.map((h: string) => Buffer.from(h, 'hex'))).toString('hex'));
    expect(bulletin.receiptRoot).toBe(closed.receiptRoot);
    expect((await ok(t.gql(RECEIPT, { voteId: vote.id, hash: sha256Hex('not a receipt') }))).ballotReceipt.counted).toBe(false);

    // The ledger: the vote opened with the roll's hash and closed with the tally and the receipt root; no ballot entries.
    const entries = await t.sql<{ kind: string; canonical: string }>('SELECT kind, canonical FROM ledger_entry ORDER BY seq');
    const ofVote = entries
      .filter((e) => e.canonical.includes(vote.id))
      .map((e) => ({ kind: e.kind, payload: JSON.parse(e.canonical).payload }));
    expect(ofVote.map((e) => e.kind)).toEqual(['VOTE_OPENED', 'VOTE_CLOSED']);
    expect(ofVote[0].payload).toMatchObject({ rollSize: 7, rollHash: vote.rollHash, secrecy: 'SECRET', rule: 'TWO_THIRDS_CAST' });
    expect(ofVote[1].payload).toMatchObject({
      outcome: 'ADOPTED',
      counts: { yes: 5, no: 2, abstain: 0 },
      receiptRoot: closed.receiptRoot,
      receiptCount: 7,
      resolutionNumber: `GC-${year}-1`,
    });
    const kinds = entries.map((e) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'RESOLUTION_DRAFTED',
        'RESOLUTION_SUBMITTED',
        'AMENDMENT_PROPOSED',
        'AMENDMENT_ADOPTED',
        'RESOLUTION_ADOPTED',
      ]),
    );
    expect(kinds.filter((k) => /BALLOT/.test(k))).toEqual([]);
    const ledgerText = entries.map((e) => e.canonical).join('\n');
    for (const receipt of receipts) {
      expect(ledgerText).not.toContain(receipt);
      expect(ledgerText).not.toContain(sha256Hex(receipt));
    }
    // Nor do the logs carry a receipt token.
    const logText = t.logs.join('\n');
    for (const receipt of receipts) expect(logText).not.toContain(receipt);

    // The voter checks their receipt with the offline verifier: the whole ledger, then the bulletin against its root.
    const verify = async (receipt: string) => {
      let out = '';
      const code = await runVerifierCli(
        ['verify', '--url', `${t.url}/graphql`, '--no-state', '--jobs', '0', '--receipt', receipt, '--vote', vote.id],
        {
          stdout: { write: (text: string) => (out += text) },
          stderr: { isTTY: false, write: () => true },
        },
      );
      return { code, out };
    };
    const counted = await verify(receipts[2]);
    expect(counted.out).toContain('receipt: counted as cast, on the bulletin of 7 ballots the ledger committed to');
    expect(counted.code).toBe(0);
    const forged = await verify('a receipt that was never issued');
    expect(forged.out).toContain('receipt: your receipt is not on the bulletin');
    expect(forged.code).toBe(1);
  });
});

/** Every row count and state of the voting tables, and the ledger's length: what "nothing changed" compares. */
const VOTING_STATE = `SELECT
  (SELECT count(*)::int FROM resolution) AS resolutions,
  (SELECT string_agg(status::text || coalesce(number_seq::text, ''), ',' ORDER BY id) FROM resolution) AS resolution_states,
  (SELECT count(*)::int FROM resolution_sponsor) AS sponsors,
  (SELECT count(*)::int FROM resolution_version) AS versions,
  (SELECT string_agg(status::text, ',' ORDER BY id) FROM amendment) AS amendment_states,
  (SELECT count(*)::int FROM session_agenda_item) AS agenda_items,
  (SELECT count(*)::int FROM agenda_motion) AS motions,
  (SELECT string_agg(status::text, ',' ORDER BY id) FROM vote) AS vote_states,
  (SELECT count(*)::int FROM vote_roll) AS roll,
  (SELECT string_agg(delegate_id::text || choice::text || encode(receipt_hash, 'hex'), ',' ORDER BY delegate_id) FROM roll_call_ballot) AS named,
  (SELECT count(*)::int FROM vote_participation) AS participation,
  (SELECT count(*)::int FROM ballot_box) AS box,
  (SELECT count(*)::int FROM ledger_entry) AS ledger`;

describe('voting refuses bad input with a clear error and changes nothing (e2e)', () => {
  let t: TestApp;
  let secretariat: string;
  let coordinator: { token: string; delegationId: string };
  let delegates: SeatedDelegate[];
  let sessionId: string;

  beforeAll(async () => {
    t = await startTestApp();
    secretariat = await t.signIn();
    coordinator = await coordinatorOf(t, 'GB', secretariat);
    delegates = await seatedDelegates(t, coordinator, 10, 'Careful');
    sessionId = await sessionInProgress(t, secretariat, 'Session under test');
    await markPresent(t, sessionId, delegates.slice(0, 8));
  }, 120_000);
  afterAll(() => t.close());

  const state = async () => (await t.sql(VOTING_STATE))[0];
  /** Runs a call that must fail: returns its error (code and field) and checks that nothing changed. */
  const refused = async (call: () => Promise<{ errors?: { extensions: { code: string; field?: string } }[] }>) => {
    const before = await state();
    const result = await call();
    expect(await state()).toEqual(before);
    expect(result.errors).toHaveLength(1);
    return result.errors![0].extensions;
  };
  const resolutionOnAgenda = async (title: string) => {
    const id = await submittedResolution(t, delegates[0], delegates.slice(1, 3), title);
    const line = (await ok(t.gql(PLACE_RESOLUTION, { input: { sessionId, resolutionId: id } }, secretariat))).placeResolutionOnAgenda;
    return { id, agendaItemId: line.agendaItemId as string };
  };
  const openVote = async (agendaItemId: string, secrecy = 'SECRET', rule = 'SIMPLE') =>
    (await ok(t.gql(OPEN_VOTE, { input: { agendaItemId, rule, secrecy } }, secretariat))).openVote;
  const cast = (voteId: string, token: string | undefined, choice = 'YES') => t.gql(CAST, { input: { voteId, choice } }, token);

  it('refuses a cast from a delegate not on the roll, a second secret ballot, and casts after close', async () => {
    const { agendaItemId } = await resolutionOnAgenda('On the roll');
    const vote = await openVote(agendaItemId);
    expect(vote.rollSize).toBe(8);
    expect(await refused(() => cast(vote.id, delegates[9].token))).toEqual({ code: 'NOT_ON_ROLL', field: 'input.voteId' });
    await ok(cast(vote.id, delegates[0].token, 'YES'));
    expect(await refused(() => cast(vote.id, delegates[0].token, 'YES'))).toEqual({ code: 'ALREADY_VOTED', field: 'input.voteId' });
    expect(await refused(() => cast(vote.id, delegates[0].token, 'NO'))).toEqual({ code: 'ALREADY_VOTED', field: 'input.voteId' });
    await ok(t.gql(CLOSE_VOTE, { id: vote.id }, secretariat));
    expect(await refused(() => cast(vote.id, delegates[1].token))).toEqual({ code: 'VOTE_NOT_OPEN', field: 'input.voteId' });
    expect(await refused(() => t.gql(CLOSE_VOTE, { id: vote.id }, secretariat))).toEqual({ code: 'VOTE_NOT_OPEN', field: 'voteId' });
  });

  it('refuses casts on a vote that is not open: past its deadline (before any sweep), or no such vote', async () => {
    const { agendaItemId } = await resolutionOnAgenda('Past its deadline');
    const vote = await openVote(agendaItemId, 'ROLL_CALL');
    await ok(cast(vote.id, delegates[1].token, 'NO'));
    await t.sql("UPDATE vote SET deadline = now() - interval '1 second' WHERE id = $1", [vote.id]);
    expect(await refused(() => cast(vote.id, delegates[2].token))).toEqual({ code: 'VOTE_NOT_OPEN', field: 'input.voteId' });
    expect(await refused(() => cast(vote.id, delegates[1].token, 'YES'))).toEqual({ code: 'VOTE_NOT_OPEN', field: 'input.voteId' });
    expect((await ok(t.gql('query($id: ID!) { vote(id: $id) { status acceptingBallots } }', { id: vote.id }))).vote).toEqual({
      status: 'OPEN',
      acceptingBallots: false,
    });
    expect(await refused(() => cast('00000000-0000-4000-8000-000000000000', delegates[1].token))).toEqual({
      code: 'NOT_FOUND',
      field: 'input.voteId',
    });
    expect(await refused(() => cast('not-an-id', delegates[1].token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.voteId' });
    expect(await refused(() => cast(vote.id, delegates[1].token, 'MAYBE'))).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('refuses the public, coordinators and the secretariat as voters', async () => {
    const { agendaItemId } = await resolutionOnAgenda('Only delegates vote');
    const vote = await openVote(agendaItemId);
    expect(await refused(() => cast(vote.id, undefined))).toEqual({ code: 'UNAUTHENTICATED' });
    expect(await refused(() => cast(vote.id, coordinator.token))).toEqual({ code: 'FORBIDDEN' });
    expect(await refused(() => cast(vote.id, secretariat))).toEqual({ code: 'FORBIDDEN' });
    expect(
      await refused(() => t.gql(OPEN_VOTE, { input: { agendaItemId, rule: 'SIMPLE', secrecy: 'SECRET' } }, delegates[0].token)),
    ).toEqual({
      code: 'FORBIDDEN',
    });
    expect(await refused(() => t.gql(CLOSE_VOTE, { id: vote.id }, delegates[0].token))).toEqual({ code: 'FORBIDDEN' });
    expect(await refused(() => t.gql(BULLETIN, { voteId: vote.id }))).toEqual({ code: 'VOTE_STILL_OPEN', field: 'voteId' });
    await ok(t.gql(CLOSE_VOTE, { id: vote.id }, secretariat));
  });

  it('refuses to open a vote without quorum, outside a session in progress, twice, or with a deadline in the past', async () => {
    const { agendaItemId } = await resolutionOnAgenda('Quorum first');
    const open = (input: Record<string, unknown> = {}) =>
      t.gql(OPEN_VOTE, { input: { agendaItemId, rule: 'ABSOLUTE', secrecy: 'SECRET', ...input } }, secretariat);
    expect(await refused(() => open({ deadline: new Date(Date.now() - 60_000).toISOString() }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.deadline',
    });
    // 5 of 10 seated present is not more than half.
    await t.sql('UPDATE session_attendance SET present = false WHERE session_id = $1 AND delegate_id = ANY($2)', [
      sessionId,
      delegates.slice(5, 8).map((d) => d.delegateId),
    ]);
    const noQuorum = await refused(() => open());
    expect(noQuorum).toMatchObject({ code: 'NO_QUORUM', field: 'input.agendaItemId' });
    await markPresent(t, sessionId, delegates.slice(0, 8));
    const vote = (await ok(open())).openVote;
    expect(await refused(() => open())).toEqual({ code: 'VOTE_ALREADY_OPEN', field: 'input.agendaItemId' });
    await ok(t.gql(CLOSE_VOTE, { id: vote.id }, secretariat));

    // A session that has not started yet (scheduled), then one adjourned.
    const scheduled = (
      await ok(
        t.gql(
          'mutation($input: ConveneSessionInput!) { conveneRegularSession(input: $input) { id } }',
          {
            input: {
              title: 'Later session',
              startsAt: new Date(Date.now() + 40 * 86_400_000).toISOString(),
              endsAt: new Date(Date.now() + 40.2 * 86_400_000).toISOString(),
            },
          },
          secretariat,
        ),
      )
    ).conveneRegularSession.id;
    const id = await submittedResolution(t, delegates[0], delegates.slice(1, 3), 'For a later day');
    const line = (await ok(t.gql(PLACE_RESOLUTION, { input: { sessionId: scheduled, resolutionId: id } }, secretariat)))
      .placeResolutionOnAgenda;
    const notStarted = () =>
      t.gql(OPEN_VOTE, { input: { agendaItemId: line.agendaItemId, rule: 'SIMPLE', secrecy: 'SECRET' } }, secretariat);
    expect(await refused(notStarted)).toEqual({ code: 'SESSION_NOT_IN_PROGRESS', field: 'input.agendaItemId' });
    await ok(
      t.gql(
        'mutation($input: CancelSessionInput!) { cancelSession(input: $input) { status } }',
        { input: { sessionId: scheduled, reason: 'Moved' } },
        secretariat,
      ),
    );
    expect(await refused(notStarted)).toEqual({ code: 'SESSION_NOT_IN_PROGRESS', field: 'input.agendaItemId' });
    const placeAgain = () => t.gql(PLACE_RESOLUTION, { input: { sessionId: scheduled, resolutionId: id } }, secretariat);
    expect(await refused(placeAgain)).toEqual({ code: 'SESSION_WRONG_STATE', field: 'input.sessionId' });
  });

  it('refuses amendments to adopted resolutions, and outdated or out-of-order amendments', async () => {
    const { id, agendaItemId } = await resolutionOnAgenda('Adopted and closed');
    const amend = (resolutionId: string, text: string, token = delegates[4].token) =>
      t.gql(AMEND, { input: { resolutionId, text } }, token);
    const first = (await ok(amend(id, 'First rewrite of the whole text.'))).proposeAmendment;
    const second = (await ok(amend(id, 'Second rewrite of the whole text.'))).proposeAmendment;
    const firstLine = (await ok(t.gql(PLACE_AMENDMENT, { input: { sessionId, amendmentId: first.id } }, secretariat)))
      .placeAmendmentOnAgenda;
    const secondLine = (await ok(t.gql(PLACE_AMENDMENT, { input: { sessionId, amendmentId: second.id } }, secretariat)))
      .placeAmendmentOnAgenda;
    const firstVote = await openVote(firstLine.agendaItemId, 'ROLL_CALL');
    for (const d of delegates.slice(0, 5)) await ok(cast(firstVote.id, d.token, 'YES'));
    expect((await ok(t.gql(CLOSE_VOTE, { id: firstVote.id }, secretariat))).closeVote.result.outcome).toBe('ADOPTED');
    // The second amendment rewrote version 1, which the first replaced.
    expect(
      await refused(() =>
        t.gql(OPEN_VOTE, { input: { agendaItemId: secondLine.agendaItemId, rule: 'SIMPLE', secrecy: 'SECRET' } }, secretariat),
      ),
    ).toEqual({
      code: 'AMENDMENT_OUTDATED',
      field: 'input.agendaItemId',
    });
    const openResolutionVote = () => t.gql(OPEN_VOTE, { input: { agendaItemId, rule: 'SIMPLE', secrecy: 'SECRET' } }, secretariat);
    expect(await refused(openResolutionVote)).toEqual({
      code: 'AMENDMENTS_PENDING',
      field: 'input.agendaItemId',
      details: { amendmentIds: [second.id] },
    });
    await ok(t.gql('mutation($id: ID!) { withdrawAmendment(amendmentId: $id) { status } }', { id: second.id }, delegates[4].token));
    const vote = await openVote(agendaItemId, 'ROLL_CALL');
    expect(await refused(() => amend(id, 'Too late to change the text now.'))).toEqual({
      code: 'RESOLUTION_NOT_AMENDABLE',
      field: 'input.resolutionId',
    });
    for (const d of delegates.slice(0, 5)) await ok(cast(vote.id, d.token, 'YES'));
    await ok(t.gql(CLOSE_VOTE, { id: vote.id }, secretariat));
    expect(await refused(() => amend(id, 'An amendment to an adopted text.'))).toEqual({
      code: 'RESOLUTION_NOT_AMENDABLE',
      field: 'input.resolutionId',
    });
    expect(await refused(() => t.gql(WITHDRAW, { id }, delegates[0].token))).toEqual({
      code: 'RESOLUTION_WRONG_STATE',
      field: 'resolutionId',
    });
  });

  it('refuses sponsoring when not seated, submitting without enough seated sponsors, and drafting for a committee one does not chair', async () => {
    const drafted = (
      await ok(t.gql(DRAFT, { input: { title: 'Needs sponsors', text: 'A text that needs three sponsors.' } }, delegates[0].token))
    ).draftResolution;
    await ok(t.gql(SPONSOR, { id: drafted.id }, delegates[1].token));
    expect(await refused(() => t.gql(SUBMIT, { id: drafted.id }, delegates[0].token))).toEqual({
      code: 'NOT_ENOUGH_SPONSORS',
      field: 'resolutionId',
    });
    expect(await refused(() => t.gql(SPONSOR, { id: drafted.id }, delegates[1].token))).toEqual({
      code: 'ALREADY_EXISTS',
      field: 'resolutionId',
    });
    expect(await refused(() => t.gql(SUBMIT, { id: drafted.id }, delegates[1].token))).toEqual({ code: 'FORBIDDEN' });
    expect(await refused(() => t.gql(SPONSOR, { id: drafted.id }, coordinator.token))).toEqual({ code: 'FORBIDDEN' });

    const unseated = delegates[9];
    await ok(
      t.gql(
        'mutation($input: DelegateInput!) { withdrawAccreditation(input: $input) { id } }',
        { input: { delegateId: unseated.delegateId } },
        coordinator.token,
      ),
    );
    expect(await refused(() => t.gql(SPONSOR, { id: drafted.id }, unseated.token))).toEqual({ code: 'NOT_SEATED' });
    expect(
      await refused(() => t.gql(DRAFT, { input: { title: 'Not seated', text: 'Drafted by someone unseated.' } }, unseated.token)),
    ).toEqual({
      code: 'NOT_SEATED',
    });

    const { committees } = await ok(t.gql('{ committees { items { id } } }'));
    expect(
      await refused(() =>
        t.gql(
          DRAFT,
          { input: { title: 'Not the chair', text: 'Drafted for a committee.', committeeId: committees.items[1].id } },
          delegates[2].token,
        ),
      ),
    ).toEqual({ code: 'NOT_COMMITTEE_CHAIR', field: 'input.committeeId' });
    expect(await refused(() => t.gql(DRAFT, { input: { title: 'x', text: 'short' } }, delegates[2].token))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.title',
    });
  });
});

describe('roll-call votes, deadlines and weights (e2e)', () => {
  let t: TestApp;
  let secretariat: string;
  let coordinator: { token: string; delegationId: string };
  let delegates: SeatedDelegate[];
  let sessionId: string;

  beforeAll(async () => {
    t = await startTestApp();
    secretariat = await t.signIn();
    coordinator = await coordinatorOf(t, 'CA', secretariat);
    delegates = await seatedDelegates(t, coordinator, 5, 'Named');
    sessionId = await sessionInProgress(t, secretariat, 'Roll-call session');
    await markPresent(t, sessionId, delegates.slice(0, 4));
  }, 120_000);
  afterAll(() => t.close());

  const onAgenda = async (title: string) => {
    const id = await submittedResolution(t, delegates[0], delegates.slice(1, 3), title);
    return (await ok(t.gql(PLACE_RESOLUTION, { input: { sessionId, resolutionId: id } }, secretariat))).placeResolutionOnAgenda
      .agendaItemId as string;
  };
  const cast = async (voteId: string, d: SeatedDelegate, choice: string) =>
    (await ok(t.gql(CAST, { input: { voteId, choice } }, d.token))).castBallot;

  it('lets a roll-call voter change their ballot until close; the new receipt counts, the old one is void; a tie is rejected', async () => {
    const agendaItemId = await onAgenda('A tied question');
    const vote = (await ok(t.gql(OPEN_VOTE, { input: { agendaItemId, rule: 'SIMPLE', secrecy: 'ROLL_CALL' } }, secretariat))).openVote;
    const live = subscribe<{
      voteTally: { status: string; turnout: number; yes: number | null; no: number | null; outcome: string | null };
    }>(t.url, 'subscription($id: ID!) { voteTally(voteId: $id) { status turnout yes no abstain outcome } }', { id: vote.id });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const first = await cast(vote.id, delegates[0], 'NO');
    expect(first.replacedEarlierBallot).toBe(false);
    const changed = await cast(vote.id, delegates[0], 'YES');
    expect(changed.replacedEarlierBallot).toBe(true);
    await cast(vote.id, delegates[1], 'YES');
    await cast(vote.id, delegates[2], 'NO');
    await cast(vote.id, delegates[3], 'NO');
    let message = await live.next();
    while (message.voteTally.turnout < 4 || message.voteTally.no !== 2) message = await live.next();
    expect(message.voteTally).toEqual({ status: 'OPEN', turnout: 4, yes: 2, no: 2, abstain: 0, outcome: null });
    const mine = await ok(
      t.gql('query($id: ID!) { myBallot(voteId: $id) { onRoll weight voted choice } }', { id: vote.id }, delegates[0].token),
    );
    expect(mine.myBallot).toEqual({ onRoll: true, weight: 1, voted: true, choice: 'YES' });

    const result = (await ok(t.gql(CLOSE_VOTE, { id: vote.id }, secretariat))).closeVote.result;
    expect(result).toMatchObject({ outcome: 'REJECTED', yes: 2, no: 2, abstain: 0, turnout: 4 });
    while (message.voteTally.status !== 'CLOSED') message = await live.next();
    expect(message.voteTally).toMatchObject({ yes: 2, no: 2, outcome: 'REJECTED' });
    await live.close();

    const bulletin = await wholeBulletin(t, vote.id);
    expect(bulletin).toHaveLength(4);
    expect(bulletin.find((e) => e.receiptHash === changed.receiptHash)?.choice).toBe('YES');
    expect((await ok(t.gql(RECEIPT, { voteId: vote.id, hash: first.receiptHash }))).ballotReceipt).toMatchObject({
      counted: false,
      choice: null,
    });
    expect((await ok(t.gql(RECEIPT, { voteId: vote.id, hash: changed.receiptHash }))).ballotReceipt).toMatchObject({
      counted: true,
      choice: 'YES',
    });
    const resolutionId = (await ok(t.gql('query($id: ID!) { vote(id: $id) { resolutionId } }', { id: vote.id }))).vote.resolutionId;
    expect((await ok(t.gql(RESOLUTION, { id: resolutionId }))).resolution).toMatchObject({ status: 'REJECTED', number: null });
  });

  it('closes a vote at its deadline exactly once, however many sweeps run at once, and the database refuses late ballots', async () => {
    const agendaItemId = await onAgenda('Decided by the clock');
    const vote = (
      await ok(
        t.gql(
          OPEN_VOTE,
          { input: { agendaItemId, rule: 'ABSOLUTE', secrecy: 'ROLL_CALL', deadline: new Date(Date.now() + 3_600_000).toISOString() } },
          secretariat,
        ),
      )
    ).openVote;
    for (const d of delegates.slice(0, 3)) await cast(vote.id, d, 'YES');
    await t.sql("UPDATE vote SET deadline = now() - interval '1 second' WHERE id = $1", [vote.id]);

    // Not even a direct write gets past the database once the deadline has passed.
    await expect(
      t.sql(`INSERT INTO roll_call_ballot (vote_id, delegate_id, choice, weight, receipt_hash) VALUES ($1, $2, 'NO', 1, '\\x00')`, [
        vote.id,
        delegates[3].delegateId,
      ]),
    ).rejects.toThrow(/not open/);
    await expect(t.sql(`UPDATE roll_call_ballot SET choice = 'NO' WHERE vote_id = $1`, [vote.id])).rejects.toThrow(/not open/);

    const service = t.app.get(VoteService);
    const closedCounts = await Promise.all([service.closeDue(), service.closeDue(), service.closeDue(), service.closeDue()]);
    expect(closedCounts.reduce((a, b) => a + b, 0)).toBe(1);
    const closes = (await t.sql<{ canonical: string }>("SELECT canonical FROM ledger_entry WHERE kind = 'VOTE_CLOSED'")).filter((e) =>
      e.canonical.includes(vote.id),
    );
    expect(closes).toHaveLength(1);
    expect(JSON.parse(closes[0].canonical).payload).toMatchObject({ closedBy: 'DEADLINE', outcome: 'ADOPTED', counts: { yes: 3, no: 0 } });
    const stored = (
      await ok(
        t.gql('query($id: ID!) { vote(id: $id) { status acceptingBallots result { outcome closedAtDeadline yes rollSize } } }', {
          id: vote.id,
        }),
      )
    ).vote;
    expect(stored).toEqual({
      status: 'CLOSED',
      acceptingBallots: false,
      result: { outcome: 'ADOPTED', closedAtDeadline: true, yes: 3, rollSize: 4 },
    });
    // The result, once written, never changes.
    await expect(t.sql(`UPDATE vote SET yes_count = 0 WHERE id = $1`, [vote.id])).rejects.toThrow(/never change/);
  });

  it('weighs ballots by active mandates under BY_MANDATES, frozen at opening', async () => {
    await t.sql("UPDATE council SET vote_weighting = 'BY_MANDATES' WHERE id = $1", [t.councilId]);
    try {
      // The first delegate gains two more mandates: weight 3 against 1 + 1 + 1.
      const first = delegates[0].delegateId;
      const csv = ['name,email,delegate', `Extra One,extra1@example.org,${first}`, `Extra Two,extra2@example.org,${first}`].join('\n');
      await ok(
        t.gql(
          'mutation($input: ImportConstituentsInput!) { importConstituents(input: $input) { __typename } }',
          { input: { delegationId: coordinator.delegationId, csv } },
          coordinator.token,
        ),
      );
      const agendaItemId = await onAgenda('Weighed by mandates');
      const vote = (await ok(t.gql(OPEN_VOTE, { input: { agendaItemId, rule: 'SIMPLE', secrecy: 'ROLL_CALL' } }, secretariat))).openVote;
      expect(vote).toMatchObject({ rollSize: 4, rollWeight: 6 });
      const roll = (
        await ok(t.gql('query($id: ID!) { voteRoll(voteId: $id) { totalCount items { delegateId weight } } }', { id: vote.id }))
      ).voteRoll;
      expect(roll.totalCount).toBe(4);
      expect(roll.items.find((e: { delegateId: string }) => e.delegateId === delegates[0].delegateId).weight).toBe(3);
      expect(
        createHash('sha256')
          .update(JSON.stringify(roll.items.map((e: { delegateId: string; weight: number }) => [e.delegateId, e.weight])))
          .digest('hex'),
      ).toBe(vote.rollHash);
      // Seating changes after opening leave the roll as it was: a new mandate adds no weight, and an
      // unseated voter on the roll still votes.
      const more = ['name,email,delegate', `Extra Three,extra3@example.org,${delegates[1].delegateId}`].join('\n');
      await ok(
        t.gql(
          'mutation($input: ImportConstituentsInput!) { importConstituents(input: $input) { __typename } }',
          { input: { delegationId: coordinator.delegationId, csv: more } },
          coordinator.token,
        ),
      );
      await ok(
        t.gql(
          'mutation($input: DelegateInput!) { withdrawAccreditation(input: $input) { id } }',
          { input: { delegateId: delegates[3].delegateId } },
          coordinator.token,
        ),
      );
      await cast(vote.id, delegates[0], 'YES');
      await cast(vote.id, delegates[1], 'NO');
      await cast(vote.id, delegates[2], 'NO');
      await cast(vote.id, delegates[3], 'ABSTAIN');
      const result = (await ok(t.gql(CLOSE_VOTE, { id: vote.id }, secretariat))).closeVote.result;
      expect(result).toMatchObject({
        outcome: 'ADOPTED',
        yes: 1,
        no: 2,
        abstain: 1,
        yesWeight: 3,
        noWeight: 2,
        abstainWeight: 1,
        rollWeight: 6,
      });
    } finally {
      await t.sql("UPDATE council SET vote_weighting = 'ONE_PER_DELEGATE' WHERE id = $1", [t.councilId]);
    }
  });
});

/** Fisher-Yates with a small seeded generator, so a failure can be replayed. */
function shuffled<T>(items: T[], seed = 20211129): T[] {
  const out = [...items];
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('proof under load: 1,000 delegates on the roll (e2e)', () => {
  const VOTERS = 1000;
  let t: TestApp;
  let secretariat: string;
  let delegates: SeatedDelegate[];
  let sessionId: string;

  beforeAll(async () => {
    t = await startTestApp();
    secretariat = await t.signIn();
    const started = Date.now();
    // Four delegations built side by side: the factory's calls are batched within each.
    const countries = ['US', 'DE', 'TR', 'KZ'];
    const coordinators = await Promise.all(countries.map((code) => coordinatorOf(t, code, secretariat)));
    const groups = await Promise.all(coordinators.map((c, i) => seatedDelegates(t, c, VOTERS / countries.length, `Load${i}`)));
    delegates = groups.flat();
    sessionId = await sessionInProgress(t, secretariat, 'Session of the thousand');
    await markPresent(t, sessionId, delegates);
    process.stdout.write(`voting load setup: ${delegates.length} seated delegates in ${Date.now() - started} ms\n`);
  }, 600_000);
  afterAll(() => t.close());

  const openOn = async (title: string, secrecy: string) => {
    const id = await submittedResolution(t, delegates[0], delegates.slice(1, 3), title);
    const line = (await ok(t.gql(PLACE_RESOLUTION, { input: { sessionId, resolutionId: id } }, secretariat))).placeResolutionOnAgenda;
    return (await ok(t.gql(OPEN_VOTE, { input: { agendaItemId: line.agendaItemId, rule: 'SIMPLE', secrecy } }, secretariat))).openVote;
  };
  const CHOICES = ['YES', 'NO', 'ABSTAIN'];
  /** 1,000 first casts, 300 exact duplicates and 200 changed choices, all sent at once. */
  const requests = () => [
    ...delegates.map((d, i) => ({ voter: i, choice: CHOICES[i % 3] })),
    ...delegates.slice(0, 300).map((_, i) => ({ voter: i, choice: CHOICES[i % 3] })),
    ...delegates.slice(300, 500).map((_, j) => ({ voter: 300 + j, choice: CHOICES[(300 + j + 1) % 3] })),
  ];
  /**
   * Sends every request at once, in an order shuffled with a fixed seed so duplicates and changes race the first
   * casts; at most 250 are in flight, as the test server's listen backlog drops connections beyond a few hundred.
   */
  const send = async (voteId: string) => {
    const queue = shuffled(requests());
    const results: (ReturnType<typeof requests>[number] & { result: GqlResult })[] = [];
    await Promise.all(
      Array.from({ length: 250 }, async () => {
        for (let r = queue.shift(); r; r = queue.shift()) {
          results.push({ ...r, result: await t.gql(CAST, { input: { voteId, choice: r.choice } }, delegates[r.voter].token) });
        }
      }),
    );
    return results;
  };
  const tallyOf = (choices: string[]) => ({
    yes: choices.filter((c) => c === 'YES').length,
    no: choices.filter((c) => c === 'NO').length,
    abstain: choices.filter((c) => c === 'ABSTAIN').length,
  });

  it('secret: exactly one counted ballot per voter, the tally equals a recount, every receipt is on the bulletin', async () => {
    const vote = await openOn('Under load, in secret', 'SECRET');
    expect(vote.rollSize).toBe(VOTERS);
    const results = await send(vote.id);
    const counted = results.filter((r) => r.result.data?.castBallot);
    const refused = results.filter((r) => r.result.errors);
    expect(counted).toHaveLength(VOTERS);
    expect(new Set(counted.map((r) => r.voter)).size).toBe(VOTERS);
    expect(refused).toHaveLength(500);
    expect(new Set(refused.map((r) => codes(r.result)[0]))).toEqual(new Set(['ALREADY_VOTED']));

    const [rows] = await t.sql<{ participation: number; box: number }>(
      'SELECT (SELECT count(*)::int FROM vote_participation WHERE vote_id = $1) AS participation, (SELECT count(*)::int FROM ballot_box WHERE vote_id = $1) AS box',
      [vote.id],
    );
    expect(rows).toEqual({ participation: VOTERS, box: VOTERS });

    const result = (await ok(t.gql(CLOSE_VOTE, { id: vote.id }, secretariat))).closeVote.result;
    const accepted = tallyOf(counted.map((r) => r.result.data!.castBallot.choice));
    expect({ yes: result.yes, no: result.no, abstain: result.abstain }).toEqual(accepted);
    const recount = await t.sql<{ choice: string; n: number }>(
      'SELECT choice, count(*)::int AS n FROM ballot_box WHERE vote_id = $1 GROUP BY choice',
      [vote.id],
    );
    expect(Object.fromEntries(recount.map((r) => [r.choice.toLowerCase(), r.n]))).toEqual(accepted);
    expect(result.turnout).toBe(VOTERS);

    const bulletin = await wholeBulletin(t, vote.id);
    const hashes = bulletin.map((e) => e.receiptHash);
    expect(hashes).toEqual([...hashes].sort());
    expect(new Set(hashes)).toEqual(new Set(counted.map((r) => sha256Hex(r.result.data!.castBallot.receipt))));
    expect(merkleRoot(hashes.map((h) => Buffer.from(h, 'hex'))).toString('hex')).toBe(result.receiptRoot);
  });

  it('roll-call: duplicates and changes replace the ballot; exactly one counted per voter, the last receipt of each is on the bulletin with its choice', async () => {
    const vote = await openOn('Under load, by name', 'ROLL_CALL');
    const results = await send(vote.id);
    expect(results.filter((r) => r.result.errors)).toEqual([]);
    const result = (await ok(t.gql(CLOSE_VOTE, { id: vote.id }, secretariat))).closeVote.result;
    expect(result.turnout).toBe(VOTERS);

    const bulletin = new Map((await wholeBulletin(t, vote.id)).map((e) => [e.receiptHash, e.choice]));
    expect(bulletin.size).toBe(VOTERS);
    const finalChoices: string[] = [];
    for (let voter = 0; voter < VOTERS; voter++) {
      const mine = results.filter((r) => r.voter === voter).map((r) => r.result.data!.castBallot);
      const onBulletin = mine.filter((c) => bulletin.has(c.receiptHash));
      expect(onBulletin).toHaveLength(1);
      expect(bulletin.get(onBulletin[0].receiptHash)).toBe(onBulletin[0].choice);
      finalChoices.push(onBulletin[0].choice);
    }
    expect({ yes: result.yes, no: result.no, abstain: result.abstain }).toEqual(tallyOf(finalChoices));
    expect(tallyOf([...bulletin.values()] as string[])).toEqual(tallyOf(finalChoices));
  });
});
