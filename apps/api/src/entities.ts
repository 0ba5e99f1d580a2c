import { AuthSessionEntity, LoginThrottleEntity, RefreshTokenEntity, UserEntity } from '@gc/auth';
import { CommitteeEntity, CouncilEntity, DelegationEntity } from '@gc/council';
import { LedgerEntryEntity } from '@gc/ledger';
import { SessionAgendaItemEntity, SessionEntity } from '@gc/sessions';

/** Every entity, registered explicitly. */
export const ENTITIES = [
  CouncilEntity,
  DelegationEntity,
  CommitteeEntity,
  LedgerEntryEntity,
  UserEntity,
  AuthSessionEntity,
  RefreshTokenEntity,
  LoginThrottleEntity,
  SessionEntity,
  SessionAgendaItemEntity,
];
