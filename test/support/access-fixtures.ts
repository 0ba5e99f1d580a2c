import { createClient } from 'graphql-ws';
import { GraphQLSchema, isNonNullType, isObjectType, isUnionType, getNamedType, GraphQLField } from 'graphql';
import WebSocket from 'ws';
import { AuthService } from '@gc/auth';
import { coordinatorOf, SeatedDelegate, seatedDelegates } from './factories';
import { createDelegate } from './delegation-fixtures';
import { GqlResult, TestApp } from './test-app';
import { markPresent, ok, OPEN_VOTE, PLACE_RESOLUTION, sessionInProgress, submittedResolution } from './voting-fixtures';

/**
 * The people of the permission matrix and the objects their row-level rules are about: delegation CH
 * ("this" delegation, with the monitoring committee as "this" committee) and delegation FR (the other
 * delegation, whose two delegates sit on the legal committee, "another" committee).
 */
export const ROLES = [
  'public',
  'seatedDelegate',
  'unseatedDelegate',
  'coordinator',
  'otherCoordinator',
  'committeeMember',
  'committeeChair',
  'otherCommitteeMember',
  'otherCommitteeChair',
  'secretariat',
] as const;
export type RoleName = (typeof ROLES)[number];

export interface AccessFixture {
  councilId: string;
  tokens: Record<RoleName, string | undefined>;
  delegationId: string;
  otherDelegationId: string;
  committeeId: string;
  otherCommitteeId: string;
  seated: SeatedDelegate;
  unseatedDelegateId: string;
  /** Accredited, seated by one mandate of its own, for the rows that revoke, transfer or withdraw. */
  spareDelegateId: string;
  spareMandateId: string;
  /** Has no sign-in account yet. */
  loginlessDelegateId: string;
  constituentId: string;
  mandateId: string;
  erasableConstituentId: string;
  otherConstituentId: string;
  agreementId: string;
  termId: string;
  assessmentId: string;
  restrictedEvidenceId: string;
  publicEvidenceId: string;
  sessionId: string;
  petitionId: string;
  /** A secret vote, open, on a submitted resolution; every seated delegate is on its roll. */
  voteId: string;
  votedResolutionId: string;
  /** SUBMITTED, with an amendment by the seated delegate. */
  submittedResolutionId: string;
  amendmentId: string;
  /** A delegates' DRAFT by the seated delegate, with no sponsors yet. */
  draftResolutionId: string;
  /** Another DRAFT by the seated delegate, for the withdrawal row. */
  withdrawableResolutionId: string;
}

const DAY = 24 * 3600 * 1000;
const day = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

async function delegateToken(t: TestApp, coordinator: string, delegateId: string): Promise<string> {
  const email = `login-${delegateId}@example.org`;
  await ok(
    t.gql(
      'mutation($input: CreateDelegateLoginInput!) { createDelegateLogin(input: $input) { __typename } }',
      { input: { delegateId, email } },
      coordinator,
    ),
  );
  const [user] = await t.sql<{ id: string }>('UPDATE user_account SET activated_at = now() WHERE email = $1 RETURNING id', [email]);
  return (await t.app.get(AuthService).startSession(user.id)).accessToken;
}

async function constituentWithMandate(t: TestApp, coordinator: string, delegationId: string, name: string, delegateId?: string) {
  const registered = await ok(
    t.gql(
      'mutation($input: RegisterConstituentInput!) { registerConstituent(input: $input) { id } }',
      { input: { delegationId, name, email: `${name.toLowerCase().replace(/\W+/g, '-')}@example.org` } },
      coordinator,
    ),
  );
  const constituentId: string = registered.registerConstituent.id;
  if (!delegateId) return { constituentId, mandateId: '' };
  const issued = await ok(
    t.gql(
      'mutation($input: IssueMandateInput!) { issueMandate(input: $input) { id } }',
      { input: { constituentId, delegateId } },
      coordinator,
    ),
  );
  return { constituentId, mandateId: issued.issueMandate.id as string };
}

