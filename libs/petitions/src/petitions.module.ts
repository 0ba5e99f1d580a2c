import { Module } from '@nestjs/common';
import { CouncilModule } from '@gc/council';
import { LedgerModule } from '@gc/ledger';
import { MandatesModule } from '@gc/mandates';
import { SessionsModule } from '@gc/sessions';
import { PetitionExpirySweeper } from './petition/petition-expiry.sweeper';
import { ValidSignaturesLoader } from './petition/petition.loaders';
import { PetitionRepository } from './petition/petition.repository';
import { PetitionResolver } from './petition/petition.resolver';
import { PetitionService } from './petition/petition.service';

@Module({
  imports: [CouncilModule, LedgerModule, MandatesModule, SessionsModule],
  providers: [PetitionRepository, PetitionService, PetitionResolver, ValidSignaturesLoader, PetitionExpirySweeper],
  exports: [PetitionService],
})
export class PetitionsModule {}
