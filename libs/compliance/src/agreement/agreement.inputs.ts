import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsOptional, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { TermWordingInput } from '../term/term.inputs';

const PRINTABLE = /^[^\p{Cc}\p{Cs}]*$/u;
export const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class AgreementPartyInput {
  @Field({ description: 'Who: "Local authorities of GBAO".' })
  @Length(2, 300)
  @Matches(PRINTABLE, { message: 'name must not contain control characters' })
  name: string;

  @Field({ description: 'In what capacity: "civilian representatives: 40 delegates of GBAO districts and Khorog neighbourhoods".' })
  @Length(2, 500)
  @Matches(PRINTABLE, { message: 'role must not contain control characters' })
  role: string;
}

@InputType()
export class RecordAgreementInput {
  @Field(() => ID, { nullable: true, description: 'The owning committee; the monitoring committee when omitted.' })
  @IsOptional()
  @IsUUID()
  committeeId?: string;

  @Field()
  @Length(3, 300)
  @Matches(PRINTABLE, { message: 'title must not contain control characters' })
  title: string;

  @Field(() => [AgreementPartyInput], { description: 'At least two parties.' })
  @ArrayMinSize(2)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AgreementPartyInput)
  parties: AgreementPartyInput[];

  @Field({ description: 'The day it was concluded, YYYY-MM-DD.' })
  @Matches(DATE, { message: 'concludedOn must be a date written YYYY-MM-DD' })
  concludedOn: string;

  @Field()
  @Length(2, 300)
  @Matches(PRINTABLE, { message: 'place must not contain control characters' })
  place: string;

  @Field(() => [String], { description: 'Where the text can be found: links, archive references.' })
  @ArrayMaxSize(20)
  @Length(2, 1000, { each: true })
  @Matches(PRINTABLE, { each: true, message: 'source references must not contain control characters' })
  sourceReferences: string[];

  @Field(() => [TermWordingInput], { description: 'The terms, in order, 1 to 100.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => TermWordingInput)
  terms: TermWordingInput[];
}
