import { Args, ArgsType, Field, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IsDate, IsOptional, IsUUID } from 'class-validator';
import DataLoader from 'dataloader';
import { Loader, PageArgs, Public } from '@gc/common';
import { CouncilModel } from '@gc/council';
import { DelegatePage, toDelegateModel } from '../delegate/delegate.model';
import { SeatedCountLoader } from './seating.loaders';
import { SeatingService } from './seating.service';

@ArgsType()
export class SeatedAtArgs extends PageArgs {
  @Field({ description: 'The instant to look at; not in the future.' })
  @IsDate()
  at: Date;

  @Field(() => ID, { nullable: true, description: 'Defaults to the founding council of this deployment.' })
  @IsOptional()
  @IsUUID()
  councilId?: string;
}

@Resolver(() => CouncilModel)
export class CouncilSeatsResolver {
  constructor(private readonly seating: SeatingService) {}

  @ResolveField(() => Int, { description: 'Delegates seated now: the S of the two-thirds rule.' })
  seatedDelegateCount(@Parent() council: CouncilModel, @Loader(SeatedCountLoader) loader: DataLoader<string, number>): Promise<number> {
    return loader.load(council.id);
  }

  @Public()
  @Query(() => DelegatePage, { description: 'The delegates who were seated at an instant, by name, from the seat history.' })
  async seatedDelegatesAt(@Args() args: SeatedAtArgs): Promise<DelegatePage> {
    const page = await this.seating.seatedAt(args.councilId, args.at, args.limit, args.offset);
    return { items: page.items.map(toDelegateModel), totalCount: page.totalCount };
  }
}
