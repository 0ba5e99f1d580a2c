import { Module } from '@nestjs/common';
import { CouncilModule } from '@gc/council';
import { LedgerModule } from '@gc/ledger';
import { MandatesModule } from '@gc/mandates';
import { SessionsModule } from '@gc/sessions';
import { ResolutionMotionsLoader, SessionMotionsLoader } from './agenda/agenda.loaders';
import { AgendaRepository } from './agenda/agenda.repository';
import { AgendaResolver } from './agenda/agenda.resolver';
import { AgendaService } from './agenda/agenda.service';
import { SessionMotionsResolver } from './agenda/session-motions.resolver';
import { BallotRepository } from './ballot/ballot.repository';
import { BallotResolver } from './ballot/ballot.resolver';
import { BallotService } from './ballot/ballot.service';
import { AmendmentRepository } from './resolution/amendment.repository';
import { AmendmentResolver } from './resolution/amendment.resolver';
import { AmendmentService } from './resolution/amendment.service';
import { MotionService } from './resolution/motion.service';
import {
  AmendmentByIdLoader,
  AmendmentsByResolutionLoader,
  LatestVersionLoader,
  ResolutionByIdLoader,
  SponsorsLoader,
  VersionsLoader,
} from './resolution/resolution.loaders';
import { ResolutionRepository } from './resolution/resolution.repository';
import { ResolutionResolver } from './resolution/resolution.resolver';
import { ResolutionService } from './resolution/resolution.service';
import { LiveTallyPublisher } from './tally/live-tally.publisher';
import { TallyRepository } from './tally/tally.repository';
import { TallyResolver } from './tally/tally.resolver';
import { VoteDeadlineSweeper } from './vote/vote-deadline.sweeper';
import { LiveTallyLoader, VotesByAgendaItemLoader, VotesByResolutionLoader } from './vote/vote.loaders';
import { VoteRepository } from './vote/vote.repository';
import { VoteResolver } from './vote/vote.resolver';
import { VoteService } from './vote/vote.service';

/** Resolutions, amendments, the voting agenda, votes, ballots and tallies. */
@Module({
  imports: [CouncilModule, LedgerModule, MandatesModule, SessionsModule],
  providers: [
    ResolutionRepository,
    ResolutionService,
    ResolutionResolver,
    AmendmentRepository,
    AmendmentService,
    AmendmentResolver,
    MotionService,
    ResolutionByIdLoader,
    LatestVersionLoader,
    VersionsLoader,
    SponsorsLoader,
    AmendmentsByResolutionLoader,
    AmendmentByIdLoader,
    AgendaRepository,
    AgendaService,
    AgendaResolver,
    SessionMotionsResolver,
    SessionMotionsLoader,
    ResolutionMotionsLoader,
    VoteRepository,
    VoteService,
    VoteResolver,
    VoteDeadlineSweeper,
    VotesByResolutionLoader,
    VotesByAgendaItemLoader,
    LiveTallyLoader,
    BallotRepository,
    BallotService,
    BallotResolver,
    TallyRepository,
    TallyResolver,
    LiveTallyPublisher,
  ],
  exports: [VoteService, ResolutionService],
})
export class VotingModule {}