export async function buildAccessFixture(t: TestApp): Promise<AccessFixture> {
  const secretariat = await t.signIn();
  const coordinator = await coordinatorOf(t, 'CH', secretariat);
  const otherCoordinator = await coordinatorOf(t, 'FR', secretariat);
  // Fillers keep the petition far from two-thirds whatever the matrix signs.
  const [seated, member, chair, ...fillers] = await seatedDelegates(t, coordinator, 8, 'Matrix');
  const [otherMember, otherChair] = await seatedDelegates(t, otherCoordinator, 2, 'Other');

  const unseatedDelegateId = await createDelegate(t, coordinator.token, coordinator.delegationId, 'Unseated delegate');
  const unseated = await delegateToken(t, coordinator.token, unseatedDelegateId);
  const spareDelegateId = await createDelegate(t, coordinator.token, coordinator.delegationId, 'Spare delegate');
  const spare = await constituentWithMandate(t, coordinator.token, coordinator.delegationId, 'Spare constituent', spareDelegateId);
  const loginlessDelegateId = await createDelegate(t, coordinator.token, coordinator.delegationId, 'Loginless delegate', false);
  const held = await constituentWithMandate(t, coordinator.token, coordinator.delegationId, 'Held constituent', seated.delegateId);
  const erasable = await constituentWithMandate(t, coordinator.token, coordinator.delegationId, 'Erasable constituent');
  const other = await constituentWithMandate(t, otherCoordinator.token, otherCoordinator.delegationId, 'Other constituent');

  const { committees } = await ok(t.gql('{ committees { items { id slug } } }'));
  const committeeId = committees.items.find((c: { slug: string }) => c.slug === 'monitoring').id;
  const otherCommitteeId = committees.items.find((c: { slug: string }) => c.slug === 'legal').id;
  const seat = async (committee: string, members: SeatedDelegate[], chairOf: SeatedDelegate) => {
    for (const d of members)
      await ok(
        t.gql(
          'mutation($input: CommitteeMemberInput!) { addCommitteeMember(input: $input) { id } }',
          {
            input: { committeeId: committee, delegateId: d.delegateId },
          },
          secretariat,
        ),
      );
    await ok(
      t.gql(
        'mutation($input: CommitteeMemberInput!) { setCommitteeChair(input: $input) { id } }',
        {
          input: { committeeId: committee, delegateId: chairOf.delegateId },
        },
        secretariat,
      ),
    );
  };
  await seat(committeeId, [member, chair], chair);
  await seat(otherCommitteeId, [otherMember, otherChair], otherChair);

  const recorded = await ok(
    t.gql(
      'mutation($input: RecordAgreementInput!) { recordAgreement(input: $input) { id terms { id } } }',
      {
        input: {
          committeeId,
          title: 'Khorog agreement',
          parties: [
            { name: 'Local authorities of GBAO', role: 'local authorities' },
            { name: 'Civilian representatives', role: 'civilian representatives' },
          ],
          concludedOn: day(-100),
          place: 'Khorog',
          sourceReferences: ['Founding resolution 3.2'],
          terms: [{ obligation: 'Restore the internet in GBAO', responsibleParty: 'Ministry of Communications', dueDate: day(-10) }],
        },
      },
      secretariat,
    ),
  );
  const termId: string = recorded.recordAgreement.terms[0].id;
  const assessed = await ok(
    t.gql(
      'mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id evidence { id visibility } } }',
      {
        input: {
          termId,
          status: 'NON_COMPLIANT',
          summary: 'Still cut off',
          observedOn: day(-1),
          evidence: [
            { title: 'Statement of witness W-7', source: 'sealed envelope 7', visibility: 'RESTRICTED' },
            { title: 'Outage map', source: 'https://example.org/outages', visibility: 'PUBLIC' },
          ],
        },
      },
      secretariat,
    ),
  );
  const evidence: { id: string; visibility: string }[] = assessed.recordAssessment.evidence;

  const sessionId = await sessionInProgress(t, secretariat, 'Matrix session');
  const opened = await ok(
    t.gql(
      'mutation($input: OpenPetitionInput!) { openPetition(input: $input) { id } }',
      { input: { purpose: 'A special session on GBAO', proposedAgenda: ['GBAO'] } },
      seated.token,
    ),
  );

  const votedResolutionId = await submittedResolution(t, seated, [member, chair], 'Matrix resolution');
  const placed = await ok(t.gql(PLACE_RESOLUTION, { input: { resolutionId: votedResolutionId, sessionId } }, secretariat));
  await markPresent(t, sessionId, [seated, member, chair, ...fillers, otherMember, otherChair]);
  const vote = await ok(
    t.gql(
      OPEN_VOTE,
      { input: { agendaItemId: placed.placeResolutionOnAgenda.agendaItemId, rule: 'SIMPLE', secrecy: 'SECRET' } },
      secretariat,
    ),
  );
  const submittedResolutionId = await submittedResolution(t, seated, [member, chair], 'Amendable resolution');
  const amendment = await ok(
    t.gql(
      'mutation($input: ProposeAmendmentInput!) { proposeAmendment(input: $input) { id } }',
      { input: { resolutionId: submittedResolutionId, text: 'The Global Council resolves, amended.' } },
      seated.token,
    ),
  );
  const draft = async (title: string) =>
    (
      await ok(
        t.gql(
          'mutation($input: DraftResolutionInput!) { draftResolution(input: $input) { id } }',
          { input: { title, text: `The Global Council resolves: ${title}.` } },
          seated.token,
        ),
      )
    ).draftResolution.id as string;

  return {
    councilId: t.councilId,
    tokens: {
      public: undefined,
      seatedDelegate: seated.token,
      unseatedDelegate: unseated,
      coordinator: coordinator.token,
      otherCoordinator: otherCoordinator.token,
      committeeMember: member.token,
      committeeChair: chair.token,
      otherCommitteeMember: otherMember.token,
      otherCommitteeChair: otherChair.token,
      secretariat,
    },
    delegationId: coordinator.delegationId,
    otherDelegationId: otherCoordinator.delegationId,
    committeeId,
    otherCommitteeId,
    seated,
    unseatedDelegateId,
    spareDelegateId,
    spareMandateId: spare.mandateId,
    loginlessDelegateId,
    constituentId: held.constituentId,
    mandateId: held.mandateId,
    erasableConstituentId: erasable.constituentId,
    otherConstituentId: other.constituentId,
    agreementId: recorded.recordAgreement.id,
    termId,
    assessmentId: assessed.recordAssessment.id,
    restrictedEvidenceId: evidence.find((e) => e.visibility === 'RESTRICTED')!.id,
    publicEvidenceId: evidence.find((e) => e.visibility === 'PUBLIC')!.id,
    sessionId,
    petitionId: opened.openPetition.id,
    voteId: vote.openVote.id,
    votedResolutionId,
    submittedResolutionId,
    amendmentId: amendment.proposeAmendment.id,
    draftResolutionId: await draft('Matrix draft'),
    withdrawableResolutionId: await draft('Withdrawable draft'),
  };
}

