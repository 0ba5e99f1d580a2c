import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@InputType()
export class CommitteeMemberInput {
  @Field(() => ID)
  @IsUUID()
  committeeId: string;

  @Field(() => ID)
  @IsUUID()
  delegateId: string;
}
