import { Args, ArgsType, Field, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IdPipe, PageArgs, Public } from '@gc/common';
import { TermPage, toTermModel } from '../term/term.model';
import { AgreementSummaryModel } from './dashboard.model';
import { DashboardService } from './dashboard.service';

@ArgsType()
export class DashboardTermsArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  councilId?: string;
}

@ArgsType()
export class NonCompliantTermsArgs extends DashboardTermsArgs {
  @Field(() => Int, { description: 'More than this many days NON_COMPLIANT without a break (0 to 3650).' })
  @IsInt()
  @Min(0)
  @Max(3650)
  days: number;
}

@Resolver()
export class DashboardResolver {
  constructor(private readonly service: DashboardService) {}

  @Public()
  @Query(() => TermPage, { description: 'Terms past their due date whose status is not COMPLIANT.' })
  async overdueTerms(@Args() args: DashboardTermsArgs): Promise<TermPage> {
    const page = await this.service.overdue(args.councilId, args.limit, args.offset);
    return { items: page.items.map(toTermModel), totalCount: page.totalCount };
  }

  @Public()
  @Query(() => TermPage, { description: 'Terms NON_COMPLIANT without a break for more than `days` days.' })
  async nonCompliantTerms(@Args() args: NonCompliantTermsArgs): Promise<TermPage> {
    const page = await this.service.nonCompliantForMoreThan(args.councilId, args.days, args.limit, args.offset);
    return { items: page.items.map(toTermModel), totalCount: page.totalCount };
  }

  @Public()
  @Query(() => AgreementSummaryModel)
  async agreementSummary(@Args('agreementId', { type: () => ID }, IdPipe) agreementId: string): Promise<AgreementSummaryModel> {
    const summary = await this.service.summary(agreementId);
    return { ...summary, terms: summary.terms.map(toTermModel) };
  }
}
