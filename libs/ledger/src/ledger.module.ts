import { Module } from '@nestjs/common';
import { LedgerRepository } from './entry/ledger.repository';
import { LedgerResolver } from './entry/ledger.resolver';
import { LedgerService } from './entry/ledger.service';

@Module({
  providers: [LedgerRepository, LedgerService, LedgerResolver],
  exports: [LedgerService],
})
export class LedgerModule {}
