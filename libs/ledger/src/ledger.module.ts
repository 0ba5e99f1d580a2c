import { Module } from '@nestjs/common';
import { CheckpointResolver } from './checkpoint/checkpoint.resolver';
import { CheckpointScheduler } from './checkpoint/checkpoint.scheduler';
import { CheckpointService } from './checkpoint/checkpoint.service';
import { LedgerCheckpointRepository } from './checkpoint/ledger-checkpoint.repository';
import { LedgerSigner } from './checkpoint/ledger-signer';
import { LedgerRepository } from './entry/ledger.repository';
import { LedgerResolver } from './entry/ledger.resolver';
import { LedgerService } from './entry/ledger.service';
import { LedgerProofResolver } from './proof/ledger-proof.resolver';
import { LedgerProofService } from './proof/ledger-proof.service';

@Module({
  providers: [
    LedgerRepository,
    LedgerService,
    LedgerResolver,
    LedgerCheckpointRepository,
    LedgerSigner,
    LedgerProofService,
    LedgerProofResolver,
    CheckpointService,
    CheckpointResolver,
    CheckpointScheduler,
  ],
  exports: [LedgerService, CheckpointService],
})
export class LedgerModule {}
