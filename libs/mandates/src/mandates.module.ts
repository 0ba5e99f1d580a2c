import { Module } from '@nestjs/common';
import { AuthModule } from '@gc/auth';
import { CouncilModule } from '@gc/council';
import { LedgerModule } from '@gc/ledger';
import { CommitteeChairLoader, CommitteeMembersLoader } from './committee-membership/committee-membership.loaders';
import { CommitteeMembershipRepository } from './committee-membership/committee-membership.repository';
import { CommitteeMembershipResolver } from './committee-membership/committee-membership.resolver';
import { CommitteeMembershipService } from './committee-membership/committee-membership.service';
import { ConstituentErasureService } from './constituent/constituent-erasure.service';
import { ConstituentRepository } from './constituent/constituent.repository';
import { ConstituentResolver } from './constituent/constituent.resolver';
import { ConstituentService } from './constituent/constituent.service';
import { IdentityCipher } from './constituent/identity-cipher';
import { ConstituentCsvResolver } from './csv/constituent-csv.resolver';
import { ConstituentCsvService } from './csv/constituent-csv.service';
import { DelegateByIdLoader, DelegatesByDelegationLoader } from './delegate/delegate.loaders';
import { DelegateRepository } from './delegate/delegate.repository';
import { DelegateResolver } from './delegate/delegate.resolver';
import { DelegateService } from './delegate/delegate.service';
import { DelegationRosterResolver } from './delegate/delegation-roster.resolver';
import { MandateExpiryService } from './mandate/mandate-expiry.service';
import { MandateExpirySweeper } from './mandate/mandate-expiry.sweeper';
import { ActiveMandateByConstituentLoader } from './mandate/mandate.loaders';
import { MandateRepository } from './mandate/mandate.repository';
import { MandateResolver } from './mandate/mandate.resolver';
import { MandateService } from './mandate/mandate.service';
import { CouncilSeatsResolver } from './seating/council-seats.resolver';
import { SeatChangeNotifier } from './seating/seat-change.notifier';
import { SeatStandingResolver } from './seating/seat-standing.resolver';
import { SeatedCountLoader, SeatedCountByDelegationLoader, SeatStandingLoader } from './seating/seating.loaders';
import { SeatingRepository } from './seating/seating.repository';
import { SeatingService } from './seating/seating.service';

/** Delegates, constituents and mandates, the seats derived from them, and committee membership. */
@Module({
  imports: [LedgerModule, CouncilModule, AuthModule],
  providers: [
    DelegateRepository,
    DelegateService,
    DelegateResolver,
    DelegationRosterResolver,
    DelegateByIdLoader,
    DelegatesByDelegationLoader,
    IdentityCipher,
    ConstituentRepository,
    ConstituentService,
    ConstituentErasureService,
    ConstituentResolver,
    MandateRepository,
    MandateService,
    MandateExpiryService,
    MandateExpirySweeper,
    MandateResolver,
    ActiveMandateByConstituentLoader,
    SeatingRepository,
    SeatingService,
    SeatChangeNotifier,
    SeatStandingResolver,
    CouncilSeatsResolver,
    SeatStandingLoader,
    SeatedCountByDelegationLoader,
    SeatedCountLoader,
    CommitteeMembershipRepository,
    CommitteeMembershipService,
    CommitteeMembershipResolver,
    CommitteeMembersLoader,
    CommitteeChairLoader,
    ConstituentCsvService,
    ConstituentCsvResolver,
  ],
  exports: [SeatChangeNotifier, SeatingService, DelegateService, MandateExpiryService],
})
export class MandatesModule {}
