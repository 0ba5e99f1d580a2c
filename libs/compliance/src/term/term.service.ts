import { Injectable } from '@nestjs/common';
import { Actor, notFound } from '@gc/common';
import { Db } from '@gc/db';
import { LedgerService } from '@gc/ledger';
import { assertCalendarDate } from '../agreement/agreement.service';
import { ComplianceAccessService } from '../agreement/compliance-access.service';
import { AmendTermInput } from './term.inputs';
import { TermRepository, TermView } from './term.repository';

@Injectable()
export class TermService {
  constructor(
    private readonly db: Db,
    private readonly terms: TermRepository,
    private readonly access: ComplianceAccessService,
    private readonly ledger: LedgerService,
  ) {}

  async get(id: string, field = 'id'): Promise<TermView> {
    const term = await this.terms.findById(id);
    if (!term) throw notFound('Agreement term', field);
    return term;
  }

  async ofAgreement(agreementId: string): Promise<TermView[]> {
    return this.terms.ofAgreements([agreementId]);
  }

  /** Locks the term for the rest of the transaction and returns it; NOT_FOUND for an unknown id. */
  async lock(id: string, field: string): Promise<TermView> {
    if (!(await this.terms.lock(id))) throw notFound('Agreement term', field);
    return this.get(id, field);
  }

  /** A term is never edited: the amendment is its next version, with the reason; earlier versions stay. */
  amend(actor: Actor, input: AmendTermInput): Promise<TermView> {
    return this.db.transaction(async () => {
      const term = await this.lock(input.termId, 'input.termId');
      await this.access.assertMayManage(actor, term, 'input.termId');
      assertCalendarDate(input.dueDate, 'input.dueDate');
      const version = term.version + 1;
      const wording = {
        obligation: input.obligation.trim(),
        responsibleParty: input.responsibleParty.trim(),
        dueDate: input.dueDate ?? null,
        tags: (input.tags ?? []).map((tag) => tag.trim()),
        reason: input.reason.trim(),
      };
      await this.terms.addVersion(term.id, version, wording);
      await this.ledger.append(term.councilId, actor.actorRef, 'TERM_VERSIONED', {
        termId: term.id,
        agreementId: term.agreementId,
        version,
        ...wording,
      });
      return {
        ...term,
        version,
        obligation: wording.obligation,
        responsibleParty: wording.responsibleParty,
        dueDate: wording.dueDate,
        tags: wording.tags,
      };
    });
  }
}
