/**
 * Every error a client can see has one of these codes in `extensions.code`. The list is part of
 * the public API: add codes, never rename them.
 */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS',
  INVALID_TOKEN = 'INVALID_TOKEN',
  ALREADY_EXISTS = 'ALREADY_EXISTS',
  /** The constituent already holds an ACTIVE mandate; revoke or transfer it instead. */
  MANDATE_ALREADY_ACTIVE = 'MANDATE_ALREADY_ACTIVE',
  /** The mandate is revoked, expired or superseded, so it cannot be revoked or transferred. */
  MANDATE_NOT_ACTIVE = 'MANDATE_NOT_ACTIVE',
  /** A mandate must name a delegate of the constituent's own delegation. */
  DELEGATE_OTHER_DELEGATION = 'DELEGATE_OTHER_DELEGATION',
  /** A transfer must name a different delegate. */
  SAME_DELEGATE = 'SAME_DELEGATE',
  /** A constituent with this email or phone is already registered in the delegation. */
  DUPLICATE_CONSTITUENT = 'DUPLICATE_CONSTITUENT',
  /** The constituent's identity was erased; nothing more can be done with them. */
  CONSTITUENT_ERASED = 'CONSTITUENT_ERASED',
  /** The CSV file was rejected; `extensions.details.problems` lists each row, field and problem. */
  CSV_INVALID = 'CSV_INVALID',
  /** Only accredited delegates may do or be given this. */
  NOT_ACCREDITED = 'NOT_ACCREDITED',
  NOT_COMMITTEE_MEMBER = 'NOT_COMMITTEE_MEMBER',
  /** Sessions may not overlap in time. */
  SESSION_OVERLAP = 'SESSION_OVERLAP',
  /** The session starts sooner than the notice period allows. */
  NOTICE_TOO_SHORT = 'NOTICE_TOO_SHORT',
  /** The session is not in a state that allows this (e.g. starting an adjourned session). */
  SESSION_WRONG_STATE = 'SESSION_WRONG_STATE',
  /** Only while the session is IN_PROGRESS. */
  SESSION_NOT_IN_PROGRESS = 'SESSION_NOT_IN_PROGRESS',
  /** Only seated delegates may do this. */
  NOT_SEATED = 'NOT_SEATED',
  /** The petition is no longer OPEN (met, expired or convened). */
  PETITION_NOT_OPEN = 'PETITION_NOT_OPEN',
  /** The petition passed its expiry without meeting the threshold. */
  PETITION_EXPIRED = 'PETITION_EXPIRED',
  /** This delegate has already signed the petition. */
  PETITION_ALREADY_SIGNED = 'PETITION_ALREADY_SIGNED',
  /** There is no signature of this delegate to withdraw. */
  SIGNATURE_NOT_FOUND = 'SIGNATURE_NOT_FOUND',
  /** A special session can be convened only from a petition that met two-thirds and was not yet convened. */
  PETITION_THRESHOLD_NOT_MET = 'PETITION_THRESHOLD_NOT_MET',
  /**
   * This account must sign in with a second factor (secretariat and coordinators always must) and this session
   * has not: enrol one (`startSecondFactorEnrolment`), or sign in again and answer the challenge.
   */
  SECOND_FACTOR_REQUIRED = 'SECOND_FACTOR_REQUIRED',
  /** The authenticator code or recovery code is wrong, outside its time window, or already used. */
  INVALID_SECOND_FACTOR = 'INVALID_SECOND_FACTOR',
  /** The account already has an active second factor; remove it before enrolling another. */
  SECOND_FACTOR_ALREADY_ENROLLED = 'SECOND_FACTOR_ALREADY_ENROLLED',
  /** The account has no second factor (or no enrolment was started) to confirm or remove. */
  SECOND_FACTOR_NOT_ENROLLED = 'SECOND_FACTOR_NOT_ENROLLED',
  /** Drafting or submitting for a committee is for its chair only. */
  NOT_COMMITTEE_CHAIR = 'NOT_COMMITTEE_CHAIR',
  /** The resolution is not in a state that allows this (e.g. sponsoring one already submitted). */
  RESOLUTION_WRONG_STATE = 'RESOLUTION_WRONG_STATE',
  /** A delegates' draft needs at least `minSponsors` sponsors who are seated now before it can be submitted. */
  NOT_ENOUGH_SPONSORS = 'NOT_ENOUGH_SPONSORS',
  /** Amendments are accepted only while the resolution is SUBMITTED or ON_AGENDA (never once voting began or it was decided). */
  RESOLUTION_NOT_AMENDABLE = 'RESOLUTION_NOT_AMENDABLE',
  /** The amendment is not in a state that allows this (e.g. withdrawing one already voted on). */
  AMENDMENT_WRONG_STATE = 'AMENDMENT_WRONG_STATE',
  /** The amendment was written against a text version that another adopted amendment has since replaced. */
  AMENDMENT_OUTDATED = 'AMENDMENT_OUTDATED',
  /** Amendments on an agenda must be voted before the resolution they amend. */
  AMENDMENTS_PENDING = 'AMENDMENTS_PENDING',
  /** A vote opens only with a quorum of seated delegates present. */
  NO_QUORUM = 'NO_QUORUM',
  /** The resolution already has an open vote (on itself or on one of its amendments). */
  VOTE_ALREADY_OPEN = 'VOTE_ALREADY_OPEN',
  /** The vote is not open: it was closed, or its deadline passed. */
  VOTE_NOT_OPEN = 'VOTE_NOT_OPEN',
  /** The vote is still open; its result and bulletin are published when it closes. */
  VOTE_STILL_OPEN = 'VOTE_STILL_OPEN',
  /** Only delegates on the vote's roll (seated and present when it opened) may cast a ballot. */
  NOT_ON_ROLL = 'NOT_ON_ROLL',
  /** A secret ballot is final: this voter has already cast one in this vote. */
  ALREADY_VOTED = 'ALREADY_VOTED',
  /** Restricted evidence is readable only by the owning committee's members and the secretariat; others see only that it exists. */
  EVIDENCE_RESTRICTED = 'EVIDENCE_RESTRICTED',
  /** An observation (or an evidence item) cannot be dated after today. */
  DATE_IN_FUTURE = 'DATE_IN_FUTURE',
  /** Only a term whose current status is NON_COMPLIANT can be escalated into a draft resolution. */
  TERM_NOT_NON_COMPLIANT = 'TERM_NOT_NON_COMPLIANT',
  /** The term already has an escalation whose resolution is not yet decided. */
  TERM_ALREADY_ESCALATED = 'TERM_ALREADY_ESCALATED',
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The input field the error is about, as a dotted path (`input.email`). */
    readonly field?: string,
    /** Structured detail for the client, such as a per-row report; never personal data it did not send. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badInput = (field: string, message: string) => new DomainError(ErrorCode.BAD_USER_INPUT, message, field);

export const notFound = (what: string, field?: string) => new DomainError(ErrorCode.NOT_FOUND, `${what} was not found`, field);

export const forbidden = (message = 'You are not allowed to do this') => new DomainError(ErrorCode.FORBIDDEN, message);
