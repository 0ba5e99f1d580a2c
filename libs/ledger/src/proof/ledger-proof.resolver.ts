import { Args, ArgsType, Field, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { IsInt, IsUUID, Min } from 'class-validator';
import { Public } from '@gc/common';
import { LedgerConsistencyProofModel, LedgerInclusionProofModel } from './ledger-proof.model';
import { LedgerProofService } from './ledger-proof.service';

@ArgsType()
export class InclusionProofArgs {
  @Field(() => ID)
  @IsUUID()
  councilId: string;

  @Field(() => Int, { description: 'The entry sequence number (1-based).' })
  @IsInt()
  @Min(1)
  seq: number;

  @Field(() => Int, { description: 'The size of the tree to prove inclusion in, usually a signed checkpoint size.' })
  @IsInt()
  @Min(1)
  treeSize: number;
}

@ArgsType()
export class ConsistencyProofArgs {
  @Field(() => ID)
  @IsUUID()
  councilId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  fromSize: number;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  toSize: number;
}

@Resolver()
export class LedgerProofResolver {
  constructor(private readonly proofs: LedgerProofService) {}

  @Public()
  @Query(() => LedgerInclusionProofModel, { description: 'Proof that an entry is in the ledger as committed to at treeSize.' })
  ledgerInclusionProof(@Args() args: InclusionProofArgs): Promise<LedgerInclusionProofModel> {
    return this.proofs.inclusionProof(args.councilId, args.seq, args.treeSize);
  }

  @Public()
  @Query(() => LedgerConsistencyProofModel, { description: 'Proof that the ledger at toSize extends the ledger at fromSize unchanged.' })
  ledgerConsistencyProof(@Args() args: ConsistencyProofArgs): Promise<LedgerConsistencyProofModel> {
    return this.proofs.consistencyProof(args.councilId, args.fromSize, args.toSize);
  }
}
