import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { MAX_PASSWORD_LENGTH } from '../account/account.inputs';

const SIX_DIGITS = /^\d{6}$/;

@InputType()
export class VerifySecondFactorInput {
  @Field({ description: 'The challenge token `login` returned.' })
  @Length(1, 200)
  challengeToken: string;

  @Field({ nullable: true, description: 'The 6-digit code from the authenticator app. Give this or `recoveryCode`.' })
  @IsOptional()
  @Matches(SIX_DIGITS, { message: 'code must be 6 digits' })
  code?: string;

  @Field({ nullable: true, description: 'One of the recovery codes shown at enrolment; each works once.' })
  @IsOptional()
  @Length(1, 40)
  recoveryCode?: string;
}

@InputType()
export class ConfirmSecondFactorInput {
  @Field({ description: 'The 6-digit code the authenticator app shows now.' })
  @Matches(SIX_DIGITS, { message: 'code must be 6 digits' })
  code: string;
}

@InputType()
export class RemoveSecondFactorInput {
  @Field({ description: 'Your current password.' })
  @MaxLength(MAX_PASSWORD_LENGTH)
  password: string;
}
