import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { Actor, badInput, DomainError, ErrorCode, notFound, Page } from '@gc/common';
import { CouncilService } from '@gc/council';
import { Db } from '@gc/db';
import { CheckpointReason, CheckpointService, LedgerService, SYSTEM_ACTOR } from '@gc/ledger';
import { SeatingService } from '@gc/mandates';
import { AttendanceRepository, hasQuorum, SessionStatus } from '@gc/sessions';
import { AgendaRepository } from '../agenda/agenda.repository';
import { MotionService } from '../resolution/motion.service';
import { LiveTallyPublisher } from '../tally/live-tally.publisher';
import { receiptRoot } from '../tally/receipt-root';
import { decide } from '../tally/tally';
import { TallyRepository } from '../tally/tally.repository';
import { rollHash, RollEntry } from './roll-hash';
import { VoteEntity, VoteStatus } from './vote.entity';
import { noQuorum, voteAlreadyOpen, voteNotOpen } from './vote.errors';
import { OpenVoteInput } from './vote.inputs';
import { VoteFilter, VoteRepository } from './vote.repository';

const MAX_DEADLINE_MS = 31 * 24 * 3600 * 1000;
/** Votes closed per sweep transaction batch; the next sweep takes the rest. */
const SWEEP_BATCH = 100;

@Injectable()
export class VoteService {
  private readonly logger = new Logger(VoteService.name);

  constructor(
    private readonly db: Db,
    private readonly votes: VoteRepository,
    private readonly agenda: AgendaRepository,
    private readonly motions: MotionService,
    private readonly tally: TallyRepository,
    private readonly attendance: AttendanceRepository,
    private readonly seating: SeatingService,
    private readonly councils: CouncilService,
    private readonly ledger: LedgerService,
    private readonly checkpoints: CheckpointService,
    private readonly live: LiveTallyPublisher,
  ) {}

  async get(id: string, field = 'id'): Promise<VoteEntity> {
    const vote = await this.votes.findById(id);
    if (!vote) throw notFound('Vote', field);
    return vote;
  }

  async page(filter: Omit<VoteFilter, 'councilId'> & { councilId?: string }, limit: number, offset: number): Promise<Page<VoteEntity>> {
    const council = await this.councils.get(filter.councilId);
    const [items, totalCount] = await this.votes.page({ ...filter, councilId: council.id }, limit, offset);
    return { items, totalCount };
  }

  async roll(voteId: string, limit: number, offset: number): Promise<Page<RollEntry>> {
    await this.get(voteId, 'voteId');
    return this.votes.rollPage(voteId, limit, offset);
  }

  /**
   * Opens a vote on an agenda line of an IN_PROGRESS session with quorum, and freezes its roll: the delegates
   * present and seated now, each with the weight of their ballot under the council's voteWeighting. Later
   * seating or attendance changes do not touch the roll. Locks: the session (shared), then the resolution.
   */
  open(actor: Actor, input: OpenVoteInput): Promise<VoteEntity> {
    return this.db.transaction(async () => {
      const motion = await this.agenda.findMotion(input.agendaItemId);
      if (!motion) throw notFound('Agenda item', 'input.agendaItemId');
      const session = await this.agenda.lockSession(motion.sessionId, 'share');
      if (!session || session.councilId !== actor.councilId) throw notFound('Agenda item', 'input.agendaItemId');
      if (session.status !== SessionStatus.IN_PROGRESS) {
        throw new DomainError(
          ErrorCode.SESSION_NOT_IN_PROGRESS,
          `Votes open only in a session in progress; this one is ${session.status}`,
          'input.agendaItemId',
        );
      }
      const now = new Date();
      if (input.deadline && input.deadline.getTime() <= now.getTime())
        throw badInput('input.deadline', 'The deadline must be in the future');
      if (input.deadline && input.deadline.getTime() - now.getTime() > MAX_DEADLINE_MS) {
        throw badInput('input.deadline', 'The deadline may be at most 31 days ahead');
      }
      await this.motions.lockResolution(motion.resolutionId);
      if (await this.votes.openFor(motion.resolutionId)) throw voteAlreadyOpen('input.agendaItemId');
      const textVersion = await this.motions.startVoting(motion, now, actor.actorRef);

      const council = await this.councils.get(session.councilId);
      const roll = await this.freezeRoll(session.id);
      const seated = (await this.seating.seatedCounts([council.id])).get(council.id) ?? 0;
      const { quorumNumerator, quorumDenominator } = council.settings;
      if (!hasQuorum(roll.length, seated, quorumNumerator, quorumDenominator)) throw noQuorum(roll.length, seated);

      const vote: VoteEntity = Object.assign(new VoteEntity(), {
        id: randomUUID(),
        councilId: council.id,
        sessionId: session.id,
        agendaItemId: motion.agendaItemId,
        resolutionId: motion.resolutionId,
        amendmentId: motion.amendmentId,
        textVersion,
        rule: input.rule,
        secrecy: input.secrecy,
        status: VoteStatus.OPEN,
        openedAt: now,
        deadline: input.deadline ?? null,
        rollSize: roll.length,
        rollWeight: roll.reduce((sum, entry) => sum + entry.weight, 0),
        rollHash: rollHash(roll),
        quorumPresent: roll.length,
        quorumSeated: seated,
        quorumNumerator,
        quorumDenominator,
        closedAt: null,
        closedAtDeadline: null,
        yesCount: null,
        noCount: null,
        abstainCount: null,
        yesWeight: null,
        noWeight: null,
        abstainWeight: null,
        outcome: null,
        receiptRoot: null,
      });
      await this.votes.insert(vote, roll);
      await this.ledger.append(council.id, actor.actorRef, 'VOTE_OPENED', {
        voteId: vote.id,
        sessionId: vote.sessionId,
        agendaItemId: vote.agendaItemId,
        resolutionId: vote.resolutionId,
        amendmentId: vote.amendmentId,
        textVersion,
        rule: vote.rule,
        secrecy: vote.secrecy,
        deadline: vote.deadline?.toISOString() ?? null,
        rollSize: vote.rollSize,
        rollWeight: vote.rollWeight,
        rollHash: vote.rollHash,
        quorum: { present: vote.quorumPresent, seated, numerator: quorumNumerator, denominator: quorumDenominator },
      });
      this.live.touch(vote.id);
      return vote;
    });
  }

