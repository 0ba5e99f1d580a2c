import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID, Length, Matches } from 'class-validator';

const PRINTABLE = /^[^\p{Cc}\p{Cs}]*$/u;

@InputType()
export class CreateCommitteeInput {
  @Field(() => ID, { nullable: true, description: "Defaults to the secretariat's own council." })
  @IsOptional()
  @IsUUID()
  councilId?: string;

  @Field({ description: 'Short stable key, lower-case letters, digits and dashes.' })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'slug must be lower-case letters, digits and single dashes' })
  @Length(2, 60)
  slug: string;

  @Field()
  @Length(3, 200)
  @Matches(PRINTABLE, { message: 'name must not contain control characters' })
  name: string;

  @Field()
  @Length(10, 5000)
  mandate: string;
}

@InputType()
export class RenameCommitteeInput {
  @Field(() => ID)
  @IsUUID()
  committeeId: string;

  @Field()
  @Length(3, 200)
  @Matches(PRINTABLE, { message: 'name must not contain control characters' })
  name: string;
}
