import { Injectable } from '@nestjs/common';
import { Actor, DomainError, ErrorCode, notFound } from '@gc/common';
import { AccountService, Invitation } from '@gc/auth';
import { DelegationService } from '@gc/council';
import { Db } from '@gc/db';
import { LedgerService } from '@gc/ledger';
import { CommitteeMembershipService } from '../committee-membership/committee-membership.service';
import { assertCoordinatorOf } from '../delegation-access';
import { MandateExpiryService } from '../mandate/mandate-expiry.service';
import { SeatChangeReason } from '../seating/seat-history.entity';
import { SeatingService } from '../seating/seating.service';
import { DelegateEntity } from './delegate.entity';
import { CreateDelegateInput, CreateDelegateLoginInput, DelegateInput } from './delegate.inputs';
import { DelegateRepository } from './delegate.repository';

@Injectable()
export class DelegateService {
  constructor(
    private readonly db: Db,
    private readonly delegates: DelegateRepository,
    private readonly delegations: DelegationService,
    private readonly accounts: AccountService,
    private readonly expiry: MandateExpiryService,
    private readonly seating: SeatingService,
    private readonly committeeSeats: CommitteeMembershipService,
    private readonly ledger: LedgerService,
  ) {}

  async get(id: string, field = 'id'): Promise<DelegateEntity> {
    const delegate = await this.delegates.findById(id);
    if (!delegate) throw notFound('Delegate', field);
    return delegate;
  }

  /** Every delegate's id and name in a delegation. */
  names(delegationId: string): Promise<Pick<DelegateEntity, 'id' | 'displayName'>[]> {
    return this.delegates.names(delegationId);
  }

  /** The signed-in delegate's own record. */
  async mine(actor: Actor): Promise<DelegateEntity> {
    const delegate = await this.delegates.findByUserId(actor.userId);
    if (!delegate) throw notFound('Delegate');
    return delegate;
  }

  create(actor: Actor, input: CreateDelegateInput): Promise<DelegateEntity> {
    return this.db.transaction(async () => {
      const delegation = await this.delegations.get(input.delegationId, 'input.delegationId');
      assertCoordinatorOf(actor, delegation.id);
      const delegate = await this.delegates.insertIfNameFree({
        councilId: delegation.councilId,
        delegationId: delegation.id,
        displayName: input.displayName.trim(),
        publicAlias: input.publicAlias?.trim() || null,
      });
      if (!delegate)
        throw new DomainError(ErrorCode.ALREADY_EXISTS, 'The delegation already has a delegate of this name', 'input.displayName');
      // Ids only: names are public today, but the ledger keeps everything forever.
      await this.ledger.append(delegation.councilId, actor.actorRef, 'DELEGATE_CREATED', {
        delegateId: delegate.id,
        delegationId: delegation.id,
      });
      return delegate;
    });
  }

  accredit(actor: Actor, input: DelegateInput): Promise<DelegateEntity> {
    return this.changeAccreditation(actor, input, true);
  }

  withdrawAccreditation(actor: Actor, input: DelegateInput): Promise<DelegateEntity> {
    return this.changeAccreditation(actor, input, false);
  }

  /** Creates the delegate's sign-in account; the coordinator hands over the one-time activation token. */
  createLogin(actor: Actor, input: CreateDelegateLoginInput): Promise<Invitation & { delegate: DelegateEntity }> {
    return this.db.transaction(async () => {
      const delegate = await this.lockManaged(actor, input.delegateId);
      if (delegate.userId) throw new DomainError(ErrorCode.ALREADY_EXISTS, 'This delegate already has a login', 'input.delegateId');
      const invitation = await this.accounts.inviteDelegate(
        { id: delegate.delegationId, councilId: delegate.councilId },
        delegate.displayName,
        input.email,
      );
      await this.delegates.update(delegate.id, { userId: invitation.user.id });
      await this.ledger.append(delegate.councilId, actor.actorRef, 'DELEGATE_LOGIN_CREATED', { delegateId: delegate.id });
      return { ...invitation, delegate: { ...delegate, userId: invitation.user.id } };
    });
  }

  private changeAccreditation(actor: Actor, input: DelegateInput, accredit: boolean): Promise<DelegateEntity> {
    return this.db.transaction(async () => {
      const delegate = await this.lockManaged(actor, input.delegateId);
      if ((delegate.accreditedAt !== null) === accredit) {
        throw new DomainError(
          ErrorCode.CONFLICT,
          accredit ? 'The delegate is already accredited' : 'The delegate is not accredited',
          'input.delegateId',
        );
      }
      const accreditedAt = accredit ? new Date() : null;
      await this.delegates.update(delegate.id, { accreditedAt });
      if (!accredit) await this.committeeSeats.removeFromAll(delegate, actor.actorRef);
      await this.ledger.append(delegate.councilId, actor.actorRef, accredit ? 'DELEGATE_ACCREDITED' : 'DELEGATE_ACCREDITATION_WITHDRAWN', {
        delegateId: delegate.id,
      });
      await this.seating.reevaluate(
        [delegate.id],
        accredit ? SeatChangeReason.ACCREDITED : SeatChangeReason.ACCREDITATION_WITHDRAWN,
        actor.actorRef,
      );
      return { ...delegate, accreditedAt };
    });
  }

  /** The delegate, after the row-level check, locked and with its due expiries recorded. */
  private async lockManaged(actor: Actor, delegateId: string): Promise<DelegateEntity> {
    const found = await this.get(delegateId, 'input.delegateId');
    assertCoordinatorOf(actor, found.delegationId);
    await this.expiry.settle([found.id]);
    return (await this.delegates.findById(found.id))!;
  }
}
