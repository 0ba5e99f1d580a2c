import { DomainError, ErrorCode } from '@gc/common';

export const noQuorum = (present: number, seated: number) =>
  new DomainError(ErrorCode.NO_QUORUM, `No quorum: ${present} of ${seated} seated delegates are present`, 'input.agendaItemId', {
    present,
    seated,
  });

export const voteAlreadyOpen = (field: string) =>
  new DomainError(ErrorCode.VOTE_ALREADY_OPEN, 'A vote on this resolution or one of its amendments is already open', field);

export const voteNotOpen = (reason: 'closed' | 'deadline', field = 'voteId') =>
  new DomainError(
    ErrorCode.VOTE_NOT_OPEN,
    reason === 'closed' ? 'The vote is closed' : 'The vote’s deadline has passed; it takes no more ballots',
    field,
  );

export const voteStillOpen = (field = 'voteId') =>
  new DomainError(ErrorCode.VOTE_STILL_OPEN, 'The vote is still open: its bulletin and result are published when it closes', field);

export const amendmentsPending = (amendmentIds: string[]) =>
  new DomainError(
    ErrorCode.AMENDMENTS_PENDING,
    'Vote the amendments on the agenda before the resolution they amend',
    'input.agendaItemId',
    {
      amendmentIds,
    },
  );

export const amendmentOutdated = (baseVersion: number, latest: number) =>
  new DomainError(
    ErrorCode.AMENDMENT_OUTDATED,
    `The amendment rewrites version ${baseVersion}, but the resolution is at version ${latest} now; propose it again against the latest text`,
    'input.agendaItemId',
  );
