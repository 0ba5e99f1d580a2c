import { GraphQLSchema, getNamedType, GraphQLNamedType, isObjectType, isUnionType } from 'graphql';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { AccessFixture, buildAccessFixture, RoleName, ROLES } from './support/access-fixtures';
import { codes, startTestApp, TestApp } from './support/test-app';
import { CAST, CLOSE_VOTE, ok, OPEN_VOTE, PLACE_RESOLUTION, sha256Hex } from './support/voting-fixtures';

/**
 * Object-level access: no id lets a caller read another delegation's constituents, a restricted evidence item,
 * or a secret ballot's choice, through any field of the schema that reaches them. The paths are computed from
 * the schema, so a new field that reaches one of these fails the first test until it has a probe here.
 */

/** Types whose every instance is protected, and fields that are protected wherever they appear. */
const PROTECTED_TYPES = new Set(['Constituent', 'ConstituentExport', 'Evidence']);
const PROTECTED_FIELDS = new Set([
  'BulletinEntry.choice',
  'ReceiptCheck.choice',
  'MyBallot.choice',
  'BallotReceipt.choice',
  'TermEscalation.evidenceIds',
]);

/** Every path from a root field to a protected type or field, e.g. `Query.agreement > Agreement.terms > ...`. */
function protectedPaths(schema: GraphQLSchema): string[] {
  const paths: string[] = [];
  const walk = (type: GraphQLNamedType, path: string[], seen: Set<string>) => {
    for (const member of isUnionType(type) ? type.getTypes() : isObjectType(type) ? [type] : []) {
      for (const field of Object.values(member.getFields())) {
        const named = getNamedType(field.type);
        const here = [...path, `${member.name}.${field.name}`];
        if (PROTECTED_TYPES.has(named.name) || PROTECTED_FIELDS.has(`${member.name}.${field.name}`)) paths.push(here.join(' > '));
        else if (!seen.has(named.name)) walk(named, here, new Set([...seen, named.name]));
      }
    }
  };
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (!root) continue;
    for (const field of Object.values(root.getFields())) {
      const named = getNamedType(field.type);
      if (PROTECTED_TYPES.has(named.name)) paths.push(`${root.name}.${field.name}`);
      else walk(named, [`${root.name}.${field.name}`], new Set([named.name]));
    }
  }
  return paths.sort();
}

interface Ballots {
  secretVoteId: string;
  secretReceiptHash: string;
  rollCallVoteId: string;
  rollCallReceiptHash: string;
}

interface Probe {
  /** The protected paths this document reads. */
  paths: string[];
  query: string;
  variables: (fx: AccessFixture, ballots: Ballots) => Record<string, unknown>;
  /** Who may see the marked values; everyone else gets a refusal or the data without them. */
  entitled: RoleName[];
  markers: (fx: AccessFixture, ballots: Ballots) => string[];
}

const EVIDENCE_READERS: RoleName[] = ['secretariat', 'committeeMember', 'committeeChair'];
const evidenceMarkers = (fx: AccessFixture) => [fx.restrictedEvidenceId, 'Statement of witness W-7', 'sealed envelope 7'];
const constituentMarkers = () => ['Held constituent', 'held-constituent@example.org'];
const TERM_FIELDS = 'timeline { evidence { id title source } } escalations { evidenceIds }';

