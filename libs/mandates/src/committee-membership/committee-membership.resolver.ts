import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { Actor, Allow, CurrentActor, Loader, Page, PageArgs, PageKey, Role } from '@gc/common';
import { CommitteeModel, toCommitteeModel } from '@gc/council';
import { DelegateModel, DelegatePage, toDelegateModel } from '../delegate/delegate.model';
import { primeStandings, SeatStandingLoader } from '../seating/seating.loaders';
import { DelegateWithStanding, SeatStanding } from '../seating/seating.repository';
import { CommitteeChairLoader, CommitteeMembersLoader } from './committee-membership.loaders';
import { CommitteeMemberInput } from './committee-membership.inputs';
import { CommitteeMembershipService } from './committee-membership.service';

@Resolver(() => CommitteeModel)
export class CommitteeMembershipResolver {
  constructor(private readonly service: CommitteeMembershipService) {}

  @Allow(Role.SECRETARIAT)
  @Mutation(() => CommitteeModel, { description: 'Seat an accredited delegate on a committee.' })
  async addCommitteeMember(@CurrentActor() actor: Actor, @Args('input') input: CommitteeMemberInput): Promise<CommitteeModel> {
    return toCommitteeModel(await this.service.add(actor, input));
  }

  @Allow(Role.SECRETARIAT)
  @Mutation(() => CommitteeModel)
  async removeCommitteeMember(@CurrentActor() actor: Actor, @Args('input') input: CommitteeMemberInput): Promise<CommitteeModel> {
    return toCommitteeModel(await this.service.remove(actor, input));
  }

  @Allow(Role.SECRETARIAT)
  @Mutation(() => CommitteeModel, { description: 'Name a member chair; the previous chair stays a member.' })
  async setCommitteeChair(@CurrentActor() actor: Actor, @Args('input') input: CommitteeMemberInput): Promise<CommitteeModel> {
    return toCommitteeModel(await this.service.setChair(actor, input));
  }

  @ResolveField(() => DelegatePage, { description: 'Members by name.' })
  async members(
    @Parent() committee: CommitteeModel,
    @Args() page: PageArgs,
    @Loader(CommitteeMembersLoader) loader: DataLoader<PageKey, Page<DelegateWithStanding>>,
    @Loader(SeatStandingLoader) standings: DataLoader<string, SeatStanding | null>,
  ): Promise<DelegatePage> {
    const result = await loader.load({ parentId: committee.id, limit: page.limit, offset: page.offset });
    return { items: primeStandings(standings, result.items).map(toDelegateModel), totalCount: result.totalCount };
  }

  @ResolveField(() => DelegateModel, { nullable: true })
  async chair(
    @Parent() committee: CommitteeModel,
    @Loader(CommitteeChairLoader) loader: DataLoader<string, DelegateWithStanding | null>,
    @Loader(SeatStandingLoader) standings: DataLoader<string, SeatStanding | null>,
  ): Promise<DelegateModel | null> {
    const chair = await loader.load(committee.id);
    return chair && toDelegateModel(primeStandings(standings, [chair])[0]);
  }
}
