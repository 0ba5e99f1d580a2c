import { Injectable } from '@nestjs/common';
import { Actor, badInput, notFound } from '@gc/common';
import { Db } from '@gc/db';
import { LedgerService } from '@gc/ledger';
import { ConstituentEntity } from '../constituent/constituent.entity';
import { ConstituentService } from '../constituent/constituent.service';
import { DelegateEntity } from '../delegate/delegate.entity';
import { DelegateService } from '../delegate/delegate.service';
import { SeatChangeReason } from '../seating/seat-history.entity';
import { SeatingService } from '../seating/seating.service';
import { MandateExpiryService } from './mandate-expiry.service';
import { MandateEntity, MandateStatus } from './mandate.entity';
import { delegateOtherDelegation, mandateAlreadyActive, mandateNotActive, sameDelegate } from './mandate.errors';
import { IssueMandateInput, RevokeMandateInput, TransferMandateInput } from './mandate.inputs';
import { MandateModel, toMandateModel } from './mandate.model';
import { MandateRepository, NewMandate } from './mandate.repository';

/**
 * Every change here follows one order: lock the constituent, then settle (lock and bring up to date) the
 * delegates it touches, then write, then re-derive those delegates' seats in the same transaction.
 */
@Injectable()
export class MandateService {
  constructor(
    private readonly db: Db,
    private readonly mandates: MandateRepository,
    private readonly constituents: ConstituentService,
    private readonly delegates: DelegateService,
    private readonly expiry: MandateExpiryService,
    private readonly seating: SeatingService,
    private readonly ledger: LedgerService,
  ) {}

  issue(actor: Actor, input: IssueMandateInput): Promise<MandateModel> {
    return this.db.transaction(async () => {
      const expiresAt = input.expiresAt ? futureExpiry(input.expiresAt, 'input.expiresAt') : null;
      const constituent = await this.constituents.getManaged(actor, input.constituentId, 'input.constituentId', true);
      const delegate = await this.delegateOf(constituent, input.delegateId, 'input.delegateId');
      const current = await this.mandates.findStoredActive(constituent.id);
      await this.expiry.settle([delegate.id, ...(current ? [current.delegateId] : [])]);
      const mandate = await this.mandates.insertActive({
        delegationId: constituent.delegationId,
        constituentId: constituent.id,
        delegateId: delegate.id,
        expiresAt,
      });
      if (!mandate) throw mandateAlreadyActive('input.constituentId');
      const councilId = delegate.councilId;
      await this.ledger.append(councilId, actor.actorRef, 'MANDATE_ISSUED', {
        mandateId: mandate.id,
        constituent: constituent.ref,
        delegateId: delegate.id,
        expiresAt: expiresAt?.toISOString() ?? null,
      });
      await this.seating.reevaluate([delegate.id], SeatChangeReason.MANDATE_ISSUED, actor.actorRef);
      return toMandateModel(mandate, constituent.ref);
    });
  }

  revoke(actor: Actor, input: RevokeMandateInput): Promise<MandateModel> {
    return this.db.transaction(async () => {
      const { mandate, constituent } = await this.managed(actor, input.mandateId);
      await this.expiry.settle([mandate.delegateId]);
      if (!(await this.mandates.end(mandate.id, MandateStatus.REVOKED))) throw mandateNotActive('input.mandateId');
      const delegate = await this.delegates.get(mandate.delegateId);
      await this.ledger.append(delegate.councilId, actor.actorRef, 'MANDATE_REVOKED', {
        mandateId: mandate.id,
        constituent: constituent.ref,
        delegateId: delegate.id,
        reason: 'REVOKED',
      });
      await this.seating.reevaluate([delegate.id], SeatChangeReason.MANDATE_REVOKED, actor.actorRef);
      return toMandateModel((await this.mandates.findById(mandate.id))!, constituent.ref);
    });
  }

