import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Paginated } from '@gc/common';
import { BallotSecrecy, MajorityRule, VoteEntity, VoteOutcome, VoteStatus } from './vote.entity';

registerEnumType(MajorityRule, {
  name: 'MajorityRule',
  description: 'SIMPLE yes > no; TWO_THIRDS_CAST 3yes >= 2(yes+no); TWO_THIRDS_ROLL 3yes >= 2roll; ABSOLUTE 2yes > roll (on weights).',
});
registerEnumType(BallotSecrecy, { name: 'BallotSecrecy' });
registerEnumType(VoteStatus, { name: 'VoteStatus' });
registerEnumType(VoteOutcome, { name: 'VoteOutcome' });

@ObjectType('VoteQuorum', { description: 'Quorum when the vote opened: present and seated, of the seated, and the fraction required.' })
export class VoteQuorumModel {
  @Field(() => Int)
  present: number;

  @Field(() => Int)
  seated: number;

  @Field(() => Int)
  numerator: number;

  @Field(() => Int)
  denominator: number;
}

@ObjectType('VoteResult', {
  description: 'Written once, when the vote closed. The rule is applied to weights (equal to counts under ONE_PER_DELEGATE).',
})
export class VoteResultModel {
  @Field(() => VoteOutcome)
  outcome: VoteOutcome;

  @Field(() => MajorityRule)
  rule: MajorityRule;

  @Field(() => Int)
  yes: number;

  @Field(() => Int)
  no: number;

  @Field(() => Int)
  abstain: number;

  @Field(() => Int)
  yesWeight: number;

  @Field(() => Int)
  noWeight: number;

  @Field(() => Int)
  abstainWeight: number;

  @Field(() => Int, { description: 'Ballots counted, abstentions included.' })
  turnout: number;

  @Field(() => Int)
  turnoutWeight: number;

  @Field(() => Int)
  rollSize: number;

  @Field(() => Int)
  rollWeight: number;

  @Field(() => VoteQuorumModel)
  quorum: VoteQuorumModel;

  @Field({ description: 'Merkle root of the receipt hashes (the bulletin).' })
  receiptRoot: string;

  @Field()
  closedAt: Date;

  @Field({ description: 'True when it closed at its deadline, false when the secretariat closed it.' })
  closedAtDeadline: boolean;
}

@ObjectType('Vote')
export class VoteModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  councilId: string;

  @Field(() => ID)
  sessionId: string;

  @Field(() => ID)
  agendaItemId: string;

  @Field(() => ID)
  resolutionId: string;

  @Field(() => ID, { nullable: true, description: 'Set when the vote is on an amendment.' })
  amendmentId: string | null;

  @Field(() => Int, { description: 'The resolution text version voted on (for an amendment, the version it rewrites).' })
  textVersion: number;

  @Field(() => MajorityRule)
  rule: MajorityRule;

  @Field(() => BallotSecrecy)
  secrecy: BallotSecrecy;

  @Field(() => VoteStatus)
  status: VoteStatus;

  @Field({ description: 'False once closed or past its deadline (even before the sweep has closed it).' })
  acceptingBallots: boolean;

  @Field()
  openedAt: Date;

  @Field(() => Date, { nullable: true })
  deadline: Date | null;

  @Field(() => Int, { description: 'Voters on the frozen roll.' })
  rollSize: number;

  @Field(() => Int)
  rollWeight: number;

  @Field({ description: 'SHA-256 of the roll as canonical JSON [[delegateId, weight], ...] sorted by delegate id.' })
  rollHash: string;

  @Field(() => VoteQuorumModel)
  quorum: VoteQuorumModel;

  @Field(() => VoteResultModel, { nullable: true, description: 'Null while the vote is open.' })
  result: VoteResultModel | null;
}

@ObjectType('VotePage')
export class VotePage extends Paginated(VoteModel) {}

@ObjectType('VoteRollEntry')
export class VoteRollEntryModel {
  @Field(() => ID)
  delegateId: string;

  @Field(() => Int)
  weight: number;
}

@ObjectType('VoteRollPage')
export class VoteRollPage extends Paginated(VoteRollEntryModel) {}

export function toVoteModel(v: VoteEntity, now = new Date()): VoteModel {
  const quorum = { present: v.quorumPresent, seated: v.quorumSeated, numerator: v.quorumNumerator, denominator: v.quorumDenominator };
  const closed = v.status === VoteStatus.CLOSED && v.outcome !== null;
  return {
    id: v.id,
    councilId: v.councilId,
    sessionId: v.sessionId,
    agendaItemId: v.agendaItemId,
    resolutionId: v.resolutionId,
    amendmentId: v.amendmentId,
    textVersion: v.textVersion,
    rule: v.rule,
    secrecy: v.secrecy,
    status: v.status,
    acceptingBallots: v.status === VoteStatus.OPEN && (v.deadline === null || v.deadline.getTime() > now.getTime()),
    openedAt: v.openedAt,
    deadline: v.deadline,
    rollSize: v.rollSize,
    rollWeight: v.rollWeight,
    rollHash: v.rollHash,
    quorum,
    result: closed
      ? {
          outcome: v.outcome!,
          rule: v.rule,
          yes: v.yesCount!,
          no: v.noCount!,
          abstain: v.abstainCount!,
          yesWeight: v.yesWeight!,
          noWeight: v.noWeight!,
          abstainWeight: v.abstainWeight!,
          turnout: v.yesCount! + v.noCount! + v.abstainCount!,
          turnoutWeight: v.yesWeight! + v.noWeight! + v.abstainWeight!,
          rollSize: v.rollSize,
          rollWeight: v.rollWeight,
          quorum,
          receiptRoot: v.receiptRoot!,
          closedAt: v.closedAt!,
          closedAtDeadline: v.closedAtDeadline ?? false,
        }
      : null,
  };
}