/** `query($a: T!) { field(a: $a) { __typename } }` for a root field, with the variables given. */
export function documentFor(
  operation: 'query' | 'mutation' | 'subscription',
  field: GraphQLField<unknown, unknown>,
  variables: Record<string, unknown>,
): string {
  const args = field.args.filter((arg) => arg.name in variables);
  const declarations = args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const passed = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const named = getNamedType(field.type);
  const selection = isObjectType(named) || isUnionType(named) ? ' { __typename }' : '';
  return `${operation}${declarations ? `(${declarations})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`;
}

/** The root fields of the schema as `Query.x`, `Mutation.y`, `Subscription.z`. */
export function rootFields(
  schema: GraphQLSchema,
): Map<string, { operation: 'query' | 'mutation' | 'subscription'; field: GraphQLField<unknown, unknown> }> {
  const fields = new Map<string, { operation: 'query' | 'mutation' | 'subscription'; field: GraphQLField<unknown, unknown> }>();
  const roots = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    ['subscription', schema.getSubscriptionType()],
  ] as const;
  for (const [operation, type] of roots) {
    for (const field of Object.values(type?.getFields() ?? {})) fields.set(`${type!.name}.${field.name}`, { operation, field });
  }
  return fields;
}

/** Required arguments the caller did not give, so a row cannot silently test a document that fails validation. */
export const missingRequiredArgs = (field: GraphQLField<unknown, unknown>, variables: Record<string, unknown>) =>
  field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined && !(arg.name in variables)).map((a) => a.name);

/** One subscription over graphql-ws: the first message or error, or `open` when nothing came within `waitMs`. */
export function subscribeOnce(httpUrl: string, query: string, variables: Record<string, unknown>, token?: string, waitMs = 1500) {
  const client = createClient({
    url: `${httpUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    lazy: false,
    retryAttempts: 0,
  });
  return new Promise<GqlResult>((resolve) => {
    const done = (result: GqlResult) => {
      clearTimeout(timer);
      void client.dispose();
      resolve(result);
    };
    const timer = setTimeout(() => done({ status: 200, data: { open: true }, errors: undefined }), waitMs);
    client.subscribe(
      { query, variables },
      {
        next: (message) =>
          done({ status: 200, data: message.data as Record<string, unknown>, errors: message.errors as GqlResult['errors'] }),
        error: (error) =>
          done({
            status: 200,
            data: null,
            errors: Array.isArray(error) ? error : [{ message: String(error), extensions: { code: 'WS_ERROR' } }],
          }),
        complete: () => undefined,
      },
    );
  });
}
