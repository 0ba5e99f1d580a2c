import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsOptional, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { ComplianceStatus, EvidenceVisibility } from './assessment.entity';

const PRINTABLE = /^[^\p{Cc}\p{Cs}]*$/u;
const TEXT = /^(?:[^\p{Cc}\p{Cs}]|[\n\r\t])*$/u;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class EvidenceInput {
  @Field()
  @Length(2, 300)
  @Matches(PRINTABLE, { message: 'title must not contain control characters' })
  title: string;

  @Field({ nullable: true, description: 'The date of the evidence itself, YYYY-MM-DD; not after today.' })
  @IsOptional()
  @Matches(DATE, { message: 'datedOn must be a date written YYYY-MM-DD' })
  datedOn?: string;

  @Field({ description: 'A link, or a reference to where the committee keeps it.' })
  @Length(2, 2000)
  @Matches(PRINTABLE, { message: 'source must not contain control characters' })
  source: string;

  @Field(() => EvidenceVisibility, { description: 'RESTRICTED when it could identify a witness.' })
  @IsEnum(EvidenceVisibility)
  visibility: EvidenceVisibility;

  @Field({ nullable: true, description: 'SHA-256 of a file kept elsewhere, 64 hex digits.' })
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/i, { message: 'fileHash must be a SHA-256 in hex' })
  fileHash?: string;
}

@InputType()
export class RecordAssessmentInput {
  @Field(() => ID)
  @IsUUID()
  termId: string;

  @Field(() => ComplianceStatus)
  @IsEnum(ComplianceStatus)
  status: ComplianceStatus;

  @Field({ description: 'The day the situation was observed, YYYY-MM-DD; not after today (UTC).' })
  @Matches(DATE, { message: 'observedOn must be a date written YYYY-MM-DD' })
  observedOn: string;

  @Field({ description: 'Public, like the status and date: never identify a witness here; that belongs in RESTRICTED evidence.' })
  @Length(5, 8000)
  @Matches(TEXT, { message: 'summary must not contain control characters other than line breaks and tabs' })
  summary: string;

  @Field(() => [EvidenceInput], { defaultValue: [], description: 'Up to 50 items.' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => EvidenceInput)
  evidence: EvidenceInput[] = [];
}
