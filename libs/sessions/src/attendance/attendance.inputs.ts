import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsUUID } from 'class-validator';

@InputType()
export class RecordAttendanceInput {
  @Field(() => ID)
  @IsUUID()
  sessionId: string;

  @Field(() => ID)
  @IsUUID()
  delegateId: string;

  @Field()
  @IsBoolean()
  present: boolean;
}
