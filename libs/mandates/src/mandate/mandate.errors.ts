import { DomainError, ErrorCode } from '@gc/common';

export const mandateAlreadyActive = (field: string) =>
  new DomainError(ErrorCode.MANDATE_ALREADY_ACTIVE, 'The constituent already has an active mandate; revoke or transfer it instead', field);

export const mandateNotActive = (field: string) =>
  new DomainError(ErrorCode.MANDATE_NOT_ACTIVE, 'The mandate is no longer active (revoked, expired or transferred)', field);

export const delegateOtherDelegation = (field: string) =>
  new DomainError(ErrorCode.DELEGATE_OTHER_DELEGATION, "A mandate must name a delegate of the constituent's own delegation", field);

export const sameDelegate = (field: string) =>
  new DomainError(ErrorCode.SAME_DELEGATE, 'The mandate is already with this delegate; a transfer needs another one', field);
