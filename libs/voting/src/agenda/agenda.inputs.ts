import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@InputType()
export class PlaceResolutionInput {
  @Field(() => ID, { description: 'A SCHEDULED or IN_PROGRESS session.' })
  @IsUUID()
  sessionId: string;

  @Field(() => ID)
  @IsUUID()
  resolutionId: string;
}

@InputType()
export class PlaceAmendmentInput {
  @Field(() => ID, { description: 'A SCHEDULED or IN_PROGRESS session.' })
  @IsUUID()
  sessionId: string;

  @Field(() => ID)
  @IsUUID()
  amendmentId: string;
}
