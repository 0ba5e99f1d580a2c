import { Injectable } from '@nestjs/common';
import { Actor, DomainError, ErrorCode, Metrics, notFound } from '@gc/common';
import { DelegateService } from '@gc/mandates';
import { LiveTallyPublisher } from '../tally/live-tally.publisher';
import { VoteEntity, VoteStatus } from '../vote/vote.entity';
import { voteNotOpen, voteStillOpen } from '../vote/vote.errors';
import { VoteRepository } from '../vote/vote.repository';
import { BallotChoice } from './ballot.entity';
import { BallotReceiptModel, BulletinEntryModel, MyBallotModel, ReceiptCheckModel, VoteBulletinModel } from './ballot.model';
import { BallotRepository, BulletinRow } from './ballot.repository';
import { newReceipt } from './receipt';

const notOnRoll = () =>
  new DomainError(ErrorCode.NOT_ON_ROLL, 'You are not on this vote’s roll (seated and present when it opened)', 'input.voteId');
const alreadyVoted = () => new DomainError(ErrorCode.ALREADY_VOTED, 'You have already voted: a secret ballot is final', 'input.voteId');

const toEntry = (row: BulletinRow): BulletinEntryModel => ({ receiptHash: row.receiptHash.toString('hex'), choice: row.choice });

@Injectable()
export class BallotService {
  constructor(
    private readonly ballots: BallotRepository,
    private readonly votes: VoteRepository,
    private readonly delegates: DelegateService,
    private readonly live: LiveTallyPublisher,
    private readonly metrics: Metrics,
  ) {}

  /**
   * Casts the signed-in delegate's ballot with one statement whose conditions are the rules (open, before the
   * deadline, on the roll, one ballot per voter); only when it writes nothing are the reasons looked up. One
   * statement is one transaction, so the resolver runs it without the usual mutation transaction
   * (@OwnTransactions): a ballot costs one round trip to the database instead of three. Returns the receipt
   * token, which is never stored, logged or written to the ledger.
   */
  async cast(actor: Actor, voteId: string, choice: BallotChoice): Promise<BallotReceiptModel> {
    const receipt = newReceipt();
    const counted = await this.ballots.cast(voteId, actor.userId, receipt.hash, choice);
    if (counted === 'closed') throw voteNotOpen('closed', 'input.voteId');
    if (!counted) throw await this.refusal(actor, voteId);
    this.live.touch(voteId);
    this.metrics.ballotCast();
    return { voteId, choice, receipt: receipt.token, receiptHash: receipt.hash.toString('hex'), replacedEarlierBallot: counted.replaced };
  }

  async bulletin(voteId: string, after: string | undefined, limit: number): Promise<VoteBulletinModel> {
    const vote = await this.closedVote(voteId);
    const rows = await this.ballots.bulletin(vote.id, vote.secrecy, after ? Buffer.from(after, 'hex') : null, limit);
    return {
      voteId: vote.id,
      secrecy: vote.secrecy,
      receiptRoot: vote.receiptRoot!,
      totalCount: (vote.yesCount ?? 0) + (vote.noCount ?? 0) + (vote.abstainCount ?? 0),
      entries: rows.map(toEntry),
    };
  }

  /** "Was my ballot counted?": looks a receipt hash up on a closed vote's bulletin. */
  async checkReceipt(voteId: string, receiptHash: string): Promise<ReceiptCheckModel> {
    const vote = await this.closedVote(voteId);
    const row = await this.ballots.receipt(vote.id, vote.secrecy, Buffer.from(receiptHash, 'hex'));
    return { voteId: vote.id, receiptHash, counted: row !== null, choice: row?.choice ?? null };
  }

  async mine(actor: Actor, voteId: string): Promise<MyBallotModel> {
    const vote = await this.votes.findById(voteId);
    if (!vote || vote.councilId !== actor.councilId) throw notFound('Vote', 'voteId');
    const delegate = await this.delegates.mine(actor);
    const entry = await this.votes.rollEntryOfUser(vote.id, actor.userId);
    const ballot = entry ? await this.ballots.ballotOf(vote.id, vote.secrecy, delegate.id) : { voted: false, choice: null };
    return { voteId: vote.id, onRoll: entry !== null, weight: entry?.weight ?? null, ...ballot };
  }

  private async closedVote(voteId: string): Promise<VoteEntity> {
    const vote = await this.votes.findById(voteId);
    if (!vote) throw notFound('Vote', 'voteId');
    if (vote.status !== VoteStatus.CLOSED) throw voteStillOpen();
    return vote;
  }

  /** Why the cast statement wrote nothing, in the order a voter would want to hear it. */
  private async refusal(actor: Actor, voteId: string): Promise<DomainError> {
    const why = await this.ballots.refusal(voteId, actor.userId);
    if (!why || why.councilId !== actor.councilId) return notFound('Vote', 'input.voteId');
    if (!why.open) return voteNotOpen('closed', 'input.voteId');
    if (why.deadlinePassed) return voteNotOpen('deadline', 'input.voteId');
    if (!why.onRoll) return notOnRoll();
    if (why.alreadyVoted) return alreadyVoted();
    return new DomainError(ErrorCode.CONFLICT, 'The ballot could not be recorded; try again', 'input.voteId');
  }
}
