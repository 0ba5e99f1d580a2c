import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsEnum, IsOptional, IsUUID } from 'class-validator';
import { BallotSecrecy, MajorityRule } from './vote.entity';

@InputType()
export class OpenVoteInput {
  @Field(() => ID, { description: 'The agenda line (Session.motions) whose resolution or amendment is put to the vote.' })
  @IsUUID()
  agendaItemId: string;

  @Field(() => MajorityRule)
  @IsEnum(MajorityRule)
  rule: MajorityRule;

  @Field(() => BallotSecrecy)
  @IsEnum(BallotSecrecy)
  secrecy: BallotSecrecy;

  @Field({
    nullable: true,
    description: 'Ballots are refused from then on and the vote closes by itself; in the future, at most 31 days ahead.',
  })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  deadline?: Date;
}