  /** Supersedes the mandate and issues its successor to another delegate, in one step: never none and never two ACTIVE. */
  transfer(actor: Actor, input: TransferMandateInput): Promise<MandateModel> {
    return this.db.transaction(async () => {
      const requestedExpiry = input.expiresAt ? futureExpiry(input.expiresAt, 'input.expiresAt') : null;
      const { mandate, constituent } = await this.managed(actor, input.mandateId);
      const target = await this.delegateOf(constituent, input.toDelegateId, 'input.toDelegateId');
      if (target.id === mandate.delegateId) throw sameDelegate('input.toDelegateId');
      await this.expiry.settle([mandate.delegateId, target.id]);
      if (!(await this.mandates.end(mandate.id, MandateStatus.SUPERSEDED))) throw mandateNotActive('input.mandateId');
      const expiresAt = requestedExpiry ?? mandate.expiresAt;
      const successor = await this.mandates.insertActive({
        delegationId: constituent.delegationId,
        constituentId: constituent.id,
        delegateId: target.id,
        expiresAt,
      });
      if (!successor) throw mandateAlreadyActive('input.mandateId');
      await this.mandates.linkSuccessor(mandate.id, successor.id);
      await this.ledger.append(target.councilId, actor.actorRef, 'MANDATE_TRANSFERRED', {
        mandateId: successor.id,
        supersededMandateId: mandate.id,
        constituent: constituent.ref,
        fromDelegateId: mandate.delegateId,
        toDelegateId: target.id,
        expiresAt: expiresAt?.toISOString() ?? null,
      });
      await this.seating.reevaluate([mandate.delegateId, target.id], SeatChangeReason.MANDATE_TRANSFERRED, actor.actorRef);
      return toMandateModel(successor, constituent.ref);
    });
  }

  /** Revokes the constituent's active mandate, if any, as part of their erasure. Returns how many were revoked. */
  async revokeForErasure(constituent: ConstituentEntity, actorRef: string): Promise<number> {
    const current = await this.mandates.findStoredActive(constituent.id);
    if (!current) return 0;
    await this.expiry.settle([current.delegateId]);
    if (!(await this.mandates.end(current.id, MandateStatus.REVOKED))) return 0;
    const delegate = await this.delegates.get(current.delegateId);
    await this.ledger.append(delegate.councilId, actorRef, 'MANDATE_REVOKED', {
      mandateId: current.id,
      constituent: constituent.ref,
      delegateId: delegate.id,
      reason: 'ERASURE',
    });
    await this.seating.reevaluate([delegate.id], SeatChangeReason.CONSTITUENT_ERASED, actorRef);
    return 1;
  }

  /** Issues mandates for constituents registered in the same transaction (an import): one statement, one seat re-derivation. */
  async issueMany(actorRef: string, rows: readonly NewMandate[]): Promise<void> {
    const delegateIds = [...new Set(rows.map((row) => row.delegateId))];
    await this.expiry.settle(delegateIds);
    await this.mandates.insertActiveMany(rows);
    await this.seating.reevaluate(delegateIds, SeatChangeReason.MANDATES_IMPORTED, actorRef);
  }

  /** A mandate of a constituent the actor coordinates, with that constituent locked. */
  private async managed(actor: Actor, mandateId: string): Promise<{ mandate: MandateEntity; constituent: ConstituentEntity }> {
    const mandate = await this.mandates.findById(mandateId);
    if (!mandate) throw notFound('Mandate', 'input.mandateId');
    const constituent = await this.constituents.getManaged(actor, mandate.constituentId, 'input.mandateId', true);
    return { mandate, constituent };
  }

  private async delegateOf(constituent: ConstituentEntity, delegateId: string, field: string): Promise<DelegateEntity> {
    const delegate = await this.delegates.get(delegateId, field);
    if (delegate.delegationId !== constituent.delegationId) throw delegateOtherDelegation(field);
    return delegate;
  }
}

function futureExpiry(expiresAt: Date, field: string): Date {
  if (expiresAt.getTime() <= Date.now()) throw badInput(field, 'expiresAt must be in the future');
  return expiresAt;
}
