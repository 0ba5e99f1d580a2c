import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsDate, IsOptional, IsUrl, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { Type } from 'class-transformer';

const PRINTABLE = /^[^\p{Cc}\p{Cs}]*$/u;
export const MAX_AGENDA_ITEMS = 100;

@InputType()
export class ConveneSessionInput {
  @Field(() => ID, { nullable: true, description: "Defaults to the secretariat's own council." })
  @IsOptional()
  @IsUUID()
  councilId?: string;

  @Field()
  @Length(3, 200)
  @Matches(PRINTABLE, { message: 'title must not contain control characters' })
  title: string;

  @Field({ description: 'At least the notice period after now (14 days for a regular session).' })
  @Type(() => Date)
  @IsDate()
  startsAt: Date;

  @Field()
  @Type(() => Date)
  @IsDate()
  endsAt: Date;

  @Field({ nullable: true })
  @IsOptional()
  @Length(2, 300)
  @Matches(PRINTABLE, { message: 'location must not contain control characters' })
  location?: string;

  @Field({ nullable: true, description: 'An https link for online participation.' })
  @IsOptional()
  @MaxLength(500)
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'onlineLink must be an https URL' })
  onlineLink?: string;

  @Field(() => [String], { defaultValue: [], description: `Agenda items in order, at most ${MAX_AGENDA_ITEMS}.` })
  @ArrayMaxSize(MAX_AGENDA_ITEMS)
  @Length(2, 500, { each: true })
  @Matches(PRINTABLE, { each: true, message: 'agenda items must not contain control characters' })
  agenda: string[] = [];
}

@InputType()
export class CancelSessionInput {
  @Field(() => ID)
  @IsUUID()
  sessionId: string;

  @Field()
  @Length(3, 1000)
  reason: string;
}
