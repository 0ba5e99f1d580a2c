import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AssessmentEntity, ComplianceStatus, EvidenceVisibility } from './assessment.entity';
import { EvidenceView } from './assessment.repository';

registerEnumType(ComplianceStatus, { name: 'ComplianceStatus' });
registerEnumType(EvidenceVisibility, {
  name: 'EvidenceVisibility',
  description: "RESTRICTED items are readable only by the owning committee's members and the secretariat.",
});

@ObjectType('TermAssessment', { description: "A committee's finding on a term at one date; the history is the term's timeline." })
export class AssessmentModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  termId: string;

  @Field(() => ComplianceStatus)
  status: ComplianceStatus;

  @Field({ description: 'YYYY-MM-DD' })
  observedOn: string;

  @Field()
  summary: string;

  @Field(() => Int, { description: 'The term version it assessed.' })
  termVersion: number;

  @Field()
  recordedAt: Date;
}

@ObjectType('Evidence')
export class EvidenceModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  assessmentId: string;

  @Field(() => EvidenceVisibility)
  visibility: EvidenceVisibility;

  @Field()
  title: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  datedOn: string | null;

  @Field()
  source: string;

  @Field(() => String, { nullable: true })
  fileHash: string | null;
}

export const toAssessmentModel = (a: AssessmentEntity): AssessmentModel => ({
  id: a.id,
  termId: a.termId,
  status: a.status,
  observedOn: a.observedOn,
  summary: a.summary,
  termVersion: a.termVersion,
  recordedAt: a.recordedAt,
});

/** Only ever called on items the caller may see (see `visibleEvidence`). */
export const toEvidenceModel = (e: EvidenceView): EvidenceModel => ({
  id: e.id,
  assessmentId: e.assessmentId,
  visibility: e.visibility,
  title: e.title,
  datedOn: e.datedOn,
  source: e.source,
  fileHash: e.fileHash,
});
