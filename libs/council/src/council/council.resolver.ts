import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { IdPipe, Public } from '@gc/common';
import { CouncilModel } from './council.model';
import { CouncilService } from './council.service';

@Resolver(() => CouncilModel)
export class CouncilResolver {
  constructor(private readonly councils: CouncilService) {}

  @Public()
  @Query(() => CouncilModel, { description: 'A council by id; without an id, the founding council of this deployment.' })
  async council(@Args('id', { type: () => ID, nullable: true }, IdPipe) id?: string): Promise<CouncilModel> {
    return this.councils.toModel(await this.councils.get(id, 'id'));
  }
}
