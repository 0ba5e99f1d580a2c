import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ComplianceStatus } from '../assessment/assessment.entity';
import { TermModel } from '../term/term.model';

@ObjectType('ComplianceStatusCount')
export class StatusCountModel {
  @Field(() => ComplianceStatus)
  status: ComplianceStatus;

  @Field(() => Int)
  count: number;
}

@ObjectType('AgreementSummary', { description: "An agreement's compliance at a glance, derived now from the assessments." })
export class AgreementSummaryModel {
  @Field(() => ID)
  agreementId: string;

  @Field(() => Int)
  termCount: number;

  @Field(() => [StatusCountModel], {
    description: 'Terms per current status, every status listed (COMPLIANT, PARTIALLY_COMPLIANT, NON_COMPLIANT, UNKNOWN).',
  })
  countsByStatus: StatusCountModel[];

  @Field(() => Int, { description: 'Terms OVERDUE (counted beside their status).' })
  overdueCount: number;

  @Field(() => Int, { description: 'floor(100 x COMPLIANT terms / terms), integer arithmetic; 0 with no terms.' })
  percentCompliant: number;

  @Field(() => String, { nullable: true, description: 'The latest observation date of any term, YYYY-MM-DD.' })
  lastAssessedOn: string | null;

  @Field(() => [TermModel], { description: 'The terms; each has its `timeline`.' })
  terms: TermModel[];
}
