import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsOptional, IsUUID, Length, Matches } from 'class-validator';

const PRINTABLE = /^[^\p{Cc}\p{Cs}]*$/u;
const TEXT = /^(?:[^\p{Cc}\p{Cs}]|[\n\r\t])*$/u;

/** The whole wording of a term: version 1, or the next version of an amendment. */
@InputType()
export class TermWordingInput {
  @Field({ description: 'What was promised.' })
  @Length(5, 4000)
  @Matches(TEXT, { message: 'obligation must not contain control characters other than line breaks and tabs' })
  obligation: string;

  @Field({ description: 'The party that must do it.' })
  @Length(2, 300)
  @Matches(PRINTABLE, { message: 'responsibleParty must not contain control characters' })
  responsibleParty: string;

  @Field({ nullable: true, description: 'The last day to comply, YYYY-MM-DD.' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueDate must be a date written YYYY-MM-DD' })
  dueDate?: string;

  @Field(() => [String], { nullable: true, description: 'Up to 20 short tags, such as "internet" or "security".' })
  @IsOptional()
  @ArrayMaxSize(20)
  @Length(1, 50, { each: true })
  @Matches(PRINTABLE, { each: true, message: 'tags must not contain control characters' })
  tags?: string[];
}

@InputType()
export class AmendTermInput extends TermWordingInput {
  @Field(() => ID)
  @IsUUID()
  termId: string;

  @Field({ description: 'Why the wording changes; kept with the new version.' })
  @Length(5, 2000)
  @Matches(TEXT, { message: 'reason must not contain control characters other than line breaks and tabs' })
  reason: string;
}
