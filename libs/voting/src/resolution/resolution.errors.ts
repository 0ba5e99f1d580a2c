import { DomainError, ErrorCode } from '@gc/common';
import { AmendmentStatus } from './amendment.entity';
import { ResolutionStatus } from './resolution.entity';

export const notSeated = (what = 'do this') => new DomainError(ErrorCode.NOT_SEATED, `Only seated delegates may ${what}`);

export const notCommitteeChair = (field: string) =>
  new DomainError(ErrorCode.NOT_COMMITTEE_CHAIR, "Only the committee's chair may draft or submit its resolutions", field);

export const resolutionWrongState = (status: ResolutionStatus, action: string, field = 'resolutionId') =>
  new DomainError(ErrorCode.RESOLUTION_WRONG_STATE, `A ${status} resolution cannot be ${action}`, field);

export const notEnoughSponsors = (seated: number, needed: number) =>
  new DomainError(
    ErrorCode.NOT_ENOUGH_SPONSORS,
    `The draft has ${seated} sponsor(s) seated now; submitting it needs ${needed}`,
    'resolutionId',
  );

export const notAmendable = (status: ResolutionStatus) =>
  new DomainError(
    ErrorCode.RESOLUTION_NOT_AMENDABLE,
    `A ${status} resolution cannot be amended: amendments are taken while it is SUBMITTED or ON_AGENDA`,
    'input.resolutionId',
  );

export const amendmentWrongState = (status: AmendmentStatus, action: string, field = 'amendmentId') =>
  new DomainError(ErrorCode.AMENDMENT_WRONG_STATE, `A ${status} amendment cannot be ${action}`, field);
