import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID, Length, Matches } from 'class-validator';

const TEXT = /^(?:[^\p{Cc}\p{Cs}]|[\n\r\t])*$/u;

@InputType()
export class EscalateTermInput {
  @Field(() => ID)
  @IsUUID()
  termId: string;

  @Field({ nullable: true, description: "The committee's demand, added to the draft after the breach it records." })
  @IsOptional()
  @Length(10, 8000)
  @Matches(TEXT, { message: 'demand must not contain control characters other than line breaks and tabs' })
  demand?: string;
}
