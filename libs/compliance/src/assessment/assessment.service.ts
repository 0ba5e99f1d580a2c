import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, DomainError, ErrorCode, notFound } from '@gc/common';
import { Db } from '@gc/db';
import { EventBus } from '@gc/events';
import { LedgerService } from '@gc/ledger';
import { assertCalendarDate } from '../agreement/agreement.service';
import { ComplianceAccessService } from '../agreement/compliance-access.service';
import { termStanding, TermStanding, todayUtc } from '../term/term-standing.rules';
import { TermService } from '../term/term.service';
import { AssessmentEntity, EvidenceVisibility } from './assessment.entity';
import { RecordAssessmentInput } from './assessment.inputs';
import { AssessmentRepository, EvidenceView } from './assessment.repository';
import { ComplianceScope, mayActFor } from './evidence-access';

/** The topic of an agreement's term status changes. */
export const termStatusTopic = (agreementId: string) => `agreement-terms:${agreementId}`;

/** What subscribers of `termStatusChanged` receive: public facts only, never evidence. */
export interface TermStatusChange {
  agreementId: string;
  termId: string;
  status: string;
  overdue: boolean;
  observedOn: string;
}

const dateInFuture = (field: string) => new DomainError(ErrorCode.DATE_IN_FUTURE, 'The date cannot be after today (UTC)', field);

/** SHA-256 of an evidence item's content, for the ledger: it proves what was recorded without publishing it. */
export const evidenceSha256 = (item: { title: string; datedOn: string | null; source: string; fileHash: string | null }): string =>
  createHash('sha256')
    .update(JSON.stringify([item.title, item.datedOn, item.source, item.fileHash]), 'utf8')
    .digest('hex');

@Injectable()
export class AssessmentService {
  constructor(
    private readonly db: Db,
    private readonly assessments: AssessmentRepository,
    private readonly terms: TermService,
    private readonly access: ComplianceAccessService,
    private readonly ledger: LedgerService,
    private readonly events: EventBus,
  ) {}

  async get(id: string, field = 'id'): Promise<AssessmentEntity> {
    const assessment = await this.assessments.findById(id);
    if (!assessment) throw notFound('Assessment', field);
    return assessment;
  }

  /** One evidence item by id: refused, not hidden, when it is RESTRICTED and the caller is outside the committee. */
  async evidenceItem(actor: Actor | null, id: string): Promise<EvidenceView> {
    const item = await this.assessments.evidenceById(id);
    if (!item) throw notFound('Evidence', 'id');
    if (item.visibility === EvidenceVisibility.RESTRICTED && !mayActFor(await this.access.scopeOf(actor), item)) {
      throw new DomainError(
        ErrorCode.EVIDENCE_RESTRICTED,
        "This evidence is restricted to the agreement's committee and the secretariat",
        'id',
      );
    }
    return item;
  }

  /** The ids of an agreement's terms, in order. */
  async termsOf(agreementId: string): Promise<{ id: string; position: number }[]> {
    return this.terms.ofAgreement(agreementId);
  }

  scopeOf(actor: Actor | null): Promise<ComplianceScope> {
    return this.access.scopeOf(actor);
  }

  /**
   * A member of the agreement's committee (or the secretariat) records a finding with its evidence. The
   * ledger gets a SHA-256 per evidence item, never a restricted item's content.
   */
  record(actor: Actor, input: RecordAssessmentInput): Promise<AssessmentEntity> {
    return this.db.transaction(async () => {
      const term = await this.terms.lock(input.termId, 'input.termId');
      await this.access.assertMayManage(actor, term, 'input.termId');
      const today = todayUtc();
      assertCalendarDate(input.observedOn, 'input.observedOn');
      if (input.observedOn > today) throw dateInFuture('input.observedOn');
      input.evidence.forEach((item, i) => {
        assertCalendarDate(item.datedOn, `input.evidence.${i}.datedOn`);
        if (item.datedOn && item.datedOn > today) throw dateInFuture(`input.evidence.${i}.datedOn`);
      });
      const before = termStanding(term.dueDate, await this.assessments.ofTerms([term.id]), today);
      const assessment = await this.assessments.insert({
        termId: term.id,
        status: input.status,
        observedOn: input.observedOn,
        summary: input.summary.trim(),
        termVersion: term.version,
      });
      const evidence = await this.assessments.insertEvidence(
        input.evidence.map((item, i) => {
          const content = {
            title: item.title.trim(),
            datedOn: item.datedOn ?? null,
            source: item.source.trim(),
            fileHash: item.fileHash?.toLowerCase() ?? null,
          };
          return {
            assessmentId: assessment.id,
            position: i + 1,
            visibility: item.visibility,
            ...content,
            contentSha256: evidenceSha256(content),
          };
        }),
      );
      await this.ledger.append(term.councilId, actor.actorRef, 'ASSESSMENT_RECORDED', {
        assessmentId: assessment.id,
        termId: term.id,
        agreementId: term.agreementId,
        termVersion: term.version,
        status: assessment.status,
        observedOn: assessment.observedOn,
        summarySha256: createHash('sha256').update(assessment.summary, 'utf8').digest('hex'),
        evidence: evidence.map((item) => ({ evidenceId: item.id, visibility: item.visibility, contentSha256: item.contentSha256 })),
      });
      const after = termStanding(term.dueDate, await this.assessments.ofTerms([term.id]), today);
      if (changed(before, after)) {
        const change: TermStatusChange = {
          agreementId: term.agreementId,
          termId: term.id,
          status: after.status,
          overdue: after.overdue,
          observedOn: assessment.observedOn,
        };
        this.events.publish(termStatusTopic(term.agreementId), change);
      }
      return assessment;
    });
  }
}

const changed = (before: TermStanding, after: TermStanding) => before.status !== after.status || before.overdue !== after.overdue;
