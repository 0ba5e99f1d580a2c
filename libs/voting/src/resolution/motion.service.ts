import { Injectable } from '@nestjs/common';
import { notFound } from '@gc/common';
import { LedgerService } from '@gc/ledger';
import { VoteOutcome } from '../vote/vote.entity';
import { amendmentOutdated, amendmentsPending, voteAlreadyOpen } from '../vote/vote.errors';
import { AmendmentEntity, AmendmentStatus } from './amendment.entity';
import { AmendmentRepository } from './amendment.repository';
import { ResolutionEntity, ResolutionStatus } from './resolution.entity';
import { amendmentWrongState, resolutionWrongState } from './resolution.errors';
import { formatResolutionNumber, numberingYear } from './resolution-number';
import { ResolutionRepository } from './resolution.repository';
import { AMENDABLE, AMENDMENT_PENDING, AMENDMENT_UNSCHEDULED } from './resolution.rules';

/** What a vote is on: a resolution, or one of its amendments. */
export interface Motion {
  resolutionId: string;
  amendmentId: string | null;
}

export interface MotionDecided {
  /** The permanent number of a resolution just adopted. */
  number: string | null;
  /** The text version an adopted amendment produced. */
  producedVersion: number | null;
}

/**
 * The resolution side of a vote: whether a motion may be put to the vote, and what its result does to the
 * resolution (its number) or the amendment (the next text version). Runs inside the vote's transaction.
 */
@Injectable()
export class MotionService {
  constructor(
    private readonly resolutions: ResolutionRepository,
    private readonly amendments: AmendmentRepository,
    private readonly ledger: LedgerService,
  ) {}

  /** Locks the resolution, the first lock any change of a resolution, its amendments or its votes takes. */
  async lockResolution(resolutionId: string): Promise<ResolutionEntity> {
    const resolution = await this.resolutions.lockForUpdate(resolutionId);
    if (!resolution) throw notFound('Resolution');
    return resolution;
  }

  /**
   * Checks the motion can be voted now and moves it to VOTING; returns the text version the vote is on.
   * An amendment must rewrite the latest version; a resolution must have no amendment left on an agenda
   * (amendments are voted first), and amendments never placed on one lapse.
   */
  async startVoting(motion: Motion, at: Date, actorRef: string): Promise<number> {
    const resolution = await this.lockResolution(motion.resolutionId);
    const latest = await this.resolutions.latestVersion(resolution.id);
    if (motion.amendmentId) {
      const amendment = (await this.amendments.lockForUpdate(motion.amendmentId))!;
      if (amendment.status === AmendmentStatus.VOTING) throw voteAlreadyOpen('input.agendaItemId');
      if (!AMENDABLE.includes(resolution.status)) throw resolutionWrongState(resolution.status, 'amended any more', 'input.agendaItemId');
      if (amendment.status !== AmendmentStatus.ON_AGENDA)
        throw amendmentWrongState(amendment.status, 'put to the vote', 'input.agendaItemId');
      if (amendment.baseVersion !== latest.version) throw amendmentOutdated(amendment.baseVersion, latest.version);
      await this.amendments.update(amendment.id, { status: AmendmentStatus.VOTING });
      return amendment.baseVersion;
    }
    if (resolution.status === ResolutionStatus.VOTING) throw voteAlreadyOpen('input.agendaItemId');
    if (resolution.status !== ResolutionStatus.ON_AGENDA)
      throw resolutionWrongState(resolution.status, 'put to the vote', 'input.agendaItemId');
    const pending = await this.amendments.inStates(resolution.id, AMENDMENT_PENDING);
    if (pending.length) throw amendmentsPending(pending.map((a) => a.id));
    await this.resolutions.update(resolution.id, { status: ResolutionStatus.VOTING });
    const lapsed = await this.amendments.moveAll(resolution.id, AMENDMENT_UNSCHEDULED, AmendmentStatus.LAPSED, at);
    if (lapsed.length) {
      await this.ledger.append(resolution.councilId, actorRef, 'AMENDMENTS_LAPSED', { resolutionId: resolution.id, amendmentIds: lapsed });
    }
    return latest.version;
  }

  /**
   * Applies a closed vote's outcome, the resolution being locked: an adopted amendment becomes the next
   * immutable text version; an adopted resolution gets the next number of the council's year.
   */
  async finishVoting(
    motion: Motion,
    councilId: string,
    textVersion: number,
    outcome: VoteOutcome,
    at: Date,
    actorRef: string,
  ): Promise<MotionDecided> {
    const adopted = outcome === VoteOutcome.ADOPTED;
    if (motion.amendmentId) {
      const amendment = (await this.amendments.lockForUpdate(motion.amendmentId)) as AmendmentEntity;
      const producedVersion = adopted ? await this.resolutions.addVersion(motion.resolutionId, amendment.text, amendment.id) : null;
      await this.amendments.update(amendment.id, {
        status: adopted ? AmendmentStatus.ADOPTED : AmendmentStatus.REJECTED,
        decidedAt: at,
        producedVersion,
      });
      await this.ledger.append(councilId, actorRef, adopted ? 'AMENDMENT_ADOPTED' : 'AMENDMENT_REJECTED', {
        amendmentId: amendment.id,
        resolutionId: motion.resolutionId,
        producedVersion,
      });
      return { number: null, producedVersion };
    }
    if (!adopted) {
      await this.resolutions.update(motion.resolutionId, { status: ResolutionStatus.REJECTED, decidedAt: at });
      await this.ledger.append(councilId, actorRef, 'RESOLUTION_REJECTED', { resolutionId: motion.resolutionId, version: textVersion });
      return { number: null, producedVersion: null };
    }
    const year = numberingYear(at);
    const seq = await this.resolutions.nextNumber(councilId, year);
    await this.resolutions.update(motion.resolutionId, {
      status: ResolutionStatus.ADOPTED,
      decidedAt: at,
      numberYear: year,
      numberSeq: seq,
      adoptedVersion: textVersion,
    });
    const number = formatResolutionNumber(year, seq);
    await this.ledger.append(councilId, actorRef, 'RESOLUTION_ADOPTED', {
      resolutionId: motion.resolutionId,
      number,
      version: textVersion,
    });
    return { number, producedVersion: null };
  }
}
