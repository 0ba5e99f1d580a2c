import { Injectable } from '@nestjs/common';
import { Actor, DomainError, ErrorCode, forbidden, notFound } from '@gc/common';
import { CommitteeEntity, CommitteeService } from '@gc/council';
import { Db } from '@gc/db';
import { LedgerService } from '@gc/ledger';
import { DelegateEntity } from '../delegate/delegate.entity';
import { DelegateRepository } from '../delegate/delegate.repository';
import { CommitteeMemberInput } from './committee-membership.inputs';
import { CommitteeMembershipRepository } from './committee-membership.repository';

const notMember = (field: string) => new DomainError(ErrorCode.NOT_COMMITTEE_MEMBER, 'The delegate does not sit on this committee', field);

/**
 * The secretariat manages committee seats. Every change locks the committee first, then the delegate,
 * so changes to one committee take turns and cannot deadlock with accreditation changes.
 */
@Injectable()
export class CommitteeMembershipService {
  constructor(
    private readonly db: Db,
    private readonly committees: CommitteeService,
    private readonly delegates: DelegateRepository,
    private readonly members: CommitteeMembershipRepository,
    private readonly ledger: LedgerService,
  ) {}

  add(actor: Actor, input: CommitteeMemberInput): Promise<CommitteeEntity> {
    return this.db.transaction(async () => {
      const { committee, delegate } = await this.lockPair(actor, input);
      if (!delegate.accreditedAt)
        throw new DomainError(ErrorCode.NOT_ACCREDITED, 'Only accredited delegates can sit on committees', 'input.delegateId');
      if (!(await this.members.insertIfAbsent(committee.id, delegate.id))) {
        throw new DomainError(ErrorCode.ALREADY_EXISTS, 'The delegate already sits on this committee', 'input.delegateId');
      }
      await this.ledger.append(committee.councilId, actor.actorRef, 'COMMITTEE_MEMBER_ADDED', {
        committeeId: committee.id,
        delegateId: delegate.id,
      });
      return committee;
    });
  }

  remove(actor: Actor, input: CommitteeMemberInput): Promise<CommitteeEntity> {
    return this.db.transaction(async () => {
      const { committee, delegate } = await this.lockPair(actor, input);
      const removed = await this.members.delete(committee.id, delegate.id);
      if (!removed) throw notMember('input.delegateId');
      await this.ledger.append(committee.councilId, actor.actorRef, 'COMMITTEE_MEMBER_REMOVED', {
        committeeId: committee.id,
        delegateId: delegate.id,
        wasChair: removed.chair,
        reason: 'REMOVED',
      });
      return committee;
    });
  }

  /** Names a member chair; the previous chair stays a member. */
  setChair(actor: Actor, input: CommitteeMemberInput): Promise<CommitteeEntity> {
    return this.db.transaction(async () => {
      const { committee, delegate } = await this.lockPair(actor, input);
      const previous = await this.members.findChair(committee.id);
      if (previous?.delegateId === delegate.id) return committee;
      if (!(await this.members.setChair(committee.id, delegate.id))) throw notMember('input.delegateId');
      await this.ledger.append(committee.councilId, actor.actorRef, 'COMMITTEE_CHAIR_NAMED', {
        committeeId: committee.id,
        delegateId: delegate.id,
        previousChairId: previous?.delegateId ?? null,
      });
      return committee;
    });
  }

  /** A delegate who loses accreditation leaves every committee, in the same transaction. */
  async removeFromAll(delegate: DelegateEntity, actorRef: string): Promise<void> {
    for (const seat of await this.members.deleteAllOf(delegate.id)) {
      await this.ledger.append(delegate.councilId, actorRef, 'COMMITTEE_MEMBER_REMOVED', {
        committeeId: seat.committeeId,
        delegateId: delegate.id,
        wasChair: seat.chair,
        reason: 'ACCREDITATION_WITHDRAWN',
      });
    }
  }

  private async lockPair(actor: Actor, input: CommitteeMemberInput): Promise<{ committee: CommitteeEntity; delegate: DelegateEntity }> {
    const committee = await this.committees.getForUpdate(input.committeeId, 'input.committeeId');
    if (committee.councilId !== actor.councilId) throw forbidden('You can only manage committees of your own council');
    const [locked] = await this.delegates.lockForUpdate([input.delegateId]);
    const delegate = locked ? await this.delegates.findById(locked) : null;
    if (!delegate) throw notFound('Delegate', 'input.delegateId');
    if (delegate.councilId !== committee.councilId) throw forbidden('The delegate belongs to another council');
    return { committee, delegate };
  }
}
