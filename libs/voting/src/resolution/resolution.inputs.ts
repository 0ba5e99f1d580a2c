import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID, Length, Matches } from 'class-validator';

const PRINTABLE = /^[^\p{Cc}\p{Cs}]*$/u;
/** Text may hold line breaks and tabs, never other control characters. */
const TEXT = /^(?:[^\p{Cc}\p{Cs}]|[\n\r\t])*$/u;

@InputType()
export class DraftResolutionInput {
  @Field()
  @Length(3, 300)
  @Matches(PRINTABLE, { message: 'title must not contain control characters' })
  title: string;

  @Field({ description: 'The full text: version 1.' })
  @Length(10, 100_000)
  @Matches(TEXT, { message: 'text must not contain control characters other than line breaks and tabs' })
  text: string;

  @Field(() => ID, { nullable: true, description: "Draft for this committee (its chair only); without it, a delegates' draft." })
  @IsOptional()
  @IsUUID()
  committeeId?: string;
}

@InputType()
export class ProposeAmendmentInput {
  @Field(() => ID)
  @IsUUID()
  resolutionId: string;

  @Field({ description: 'The whole new text the resolution would have if the amendment is adopted.' })
  @Length(10, 100_000)
  @Matches(TEXT, { message: 'text must not contain control characters other than line breaks and tabs' })
  text: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(3, 4000)
  @Matches(TEXT, { message: 'rationale must not contain control characters other than line breaks and tabs' })
  rationale?: string;
}
