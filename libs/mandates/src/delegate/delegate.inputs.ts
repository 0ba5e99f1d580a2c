import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEmail, IsOptional, IsUUID, Length, Matches, MaxLength } from 'class-validator';

const PRINTABLE = /^[^\p{Cc}\p{Cs}]*$/u;

@InputType()
export class CreateDelegateInput {
  @Field(() => ID)
  @IsUUID()
  delegationId: string;

  @Field({ description: 'The name as it should appear publicly; unique within the delegation.' })
  @Length(2, 120)
  @Matches(PRINTABLE, { message: 'displayName must not contain control characters' })
  displayName: string;

  @Field({ nullable: true, description: 'An optional public alias, such as a pseudonym.' })
  @IsOptional()
  @Length(1, 60)
  @Matches(PRINTABLE, { message: 'publicAlias must not contain control characters' })
  publicAlias?: string;
}

@InputType()
export class DelegateInput {
  @Field(() => ID)
  @IsUUID()
  delegateId: string;
}

@InputType()
export class CreateDelegateLoginInput {
  @Field(() => ID)
  @IsUUID()
  delegateId: string;

  @Field({ description: 'Sign-in email; never shown publicly.' })
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(320)
  email: string;
}
