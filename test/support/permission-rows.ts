import { AccessFixture, RoleName, ROLES } from './access-fixtures';

/**
 * The permission matrix of ../shared/DOMAIN.md and the README, proven by calling every root operation as
 * every role. What each cell means (docs/security.md, "The permission matrix"):
 * - `allowed`: the call got past every access check: it succeeded, or failed with an error about the data
 *   or the input (NOT_FOUND, BAD_USER_INPUT, a state error...) raised by the operation itself (the error's
 *   path names the field, so it is not a document or variable error that never reached the resolver).
 * - a code: the call was refused with exactly that code and returned nothing. Without a token, an operation
 *   that needs one is UNAUTHENTICATED; a role that may never call it is FORBIDDEN; row-level rules show with
 *   their own code: another delegation's coordinator FORBIDDEN, an unseated delegate NOT_SEATED (or
 *   NOT_ON_ROLL for ballots), a delegate outside the owning committee NOT_COMMITTEE_MEMBER, a member who is
 *   not its chair NOT_COMMITTEE_CHAIR, restricted evidence EVIDENCE_RESTRICTED.
 */
export type Outcome = 'allowed' | string;
export type Policy = Record<RoleName, Outcome>;

export const DENIALS = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'SECOND_FACTOR_REQUIRED',
  'NOT_SEATED',
  'NOT_ON_ROLL',
  'NOT_COMMITTEE_MEMBER',
  'NOT_COMMITTEE_CHAIR',
  'EVIDENCE_RESTRICTED',
]);

const everyone = (outcome: Outcome): Policy => Object.fromEntries(ROLES.map((role) => [role, outcome])) as Policy;
const DELEGATES: RoleName[] = [
  'seatedDelegate',
  'unseatedDelegate',
  'committeeMember',
  'committeeChair',
  'otherCommitteeMember',
  'otherCommitteeChair',
];
const only = (allowed: RoleName[], others = 'FORBIDDEN'): Policy => ({
  ...everyone(others),
  ...Object.fromEntries(allowed.map((role) => [role, 'allowed'])),
  public: allowed.includes('public') ? 'allowed' : 'UNAUTHENTICATED',
});

const PUBLIC = everyone('allowed');
const SIGNED_IN = only(ROLES.filter((role) => role !== 'public'));
const SECRETARIAT = only(['secretariat']);
/** Coordinators of the delegation the arguments belong to. */
const OWN_COORDINATOR = only(['coordinator']);
const ANY_DELEGATE = only(DELEGATES);
const SEATED_DELEGATE: Policy = { ...ANY_DELEGATE, unseatedDelegate: 'NOT_SEATED' };
/** Only the delegate who wrote the object (the seated delegate drafted the fixture's resolutions and amendment). */
const AUTHOR = only(['seatedDelegate']);
/** The secretariat and the members (chair included) of the committee the arguments belong to. */
const OWN_COMMITTEE: Policy = {
  ...only(['secretariat', 'committeeMember', 'committeeChair']),
  seatedDelegate: 'NOT_COMMITTEE_MEMBER',
  unseatedDelegate: 'NOT_COMMITTEE_MEMBER',
  otherCommitteeMember: 'NOT_COMMITTEE_MEMBER',
  otherCommitteeChair: 'NOT_COMMITTEE_MEMBER',
};
/** Public reads of an object holding restricted evidence of the committee. */
const RESTRICTED_READ: Policy = {
  ...everyone('EVIDENCE_RESTRICTED'),
  secretariat: 'allowed',
  committeeMember: 'allowed',
  committeeChair: 'allowed',
};

export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const DAY = 24 * 3600 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

export interface Row {
  policy: Policy;
  variables?: (fx: AccessFixture) => Record<string, unknown>;
}

/**
 * One row per root operation. Role-only operations take unknown ids, so the allowed roles reach a NOT_FOUND
 * without changing anything; row-level operations take the fixture's real objects. Within a row the refused
 * roles go first, so a refusal is never explained by what an allowed call changed. The order of the rows
 * matters where an allowed call changes state (sponsor before submit, logout last).
 */
