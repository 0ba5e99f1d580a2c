import { Injectable } from '@nestjs/common';
import { Actor, badInput, notFound, Page } from '@gc/common';
import { CommitteeService, CouncilService } from '@gc/council';
import { Db } from '@gc/db';
import { LedgerService } from '@gc/ledger';
import { isCalendarDate } from '../term/term-standing.rules';
import { TermRepository } from '../term/term.repository';
import { AgreementEntity } from './agreement.entity';
import { RecordAgreementInput } from './agreement.inputs';
import { AgreementRepository } from './agreement.repository';
import { ComplianceAccessService } from './compliance-access.service';

/** The committee that records agreements when none is named (founding resolution 3.2). */
export const MONITORING_COMMITTEE_SLUG = 'monitoring';

export const assertCalendarDate = (value: string | null | undefined, field: string): void => {
  if (value != null && !isCalendarDate(value)) throw badInput(field, `${value} is not a calendar date`);
};

@Injectable()
export class AgreementService {
  constructor(
    private readonly db: Db,
    private readonly agreements: AgreementRepository,
    private readonly terms: TermRepository,
    private readonly councils: CouncilService,
    private readonly committees: CommitteeService,
    private readonly access: ComplianceAccessService,
    private readonly ledger: LedgerService,
  ) {}

  async get(id: string, field = 'id'): Promise<AgreementEntity> {
    const agreement = await this.agreements.findById(id);
    if (!agreement) throw notFound('Agreement', field);
    return agreement;
  }

  async page(
    councilId: string | undefined,
    committeeId: string | undefined,
    limit: number,
    offset: number,
  ): Promise<Page<AgreementEntity>> {
    const council = await this.councils.get(councilId);
    const [items, totalCount] = await this.agreements.page(council.id, committeeId, limit, offset);
    return { items, totalCount };
  }

  /** The secretariat, or a member of the owning committee, records an agreement with its terms (each at version 1). */
  record(actor: Actor, input: RecordAgreementInput): Promise<AgreementEntity> {
    return this.db.transaction(async () => {
      const committeeId = input.committeeId ?? (await this.agreements.committeeIdBySlug(actor.councilId, MONITORING_COMMITTEE_SLUG));
      const committee = committeeId ? await this.committees.get(committeeId, 'input.committeeId') : null;
      if (!committee || committee.councilId !== actor.councilId) throw notFound('Committee', 'input.committeeId');
      await this.access.assertMayManage(actor, { councilId: committee.councilId, committeeId: committee.id }, 'input.committeeId');
      assertCalendarDate(input.concludedOn, 'input.concludedOn');
      input.terms.forEach((term, i) => assertCalendarDate(term.dueDate, `input.terms.${i}.dueDate`));
      const agreement = await this.agreements.insert({
        councilId: committee.councilId,
        committeeId: committee.id,
        title: input.title.trim(),
        parties: input.parties.map((p) => ({ name: p.name.trim(), role: p.role.trim() })),
        concludedOn: input.concludedOn,
        place: input.place.trim(),
        sourceReferences: input.sourceReferences.map((s) => s.trim()),
        recordedAt: new Date(),
      });
      const terms = [];
      for (const [i, term] of input.terms.entries()) {
        const wording = {
          obligation: term.obligation.trim(),
          responsibleParty: term.responsibleParty.trim(),
          dueDate: term.dueDate ?? null,
          tags: (term.tags ?? []).map((tag) => tag.trim()),
          reason: null,
        };
        const termId = await this.terms.insert(agreement.id, i + 1, wording);
        terms.push({ termId, position: i + 1, version: 1, ...wording });
      }
      await this.ledger.append(agreement.councilId, actor.actorRef, 'AGREEMENT_RECORDED', {
        agreementId: agreement.id,
        committeeId: agreement.committeeId,
        title: agreement.title,
        parties: agreement.parties.map((p) => ({ name: p.name, role: p.role })),
        concludedOn: agreement.concludedOn,
        place: agreement.place,
        sourceReferences: agreement.sourceReferences,
        terms,
      });
      return agreement;
    });
  }
}
