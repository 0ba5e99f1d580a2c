import { Injectable, OnModuleInit } from '@nestjs/common';
import { Actor, badInput, notFound, Page } from '@gc/common';
import { CouncilService } from '@gc/council';
import { Db } from '@gc/db';
import { EventBus } from '@gc/events';
import { CheckpointReason, CheckpointService, LedgerService, SYSTEM_ACTOR } from '@gc/ledger';
import { DelegateService, SeatChange, SeatChangeNotifier, SeatingService } from '@gc/mandates';
import { SessionEntity, SessionKind, SessionService } from '@gc/sessions';
import { signaturesNeeded, twoThirdsMet } from '../threshold/two-thirds';
import { PetitionEntity, PetitionStatus } from './petition.entity';
import { alreadySigned, notSeated, petitionExpired, petitionNotOpen, signatureNotFound, thresholdNotMet } from './petition.errors';
import { ConveneSpecialSessionInput, OpenPetitionInput } from './petition.inputs';
import { PetitionRepository } from './petition.repository';
import { addDays, effectiveStatus } from './petition.rules';

export interface PetitionProgress {
  petitionId: string;
  status: PetitionStatus;
  seated: number;
  validSignatures: number;
  /** How many more signatures of seated delegates would meet the threshold now; null when none could. */
  signaturesStillNeeded: number | null;
}

export const progressTopic = (petitionId: string) => `petition:${petitionId}`;

@Injectable()
export class PetitionService implements OnModuleInit {
  constructor(
    private readonly db: Db,
    private readonly petitions: PetitionRepository,
    private readonly councils: CouncilService,
    private readonly delegates: DelegateService,
    private readonly sessions: SessionService,
    private readonly ledger: LedgerService,
    private readonly checkpoints: CheckpointService,
    private readonly events: EventBus,
    private readonly seatChanges: SeatChangeNotifier,
    private readonly seating: SeatingService,
  ) {}

  /** Seating changes alter S (and maybe V): every open petition of the council is checked again. */
  onModuleInit(): void {
    this.seatChanges.register((changes) => this.recheckAfterSeatChanges(changes));
  }

  async get(id: string, field = 'id'): Promise<PetitionEntity> {
    const petition = await this.petitions.findById(id);
    if (!petition) throw notFound('Petition', field);
    return petition;
  }

  async page(
    councilId: string | undefined,
    statuses: PetitionStatus[] | undefined,
    limit: number,
    offset: number,
  ): Promise<Page<PetitionEntity>> {
    const council = await this.councils.get(councilId);
    const [items, totalCount] = await this.petitions.page(council.id, statuses, limit, offset);
    return { items, totalCount };
  }

  open(actor: Actor, input: OpenPetitionInput): Promise<PetitionEntity> {
    return this.db.transaction(async () => {
      const delegate = await this.seatedDelegate(actor);
      const council = await this.councils.get(delegate.councilId);
      const days = input.expiresInDays ?? council.settings.petitionExpiryDays;
      if (days > council.settings.petitionMaxExpiryDays) {
        throw badInput('input.expiresInDays', `A petition may run for at most ${council.settings.petitionMaxExpiryDays} days`);
      }
      const openedAt = new Date();
      const petition = await this.petitions.insert({
        councilId: council.id,
        openedByDelegateId: delegate.id,
        purpose: input.purpose.trim(),
        proposedAgenda: input.proposedAgenda.map((item) => item.trim()),
        status: PetitionStatus.OPEN,
        openedAt,
        expiresAt: addDays(openedAt, days),
      });
      await this.ledger.append(council.id, actor.actorRef, 'PETITION_OPENED', {
        petitionId: petition.id,
        openedBy: delegate.id,
        expiresAt: petition.expiresAt.toISOString(),
        agendaItems: petition.proposedAgenda.length,
      });
      return petition;
    });
  }

  /**
   * Signs for the signed-in seated delegate. The petition row is locked first, so signatures of one
   * petition are counted one at a time and the threshold is crossed by exactly one of them.
   */
  sign(actor: Actor, petitionId: string): Promise<PetitionProgress> {
    return this.db.transaction(async () => {
      const delegate = await this.seatedDelegate(actor);
      const petition = await this.lockOpen(petitionId, delegate.councilId);
      if (!(await this.petitions.addSignature(petition.id, delegate.id))) throw alreadySigned();
      await this.ledger.append(petition.councilId, actor.actorRef, 'PETITION_SIGNED', { petitionId: petition.id, delegateId: delegate.id });
      return this.evaluate(petition, actor.actorRef);
    });
  }

  withdrawSignature(actor: Actor, petitionId: string): Promise<PetitionProgress> {
    return this.db.transaction(async () => {
      const delegate = await this.delegates.mine(actor);
      const petition = await this.lockOpen(petitionId, delegate.councilId);
      if (!(await this.petitions.removeSignature(petition.id, delegate.id))) throw signatureNotFound();
      await this.ledger.append(petition.councilId, actor.actorRef, 'PETITION_SIGNATURE_WITHDRAWN', {
        petitionId: petition.id,
        delegateId: delegate.id,
      });
      return this.evaluate(petition, actor.actorRef);
    });
  }

