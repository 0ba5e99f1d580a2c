import { createHash } from 'node:crypto';
import { SeatedDelegate } from './factories';
import { GqlResult, TestApp } from './test-app';

const DAY = 24 * 3600 * 1000;
const inDays = (days: number, hours = 0) => new Date(Date.now() + days * DAY + hours * 3600 * 1000).toISOString();

export const DRAFT = `mutation($input: DraftResolutionInput!) { draftResolution(input: $input) { id status committeeId } }`;
export const SPONSOR = 'mutation($id: ID!) { sponsorResolution(resolutionId: $id) { id status } }';
export const SUBMIT = 'mutation($id: ID!) { submitResolution(resolutionId: $id) { id status submittedAt } }';
export const WITHDRAW = 'mutation($id: ID!) { withdrawResolution(resolutionId: $id) { id status } }';
export const AMEND = `mutation($input: ProposeAmendmentInput!) { proposeAmendment(input: $input) { id status baseVersion } }`;
export const PLACE_RESOLUTION = `mutation($input: PlaceResolutionInput!) { placeResolutionOnAgenda(input: $input) {
  agendaItemId position title resolutionId amendmentId } }`;
export const PLACE_AMENDMENT = `mutation($input: PlaceAmendmentInput!) { placeAmendmentOnAgenda(input: $input) {
  agendaItemId position title resolutionId amendmentId } }`;
export const OPEN_VOTE = `mutation($input: OpenVoteInput!) { openVote(input: $input) {
  id status secrecy rule textVersion rollSize rollWeight rollHash acceptingBallots quorum { present seated } } }`;
export const CLOSE_VOTE = `mutation($id: ID!) { closeVote(voteId: $id) { id status result {
  outcome rule yes no abstain yesWeight noWeight abstainWeight turnout rollSize rollWeight receiptRoot closedAtDeadline quorum { present seated } } } }`;
export const CAST = `mutation($input: CastBallotInput!) { castBallot(input: $input) { voteId choice receipt receiptHash replacedEarlierBallot } }`;
export const BULLETIN = `query($voteId: ID!, $after: String, $limit: Int) { voteBulletin(voteId: $voteId, after: $after, limit: $limit) {
  voteId secrecy receiptRoot totalCount entries { receiptHash choice } } }`;
export const RECEIPT = `query($voteId: ID!, $hash: String!) { ballotReceipt(voteId: $voteId, receiptHash: $hash) { voteId receiptHash counted choice } }`;

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Fails the test with the errors when a factory call did not succeed. */
export async function ok<T = Record<string, any>>(promise: Promise<GqlResult<T>>): Promise<T> {
  const result = await promise;
  if (!result.data || result.errors) throw new Error(`call failed: ${JSON.stringify(result.errors)}`);
  return result.data;
}

/** A regular session convened with notice, then moved to now and started, as if its day had come. */
export async function sessionInProgress(t: TestApp, secretariat: string, title = 'Regular session'): Promise<string> {
  const convened = await ok<{ conveneRegularSession: { id: string } }>(
    t.gql(
      'mutation($input: ConveneSessionInput!) { conveneRegularSession(input: $input) { id } }',
      { input: { title, startsAt: inDays(20), endsAt: inDays(20, 8), agenda: ['Opening of the session'] } },
      secretariat,
    ),
  );
  const id = convened.conveneRegularSession.id;
  await t.sql("UPDATE council_session SET starts_at = now() - interval '1 minute', ends_at = now() + interval '8 hours' WHERE id = $1", [
    id,
  ]);
  await ok(t.gql('mutation($id: ID!) { startSession(sessionId: $id) { status } }', { id }, secretariat));
  return id;
}

export async function adjourn(t: TestApp, secretariat: string, sessionId: string): Promise<void> {
  await ok(t.gql('mutation($id: ID!) { adjournSession(sessionId: $id) { status } }', { id: sessionId }, secretariat));
}

/** Marks delegates present in one statement, as the secretariat's attendance desk would one by one. */
export async function markPresent(t: TestApp, sessionId: string, delegates: readonly SeatedDelegate[]): Promise<void> {
  await t.sql(
    `INSERT INTO session_attendance (session_id, delegate_id, present, changed_at)
     SELECT $1, unnest($2::uuid[]), true, now()
     ON CONFLICT (session_id, delegate_id) DO UPDATE SET present = true, changed_at = now()`,
    [sessionId, delegates.map((d) => d.delegateId)],
  );
}

/** A delegates' draft by `drafter`, sponsored by the next two, submitted: ready for an agenda. */
export async function submittedResolution(t: TestApp, drafter: SeatedDelegate, sponsors: SeatedDelegate[], title: string): Promise<string> {
  const drafted = await ok(t.gql(DRAFT, { input: { title, text: `The Global Council resolves: ${title}.` } }, drafter.token));
  const id = drafted.draftResolution.id as string;
  for (const sponsor of sponsors) await ok(t.gql(SPONSOR, { id }, sponsor.token));
  await ok(t.gql(SUBMIT, { id }, drafter.token));
  return id;
}

/** Every receipt hash on a closed vote's bulletin, page by page. */
export async function wholeBulletin(t: TestApp, voteId: string): Promise<{ receiptHash: string; choice: string | null }[]> {
  const entries: { receiptHash: string; choice: string | null }[] = [];
  let after: string | undefined;
  for (;;) {
    const page = (await ok(t.gql(BULLETIN, { voteId, after, limit: 1000 }))).voteBulletin;
    entries.push(...page.entries);
    if (page.entries.length < 1000) return entries;
    after = page.entries[page.entries.length - 1].receiptHash;
  }
}
