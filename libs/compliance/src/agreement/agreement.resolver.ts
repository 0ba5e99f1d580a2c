import { Args, ArgsType, Field, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import DataLoader from 'dataloader';
import { Actor, Allow, CurrentActor, IdPipe, Loader, PageArgs, Public, Role } from '@gc/common';
import { TermsByAgreementLoader } from '../compliance.loaders';
import { TermModel, toTermModel } from '../term/term.model';
import { TermView } from '../term/term.repository';
import { RecordAgreementInput } from './agreement.inputs';
import { AgreementModel, AgreementPage, toAgreementModel } from './agreement.model';
import { AgreementService } from './agreement.service';

@ArgsType()
export class AgreementsArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  councilId?: string;

  @Field(() => ID, { nullable: true, description: 'Only the agreements this committee monitors.' })
  @IsOptional()
  @IsUUID()
  committeeId?: string;
}

@Resolver(() => AgreementModel)
export class AgreementResolver {
  constructor(private readonly service: AgreementService) {}

  @Public()
  @Query(() => AgreementPage, { description: 'Monitored agreements, most recently concluded first.' })
  async agreements(@Args() args: AgreementsArgs): Promise<AgreementPage> {
    const page = await this.service.page(args.councilId, args.committeeId, args.limit, args.offset);
    return { items: page.items.map(toAgreementModel), totalCount: page.totalCount };
  }

  @Public()
  @Query(() => AgreementModel)
  async agreement(@Args('id', { type: () => ID }, IdPipe) id: string): Promise<AgreementModel> {
    return toAgreementModel(await this.service.get(id));
  }

  @Allow(Role.SECRETARIAT, Role.DELEGATE)
  @Mutation(() => AgreementModel, {
    description:
      'Record an agreement and its terms (secretariat, or members of the owning committee; the monitoring committee by default).',
  })
  async recordAgreement(@CurrentActor() actor: Actor, @Args('input') input: RecordAgreementInput): Promise<AgreementModel> {
    return toAgreementModel(await this.service.record(actor, input));
  }

  @ResolveField(() => [TermModel], { description: 'The terms in order, each in its current wording.' })
  async terms(
    @Parent() agreement: AgreementModel,
    @Loader(TermsByAgreementLoader) terms: DataLoader<string, TermView[]>,
  ): Promise<TermModel[]> {
    return (await terms.load(agreement.id)).map(toTermModel);
  }
}
