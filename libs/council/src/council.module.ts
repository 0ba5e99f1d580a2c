import { Module } from '@nestjs/common';
import { LedgerModule } from '@gc/ledger';
import { CommitteeRepository } from './committee/committee.repository';
import { CommitteeResolver } from './committee/committee.resolver';
import { CommitteeService } from './committee/committee.service';
import { CouncilRepository } from './council/council.repository';
import { CouncilResolver } from './council/council.resolver';
import { CouncilService } from './council/council.service';
import { DelegationRepository } from './delegation/delegation.repository';
import { DelegationResolver } from './delegation/delegation.resolver';
import { DelegationService } from './delegation/delegation.service';
import { CouncilSeeder } from './seed/council-seeder';

@Module({
  imports: [LedgerModule],
  providers: [
    CouncilRepository,
    CouncilService,
    CouncilResolver,
    DelegationRepository,
    DelegationService,
    DelegationResolver,
    CommitteeRepository,
    CommitteeService,
    CommitteeResolver,
    CouncilSeeder,
  ],
  exports: [CouncilService, DelegationService, CommitteeService, CouncilSeeder],
})
export class CouncilModule {}
