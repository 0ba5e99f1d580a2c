import { registerEnumType } from '@nestjs/graphql';

/** Why a checkpoint was signed. Stored as text, so that later features add reasons without a migration. */
export enum CheckpointReason {
  /** The secretariat asked for one. */
  REQUESTED = 'REQUESTED',
  /** The periodic timer found entries no checkpoint covered yet. */
  SCHEDULED = 'SCHEDULED',
  /** A vote closed: the checkpoint covers its tally and receipt root. */
  VOTE_CLOSED = 'VOTE_CLOSED',
  /** A petition met its threshold. */
  PETITION_THRESHOLD = 'PETITION_THRESHOLD',
}

registerEnumType(CheckpointReason, { name: 'LedgerCheckpointReason' });
