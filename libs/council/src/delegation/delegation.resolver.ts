import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { IdPipe, PageArgs, Public } from '@gc/common';
import { DelegationModel, DelegationPage, toDelegationModel } from './delegation.model';
import { DelegationService } from './delegation.service';

@Resolver(() => DelegationModel)
export class DelegationResolver {
  constructor(private readonly service: DelegationService) {}

  @Public()
  @Query(() => DelegationPage, { description: "The council's country delegations, ordered by country code." })
  async delegations(
    @Args() page: PageArgs,
    @Args('councilId', { type: () => ID, nullable: true }, IdPipe) councilId?: string,
  ): Promise<DelegationPage> {
    const result = await this.service.page(councilId, page.limit, page.offset);
    return { items: result.items.map(toDelegationModel), totalCount: result.totalCount };
  }

  @Public()
  @Query(() => DelegationModel)
  async delegation(@Args('id', { type: () => ID }, IdPipe) id: string): Promise<DelegationModel> {
    return toDelegationModel(await this.service.get(id));
  }

  @Public()
  @Query(() => DelegationModel, { description: 'A delegation by its ISO 3166-1 alpha-2 country code.' })
  async delegationByCode(
    @Args('countryCode') countryCode: string,
    @Args('councilId', { type: () => ID, nullable: true }, IdPipe) councilId?: string,
  ): Promise<DelegationModel> {
    return toDelegationModel(await this.service.getByCode(countryCode, councilId));
  }
}