  /** Convenes the special session a met petition asked for, and records it on the petition. */
  conveneSpecialSession(actor: Actor, input: ConveneSpecialSessionInput): Promise<{ petition: PetitionEntity; session: SessionEntity }> {
    return this.db.transaction(async () => {
      const petition = await this.petitions.lockForUpdate(input.petitionId);
      if (!petition || petition.councilId !== actor.councilId) throw notFound('Petition', 'input.petitionId');
      const status = effectiveStatus(petition, new Date());
      if (status !== PetitionStatus.THRESHOLD_MET) throw thresholdNotMet(status);
      const session = await this.sessions.convene(
        actor,
        { ...input, councilId: petition.councilId, kind: SessionKind.SPECIAL, agenda: input.agenda ?? petition.proposedAgenda },
        { petitionId: petition.id },
      );
      const convenedAt = new Date();
      await this.petitions.markConvened(petition.id, session.id, convenedAt);
      await this.ledger.append(petition.councilId, actor.actorRef, 'PETITION_CONVENED', { petitionId: petition.id, sessionId: session.id });
      await this.publishProgress({ ...petition, status: PetitionStatus.CONVENED });
      return { petition: { ...petition, status: PetitionStatus.CONVENED, convenedSessionId: session.id, convenedAt }, session };
    });
  }

  /** Current progress of a petition as the public sees it. */
  async progress(petition: PetitionEntity): Promise<PetitionProgress> {
    const { seated, validSignatures } = await this.petitions.standing(petition.id, petition.councilId);
    return toProgress(petition.id, effectiveStatus(petition, new Date()), seated, validSignatures);
  }

  toProgress(petitionId: string, status: PetitionStatus, seated: number, validSignatures: number): PetitionProgress {
    return toProgress(petitionId, status, seated, validSignatures);
  }

  /** Materializes expiries; safe to run on several instances at once (each petition is written once). */
  expireDue(): Promise<number> {
    return this.db.transaction(async () => {
      const expired = await this.petitions.expireDue();
      for (const petition of expired) {
        await this.ledger.append(petition.councilId, SYSTEM_ACTOR, 'PETITION_EXPIRED', {
          petitionId: petition.id,
          expiredAt: petition.expiresAt.toISOString(),
        });
        const row = await this.petitions.findById(petition.id);
        if (row) await this.publishProgress(row);
      }
      return expired.length;
    });
  }

  private async seatedDelegate(actor: Actor) {
    const delegate = await this.delegates.mine(actor);
    if (!(await this.seating.isSeatedNow(delegate.id))) throw notSeated();
    return delegate;
  }

  private async lockOpen(petitionId: string, councilId: string): Promise<PetitionEntity> {
    const petition = await this.petitions.lockForUpdate(petitionId);
    if (!petition || petition.councilId !== councilId) throw notFound('Petition', 'petitionId');
    const status = effectiveStatus(petition, new Date());
    if (status === PetitionStatus.EXPIRED) throw petitionExpired();
    if (status !== PetitionStatus.OPEN) throw petitionNotOpen(status);
    return petition;
  }

  /**
   * With the petition row locked: count S and V now, and if 3V >= 2S move OPEN -> THRESHOLD_MET, freezing
   * the snapshot and writing one ledger entry. The conditional UPDATE guards the transition a second time.
   */
  private async evaluate(petition: PetitionEntity, actorRef: string): Promise<PetitionProgress> {
    const { seated, validSignatures: valid } = await this.petitions.standing(petition.id, petition.councilId);
    let status = PetitionStatus.OPEN;
    if (twoThirdsMet(valid, seated)) {
      const council = await this.councils.get(petition.councilId);
      const at = new Date();
      const signers = await this.petitions.validSigners(petition.id);
      const conveneDeadline = addDays(at, council.settings.specialSessionConveneDays);
      if (await this.petitions.markThresholdMet(petition.id, { seated, validSignatures: valid, signers, at, conveneDeadline })) {
        status = PetitionStatus.THRESHOLD_MET;
        await this.ledger.append(petition.councilId, actorRef, 'PETITION_THRESHOLD_MET', {
          petitionId: petition.id,
          seated,
          validSignatures: valid,
          signers,
          at: at.toISOString(),
          conveneDeadline: conveneDeadline.toISOString(),
        });
        // A signed checkpoint covering the crossing, committed with it.
        this.checkpoints.checkpointAtCommit(petition.councilId, CheckpointReason.PETITION_THRESHOLD);
      }
    }
    const progress = toProgress(petition.id, status, seated, valid);
    this.events.publish(progressTopic(petition.id), progress);
    return progress;
  }

  private async recheckAfterSeatChanges(changes: readonly SeatChange[]): Promise<void> {
    const councilIds = [...new Set(changes.map((change) => change.councilId))];
    for (const petitionId of await this.petitions.openIds(councilIds)) {
      const petition = await this.petitions.lockForUpdate(petitionId);
      if (petition && effectiveStatus(petition, new Date()) === PetitionStatus.OPEN) await this.evaluate(petition, SYSTEM_ACTOR);
    }
  }

  private async publishProgress(petition: PetitionEntity): Promise<void> {
    this.events.publish(progressTopic(petition.id), await this.progress(petition));
  }
}

function stillNeeded(status: PetitionStatus, seated: number, validSignatures: number): number | null {
  if (status === PetitionStatus.THRESHOLD_MET || status === PetitionStatus.CONVENED) return 0;
  const needed = signaturesNeeded(seated);
  if (status === PetitionStatus.EXPIRED || needed === null) return null;
  return Math.max(0, needed - validSignatures);
}

function toProgress(petitionId: string, status: PetitionStatus, seated: number, validSignatures: number): PetitionProgress {
  return { petitionId, status, seated, validSignatures, signaturesStillNeeded: stillNeeded(status, seated, validSignatures) };
}
