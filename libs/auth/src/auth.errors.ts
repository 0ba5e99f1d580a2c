import { DomainError, ErrorCode } from '@gc/common';

export const invalidCredentials = () => new DomainError(ErrorCode.INVALID_CREDENTIALS, 'The email or password is not correct');

export const tooManyAttempts = () =>
  new DomainError(ErrorCode.TOO_MANY_ATTEMPTS, 'Too many failed sign-in attempts; wait a few minutes and try again');

export const invalidToken = (field?: string) =>
  new DomainError(ErrorCode.INVALID_TOKEN, 'The token is invalid, expired or already used', field);

export const unauthenticated = (message = 'Sign in to do this') => new DomainError(ErrorCode.UNAUTHENTICATED, message);

export const secondFactorRequired = () =>
  new DomainError(
    ErrorCode.SECOND_FACTOR_REQUIRED,
    'This account must use a second factor: enrol an authenticator app, or sign in again with your code',
  );

export const invalidSecondFactor = (field?: string) =>
  new DomainError(ErrorCode.INVALID_SECOND_FACTOR, 'The code is not correct, has expired or was already used', field);

export const secondFactorAlreadyEnrolled = () =>
  new DomainError(ErrorCode.SECOND_FACTOR_ALREADY_ENROLLED, 'This account already has a second factor; remove it before enrolling another');

export const secondFactorNotEnrolled = () =>
  new DomainError(ErrorCode.SECOND_FACTOR_NOT_ENROLLED, 'This account has no second factor or enrolment in progress');
