import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID, MaxLength } from 'class-validator';
import { IDENTITY_LIMITS } from './identity';

/** Lengths only here; identity.ts checks the content, the same way as for a CSV row. */
@InputType()
export class RegisterConstituentInput {
  @Field(() => ID)
  @IsUUID()
  delegationId: string;

  @Field()
  @MaxLength(IDENTITY_LIMITS.name)
  name: string;

  @Field({ nullable: true, description: 'An email or a phone number is required.' })
  @IsOptional()
  @MaxLength(IDENTITY_LIMITS.email)
  email?: string;

  @Field({ nullable: true, description: 'Digits with an optional leading +; spaces, dashes and dots are ignored.' })
  @IsOptional()
  @MaxLength(IDENTITY_LIMITS.phone)
  phone?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(IDENTITY_LIMITS.city)
  city?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(IDENTITY_LIMITS.notes)
  notes?: string;
}

@InputType()
export class ConstituentInput {
  @Field(() => ID)
  @IsUUID()
  constituentId: string;
}
