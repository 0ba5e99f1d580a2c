import { DomainError, ErrorCode } from '@gc/common';
import { SessionStatus } from './session.entity';

export const sessionOverlap = () =>
  new DomainError(ErrorCode.SESSION_OVERLAP, 'Another session is scheduled or held at that time', 'input.startsAt');

export const noticeTooShort = (earliest: Date) =>
  new DomainError(ErrorCode.NOTICE_TOO_SHORT, `The notice period requires a start on or after ${earliest.toISOString()}`, 'input.startsAt');

export const sessionWrongState = (status: SessionStatus, action: string) =>
  new DomainError(ErrorCode.SESSION_WRONG_STATE, `A ${status} session cannot be ${action}`);

export const sessionNotInProgress = () => new DomainError(ErrorCode.SESSION_NOT_IN_PROGRESS, 'The session is not in progress');
