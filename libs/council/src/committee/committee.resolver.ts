import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, Allow, CurrentActor, IdPipe, PageArgs, Public, Role } from '@gc/common';
import { CreateCommitteeInput, RenameCommitteeInput } from './committee.inputs';
import { CommitteeModel, CommitteePage, toCommitteeModel } from './committee.model';
import { CommitteeService } from './committee.service';

@Resolver(() => CommitteeModel)
export class CommitteeResolver {
  constructor(private readonly service: CommitteeService) {}

  @Public()
  @Query(() => CommitteePage)
  async committees(
    @Args() page: PageArgs,
    @Args('councilId', { type: () => ID, nullable: true }, IdPipe) councilId?: string,
  ): Promise<CommitteePage> {
    const result = await this.service.page(councilId, page.limit, page.offset);
    return { items: result.items.map(toCommitteeModel), totalCount: result.totalCount };
  }

  @Public()
  @Query(() => CommitteeModel)
  async committee(@Args('id', { type: () => ID }, IdPipe) id: string): Promise<CommitteeModel> {
    return toCommitteeModel(await this.service.get(id));
  }

  @Allow(Role.SECRETARIAT)
  @Mutation(() => CommitteeModel)
  async createCommittee(@CurrentActor() actor: Actor, @Args('input') input: CreateCommitteeInput): Promise<CommitteeModel> {
    return toCommitteeModel(await this.service.create(actor, input));
  }

  @Allow(Role.SECRETARIAT)
  @Mutation(() => CommitteeModel)
  async renameCommittee(@CurrentActor() actor: Actor, @Args('input') input: RenameCommitteeInput): Promise<CommitteeModel> {
    return toCommitteeModel(await this.service.rename(actor, input));
  }
}
