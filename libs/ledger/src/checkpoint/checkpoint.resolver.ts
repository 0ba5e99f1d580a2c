import { Args, ArgsType, Field, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { Actor, Allow, CurrentActor, PageArgs, Public, Role } from '@gc/common';
import { CheckpointReason } from './checkpoint-reason';
import { CheckpointService } from './checkpoint.service';
import { LedgerCheckpointModel, LedgerCheckpointPage, LedgerPublicKeyModel, toLedgerCheckpointModel } from './ledger-checkpoint.model';
import { LedgerSigner } from './ledger-signer';

@ArgsType()
export class LedgerCheckpointArgs {
  @Field(() => ID)
  @IsUUID()
  councilId: string;

  @Field(() => Int, { nullable: true, description: 'The checkpoint of exactly this many entries; the latest when omitted.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  treeSize?: number;
}

@ArgsType()
export class LedgerCheckpointsArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID()
  councilId: string;
}

@Resolver(() => LedgerCheckpointModel)
export class CheckpointResolver {
  constructor(
    private readonly checkpoints: CheckpointService,
    private readonly signer: LedgerSigner,
  ) {}

  @Public()
  @Query(() => LedgerPublicKeyModel, { description: 'The Ed25519 key that signs ledger checkpoints.' })
  ledgerPublicKey(): LedgerPublicKeyModel {
    return this.signer.publicKey();
  }

  @Public()
  @Query(() => LedgerCheckpointModel, { description: 'The latest signed checkpoint of a council ledger, or the one of a given size.' })
  async ledgerCheckpoint(@Args() args: LedgerCheckpointArgs): Promise<LedgerCheckpointModel> {
    return toLedgerCheckpointModel(await this.checkpoints.get(args.councilId, args.treeSize));
  }

  @Public()
  @Query(() => LedgerCheckpointPage, { description: 'Every signed checkpoint of a council ledger, newest first.' })
  async ledgerCheckpoints(@Args() args: LedgerCheckpointsArgs): Promise<LedgerCheckpointPage> {
    const page = await this.checkpoints.page(args.councilId, args.limit, args.offset);
    return { items: page.items.map(toLedgerCheckpointModel), totalCount: page.totalCount };
  }

  @Allow(Role.SECRETARIAT)
  @Mutation(() => LedgerCheckpointModel, {
    description: "Signs a checkpoint of the secretariat's council ledger now (returns the existing one when nothing was added).",
  })
  async createLedgerCheckpoint(@CurrentActor() actor: Actor): Promise<LedgerCheckpointModel> {
    return toLedgerCheckpointModel(await this.checkpoints.checkpoint(actor.councilId, CheckpointReason.REQUESTED));
  }
}
