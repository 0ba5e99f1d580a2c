import { DomainError, ErrorCode } from '@gc/common';

export const notSeated = () => new DomainError(ErrorCode.NOT_SEATED, 'Only seated delegates may do this');
export const petitionNotOpen = (status: string) =>
  new DomainError(ErrorCode.PETITION_NOT_OPEN, `The petition is ${status}, not OPEN`, 'petitionId');
export const petitionExpired = () => new DomainError(ErrorCode.PETITION_EXPIRED, 'The petition has expired', 'petitionId');
export const alreadySigned = () =>
  new DomainError(ErrorCode.PETITION_ALREADY_SIGNED, 'You have already signed this petition', 'petitionId');
export const signatureNotFound = () => new DomainError(ErrorCode.SIGNATURE_NOT_FOUND, 'You have not signed this petition', 'petitionId');
export const thresholdNotMet = (status: string) =>
  new DomainError(
    ErrorCode.PETITION_THRESHOLD_NOT_MET,
    `A special session can be convened only from a petition that met the threshold (this one is ${status})`,
    'input.petitionId',
  );
