import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('SecondFactorChallenge', {
  description: 'The password was right and the account has a second factor: send this token with a code to `verifySecondFactor`.',
})
export class SecondFactorChallengeModel {
  @Field({ description: 'Single use, valid for 5 minutes.' })
  challengeToken: string;

  @Field()
  expiresAt: Date;
}

@ObjectType('SecondFactorEnrolment', {
  description: 'Scan the URI (as a QR code) or type the secret into an authenticator app, then confirm with a code. Shown only now.',
})
export class SecondFactorEnrolmentModel {
  @Field({ description: 'Base32 secret, for apps that cannot scan.' })
  secret: string;

  @Field({ description: 'otpauth:// URI; it names no person or email, so a searched phone does not reveal whose account it is.' })
  provisioningUri: string;
}

@ObjectType('RecoveryCodes', {
  description: 'Each code signs in once in place of an authenticator code. Store them offline; shown only now.',
})
export class RecoveryCodesModel {
  @Field(() => [String])
  recoveryCodes: string[];
}

@ObjectType('SecondFactorStatus')
export class SecondFactorStatusModel {
  @Field({ description: 'An authenticator app is set up for this account.' })
  enrolled: boolean;

  @Field({ description: 'This account may do nothing but enrol until it has one (secretariat and coordinators).' })
  required: boolean;

  @Field(() => Int)
  recoveryCodesLeft: number;
}
