import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { Actor, Allow, CurrentActor, Loader, Role } from '@gc/common';
import { DelegateEntity } from '../delegate/delegate.entity';
import { DelegateByIdLoader } from '../delegate/delegate.loaders';
import { DelegateModel, toDelegateModel } from '../delegate/delegate.model';
import { IssueMandateInput, RevokeMandateInput, TransferMandateInput } from './mandate.inputs';
import { MandateModel } from './mandate.model';
import { MandateService } from './mandate.service';

@Resolver(() => MandateModel)
export class MandateResolver {
  constructor(private readonly service: MandateService) {}

  @Allow(Role.COORDINATOR)
  @Mutation(() => MandateModel, { description: 'Record a constituent’s mandate for a delegate of the same delegation.' })
  issueMandate(@CurrentActor() actor: Actor, @Args('input') input: IssueMandateInput): Promise<MandateModel> {
    return this.service.issue(actor, input);
  }

  @Allow(Role.COORDINATOR)
  @Mutation(() => MandateModel)
  revokeMandate(@CurrentActor() actor: Actor, @Args('input') input: RevokeMandateInput): Promise<MandateModel> {
    return this.service.revoke(actor, input);
  }

  @Allow(Role.COORDINATOR)
  @Mutation(() => MandateModel, { description: 'Move a mandate to another delegate in one step; returns the new mandate.' })
  transferMandate(@CurrentActor() actor: Actor, @Args('input') input: TransferMandateInput): Promise<MandateModel> {
    return this.service.transfer(actor, input);
  }

  @ResolveField(() => DelegateModel)
  async delegate(
    @Parent() mandate: MandateModel,
    @Loader(DelegateByIdLoader) loader: DataLoader<string, DelegateEntity>,
  ): Promise<DelegateModel> {
    return toDelegateModel(await loader.load(mandate.delegateId));
  }
}