const PROBES: Probe[] = [
  {
    paths: ['Query.constituent'],
    query: 'query($id: ID!) { constituent(id: $id) { name email phone city notes } }',
    variables: (fx) => ({ id: fx.constituentId }),
    entitled: ['coordinator'],
    markers: constituentMarkers,
  },
  {
    paths: ['Query.constituents > ConstituentPage.items'],
    query: 'query($id: ID!) { constituents(delegationId: $id, limit: 200) { items { id name email } } }',
    variables: (fx) => ({ id: fx.delegationId }),
    entitled: ['coordinator'],
    markers: (fx) => [...constituentMarkers(), fx.constituentId],
  },
  {
    paths: ['Query.constituentsCsv'],
    query: 'query($id: ID!) { constituentsCsv(delegationId: $id) { csv } }',
    variables: (fx) => ({ id: fx.delegationId }),
    entitled: ['coordinator'],
    markers: constituentMarkers,
  },
  {
    paths: ['Query.evidenceItem'],
    query: 'query($id: ID!) { evidenceItem(id: $id) { id title source } }',
    variables: (fx) => ({ id: fx.restrictedEvidenceId }),
    entitled: EVIDENCE_READERS,
    markers: evidenceMarkers,
  },
  {
    paths: ['Query.assessment > TermAssessment.evidence'],
    query: 'query($id: ID!) { assessment(id: $id) { evidence { id title source } } }',
    variables: (fx) => ({ id: fx.assessmentId }),
    entitled: EVIDENCE_READERS,
    markers: evidenceMarkers,
  },
  {
    paths: [
      'Query.agreementTerm > AgreementTerm.timeline > TermAssessment.evidence',
      'Query.agreementTerm > AgreementTerm.escalations > TermEscalation.evidenceIds',
    ],
    query: `query($id: ID!) { agreementTerm(id: $id) { ${TERM_FIELDS} } }`,
    variables: (fx) => ({ id: fx.termId }),
    entitled: EVIDENCE_READERS,
    markers: evidenceMarkers,
  },
  {
    paths: [
      'Query.agreement > Agreement.terms > AgreementTerm.timeline > TermAssessment.evidence',
      'Query.agreement > Agreement.terms > AgreementTerm.escalations > TermEscalation.evidenceIds',
    ],
    query: `query($id: ID!) { agreement(id: $id) { terms { ${TERM_FIELDS} } } }`,
    variables: (fx) => ({ id: fx.agreementId }),
    entitled: EVIDENCE_READERS,
    markers: evidenceMarkers,
  },
  {
    paths: [
      'Query.agreements > AgreementPage.items > Agreement.terms > AgreementTerm.timeline > TermAssessment.evidence',
      'Query.agreements > AgreementPage.items > Agreement.terms > AgreementTerm.escalations > TermEscalation.evidenceIds',
    ],
    query: `{ agreements(limit: 200) { items { terms { ${TERM_FIELDS} } } } }`,
    variables: () => ({}),
    entitled: EVIDENCE_READERS,
    markers: evidenceMarkers,
  },
  {
    paths: [
      'Query.agreementSummary > AgreementSummary.terms > AgreementTerm.timeline > TermAssessment.evidence',
      'Query.agreementSummary > AgreementSummary.terms > AgreementTerm.escalations > TermEscalation.evidenceIds',
    ],
    query: `query($id: ID!) { agreementSummary(agreementId: $id) { terms { ${TERM_FIELDS} } } }`,
    variables: (fx) => ({ id: fx.agreementId }),
    entitled: EVIDENCE_READERS,
    markers: evidenceMarkers,
  },
  {
    paths: [
      'Query.overdueTerms > AgreementTermPage.items > AgreementTerm.timeline > TermAssessment.evidence',
      'Query.overdueTerms > AgreementTermPage.items > AgreementTerm.escalations > TermEscalation.evidenceIds',
    ],
    query: `{ overdueTerms(limit: 200) { items { ${TERM_FIELDS} } } }`,
    variables: () => ({}),
    entitled: EVIDENCE_READERS,
    markers: evidenceMarkers,
  },
  {
    paths: [
      'Query.nonCompliantTerms > AgreementTermPage.items > AgreementTerm.timeline > TermAssessment.evidence',
      'Query.nonCompliantTerms > AgreementTermPage.items > AgreementTerm.escalations > TermEscalation.evidenceIds',
    ],
    query: `{ nonCompliantTerms(days: 0, limit: 200) { items { ${TERM_FIELDS} } } }`,
    variables: () => ({}),
    entitled: EVIDENCE_READERS,
    markers: evidenceMarkers,
  },
  // A secret ballot's choice: nobody but the voter, and the voter only through their own `myBallot`.
  {
    paths: ['Query.voteBulletin > VoteBulletin.entries > BulletinEntry.choice'],
    query: 'query($id: ID!) { voteBulletin(voteId: $id) { entries { receiptHash choice } } }',
    variables: (_fx, ballots) => ({ id: ballots.secretVoteId }),
    entitled: [],
    markers: () => ['"YES"'],
  },
  {
    paths: ['Query.ballotReceipt > ReceiptCheck.choice'],
    query: 'query($id: ID!, $hash: String!) { ballotReceipt(voteId: $id, receiptHash: $hash) { counted choice } }',
    variables: (_fx, ballots) => ({ id: ballots.secretVoteId, hash: ballots.secretReceiptHash }),
    entitled: [],
    markers: () => ['"YES"'],
  },
  {
    paths: ['Query.myBallot > MyBallot.choice'],
    query: 'query($id: ID!) { myBallot(voteId: $id) { voted choice } }',
    variables: (_fx, ballots) => ({ id: ballots.secretVoteId }),
    entitled: [],
    markers: () => ['"YES"'],
  },
];

/**
 * Mutations reaching protected data return it to their caller only, and the permission matrix
 * (test/permission-matrix.e2e-spec.ts) proves who may call them: the owning coordinator, the owning
 * committee and the secretariat, or the voter for their own ballot.
 */
const CALLER_ONLY = [
  'Mutation.registerConstituent',
  'Mutation.castBallot > BallotReceipt.choice',
  'Mutation.recordAssessment > TermAssessment.evidence',
  'Mutation.recordAgreement > Agreement.terms > AgreementTerm.timeline > TermAssessment.evidence',
  'Mutation.recordAgreement > Agreement.terms > AgreementTerm.escalations > TermEscalation.evidenceIds',
  'Mutation.amendAgreementTerm > AgreementTerm.timeline > TermAssessment.evidence',
  'Mutation.amendAgreementTerm > AgreementTerm.escalations > TermEscalation.evidenceIds',
  'Mutation.escalateAgreementTerm > TermEscalation.evidenceIds',
];

const REFUSALS = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'EVIDENCE_RESTRICTED']);

