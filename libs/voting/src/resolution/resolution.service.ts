import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, DomainError, ErrorCode, forbidden, notFound, Page } from '@gc/common';
import { CommitteeService, CouncilService } from '@gc/council';
import { Db } from '@gc/db';
import { LedgerService } from '@gc/ledger';
import { DelegateEntity, DelegateService, SeatingService } from '@gc/mandates';
import { AmendmentStatus } from './amendment.entity';
import { AmendmentRepository } from './amendment.repository';
import { ResolutionEntity, ResolutionStatus } from './resolution.entity';
import { notCommitteeChair, notEnoughSponsors, notSeated, resolutionWrongState } from './resolution.errors';
import { DraftResolutionInput } from './resolution.inputs';
import { parseResolutionNumber } from './resolution-number';
import { ResolutionRepository } from './resolution.repository';
import { AMENDMENT_PLACEABLE, hasEnoughSponsors, WITHDRAWABLE } from './resolution.rules';
import { voteAlreadyOpen } from '../vote/vote.errors';

export const textSha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** Drafts are readable by signed-in users (delegates must find them to sponsor them); everything else is public. */
export const isVisibleTo = (resolution: ResolutionEntity, actor: Actor | null): boolean =>
  actor !== null || resolution.submittedAt !== null;

@Injectable()
export class ResolutionService {
  constructor(
    private readonly db: Db,
    private readonly resolutions: ResolutionRepository,
    private readonly amendments: AmendmentRepository,
    private readonly councils: CouncilService,
    private readonly committees: CommitteeService,
    private readonly delegates: DelegateService,
    private readonly seating: SeatingService,
    private readonly ledger: LedgerService,
  ) {}

  async get(id: string, actor: Actor | null, field = 'id'): Promise<ResolutionEntity> {
    const resolution = await this.resolutions.findById(id);
    if (!resolution || !isVisibleTo(resolution, actor)) throw notFound('Resolution', field);
    return resolution;
  }

  /** An adopted resolution by its permanent number (GC-2026-1). */
  async byNumber(number: string, councilId: string | undefined): Promise<ResolutionEntity> {
    const parsed = parseResolutionNumber(number);
    if (!parsed) throw new DomainError(ErrorCode.BAD_USER_INPUT, 'A resolution number looks like GC-2026-1', 'number');
    const council = await this.councils.get(councilId);
    const resolution = await this.resolutions.findByNumber(council.id, parsed.year, parsed.seq);
    if (!resolution) throw notFound('Resolution', 'number');
    return resolution;
  }

  async page(
    actor: Actor | null,
    councilId: string | undefined,
    statuses: ResolutionStatus[] | undefined,
    limit: number,
    offset: number,
  ): Promise<Page<ResolutionEntity>> {
    const council = await this.councils.get(councilId);
    const [items, totalCount] = await this.resolutions.page(council.id, statuses, actor !== null, limit, offset);
    return { items, totalCount };
  }

  /** A seated delegate drafts a resolution: for a committee they chair, or as the first sponsor of a delegates' draft. */
  draft(actor: Actor, input: DraftResolutionInput): Promise<ResolutionEntity> {
    return this.db.transaction(async () => {
      const delegate = await this.seatedDelegate(actor, 'draft resolutions');
      let committeeId: string | null = null;
      if (input.committeeId) {
        const committee = await this.committees.get(input.committeeId, 'input.committeeId');
        if (committee.councilId !== delegate.councilId) throw notFound('Committee', 'input.committeeId');
        if (!(await this.resolutions.isCommitteeChair(committee.id, delegate.id))) throw notCommitteeChair('input.committeeId');
        committeeId = committee.id;
      }
      const text = input.text.trim();
      const resolution = await this.resolutions.insertDraft(
        {
          councilId: delegate.councilId,
          title: input.title.trim(),
          status: ResolutionStatus.DRAFT,
          committeeId,
          draftedByDelegateId: delegate.id,
          draftedAt: new Date(),
        },
        text,
      );
      await this.ledger.append(delegate.councilId, actor.actorRef, 'RESOLUTION_DRAFTED', {
        resolutionId: resolution.id,
        committeeId,
        draftedBy: delegate.id,
        title: resolution.title,
        textSha256: textSha256(text),
      });
      return resolution;
    });
  }

