import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Attendance')
export class AttendanceModel {
  @Field(() => ID)
  sessionId: string;

  @Field(() => ID)
  delegateId: string;

  @Field()
  present: boolean;
}

@ObjectType('Quorum', { description: 'Present > quorumNumerator/quorumDenominator of seated, counting only delegates seated now.' })
export class QuorumModel {
  @Field(() => Int)
  present: number;

  @Field(() => Int)
  seated: number;

  @Field()
  hasQuorum: boolean;
}
