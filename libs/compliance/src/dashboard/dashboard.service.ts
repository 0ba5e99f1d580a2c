import { Injectable } from '@nestjs/common';
import { groupByKey, Page } from '@gc/common';
import { CouncilService } from '@gc/council';
import { AgreementService } from '../agreement/agreement.service';
import { ComplianceStatus } from '../assessment/assessment.entity';
import { AssessmentRepository } from '../assessment/assessment.repository';
import { nonCompliantLongerThan, percentCompliant, termStanding, TermStanding, todayUtc } from '../term/term-standing.rules';
import { TermRepository, TermView } from '../term/term.repository';

export interface AgreementSummary {
  agreementId: string;
  termCount: number;
  countsByStatus: { status: ComplianceStatus; count: number }[];
  overdueCount: number;
  percentCompliant: number;
  lastAssessedOn: string | null;
  terms: TermView[];
}

const STATUS_ORDER = [
  ComplianceStatus.COMPLIANT,
  ComplianceStatus.PARTIALLY_COMPLIANT,
  ComplianceStatus.NON_COMPLIANT,
  ComplianceStatus.UNKNOWN,
];

/** Reads for the dashboard; every standing is derived from the assessments at the time of the request. */
@Injectable()
export class DashboardService {
  constructor(
    private readonly terms: TermRepository,
    private readonly assessments: AssessmentRepository,
    private readonly councils: CouncilService,
    private readonly agreements: AgreementService,
  ) {}

  async overdue(councilId: string | undefined, limit: number, offset: number): Promise<Page<TermView>> {
    const standings = await this.councilStandings(councilId);
    return pageOf(
      standings.filter(({ standing }) => standing.overdue).map(({ term }) => term),
      limit,
      offset,
    );
  }

  async nonCompliantForMoreThan(councilId: string | undefined, days: number, limit: number, offset: number): Promise<Page<TermView>> {
    const today = todayUtc();
    const standings = await this.councilStandings(councilId);
    return pageOf(
      standings.filter(({ standing }) => nonCompliantLongerThan(standing, days, today)).map(({ term }) => term),
      limit,
      offset,
    );
  }

  async summary(agreementId: string): Promise<AgreementSummary> {
    const agreement = await this.agreements.get(agreementId, 'agreementId');
    const terms = await this.terms.ofAgreements([agreement.id]);
    const standings = await this.standings(terms);
    const counts = new Map(STATUS_ORDER.map((status) => [status, 0]));
    for (const { standing } of standings) counts.set(standing.status, counts.get(standing.status)! + 1);
    const dates = standings.flatMap(({ standing }) => (standing.lastObservedOn ? [standing.lastObservedOn] : [])).sort();
    return {
      agreementId: agreement.id,
      termCount: terms.length,
      countsByStatus: STATUS_ORDER.map((status) => ({ status, count: counts.get(status)! })),
      overdueCount: standings.filter(({ standing }) => standing.overdue).length,
      percentCompliant: percentCompliant(counts.get(ComplianceStatus.COMPLIANT)!, terms.length),
      lastAssessedOn: dates.length ? dates[dates.length - 1] : null,
      terms,
    };
  }

  private async councilStandings(councilId: string | undefined) {
    const council = await this.councils.get(councilId);
    return this.standings(await this.terms.ofCouncil(council.id));
  }

  /** Two queries whatever the number of terms. */
  private async standings(terms: TermView[]): Promise<{ term: TermView; standing: TermStanding }[]> {
    const today = todayUtc();
    const points = terms.length ? await this.assessments.ofTerms(terms.map((t) => t.id)) : [];
    const byTerm = groupByKey(
      terms.map((t) => t.id),
      points,
      (p) => p.termId,
    );
    return terms.map((term, i) => ({ term, standing: termStanding(term.dueDate, byTerm[i], today) }));
  }
}

const pageOf = <T>(items: T[], limit: number, offset: number): Page<T> => ({
  items: items.slice(offset, offset + limit),
  totalCount: items.length,
});