  /** A seated delegate supports a delegates' draft; once is enough. */
  sponsor(actor: Actor, resolutionId: string): Promise<ResolutionEntity> {
    return this.db.transaction(async () => {
      const delegate = await this.seatedDelegate(actor, 'sponsor resolutions');
      const resolution = await this.lock(resolutionId, delegate.councilId);
      if (resolution.committeeId) {
        throw new DomainError(
          ErrorCode.RESOLUTION_WRONG_STATE,
          "A committee's resolution is submitted by its chair and takes no sponsors",
          'resolutionId',
        );
      }
      if (resolution.status !== ResolutionStatus.DRAFT) throw resolutionWrongState(resolution.status, 'sponsored');
      if (!(await this.resolutions.addSponsor(resolution.id, delegate.id))) {
        throw new DomainError(ErrorCode.ALREADY_EXISTS, 'You already sponsor this resolution', 'resolutionId');
      }
      await this.ledger.append(resolution.councilId, actor.actorRef, 'RESOLUTION_SPONSORED', {
        resolutionId: resolution.id,
        delegateId: delegate.id,
      });
      return resolution;
    });
  }

  /**
   * DRAFT -> SUBMITTED. A committee's draft by its chair now; a delegates' draft by its drafter, with at least
   * `minSponsors` sponsors seated now.
   */
  submit(actor: Actor, resolutionId: string): Promise<ResolutionEntity> {
    return this.db.transaction(async () => {
      const delegate = await this.seatedDelegate(actor, 'submit resolutions');
      const resolution = await this.lock(resolutionId, delegate.councilId);
      await this.assertAuthor(resolution, delegate);
      if (resolution.status !== ResolutionStatus.DRAFT) throw resolutionWrongState(resolution.status, 'submitted');
      let seatedSponsors: number | null = null;
      if (!resolution.committeeId) {
        const council = await this.councils.get(resolution.councilId);
        seatedSponsors = await this.resolutions.seatedSponsorCount(resolution.id);
        if (!hasEnoughSponsors(seatedSponsors, council.settings.minSponsors))
          throw notEnoughSponsors(seatedSponsors, council.settings.minSponsors);
      }
      const values = { status: ResolutionStatus.SUBMITTED, submittedAt: new Date() };
      await this.resolutions.update(resolution.id, values);
      await this.ledger.append(resolution.councilId, actor.actorRef, 'RESOLUTION_SUBMITTED', {
        resolutionId: resolution.id,
        seatedSponsors,
      });
      return { ...resolution, ...values };
    });
  }

  /** Its authors withdraw it before its vote opens; amendments not yet decided lapse with it. */
  withdraw(actor: Actor, resolutionId: string): Promise<ResolutionEntity> {
    return this.db.transaction(async () => {
      const delegate = await this.delegates.mine(actor);
      const resolution = await this.lock(resolutionId, delegate.councilId);
      await this.assertAuthor(resolution, delegate);
      if (!WITHDRAWABLE.includes(resolution.status)) throw resolutionWrongState(resolution.status, 'withdrawn');
      if ((await this.amendments.inStates(resolution.id, [AmendmentStatus.VOTING])).length) throw voteAlreadyOpen('resolutionId');
      const at = new Date();
      const values = { status: ResolutionStatus.WITHDRAWN, decidedAt: at };
      await this.resolutions.update(resolution.id, values);
      const lapsed = await this.amendments.moveAll(resolution.id, AMENDMENT_PLACEABLE, AmendmentStatus.LAPSED, at);
      await this.ledger.append(resolution.councilId, actor.actorRef, 'RESOLUTION_WITHDRAWN', {
        resolutionId: resolution.id,
        lapsedAmendments: lapsed,
      });
      return { ...resolution, ...values };
    });
  }

  private async lock(resolutionId: string, councilId: string): Promise<ResolutionEntity> {
    const resolution = await this.resolutions.lockForUpdate(resolutionId);
    if (!resolution || resolution.councilId !== councilId) throw notFound('Resolution', 'resolutionId');
    return resolution;
  }

  /** The authors: the committee's chair now for a committee draft, the drafter for a delegates' draft. */
  private async assertAuthor(resolution: ResolutionEntity, delegate: DelegateEntity): Promise<void> {
    if (resolution.committeeId) {
      if (!(await this.resolutions.isCommitteeChair(resolution.committeeId, delegate.id))) throw notCommitteeChair('resolutionId');
    } else if (resolution.draftedByDelegateId !== delegate.id) {
      throw forbidden('Only the delegate who drafted this resolution may do this');
    }
  }

  private async seatedDelegate(actor: Actor, what: string): Promise<DelegateEntity> {
    const delegate = await this.delegates.mine(actor);
    if (!(await this.seating.isSeatedNow(delegate.id))) throw notSeated(what);
    return delegate;
  }
}
