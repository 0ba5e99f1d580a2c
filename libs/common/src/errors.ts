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
