import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { Actor, groupByKey, LoaderFactory } from '@gc/common';
import { AgreementEntity } from './agreement/agreement.entity';
import { AgreementRepository } from './agreement/agreement.repository';
import { ComplianceAccessService } from './agreement/compliance-access.service';
import { AssessmentEntity } from './assessment/assessment.entity';
import { AssessmentRepository, EvidenceView } from './assessment/assessment.repository';
import { ComplianceScope } from './assessment/evidence-access';
import { EscalationEntity } from './escalation/escalation.entity';
import { EscalationRepository, ResolutionOutcome } from './escalation/escalation.repository';
import { TermVersionEntity } from './term/term.entity';
import { TermRepository, TermView } from './term/term.repository';

@Injectable()
export class AgreementByIdLoader implements LoaderFactory<string, AgreementEntity | null> {
  constructor(private readonly agreements: AgreementRepository) {}

  create(): DataLoader<string, AgreementEntity | null> {
    return new DataLoader(async (ids) => {
      const byId = new Map((await this.agreements.findByIds(ids)).map((a) => [a.id, a]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }
}

@Injectable()
export class TermsByAgreementLoader implements LoaderFactory<string, TermView[]> {
  constructor(private readonly terms: TermRepository) {}

  create(): DataLoader<string, TermView[]> {
    return new DataLoader(async (ids) => groupByKey(ids, await this.terms.ofAgreements(ids), (t) => t.agreementId));
  }
}

@Injectable()
export class TermVersionsLoader implements LoaderFactory<string, TermVersionEntity[]> {
  constructor(private readonly terms: TermRepository) {}

  create(): DataLoader<string, TermVersionEntity[]> {
    return new DataLoader(async (ids) => groupByKey(ids, await this.terms.versionsOf(ids), (v) => v.termId));
  }
}

/** A term's assessments in timeline order (oldest first); the term's standing is derived from them. */
@Injectable()
export class TimelineLoader implements LoaderFactory<string, AssessmentEntity[]> {
  constructor(private readonly assessments: AssessmentRepository) {}

  create(): DataLoader<string, AssessmentEntity[]> {
    return new DataLoader(async (ids) => groupByKey(ids, await this.assessments.ofTerms(ids), (a) => a.termId));
  }
}

/** Every evidence item of an assessment, restricted ones included: resolvers must filter with the caller's scope. */
@Injectable()
export class EvidenceByAssessmentLoader implements LoaderFactory<string, EvidenceView[]> {
  constructor(private readonly assessments: AssessmentRepository) {}

  create(): DataLoader<string, EvidenceView[]> {
    return new DataLoader(async (ids) => groupByKey(ids, await this.assessments.evidenceOf(ids), (e) => e.assessmentId));
  }
}

@Injectable()
export class EscalationsByTermLoader implements LoaderFactory<string, EscalationEntity[]> {
  constructor(private readonly escalations: EscalationRepository) {}

  create(): DataLoader<string, EscalationEntity[]> {
    return new DataLoader(async (ids) => groupByKey(ids, await this.escalations.ofTerms(ids), (e) => e.termId));
  }
}

@Injectable()
export class ResolutionOutcomeLoader implements LoaderFactory<string, ResolutionOutcome | null> {
  constructor(private readonly escalations: EscalationRepository) {}

  create(): DataLoader<string, ResolutionOutcome | null> {
    return new DataLoader(async (ids) => {
      const byId = new Map((await this.escalations.outcomes(ids)).map((o) => [o.resolutionId, o]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }
}

/** The caller (null when anonymous) whose scope a request needs. */
export interface ScopeKey {
  actor: Actor | null;
}

/** The caller's ComplianceScope, worked out once per request however many evidence lists it reads. */
@Injectable()
export class ComplianceScopeLoader implements LoaderFactory<ScopeKey, ComplianceScope> {
  constructor(private readonly access: ComplianceAccessService) {}

  create(): DataLoader<ScopeKey, ComplianceScope, string> {
    return new DataLoader((keys) => Promise.all(keys.map((key) => this.access.scopeOf(key.actor))), {
      cacheKeyFn: (key) => key.actor?.userId ?? 'anonymous',
    });
  }
}
