import { seedDemo } from '../apps/cli/src/seed-demo';
import { coordinatorOf, SeatedDelegate, seatedDelegates } from './support/factories';
import { subscribe } from './support/subscriptions';
import { codes, GqlResult, startTestApp, TestApp } from './support/test-app';
import { CAST, CLOSE_VOTE, markPresent, ok, OPEN_VOTE, PLACE_RESOLUTION, sessionInProgress, SUBMIT } from './support/voting-fixtures';

const DAY = 24 * 3600 * 1000;
/** A date `days` days from today (UTC), YYYY-MM-DD; negative is the past. */
const day = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

const RECORD = `mutation($input: RecordAgreementInput!) { recordAgreement(input: $input) {
  id committeeId title concludedOn parties { name role } terms { id position version obligation dueDate tags status overdue } } }`;
const ASSESS = `mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id status observedOn restrictedEvidenceCount } }`;
const AMEND = `mutation($input: AmendTermInput!) { amendAgreementTerm(input: $input) { id version obligation dueDate
  versions { version obligation reason } } }`;
const ESCALATE = `mutation($input: EscalateTermInput!) { escalateAgreementTerm(input: $input) { id termId resolutionId assessmentId
  evidenceIds restrictedEvidenceCount outcome { resolutionStatus resolutionNumber decided } } }`;
const TERM = `query($id: ID!) { agreementTerm(id: $id) { id status overdue lastObservedOn nonCompliantSince version
  timeline { id status observedOn summary restrictedEvidenceCount evidence { id title source visibility fileHash } }
  escalations { id resolutionId evidenceIds restrictedEvidenceCount outcome { resolutionStatus resolutionNumber decided } } } }`;
const AGREEMENT = `query($id: ID!) { agreement(id: $id) { id title terms { id status overdue
  timeline { id status restrictedEvidenceCount evidence { id title source visibility } }
  escalations { evidenceIds restrictedEvidenceCount } } } }`;
const SUMMARY = `query($id: ID!) { agreementSummary(agreementId: $id) { agreementId termCount overdueCount percentCompliant lastAssessedOn
  countsByStatus { status count } terms { id status timeline { observedOn status restrictedEvidenceCount evidence { title visibility } } } } }`;
const ASSESSMENT = `query($id: ID!) { assessment(id: $id) { id status restrictedEvidenceCount evidence { id title source visibility } } }`;
const EVIDENCE = `query($id: ID!) { evidenceItem(id: $id) { id title source visibility datedOn } }`;
const OVERDUE = `{ overdueTerms { totalCount items { id status overdue } } }`;
const NON_COMPLIANT = `query($days: Int!) { nonCompliantTerms(days: $days) { totalCount items { id status nonCompliantSince } } }`;
const ADD_MEMBER = 'mutation($input: CommitteeMemberInput!) { addCommitteeMember(input: $input) { id } }';
const SET_CHAIR = 'mutation($input: CommitteeMemberInput!) { setCommitteeChair(input: $input) { id } }';

/** What a witness-identifying item looks like; none of these words may reach an outsider. */
const RESTRICTED = {
  title: 'Statement of witness W-7 from Rushan',
  source: 'committee archive, sealed envelope 7',
  visibility: 'RESTRICTED',
};
const PUBLIC = { title: 'Outage map of GBAO districts', source: 'https://example.org/outages', visibility: 'PUBLIC' };

const agreementInput = (overrides: Record<string, unknown> = {}) => ({
  title: 'Khorog agreement on the situation in GBAO',
  parties: [
    { name: 'Local authorities of GBAO', role: 'local authorities' },
    { name: 'Civilian representatives', role: 'civilian representatives: 40 delegates of GBAO districts and Khorog neighbourhoods' },
  ],
  concludedOn: day(-120),
  place: 'Khorog',
  sourceReferences: ['Founding resolution 3.2'],
  terms: [
    {
      obligation: 'Investigate the extrajudicial executions of May 2022',
      responsibleParty: 'Prosecutor General',
      dueDate: day(30),
      tags: ['justice'],
    },
    {
      obligation: 'Restore internet and mobile connection in GBAO',
      responsibleParty: 'Ministry of Transport and Communications',
      dueDate: day(-20),
      tags: ['internet'],
    },
    {
      obligation: 'Withdraw additional military units from Khorog',
      responsibleParty: 'Ministry of Defence',
      dueDate: day(-60),
      tags: ['security'],
    },
    { obligation: 'Remove the officials responsible for the violence', responsibleParty: 'Government of Tajikistan' },
  ],
  ...overrides,
});

