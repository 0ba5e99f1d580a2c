import { Injectable } from '@nestjs/common';
import { Actor, badInput, forbidden, notFound } from '@gc/common';
import { Db } from '@gc/db';
import { LedgerService } from '@gc/ledger';
import { DelegateService, SeatingService } from '@gc/mandates';
import { AmendmentEntity, AmendmentStatus } from './amendment.entity';
import { AmendmentRepository } from './amendment.repository';
import { amendmentWrongState, notAmendable, notSeated } from './resolution.errors';
import { ProposeAmendmentInput } from './resolution.inputs';
import { ResolutionRepository } from './resolution.repository';
import { AMENDABLE, AMENDMENT_WITHDRAWABLE } from './resolution.rules';
import { isVisibleTo, textSha256 } from './resolution.service';

@Injectable()
export class AmendmentService {
  constructor(
    private readonly db: Db,
    private readonly amendments: AmendmentRepository,
    private readonly resolutions: ResolutionRepository,
    private readonly delegates: DelegateService,
    private readonly seating: SeatingService,
    private readonly ledger: LedgerService,
  ) {}

  async get(id: string, actor: Actor | null, field = 'id'): Promise<AmendmentEntity> {
    const amendment = await this.amendments.findById(id);
    const resolution = amendment && (await this.resolutions.findById(amendment.resolutionId));
    if (!amendment || !resolution || !isVisibleTo(resolution, actor)) throw notFound('Amendment', field);
    return amendment;
  }

  /**
   * A seated delegate proposes a new text for a SUBMITTED or ON_AGENDA resolution, written against its latest
   * version. The resolution is locked, so the base version cannot move while the amendment is recorded.
   */
  propose(actor: Actor, input: ProposeAmendmentInput): Promise<AmendmentEntity> {
    return this.db.transaction(async () => {
      const delegate = await this.delegates.mine(actor);
      if (!(await this.seating.isSeatedNow(delegate.id))) throw notSeated('propose amendments');
      const resolution = await this.resolutions.lockForUpdate(input.resolutionId);
      if (!resolution || resolution.councilId !== delegate.councilId || !isVisibleTo(resolution, actor)) {
        throw notFound('Resolution', 'input.resolutionId');
      }
      if (!AMENDABLE.includes(resolution.status)) throw notAmendable(resolution.status);
      const latest = await this.resolutions.latestVersion(resolution.id);
      const text = input.text.trim();
      if (text === latest.text) throw badInput('input.text', 'The amendment must change the text of the latest version');
      const amendment = await this.amendments.insert({
        councilId: resolution.councilId,
        resolutionId: resolution.id,
        proposedByDelegateId: delegate.id,
        baseVersion: latest.version,
        text,
        rationale: input.rationale?.trim() || null,
        status: AmendmentStatus.SUBMITTED,
        proposedAt: new Date(),
      });
      await this.ledger.append(resolution.councilId, actor.actorRef, 'AMENDMENT_PROPOSED', {
        amendmentId: amendment.id,
        resolutionId: resolution.id,
        proposedBy: delegate.id,
        baseVersion: latest.version,
        textSha256: textSha256(text),
      });
      return amendment;
    });
  }

  /** Its proposer withdraws it before its vote opens. */
  withdraw(actor: Actor, amendmentId: string): Promise<AmendmentEntity> {
    return this.db.transaction(async () => {
      const delegate = await this.delegates.mine(actor);
      const found = await this.amendments.findById(amendmentId);
      if (!found || found.councilId !== delegate.councilId) throw notFound('Amendment', 'amendmentId');
      // Resolution first, then amendment: the order every change of the two takes.
      await this.resolutions.lockForUpdate(found.resolutionId);
      const amendment = (await this.amendments.lockForUpdate(found.id))!;
      if (amendment.proposedByDelegateId !== delegate.id) throw forbidden('Only the delegate who proposed this amendment may withdraw it');
      if (!AMENDMENT_WITHDRAWABLE.includes(amendment.status)) throw amendmentWrongState(amendment.status, 'withdrawn');
      const values = { status: AmendmentStatus.WITHDRAWN, decidedAt: new Date() };
      await this.amendments.update(amendment.id, values);
      await this.ledger.append(amendment.councilId, actor.actorRef, 'AMENDMENT_WITHDRAWN', { amendmentId: amendment.id });
      return { ...amendment, ...values };
    });
  }
}