describe('object-level access (e2e)', () => {
  let t: TestApp;
  let fx: AccessFixture;
  let ballots: Ballots;

  beforeAll(async () => {
    t = await startTestApp();
    fx = await buildAccessFixture(t);
    const secretariat = fx.tokens.secretariat!;
    // The chair escalates the term, so its restricted evidence is linked from an escalation too.
    await ok(
      t.gql('mutation($id: ID!) { escalateAgreementTerm(input: { termId: $id }) { id } }', { id: fx.termId }, fx.tokens.committeeChair),
    );
    // One secret ballot, the only one, so that any choice shown anywhere would be that voter's.
    const secret = await ok(t.gql(CAST, { input: { voteId: fx.voteId, choice: 'YES' } }, fx.seated.token));
    await ok(t.gql(CLOSE_VOTE, { id: fx.voteId }, secretariat));
    // A roll-call vote with the same ballot: its choice is public by design, which shows the probes can see one.
    const placed = await ok(
      t.gql(PLACE_RESOLUTION, { input: { resolutionId: fx.submittedResolutionId, sessionId: fx.sessionId } }, secretariat),
    );
    const rollCall = await ok(
      t.gql(
        OPEN_VOTE,
        { input: { agendaItemId: placed.placeResolutionOnAgenda.agendaItemId, rule: 'SIMPLE', secrecy: 'ROLL_CALL' } },
        secretariat,
      ),
    );
    const named = await ok(t.gql(CAST, { input: { voteId: rollCall.openVote.id, choice: 'YES' } }, fx.seated.token));
    await ok(t.gql(CLOSE_VOTE, { id: rollCall.openVote.id }, secretariat));
    ballots = {
      secretVoteId: fx.voteId,
      secretReceiptHash: sha256Hex(secret.castBallot.receipt),
      rollCallVoteId: rollCall.openVote.id,
      rollCallReceiptHash: sha256Hex(named.castBallot.receipt),
    };
  }, 180_000);
  afterAll(() => t?.close());

  it('has a probe (or a caller-only mutation) for every path of the schema that reaches protected data', () => {
    const probed = [...PROBES.flatMap((probe) => probe.paths), ...CALLER_ONLY].sort();
    expect(probed).toEqual(protectedPaths(t.app.get(GraphQLSchemaHost).schema));
  });

  it.each(PROBES.map((probe) => [probe.paths[0], probe] as const))('%s: only the entitled see it', async (_name, probe) => {
    const variables = probe.variables(fx, ballots);
    const markers = probe.markers(fx, ballots);
    const seen: Partial<Record<RoleName, string>> = {};
    for (const role of ROLES) {
      const result = await t.gql(probe.query, variables, fx.tokens[role]);
      const text = JSON.stringify(result);
      const shown = markers.filter((marker) => text.includes(marker));
      const refused = codes(result).filter((code) => REFUSALS.has(code));
      // Anything else (a validation error, a 500) would hide a leak instead of disproving it.
      const unexpected = codes(result).filter((code) => !REFUSALS.has(code));
      if (unexpected.length) seen[role] = `errors ${unexpected.join(',')}`;
      else if (probe.entitled.includes(role))
        seen[role] = shown.length === markers.length ? 'sees' : `misses ${markers.length - shown.length}`;
      else seen[role] = shown.length ? `LEAKS ${shown.join(' | ')}` : refused.length ? 'refused' : 'sees nothing';
    }
    const expected = Object.fromEntries(
      ROLES.map((role) => [role, probe.entitled.includes(role) ? 'sees' : expect.stringMatching(/^(refused|sees nothing)$/)]),
    );
    expect(seen).toEqual(expected);
  });

  it('shows a roll-call choice to everyone, so the secret-ballot probes above can see one when it is there', async () => {
    const bulletin = await t.gql('query($id: ID!) { voteBulletin(voteId: $id) { entries { receiptHash choice } } }', {
      id: ballots.rollCallVoteId,
    });
    expect(bulletin.data!.voteBulletin.entries).toEqual([{ receiptHash: ballots.rollCallReceiptHash, choice: 'YES' }]);
    const secretBulletin = await t.gql('query($id: ID!) { voteBulletin(voteId: $id) { entries { receiptHash choice } } }', {
      id: ballots.secretVoteId,
    });
    expect(secretBulletin.data!.voteBulletin.entries).toEqual([{ receiptHash: ballots.secretReceiptHash, choice: null }]);
  });

  it("refuses a coordinator every other delegation's constituent by id, and lists none of them in its own delegation", async () => {
    const byId = await t.gql('query($id: ID!) { constituent(id: $id) { name } }', { id: fx.otherConstituentId }, fx.tokens.coordinator);
    expect(codes(byId)).toEqual(['FORBIDDEN']);
    const own = await t.gql(
      'query($id: ID!) { constituents(delegationId: $id, limit: 200) { items { id } } }',
      { id: fx.delegationId },
      fx.tokens.coordinator,
    );
    expect(own.data!.constituents.items.map((c: { id: string }) => c.id)).not.toContain(fx.otherConstituentId);
    expect(own.data!.constituents.items.map((c: { id: string }) => c.id)).toContain(fx.constituentId);
  });
});
