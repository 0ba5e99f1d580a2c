import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { BallotChoice } from './ballot.entity';

const HASH = /^[0-9a-f]{64}$/;

@InputType()
export class CastBallotInput {
  @Field(() => ID)
  @IsUUID()
  voteId: string;

  @Field(() => BallotChoice)
  @IsEnum(BallotChoice)
  choice: BallotChoice;
}

export const MAX_BULLETIN_PAGE = 1000;

@ArgsType()
export class BulletinArgs {
  @Field(() => ID)
  @IsUUID()
  voteId: string;

  @Field({ nullable: true, description: 'Continue after this receipt hash (the last one of the previous page).' })
  @IsOptional()
  @Matches(HASH, { message: 'after must be 64 lower-case hex digits' })
  after?: string;

  @Field(() => Int, { defaultValue: 200, description: `At most ${MAX_BULLETIN_PAGE}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_BULLETIN_PAGE)
  limit: number = 200;
}

@ArgsType()
export class ReceiptArgs {
  @Field(() => ID)
  @IsUUID()
  voteId: string;

  @Field({
    description:
      'SHA-256 of your receipt token (its UTF-8 text), 64 lower-case hex digits. The token itself never needs to leave your device.',
  })
  @Matches(HASH, { message: 'receiptHash must be 64 lower-case hex digits' })
  receiptHash: string;
}