describe('agreement compliance (e2e)', () => {
  let t: TestApp;
  let secretariat: string;
  let coordinator: string;
  let delegates: SeatedDelegate[];
  let chair: SeatedDelegate;
  let member: SeatedDelegate;
  let nonMember: SeatedDelegate;
  let otherCommittee: SeatedDelegate;
  let monitoringId: string;
  let legalId: string;

  /** Rows and ledger entries that a refused call must leave as they were. */
  const counts = async () =>
    (
      await t.sql(`SELECT (SELECT count(*) FROM agreement)::int AS agreements, (SELECT count(*) FROM agreement_term)::int AS terms,
        (SELECT count(*) FROM agreement_term_version)::int AS versions, (SELECT count(*) FROM term_assessment)::int AS assessments,
        (SELECT count(*) FROM assessment_evidence)::int AS evidence, (SELECT count(*) FROM term_escalation)::int AS escalations,
        (SELECT count(*) FROM resolution)::int AS resolutions, (SELECT count(*) FROM ledger_entry)::int AS ledger`)
    )[0];

  const refused = async (call: () => Promise<GqlResult>, code: string, field?: string) => {
    const before = await counts();
    const result = await call();
    expect(codes(result)).toEqual([code]);
    if (field) expect(result.errors![0].extensions.field).toBe(field);
    expect(await counts()).toEqual(before);
    return result;
  };

  beforeAll(async () => {
    t = await startTestApp();
    secretariat = await t.signIn();
    const fr = await coordinatorOf(t, 'FR', secretariat);
    coordinator = fr.token;
    delegates = await seatedDelegates(t, fr, 6, 'Monitor');
    [chair, member, nonMember, otherCommittee] = delegates;
    const { committees } = await ok(t.gql('{ committees { items { id slug } } }'));
    monitoringId = committees.items.find((c: { slug: string }) => c.slug === 'monitoring').id;
    legalId = committees.items.find((c: { slug: string }) => c.slug === 'legal').id;
    for (const d of [chair, member])
      await ok(t.gql(ADD_MEMBER, { input: { committeeId: monitoringId, delegateId: d.delegateId } }, secretariat));
    await ok(t.gql(SET_CHAIR, { input: { committeeId: monitoringId, delegateId: chair.delegateId } }, secretariat));
    await ok(t.gql(ADD_MEMBER, { input: { committeeId: legalId, delegateId: otherCommittee.delegateId } }, secretariat));
  }, 180_000);
  afterAll(() => t.close());

  describe('the walk: record, assess over time, overdue, NON_COMPLIANT, escalate, adopt; the public sees the public timeline', () => {
    let agreementId: string;
    let terms: { id: string; position: number }[];
    let restrictedId: string;
    let nonCompliantAssessmentId: string;
    let resolutionId: string;

    it('the monitoring committee records an agreement with its terms (the monitoring committee by default)', async () => {
      const recorded = (await ok(t.gql(RECORD, { input: agreementInput() }, chair.token))).recordAgreement;
      expect(recorded).toMatchObject({ committeeId: monitoringId, concludedOn: day(-120) });
      expect(recorded.terms.map((term: Record<string, unknown>) => [term.position, term.version, term.status, term.overdue])).toEqual([
        [1, 1, 'UNKNOWN', false],
        [2, 1, 'UNKNOWN', true],
        [3, 1, 'UNKNOWN', true],
        [4, 1, 'UNKNOWN', false],
      ]);
      agreementId = recorded.id;
      terms = recorded.terms;
      const [entry] = await t.sql<{ canonical: string }>("SELECT canonical FROM ledger_entry WHERE kind = 'AGREEMENT_RECORDED'");
      expect(JSON.parse(entry.canonical).payload).toMatchObject({ agreementId, committeeId: monitoringId });
    });

    it('members assess terms over time; the latest observation wins whatever the order of recording', async () => {
      const [t1, t2, t3] = terms;
      await ok(
        t.gql(
          ASSESS,
          { input: { termId: t1.id, status: 'COMPLIANT', observedOn: day(-40), summary: 'A commission was set up.', evidence: [PUBLIC] } },
          member.token,
        ),
      );
      await ok(
        t.gql(
          ASSESS,
          { input: { termId: t2.id, status: 'PARTIALLY_COMPLIANT', observedOn: day(-45), summary: 'Internet back in Khorog only.' } },
          member.token,
        ),
      );
      await ok(
        t.gql(
          ASSESS,
          { input: { termId: t3.id, status: 'NON_COMPLIANT', observedOn: day(-10), summary: 'Units still in town.' } },
          secretariat,
        ),
      );
      // Recorded later but observed earlier: it joins the history without changing the current status.
      await ok(
        t.gql(
          ASSESS,
          { input: { termId: t3.id, status: 'PARTIALLY_COMPLIANT', observedOn: day(-50), summary: 'Some units left.' } },
          chair.token,
        ),
      );
      const term3 = (await ok(t.gql(TERM, { id: t3.id }))).agreementTerm;
      expect(term3.timeline.map((a: { status: string }) => a.status)).toEqual(['PARTIALLY_COMPLIANT', 'NON_COMPLIANT']);
      expect(term3).toMatchObject({ status: 'NON_COMPLIANT', overdue: true, nonCompliantSince: day(-10), lastObservedOn: day(-10) });
    });

    it('term 2 is overdue (PARTIALLY_COMPLIANT past its due date), then goes NON_COMPLIANT with public and restricted evidence', async () => {
      const [, t2] = terms;
      const overdue = (await ok(t.gql(OVERDUE))).overdueTerms;
      expect(overdue.items.find((i: { id: string }) => i.id === t2.id)).toEqual({
        id: t2.id,
        status: 'PARTIALLY_COMPLIANT',
        overdue: true,
      });
      expect(overdue.items.map((i: { id: string }) => i.id)).not.toContain(terms[0].id);

      const assessed = (
        await ok(
          t.gql(
            ASSESS,
            {
              input: {
                termId: t2.id,
                status: 'NON_COMPLIANT',
                observedOn: day(-8),
                summary: 'The connection was cut again.',
                evidence: [PUBLIC, RESTRICTED],
              },
            },
            member.token,
          ),
        )
      ).recordAssessment;
      expect(assessed).toMatchObject({ status: 'NON_COMPLIANT', restrictedEvidenceCount: 1 });
      nonCompliantAssessmentId = assessed.id;

      const term2 = (await ok(t.gql(TERM, { id: t2.id }, member.token))).agreementTerm;
      expect(term2).toMatchObject({ status: 'NON_COMPLIANT', overdue: true, nonCompliantSince: day(-8) });
      restrictedId = term2.timeline[1].evidence.find((e: { visibility: string }) => e.visibility === 'RESTRICTED').id;

      const longer = async (days: number) =>
        (await ok(t.gql(NON_COMPLIANT, { days }))).nonCompliantTerms.items.map((i: { id: string }) => i.id).sort();
      expect(await longer(7)).toEqual([t2.id, terms[2].id].sort());
      expect(await longer(8)).toEqual([terms[2].id]);
      expect(await longer(10)).toEqual([]);

      // The ledger has a hash of each evidence item, never the restricted content.
      const [entry] = await t.sql<{ canonical: string }>(
        "SELECT canonical FROM ledger_entry WHERE kind = 'ASSESSMENT_RECORDED' AND canonical LIKE $1",
        [`%${assessed.id}%`],
      );
      expect(entry.canonical).not.toContain('Rushan');
      expect(entry.canonical).not.toContain('sealed envelope');
      const payload = JSON.parse(entry.canonical).payload;
      expect(payload.evidence).toHaveLength(2);
      expect(payload.evidence[1]).toMatchObject({
        evidenceId: restrictedId,
        visibility: 'RESTRICTED',
        contentSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
    });

    it('a term is amended only by a new version with a reason; history stays', async () => {
      const amended = (
        await ok(
          t.gql(
            AMEND,
            {
              input: {
                termId: terms[3].id,
                obligation: 'Remove and prosecute the officials responsible',
                responsibleParty: 'Government of Tajikistan',
                dueDate: day(90),
                reason: 'Clarified at the follow-up meeting',
              },
            },
            chair.token,
          ),
        )
      ).amendAgreementTerm;
      expect(amended).toMatchObject({ version: 2, obligation: 'Remove and prosecute the officials responsible', dueDate: day(90) });
      expect(amended.versions).toEqual([
        { version: 1, obligation: 'Remove the officials responsible for the violence', reason: null },
        { version: 2, obligation: 'Remove and prosecute the officials responsible', reason: 'Clarified at the follow-up meeting' },
      ]);
      expect(await t.sql("SELECT 1 FROM ledger_entry WHERE kind = 'TERM_VERSIONED'")).toHaveLength(1);
    });

    it('the summary counts terms per status, percent compliant with integers, the last assessment date and a timeline per term', async () => {
      const summary = (await ok(t.gql(SUMMARY, { id: agreementId }))).agreementSummary;
      expect(summary).toMatchObject({ agreementId, termCount: 4, overdueCount: 2, percentCompliant: 25, lastAssessedOn: day(-8) });
      expect(summary.countsByStatus).toEqual([
        { status: 'COMPLIANT', count: 1 },
        { status: 'PARTIALLY_COMPLIANT', count: 0 },
        { status: 'NON_COMPLIANT', count: 2 },
        { status: 'UNKNOWN', count: 1 },
      ]);
      expect(summary.terms[1].timeline.map((a: { status: string }) => a.status)).toEqual(['PARTIALLY_COMPLIANT', 'NON_COMPLIANT']);
    });

    it('escalating a COMPLIANT term is refused and changes nothing', async () => {
      await refused(() => t.gql(ESCALATE, { input: { termId: terms[0].id } }, chair.token), 'TERM_NOT_NON_COMPLIANT', 'input.termId');
    });

    it("the chair escalates the NON_COMPLIANT term into the committee's draft resolution, linked to the term and its evidence by id", async () => {
      const escalation = (
        await ok(
          t.gql(ESCALATE, { input: { termId: terms[1].id, demand: 'The Council demands that the connection be restored.' } }, chair.token),
        )
      ).escalateAgreementTerm;
      expect(escalation).toMatchObject({
        termId: terms[1].id,
        assessmentId: nonCompliantAssessmentId,
        restrictedEvidenceCount: 1,
        outcome: { resolutionStatus: 'DRAFT', decided: false },
      });
      expect(escalation.evidenceIds).toHaveLength(2);
      resolutionId = escalation.resolutionId;
      const resolution = (
        await ok(t.gql('query($id: ID!) { resolution(id: $id) { status committeeId text } }', { id: resolutionId }, chair.token))
      ).resolution;
      expect(resolution).toMatchObject({ status: 'DRAFT', committeeId: monitoringId });
      expect(resolution.text).toContain('Restore internet and mobile connection in GBAO');
      expect(resolution.text).toContain('1 restricted item(s)');
      expect(resolution.text).not.toContain(restrictedId);
      expect(resolution.text).not.toContain('Rushan');
      await refused(() => t.gql(ESCALATE, { input: { termId: terms[1].id } }, chair.token), 'TERM_ALREADY_ESCALATED', 'input.termId');
      const [entry] = await t.sql<{ canonical: string }>("SELECT canonical FROM ledger_entry WHERE kind = 'TERM_ESCALATED'");
      expect(JSON.parse(entry.canonical).payload).toMatchObject({ termId: terms[1].id, resolutionId, restrictedEvidenceCount: 1 });
      expect(entry.canonical).not.toContain(restrictedId);
    });

    it('the resolution follows the resolutions workflow, is adopted in a session, and the term shows the outcome', async () => {
      await ok(t.gql(SUBMIT, { id: resolutionId }, chair.token));
      const sessionId = await sessionInProgress(t, secretariat, 'Session on GBAO');
      const line = (await ok(t.gql(PLACE_RESOLUTION, { input: { sessionId, resolutionId } }, secretariat))).placeResolutionOnAgenda;
      await markPresent(t, sessionId, delegates);
      const vote = (
        await ok(t.gql(OPEN_VOTE, { input: { agendaItemId: line.agendaItemId, rule: 'SIMPLE', secrecy: 'ROLL_CALL' } }, secretariat))
      ).openVote;
      for (const [i, choice] of ['YES', 'YES', 'YES', 'YES', 'NO', 'ABSTAIN'].entries()) {
        await ok(t.gql(CAST, { input: { voteId: vote.id, choice } }, delegates[i].token));
      }
      expect((await ok(t.gql(CLOSE_VOTE, { id: vote.id }, secretariat))).closeVote.result.outcome).toBe('ADOPTED');
      const term2 = (await ok(t.gql(TERM, { id: terms[1].id }))).agreementTerm;
      expect(term2.escalations).toEqual([
        {
          id: expect.any(String),
          resolutionId,
          evidenceIds: [expect.any(String)],
          restrictedEvidenceCount: 1,
          outcome: { resolutionStatus: 'ADOPTED', resolutionNumber: `GC-${new Date().getUTCFullYear()}-1`, decided: true },
        },
      ]);
    });

    it("the public sees the agreement's whole public timeline, the count of restricted evidence, and nothing of its content", async () => {
      const result = await t.gql(AGREEMENT, { id: agreementId });
      const text = JSON.stringify(result);
      expect(result.errors).toBeUndefined();
      expect(text).not.toContain('Rushan');
      expect(text).not.toContain('sealed envelope');
      expect(text).not.toContain(restrictedId);
      const term2 = result.data!.agreement.terms[1];
      expect(term2.timeline[1]).toMatchObject({
        status: 'NON_COMPLIANT',
        restrictedEvidenceCount: 1,
        evidence: [{ title: PUBLIC.title, visibility: 'PUBLIC' }],
      });
      expect(term2.escalations[0]).toMatchObject({ restrictedEvidenceCount: 1, evidenceIds: [expect.any(String)] });
      expect(t.logs.join('\n')).not.toContain('Rushan');
    });

    it("the committee can subscribe to status changes on the agreement's terms", async () => {
      const changes = subscribe<{ termStatusChanged: Record<string, unknown> }>(
        t.url,
        'subscription($id: ID!) { termStatusChanged(agreementId: $id) { agreementId termId status overdue observedOn } }',
        { id: agreementId },
      );
      // Give the server time to register the subscription before the change is published.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const termId = terms[3].id;
      await ok(
        t.gql(
          ASSESS,
          { input: { termId, status: 'PARTIALLY_COMPLIANT', observedOn: day(-2), summary: 'Two officials were dismissed.' } },
          member.token,
        ),
      );
      expect((await changes.next(10_000)).termStatusChanged).toEqual({
        agreementId,
        termId,
        status: 'PARTIALLY_COMPLIANT',
        overdue: false,
        observedOn: day(-2),
      });
      await changes.close();
    });

    describe('restricted evidence, role by role, through every field that reaches it', () => {
      const roles: [string, () => string | undefined, boolean][] = [
        ['the public', () => undefined, false],
        ['a delegate on no committee', () => nonMember.token, false],
        ['a member of another committee', () => otherCommittee.token, false],
        ['a coordinator', () => coordinator, false],
        ['a member of the owning committee', () => member.token, true],
        ["the owning committee's chair", () => chair.token, true],
        ['the secretariat', () => secretariat, true],
      ];

      it.each(roles)('%s', async (_, token, mayRead) => {
        const reads = [
          await t.gql(AGREEMENT, { id: agreementId }, token()),
          await t.gql(TERM, { id: terms[1].id }, token()),
          await t.gql(SUMMARY, { id: agreementId }, token()),
          await t.gql(ASSESSMENT, { id: nonCompliantAssessmentId }, token()),
        ];
        for (const read of reads) expect(read.errors).toBeUndefined();
        for (const read of reads) expect(JSON.stringify(read).includes('Rushan')).toBe(mayRead);
        const [agreement, term, summary, assessment] = reads.map((r) => r.data!);
        expect(agreement.agreement.terms[1].timeline[1].restrictedEvidenceCount).toBe(1);
        expect(agreement.agreement.terms[1].timeline[1].evidence).toHaveLength(mayRead ? 2 : 1);
        expect(term.agreementTerm.escalations[0].evidenceIds).toHaveLength(mayRead ? 2 : 1);
        expect(summary.agreementSummary.terms[1].timeline[1].evidence).toHaveLength(mayRead ? 2 : 1);
        expect(assessment.assessment).toMatchObject({ restrictedEvidenceCount: 1 });
        expect(assessment.assessment.evidence.map((e: { visibility: string }) => e.visibility)).toEqual(
          mayRead ? ['PUBLIC', 'RESTRICTED'] : ['PUBLIC'],
        );

        const item = await t.gql(EVIDENCE, { id: restrictedId }, token());
        if (mayRead) expect(item.data!.evidenceItem).toMatchObject({ id: restrictedId, ...RESTRICTED });
        else {
          expect(codes(item)).toEqual(['EVIDENCE_RESTRICTED']);
          expect(JSON.stringify(item)).not.toContain('Rushan');
        }
      });
    });
  });

  describe('bad input: a clear error, and nothing changed', () => {
    let legalTermId: string;
    let monitoringTermId: string;
    const missing = '00000000-0000-4000-8000-000000000000';
    const assess = (termId: string, extra: Record<string, unknown> = {}) => ({
      input: { termId, status: 'NON_COMPLIANT', observedOn: day(-1), summary: 'Observed by the committee.', ...extra },
    });

    beforeAll(async () => {
      const legal = (
        await ok(
          t.gql(RECORD, { input: agreementInput({ committeeId: legalId, title: 'Agreement the legal committee monitors' }) }, secretariat),
        )
      ).recordAgreement;
      legalTermId = legal.terms[0].id;
      monitoringTermId = (await ok(t.gql(RECORD, { input: agreementInput({ title: 'Second monitored agreement' }) }, member.token)))
        .recordAgreement.terms[0].id;
    });

    it("assessing a term of another committee's agreement", async () => {
      await refused(() => t.gql(ASSESS, assess(legalTermId), member.token), 'NOT_COMMITTEE_MEMBER', 'input.termId');
      await refused(() => t.gql(ASSESS, assess(monitoringTermId), otherCommittee.token), 'NOT_COMMITTEE_MEMBER', 'input.termId');
      await refused(() => t.gql(ASSESS, assess(monitoringTermId), nonMember.token), 'NOT_COMMITTEE_MEMBER', 'input.termId');
      await refused(() => t.gql(ASSESS, assess(monitoringTermId), coordinator), 'FORBIDDEN');
      await refused(() => t.gql(ASSESS, assess(monitoringTermId)), 'UNAUTHENTICATED');
    });

    it('recording or amending for a committee the caller does not sit on', async () => {
      await refused(
        () => t.gql(RECORD, { input: agreementInput({ committeeId: legalId }) }, member.token),
        'NOT_COMMITTEE_MEMBER',
        'input.committeeId',
      );
      await refused(() => t.gql(RECORD, { input: agreementInput() }, nonMember.token), 'NOT_COMMITTEE_MEMBER', 'input.committeeId');
      await refused(() => t.gql(RECORD, { input: agreementInput() }, coordinator), 'FORBIDDEN');
      await refused(
        () =>
          t.gql(
            AMEND,
            {
              input: {
                termId: legalTermId,
                obligation: 'Something else entirely',
                responsibleParty: 'Someone',
                reason: 'Because we say so',
              },
            },
            member.token,
          ),
        'NOT_COMMITTEE_MEMBER',
        'input.termId',
      );
    });

    it('restricted evidence read by a delegate who is not a member', async () => {
      const id = (await ok(t.gql(ASSESS, assess(monitoringTermId, { evidence: [RESTRICTED] }), member.token))).recordAssessment.id;
      const [{ id: evidenceId }] = await t.sql<{ id: string }>('SELECT id FROM assessment_evidence WHERE assessment_id = $1', [id]);
      const result = await refused(() => t.gql(EVIDENCE, { id: evidenceId }, nonMember.token), 'EVIDENCE_RESTRICTED', 'id');
      expect(result.data?.evidenceItem ?? null).toBeNull();
    });

    it('dates in the future for observations and evidence, and impossible dates', async () => {
      await refused(
        () => t.gql(ASSESS, assess(monitoringTermId, { observedOn: day(1) }), member.token),
        'DATE_IN_FUTURE',
        'input.observedOn',
      );
      await refused(
        () => t.gql(ASSESS, assess(monitoringTermId, { evidence: [{ ...PUBLIC, datedOn: day(2) }] }), member.token),
        'DATE_IN_FUTURE',
        'input.evidence.0.datedOn',
      );
      await refused(
        () => t.gql(ASSESS, assess(monitoringTermId, { observedOn: '2026-02-30' }), member.token),
        'BAD_USER_INPUT',
        'input.observedOn',
      );
      await refused(
        () => t.gql(ASSESS, assess(monitoringTermId, { observedOn: '1 May' }), member.token),
        'BAD_USER_INPUT',
        'input.observedOn',
      );
    });

    it('escalating a term that is not NON_COMPLIANT, or by a member who is not the chair', async () => {
      await refused(() => t.gql(ESCALATE, { input: { termId: legalTermId } }, secretariat), 'FORBIDDEN');
      const unknownTerm = (await ok(t.gql(RECORD, { input: agreementInput({ title: 'Third monitored agreement' }) }, chair.token)))
        .recordAgreement.terms[0].id;
      await refused(() => t.gql(ESCALATE, { input: { termId: unknownTerm } }, chair.token), 'TERM_NOT_NON_COMPLIANT', 'input.termId');
      await ok(t.gql(ASSESS, assess(unknownTerm), member.token));
      await refused(() => t.gql(ESCALATE, { input: { termId: unknownTerm } }, member.token), 'NOT_COMMITTEE_CHAIR');
      await refused(() => t.gql(ESCALATE, { input: { termId: unknownTerm } }, nonMember.token), 'NOT_COMMITTEE_MEMBER', 'input.termId');
    });

    it('unknown and malformed ids', async () => {
      await refused(() => t.gql(ASSESS, assess(missing), member.token), 'NOT_FOUND', 'input.termId');
      await refused(
        () =>
          t.gql(
            AMEND,
            { input: { termId: missing, obligation: 'Any new wording', responsibleParty: 'Anyone', reason: 'No such term' } },
            member.token,
          ),
        'NOT_FOUND',
        'input.termId',
      );
      await refused(() => t.gql(ESCALATE, { input: { termId: missing } }, chair.token), 'NOT_FOUND', 'input.termId');
      await refused(
        () => t.gql(RECORD, { input: agreementInput({ committeeId: missing }) }, secretariat),
        'NOT_FOUND',
        'input.committeeId',
      );
      for (const query of [AGREEMENT, TERM, ASSESSMENT, EVIDENCE])
        await refused(() => t.gql(query, { id: missing }, secretariat), 'NOT_FOUND');
      await refused(() => t.gql(SUMMARY, { id: missing }), 'NOT_FOUND', 'agreementId');
      await refused(() => t.gql(TERM, { id: 'not-an-id' }), 'BAD_USER_INPUT', 'id');
      await refused(() => t.gql(ASSESS, assess('not-an-id'), member.token), 'BAD_USER_INPUT', 'input.termId');
    });
  });
  describe('npm run seed:demo', () => {
    it('adds the demo delegates with mandates and the agreement with its timeline and one escalation, once', async () => {
      const before = await counts();
      expect(await seedDemo(t.app, t.councilId)).toMatch(/^Demo data added/);
      const { agreements } = await ok(t.gql('{ agreements(limit: 200) { items { id title } } }'));
      const demo = agreements.items.find((a: { title: string }) => a.title.startsWith('Demo: Khorog agreement'));
      const summary = (await ok(t.gql(SUMMARY, { id: demo.id }))).agreementSummary;
      expect(summary).toMatchObject({ termCount: 4, percentCompliant: 0, overdueCount: 4, lastAssessedOn: '2022-06-01' });
      expect(summary.countsByStatus).toEqual([
        { status: 'COMPLIANT', count: 0 },
        { status: 'PARTIALLY_COMPLIANT', count: 0 },
        { status: 'NON_COMPLIANT', count: 3 },
        { status: 'UNKNOWN', count: 1 },
      ]);
      const internet = (await ok(t.gql(TERM, { id: summary.terms[2].id }))).agreementTerm;
      expect(internet.timeline.map((a: { status: string }) => a.status)).toEqual(['NON_COMPLIANT', 'PARTIALLY_COMPLIANT', 'NON_COMPLIANT']);
      expect(internet.escalations).toHaveLength(1);
      expect(JSON.stringify(internet)).not.toContain('Committee archive');
      const seated = await t.sql(`SELECT d.id FROM delegate d JOIN mandate m ON m.delegate_id = d.id AND m.status = 'ACTIVE'
        WHERE d.display_name LIKE 'Demo Delegate %' AND d.accredited_at IS NOT NULL`);
      expect(seated).toHaveLength(5);
      const after = await counts();
      expect(await seedDemo(t.app, t.councilId)).toMatch(/already there/);
      expect(await counts()).toEqual(after);
      expect(after.agreements).toBe(before.agreements + 1);
    });
  });
});