export const ROWS: Record<string, Row> = {
  // Public reads: council, delegations, committees, sessions, resolutions, results, ledger.
  'Query.council': { policy: PUBLIC },
  'Query.delegations': { policy: PUBLIC },
  'Query.delegation': { policy: PUBLIC, variables: (fx) => ({ id: fx.delegationId }) },
  'Query.delegationByCode': { policy: PUBLIC, variables: () => ({ countryCode: 'CH' }) },
  'Query.delegate': { policy: PUBLIC, variables: (fx) => ({ id: fx.seated.delegateId }) },
  'Query.seatedDelegatesAt': { policy: PUBLIC, variables: () => ({ at: new Date().toISOString() }) },
  'Query.committees': { policy: PUBLIC },
  'Query.committee': { policy: PUBLIC, variables: (fx) => ({ id: fx.committeeId }) },
  'Query.sessions': { policy: PUBLIC },
  'Query.session': { policy: PUBLIC, variables: (fx) => ({ id: fx.sessionId }) },
  'Query.petitions': { policy: PUBLIC },
  'Query.petition': { policy: PUBLIC, variables: (fx) => ({ id: fx.petitionId }) },
  'Query.resolutions': { policy: PUBLIC },
  'Query.resolution': { policy: PUBLIC, variables: (fx) => ({ id: fx.votedResolutionId }) },
  'Query.resolutionByNumber': { policy: PUBLIC, variables: () => ({ number: 'GC-2026-999' }) },
  'Query.amendment': { policy: PUBLIC, variables: (fx) => ({ id: fx.amendmentId }) },
  'Query.votes': { policy: PUBLIC },
  'Query.vote': { policy: PUBLIC, variables: (fx) => ({ id: fx.voteId }) },
  'Query.voteRoll': { policy: PUBLIC, variables: (fx) => ({ voteId: fx.voteId }) },
  'Query.voteBulletin': { policy: PUBLIC, variables: (fx) => ({ voteId: fx.voteId }) },
  'Query.ballotReceipt': { policy: PUBLIC, variables: (fx) => ({ voteId: fx.voteId, receiptHash: 'a'.repeat(64) }) },
  'Query.ledgerEntries': { policy: PUBLIC, variables: (fx) => ({ councilId: fx.councilId }) },
  'Query.ledgerPublicKey': { policy: PUBLIC },
  'Query.ledgerCheckpoint': { policy: PUBLIC, variables: (fx) => ({ councilId: fx.councilId }) },
  'Query.ledgerCheckpoints': { policy: PUBLIC, variables: (fx) => ({ councilId: fx.councilId }) },
  'Query.ledgerInclusionProof': { policy: PUBLIC, variables: (fx) => ({ councilId: fx.councilId, seq: 1, treeSize: 2 }) },
  'Query.ledgerConsistencyProof': { policy: PUBLIC, variables: (fx) => ({ councilId: fx.councilId, fromSize: 1, toSize: 2 }) },
  'Query.agreements': { policy: PUBLIC },
  'Query.agreement': { policy: PUBLIC, variables: (fx) => ({ id: fx.agreementId }) },
  'Query.agreementTerm': { policy: PUBLIC, variables: (fx) => ({ id: fx.termId }) },
  'Query.agreementSummary': { policy: PUBLIC, variables: (fx) => ({ agreementId: fx.agreementId }) },
  'Query.assessment': { policy: PUBLIC, variables: (fx) => ({ id: fx.assessmentId }) },
  'Query.overdueTerms': { policy: PUBLIC },
  'Query.nonCompliantTerms': { policy: PUBLIC, variables: () => ({ days: 0 }) },
  // Restricted evidence: the owning committee and the secretariat only.
  'Query.evidenceItem': { policy: RESTRICTED_READ, variables: (fx) => ({ id: fx.restrictedEvidenceId }) },
  // Signed-in reads.
  'Query.me': { policy: SIGNED_IN },
  'Query.myAuthSessions': { policy: SIGNED_IN },
  'Query.myDelegate': { policy: ANY_DELEGATE },
  'Query.myBallot': { policy: ANY_DELEGATE, variables: (fx) => ({ voteId: fx.voteId }) },
  'Query.authEvents': { policy: SECRETARIAT },
  // Constituents' identities: their own delegation's coordinators only.
  'Query.constituents': { policy: OWN_COORDINATOR, variables: (fx) => ({ delegationId: fx.delegationId }) },
  'Query.constituent': { policy: OWN_COORDINATOR, variables: (fx) => ({ id: fx.constituentId }) },
  'Query.constituentsCsv': { policy: OWN_COORDINATOR, variables: (fx) => ({ delegationId: fx.delegationId }) },

  // Public subscriptions.
  'Subscription.petitionProgress': { policy: PUBLIC, variables: (fx) => ({ petitionId: fx.petitionId }) },
  'Subscription.termStatusChanged': { policy: PUBLIC, variables: (fx) => ({ agreementId: fx.agreementId }) },
  'Subscription.voteTally': { policy: PUBLIC, variables: (fx) => ({ voteId: fx.voteId }) },

  // Sign-in: public mutations, with values that fail without effect.
  'Mutation.login': { policy: PUBLIC, variables: () => ({ input: { email: 'nobody@example.org', password: 'not the password' } }) },
  'Mutation.verifySecondFactor': { policy: PUBLIC, variables: () => ({ input: { challengeToken: 'x'.repeat(43), code: '000000' } }) },
  'Mutation.refreshSession': { policy: PUBLIC, variables: () => ({ input: { refreshToken: 'x'.repeat(43) } }) },
  'Mutation.activateAccount': {
    policy: PUBLIC,
    variables: () => ({ input: { token: 'x'.repeat(43), password: 'a long enough passphrase' } }),
  },
  // The caller's own account (wrong passwords and codes: refused, without effect, after the access check).
  'Mutation.changePassword': {
    policy: SIGNED_IN,
    variables: () => ({ input: { currentPassword: 'not the current password', newPassword: 'another long passphrase' } }),
  },
  'Mutation.startSecondFactorEnrolment': { policy: SIGNED_IN },
  'Mutation.confirmSecondFactorEnrolment': { policy: SIGNED_IN, variables: () => ({ input: { code: 'abcdef' } }) },
  'Mutation.removeSecondFactor': { policy: SIGNED_IN, variables: () => ({ input: { password: 'not the password' } }) },
  'Mutation.revokeAuthSession': { policy: SIGNED_IN, variables: () => ({ sessionId: UNKNOWN_ID }) },
  // The secretariat's work.
  'Mutation.assignCoordinator': {
    policy: SECRETARIAT,
    variables: () => ({ input: { delegationId: UNKNOWN_ID, displayName: 'Coordinator', email: 'new-coordinator@example.org' } }),
  },
  'Mutation.revokeUserAuthSessions': { policy: SECRETARIAT, variables: () => ({ userId: UNKNOWN_ID }) },
  'Mutation.resetSecondFactor': { policy: SECRETARIAT, variables: () => ({ userId: UNKNOWN_ID }) },
  'Mutation.createCommittee': {
    policy: SECRETARIAT,
    variables: () => ({ input: { name: '', slug: 'Not A Slug', mandate: '' } }),
  },
  'Mutation.renameCommittee': { policy: SECRETARIAT, variables: () => ({ input: { committeeId: UNKNOWN_ID, name: 'Renamed' } }) },
  'Mutation.addCommitteeMember': {
    policy: SECRETARIAT,
    variables: (fx) => ({ input: { committeeId: UNKNOWN_ID, delegateId: fx.seated.delegateId } }),
  },
  'Mutation.removeCommitteeMember': {
    policy: SECRETARIAT,
    variables: (fx) => ({ input: { committeeId: UNKNOWN_ID, delegateId: fx.seated.delegateId } }),
  },
  'Mutation.setCommitteeChair': {
    policy: SECRETARIAT,
    variables: (fx) => ({ input: { committeeId: UNKNOWN_ID, delegateId: fx.seated.delegateId } }),
  },
  'Mutation.createLedgerCheckpoint': { policy: SECRETARIAT },
  'Mutation.conveneRegularSession': {
    policy: SECRETARIAT,
    variables: () => ({ input: { title: 'Too soon', startsAt: inDays(1), endsAt: inDays(1.2) } }),
  },
  'Mutation.conveneSpecialSession': {
    policy: SECRETARIAT,
    variables: () => ({ input: { petitionId: UNKNOWN_ID, title: 'Special', startsAt: inDays(10), endsAt: inDays(10.2) } }),
  },
  'Mutation.startSession': { policy: SECRETARIAT, variables: () => ({ sessionId: UNKNOWN_ID }) },
  'Mutation.adjournSession': { policy: SECRETARIAT, variables: () => ({ sessionId: UNKNOWN_ID }) },
  'Mutation.cancelSession': { policy: SECRETARIAT, variables: () => ({ input: { sessionId: UNKNOWN_ID, reason: 'No reason' } }) },
  'Mutation.recordAttendance': {
    policy: SECRETARIAT,
    variables: (fx) => ({ input: { sessionId: UNKNOWN_ID, delegateId: fx.seated.delegateId, present: true } }),
  },
  'Mutation.placeResolutionOnAgenda': {
    policy: SECRETARIAT,
    variables: (fx) => ({ input: { resolutionId: UNKNOWN_ID, sessionId: fx.sessionId } }),
  },
  'Mutation.placeAmendmentOnAgenda': {
    policy: SECRETARIAT,
    variables: (fx) => ({ input: { amendmentId: UNKNOWN_ID, sessionId: fx.sessionId } }),
  },
  'Mutation.openVote': {
    policy: SECRETARIAT,
    variables: () => ({ input: { agendaItemId: UNKNOWN_ID, rule: 'SIMPLE', secrecy: 'SECRET' } }),
  },
  'Mutation.closeVote': { policy: SECRETARIAT, variables: () => ({ voteId: UNKNOWN_ID }) },
  // A coordinator's own delegation (the other delegation's coordinator is FORBIDDEN).
  'Mutation.createDelegate': {
    policy: OWN_COORDINATOR,
    variables: (fx) => ({ input: { delegationId: fx.delegationId, displayName: 'Created by the matrix' } }),
  },
  'Mutation.accreditDelegate': { policy: OWN_COORDINATOR, variables: (fx) => ({ input: { delegateId: fx.seated.delegateId } }) },
  'Mutation.createDelegateLogin': {
    policy: OWN_COORDINATOR,
    variables: (fx) => ({ input: { delegateId: fx.loginlessDelegateId, email: `matrix-${fx.loginlessDelegateId}@example.org` } }),
  },
  'Mutation.registerConstituent': {
    policy: OWN_COORDINATOR,
    variables: (fx) => ({
      input: { delegationId: fx.delegationId, name: 'Registered by the matrix', email: 'registered-by-the-matrix@example.org' },
    }),
  },
  'Mutation.importConstituents': {
    policy: OWN_COORDINATOR,
    variables: (fx) => ({ input: { delegationId: fx.delegationId, csv: 'name,email\n' } }),
  },
  'Mutation.issueMandate': {
    policy: OWN_COORDINATOR,
    variables: (fx) => ({ input: { constituentId: fx.constituentId, delegateId: fx.seated.delegateId } }),
  },
  'Mutation.transferMandate': {
    policy: OWN_COORDINATOR,
    variables: (fx) => ({ input: { mandateId: fx.spareMandateId, toDelegateId: fx.spareDelegateId } }),
  },
  'Mutation.revokeMandate': { policy: OWN_COORDINATOR, variables: (fx) => ({ input: { mandateId: fx.spareMandateId } }) },
  'Mutation.withdrawAccreditation': { policy: OWN_COORDINATOR, variables: (fx) => ({ input: { delegateId: fx.spareDelegateId } }) },
  'Mutation.eraseConstituent': { policy: OWN_COORDINATOR, variables: (fx) => ({ input: { constituentId: fx.erasableConstituentId } }) },
  // Seated delegates: petitions, attendance, resolutions, ballots.
  'Mutation.openPetition': {
    policy: SEATED_DELEGATE,
    variables: () => ({ input: { purpose: 'Another special session', proposedAgenda: ['Item'] } }),
  },
  'Mutation.signPetition': { policy: SEATED_DELEGATE, variables: (fx) => ({ petitionId: fx.petitionId }) },
  // Withdrawing a signature or checking out needs no seat: a delegate who lost it may still take back what they gave.
  'Mutation.withdrawPetitionSignature': { policy: ANY_DELEGATE, variables: (fx) => ({ petitionId: fx.petitionId }) },
  'Mutation.checkIn': { policy: SEATED_DELEGATE, variables: (fx) => ({ sessionId: fx.sessionId }) },
  'Mutation.checkOut': { policy: ANY_DELEGATE, variables: (fx) => ({ sessionId: fx.sessionId }) },
  'Mutation.draftResolution': {
    policy: SEATED_DELEGATE,
    variables: () => ({ input: { title: 'Drafted by the matrix', text: 'The Global Council resolves.' } }),
  },
  'Mutation.sponsorResolution': { policy: SEATED_DELEGATE, variables: (fx) => ({ resolutionId: fx.draftResolutionId }) },
  // A delegates' draft is submitted or withdrawn by its drafter; an amendment withdrawn by its proposer.
  'Mutation.submitResolution': {
    policy: { ...AUTHOR, unseatedDelegate: 'NOT_SEATED' },
    variables: (fx) => ({ resolutionId: fx.draftResolutionId }),
  },
  'Mutation.withdrawResolution': { policy: AUTHOR, variables: (fx) => ({ resolutionId: fx.withdrawableResolutionId }) },
  'Mutation.proposeAmendment': {
    policy: SEATED_DELEGATE,
    variables: (fx) => ({ input: { resolutionId: fx.submittedResolutionId, text: 'The Global Council resolves, differently.' } }),
  },
  'Mutation.withdrawAmendment': { policy: AUTHOR, variables: (fx) => ({ amendmentId: fx.amendmentId }) },
  'Mutation.castBallot': {
    policy: { ...SEATED_DELEGATE, unseatedDelegate: 'NOT_ON_ROLL' },
    variables: (fx) => ({ input: { voteId: fx.voteId, choice: 'ABSTAIN' } }),
  },
  // Agreements of the monitoring committee: the secretariat and that committee.
  'Mutation.recordAgreement': {
    policy: OWN_COMMITTEE,
    variables: (fx) => ({
      input: {
        committeeId: fx.committeeId,
        title: 'Agreement recorded by the matrix',
        parties: [
          { name: 'Local authorities', role: 'local authorities' },
          { name: 'Civilian representatives', role: 'civilian representatives' },
        ],
        concludedOn: '2022-06-01',
        place: 'Khorog',
        sourceReferences: ['Founding resolution 3.2'],
        terms: [{ obligation: 'Release the detained', responsibleParty: 'Prosecutor General' }],
      },
    }),
  },
  'Mutation.recordAssessment': {
    policy: OWN_COMMITTEE,
    variables: (fx) => ({ input: { termId: fx.termId, status: 'NON_COMPLIANT', summary: 'Unchanged', observedOn: '2026-01-01' } }),
  },
  'Mutation.amendAgreementTerm': {
    policy: OWN_COMMITTEE,
    variables: (fx) => ({
      input: { termId: fx.termId, obligation: 'Restore the internet in all of GBAO', responsibleParty: 'Ministry', reason: 'Clarified' },
    }),
  },
  'Mutation.escalateAgreementTerm': {
    policy: { ...OWN_COMMITTEE, secretariat: 'FORBIDDEN', committeeMember: 'NOT_COMMITTEE_CHAIR' },
    variables: (fx) => ({ input: { termId: fx.termId } }),
  },
  // Last: ending the session makes the role's token useless for any later row.
  'Mutation.logout': { policy: SIGNED_IN },
};
