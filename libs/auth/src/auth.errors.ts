import { DomainError, ErrorCode } from '@gc/common';

export const invalidCredentials = () => new DomainError(ErrorCode.INVALID_CREDENTIALS, 'The email or password is not correct');

export const tooManyAttempts = () =>
  new DomainError(ErrorCode.TOO_MANY_ATTEMPTS, 'Too many failed sign-in attempts; wait a few minutes and try again');

export const invalidToken = (field?: string) =>
  new DomainError(ErrorCode.INVALID_TOKEN, 'The token is invalid, expired or already used', field);

export const unauthenticated = (message = 'Sign in to do this') => new DomainError(ErrorCode.UNAUTHENTICATED, message);
