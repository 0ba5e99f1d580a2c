import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { BallotSecrecy } from '../vote/vote.entity';
import { BallotChoice } from './ballot.entity';

registerEnumType(BallotChoice, { name: 'BallotChoice' });

@ObjectType('BallotReceipt', {
  description: 'Shown once, to the voter only: keep the receipt to check the bulletin after the vote closes.',
})
export class BallotReceiptModel {
  @Field(() => ID)
  voteId: string;

  @Field(() => BallotChoice)
  choice: BallotChoice;

  @Field({ description: 'The receipt token. It is not stored anywhere: only its SHA-256 is.' })
  receipt: string;

  @Field({ description: 'SHA-256 of the receipt token (UTF-8 text), hex: what the bulletin lists.' })
  receiptHash: string;

  @Field({ description: 'Roll-call only: this ballot replaced your earlier one, whose receipt is now void.' })
  replacedEarlierBallot: boolean;
}

@ObjectType('BulletinEntry')
export class BulletinEntryModel {
  @Field()
  receiptHash: string;

  @Field(() => BallotChoice, { nullable: true, description: 'Roll-call votes only; never for a secret vote.' })
  choice: BallotChoice | null;
}

@ObjectType('VoteBulletin', {
  description: "A closed vote's counted ballots by receipt hash, in ascending order (never in the order cast).",
})
export class VoteBulletinModel {
  @Field(() => ID)
  voteId: string;

  @Field(() => BallotSecrecy)
  secrecy: BallotSecrecy;

  @Field({ description: 'RFC 6962 Merkle root over all the receipt hashes in this order; also in the VOTE_CLOSED ledger entry.' })
  receiptRoot: string;

  @Field(() => Int, { description: 'Counted ballots in all.' })
  totalCount: number;

  @Field(() => [BulletinEntryModel])
  entries: BulletinEntryModel[];
}

@ObjectType('ReceiptCheck')
export class ReceiptCheckModel {
  @Field(() => ID)
  voteId: string;

  @Field()
  receiptHash: string;

  @Field({ description: 'True when a counted ballot carries this receipt.' })
  counted: boolean;

  @Field(() => BallotChoice, { nullable: true, description: 'Roll-call votes only.' })
  choice: BallotChoice | null;
}

@ObjectType('MyBallot', { description: "The signed-in delegate's standing in one vote." })
export class MyBallotModel {
  @Field(() => ID)
  voteId: string;

  @Field()
  onRoll: boolean;

  @Field(() => Int, { nullable: true })
  weight: number | null;

  @Field()
  voted: boolean;

  @Field(() => BallotChoice, { nullable: true, description: 'Roll-call votes only: the choice as counted now.' })
  choice: BallotChoice | null;
}