  /** The secretariat closes an open vote (before or after its deadline). */
  async close(actor: Actor, voteId: string): Promise<VoteEntity> {
    const vote = await this.get(voteId, 'voteId');
    if (vote.councilId !== actor.councilId) throw notFound('Vote', 'voteId');
    const closed = await this.closeOnce(vote, actor.actorRef, false);
    if (!closed) throw voteNotOpen('closed');
    return closed;
  }

  /**
   * Closes every open vote whose deadline has passed, each in its own transaction. Safe on several instances at
   * once: a vote another instance closed first is skipped (the conditional UPDATE finds it CLOSED).
   */
  async closeDue(): Promise<number> {
    let closed = 0;
    for (const id of await this.votes.dueIds(SWEEP_BATCH)) {
      const vote = await this.votes.findById(id);
      if (vote && (await this.closeOnce(vote, SYSTEM_ACTOR, true))) closed++;
    }
    return closed;
  }

  /**
   * OPEN -> CLOSED exactly once, then the tally (one aggregate query), the rule applied in integers to weights,
   * the result stored, its effect on the resolution or amendment, and the ledger entry with the Merkle root of
   * the receipts. Returns null when the vote was already closed. Individual ballots never enter the ledger.
   */
  private closeOnce(found: VoteEntity, actorRef: string, atDeadline: boolean): Promise<VoteEntity | null> {
    return this.db.transaction(async () => {
      await this.motions.lockResolution(found.resolutionId);
      if (!(await this.votes.lockIfOpen(found.id))) return null;
      const counts = await this.tally.count(found.id);
      const result = decide(found.rule, counts, found.rollWeight);
      const receipts = await this.tally.sortedReceiptHashes(found.id);
      if (receipts.length !== result.turnout)
        throw new Error(`vote ${found.id}: ${receipts.length} receipts for ${result.turnout} ballots`);
      const root = receiptRoot(receipts);
      const closedAt = (await this.votes.close(found.id, result, root, atDeadline))!;
      const decided = await this.motions.finishVoting(found, found.councilId, found.textVersion, result.outcome, closedAt, actorRef);
      await this.ledger.append(found.councilId, actorRef, 'VOTE_CLOSED', {
        voteId: found.id,
        resolutionId: found.resolutionId,
        amendmentId: found.amendmentId,
        textVersion: found.textVersion,
        rule: found.rule,
        secrecy: found.secrecy,
        closedBy: atDeadline ? 'DEADLINE' : 'SECRETARIAT',
        rollSize: found.rollSize,
        rollWeight: found.rollWeight,
        quorum: { present: found.quorumPresent, seated: found.quorumSeated },
        counts: { yes: result.yesCount, no: result.noCount, abstain: result.abstainCount },
        weights: { yes: result.yesWeight, no: result.noWeight, abstain: result.abstainWeight },
        turnout: result.turnout,
        turnoutWeight: result.turnoutWeight,
        outcome: result.outcome,
        receiptCount: receipts.length,
        receiptRoot: root,
        resolutionNumber: decided.number,
        producedVersion: decided.producedVersion,
      });
      this.live.touch(found.id);
      // Signed once the close is committed: a signing failure must never keep a vote open, and the
      // periodic checkpoint covers the close if this one fails.
      this.db.afterCommit(() => {
        this.checkpoints.checkpoint(found.councilId, CheckpointReason.VOTE_CLOSED).catch((error: unknown) => {
          this.logger.error(`checkpoint after closing vote ${found.id} failed: ${error instanceof Error ? error.message : String(error)}`);
        });
      });
      return {
        ...found,
        status: VoteStatus.CLOSED,
        closedAt,
        closedAtDeadline: atDeadline,
        yesCount: result.yesCount,
        noCount: result.noCount,
        abstainCount: result.abstainCount,
        yesWeight: result.yesWeight,
        noWeight: result.noWeight,
        abstainWeight: result.abstainWeight,
        outcome: result.outcome,
        receiptRoot: root,
      };
    });
  }

  /** Present and seated delegates of the session with their weights now; a weight of 0 (not seated) leaves one off. */
  private async freezeRoll(sessionId: string): Promise<RollEntry[]> {
    const present = await this.attendance.presentSeatedDelegateIds(sessionId);
    const weights = await this.seating.voteWeights(present);
    return present.map((delegateId) => ({ delegateId, weight: weights.get(delegateId) ?? 0 })).filter((entry) => entry.weight > 0);
  }
}
