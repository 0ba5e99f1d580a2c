import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEmail, IsUUID, Length, Matches, MaxLength } from 'class-validator';

const PRINTABLE = /^[^\p{Cc}\p{Cs}]*$/u;
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

@InputType()
export class LoginInput {
  @Field()
  @MaxLength(320)
  email: string;

  @Field()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password: string;
}

@InputType()
export class RefreshSessionInput {
  @Field()
  @Length(1, 200)
  refreshToken: string;
}

@InputType()
export class ActivateAccountInput {
  @Field({ description: 'The one-time activation token the secretariat handed over.' })
  @Length(1, 200)
  token: string;

  @Field({ description: `${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters.` })
  @Length(MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH, {
    message: `password must be ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters long`,
  })
  password: string;
}

@InputType()
export class AssignCoordinatorInput {
  @Field(() => ID)
  @IsUUID()
  delegationId: string;

  @Field({ description: 'The name shown publicly for this coordinator.' })
  @Length(2, 120)
  @Matches(PRINTABLE, { message: 'displayName must not contain control characters' })
  displayName: string;

  @Field({ description: 'Sign-in email; never shown publicly.' })
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(320)
  email: string;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  @MaxLength(MAX_PASSWORD_LENGTH)
  currentPassword: string;

  @Field({ description: `${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters.` })
  @Length(MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH, {
    message: `newPassword must be ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters long`,
  })
  newPassword: string;
}
