import { Module } from '@nestjs/common';
import { CouncilModule } from '@gc/council';
import { LedgerModule } from '@gc/ledger';
import { VotingModule } from '@gc/voting';
import { AgreementRepository } from './agreement/agreement.repository';
import { AgreementResolver } from './agreement/agreement.resolver';
import { AgreementService } from './agreement/agreement.service';
import { CommitteeAccessRepository } from './agreement/committee-access.repository';
import { ComplianceAccessService } from './agreement/compliance-access.service';
import { AssessmentRepository } from './assessment/assessment.repository';
import { AssessmentResolver } from './assessment/assessment.resolver';
import { AssessmentService } from './assessment/assessment.service';
import {
  AgreementByIdLoader,
  ComplianceScopeLoader,
  EscalationsByTermLoader,
  EvidenceByAssessmentLoader,
  ResolutionOutcomeLoader,
  TermsByAgreementLoader,
  TermVersionsLoader,
  TimelineLoader,
} from './compliance.loaders';
import { DashboardResolver } from './dashboard/dashboard.resolver';
import { DashboardService } from './dashboard/dashboard.service';
import { EscalationRepository } from './escalation/escalation.repository';
import { EscalationResolver } from './escalation/escalation.resolver';
import { EscalationService } from './escalation/escalation.service';
import { TermRepository } from './term/term.repository';
import { TermResolver } from './term/term.resolver';
import { TermService } from './term/term.service';

/** Agreement compliance: agreements, versioned terms, assessments with evidence, the dashboard and escalation. */
@Module({
  imports: [CouncilModule, LedgerModule, VotingModule],
  providers: [
    AgreementRepository,
    AgreementService,
    AgreementResolver,
    CommitteeAccessRepository,
    ComplianceAccessService,
    TermRepository,
    TermService,
    TermResolver,
    AssessmentRepository,
    AssessmentService,
    AssessmentResolver,
    EscalationRepository,
    EscalationService,
    EscalationResolver,
    DashboardService,
    DashboardResolver,
    AgreementByIdLoader,
    TermsByAgreementLoader,
    TermVersionsLoader,
    TimelineLoader,
    EvidenceByAssessmentLoader,
    EscalationsByTermLoader,
    ResolutionOutcomeLoader,
    ComplianceScopeLoader,
  ],
  exports: [AgreementService, TermService, AssessmentService, EscalationService],
})
export class ComplianceModule {}
