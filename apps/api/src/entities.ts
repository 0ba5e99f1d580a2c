import {
  AuthEventEntity,
  AuthSessionEntity,
  LoginThrottleEntity,
  RecoveryCodeEntity,
  RefreshTokenEntity,
  SecondFactorChallengeEntity,
  SecondFactorEntity,
  UserEntity,
} from '@gc/auth';
import { AgreementEntity, AssessmentEntity, EscalationEntity, EvidenceEntity, TermEntity, TermVersionEntity } from '@gc/compliance';
import { CommitteeEntity, CouncilEntity, DelegationEntity } from '@gc/council';
import { LedgerCheckpointEntity, LedgerEntryEntity } from '@gc/ledger';
import { CommitteeMemberEntity, ConstituentEntity, DelegateEntity, MandateEntity, SeatHistoryEntity } from '@gc/mandates';
import { PetitionEntity, PetitionSignatureEntity } from '@gc/petitions';
import { AttendanceEntity, SessionAgendaItemEntity, SessionEntity } from '@gc/sessions';
import {
  AgendaMotionEntity,
  AmendmentEntity,
  BallotBoxEntity,
  ResolutionEntity,
  ResolutionNumberCounterEntity,
  ResolutionSponsorEntity,
  ResolutionVersionEntity,
  RollCallBallotEntity,
  VoteEntity,
  VoteParticipationEntity,
  VoteRollEntity,
} from '@gc/voting';

/** Every entity, registered explicitly. */
export const ENTITIES = [
  CouncilEntity,
  DelegationEntity,
  CommitteeEntity,
  LedgerEntryEntity,
  LedgerCheckpointEntity,
  UserEntity,
  AuthSessionEntity,
  RefreshTokenEntity,
  LoginThrottleEntity,
  SecondFactorEntity,
  RecoveryCodeEntity,
  SecondFactorChallengeEntity,
  AuthEventEntity,
  SessionEntity,
  SessionAgendaItemEntity,
  DelegateEntity,
  ConstituentEntity,
  MandateEntity,
  SeatHistoryEntity,
  CommitteeMemberEntity,
  AttendanceEntity,
  PetitionEntity,
  PetitionSignatureEntity,
  ResolutionEntity,
  ResolutionVersionEntity,
  ResolutionSponsorEntity,
  ResolutionNumberCounterEntity,
  AmendmentEntity,
  AgendaMotionEntity,
  VoteEntity,
  VoteRollEntity,
  RollCallBallotEntity,
  VoteParticipationEntity,
  BallotBoxEntity,
  AgreementEntity,
  TermEntity,
  TermVersionEntity,
  AssessmentEntity,
  EvidenceEntity,
  EscalationEntity,
];
