import { Field, ID, InputType, Int, OmitType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, IsUUID, Length, Matches, Min } from 'class-validator';
import { ConveneSessionInput, MAX_AGENDA_ITEMS } from '@gc/sessions';

const PRINTABLE = /^[^\p{Cc}\p{Cs}]*$/u;

@InputType()
export class OpenPetitionInput {
  @Field({ description: 'Why a special session is needed.' })
  @Length(10, 4000)
  purpose: string;

  @Field(() => [String], { description: 'The agenda proposed for the special session, 1 to 30 items.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @Length(2, 500, { each: true })
  @Matches(PRINTABLE, { each: true, message: 'agenda items must not contain control characters' })
  proposedAgenda: string[];

  @Field(() => Int, {
    nullable: true,
    description: "Days until the petition expires: the council's default (90) when omitted, at most its maximum (180).",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expiresInDays?: number;
}

/** The session's particulars as for a regular session; the council is the petition's. */
@InputType()
export class ConveneSpecialSessionInput extends OmitType(ConveneSessionInput, ['councilId', 'agenda'] as const, InputType) {
  @Field(() => ID)
  @IsUUID()
  petitionId: string;

  @Field(() => [String], { nullable: true, description: "Defaults to the petition's proposed agenda." })
  @IsOptional()
  @ArrayMaxSize(MAX_AGENDA_ITEMS)
  @Length(2, 500, { each: true })
  @Matches(PRINTABLE, { each: true, message: 'agenda items must not contain control characters' })
  agenda?: string[];
}
