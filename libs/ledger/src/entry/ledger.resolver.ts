import { Args, ArgsType, Field, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { Public } from '@gc/common';
import { LedgerEntryModel, toLedgerEntryModel } from './ledger-entry.model';
import { LedgerService } from './ledger.service';

export const MAX_LEDGER_PAGE = 1000;

@ArgsType()
export class LedgerEntriesArgs {
  @Field(() => ID)
  @IsUUID()
  councilId: string;

  @Field(() => Int, { defaultValue: 0, description: 'Return entries with a sequence number above this one.' })
  @IsInt()
  @Min(0)
  afterSeq: number = 0;

  @Field(() => Int, { defaultValue: 100, description: `At most ${MAX_LEDGER_PAGE}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_LEDGER_PAGE)
  limit: number = 100;
}

@Resolver(() => LedgerEntryModel)
export class LedgerResolver {
  constructor(private readonly ledger: LedgerService) {}

  @Public()
  @Query(() => [LedgerEntryModel], { description: 'The council ledger in sequence order, a page at a time.' })
  async ledgerEntries(@Args() args: LedgerEntriesArgs): Promise<LedgerEntryModel[]> {
    return (await this.ledger.page(args.councilId, args.afterSeq, args.limit)).map(toLedgerEntryModel);
  }
}
