import { Field, ID, ObjectType } from '@nestjs/graphql';
import { EscalationEntity } from './escalation.entity';

@ObjectType('TermEscalation', { description: 'A NON_COMPLIANT term taken to the council as a draft resolution of the committee.' })
export class EscalationModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  termId: string;

  @Field(() => ID)
  resolutionId: string;

  @Field(() => ID, { description: 'The NON_COMPLIANT assessment escalated.' })
  assessmentId: string;

  @Field()
  escalatedAt: Date;

  /** Every linked item, for the resolvers' filter; never exposed as is. */
  allEvidenceIds: string[];
}

@ObjectType('EscalationOutcome', { description: 'Where the escalated resolution stands in the resolutions workflow.' })
export class EscalationOutcomeModel {
  @Field({ description: 'The resolution status: DRAFT, SUBMITTED, ON_AGENDA, VOTING, ADOPTED, REJECTED or WITHDRAWN.' })
  resolutionStatus: string;

  @Field(() => String, { nullable: true, description: 'GC-<year>-<seq> once adopted.' })
  resolutionNumber: string | null;

  @Field({ description: 'True once the resolution was adopted, rejected or withdrawn.' })
  decided: boolean;
}

export const toEscalationModel = (e: EscalationEntity): EscalationModel => ({
  id: e.id,
  termId: e.termId,
  resolutionId: e.resolutionId,
  assessmentId: e.assessmentId,
  escalatedAt: e.escalatedAt,
  allEvidenceIds: e.evidenceIds,
});
