import { ComplianceStatus } from '../assessment/assessment.entity';

/** What the rules need of an assessment. */
export interface AssessmentPoint {
  status: ComplianceStatus;
  /** YYYY-MM-DD */
  observedOn: string;
  recordedAt: Date;
}

/** A term's standing now, derived from its assessments; nothing of it is stored. */
export interface TermStanding {
  status: ComplianceStatus;
  /** Past the due date and the current status is not COMPLIANT. Shown beside the status, never instead of it. */
  overdue: boolean;
  lastObservedOn: string | null;
  /** Start of the current unbroken run of NON_COMPLIANT assessments; null unless the status is NON_COMPLIANT. */
  nonCompliantSince: string | null;
}

const DAY_MS = 24 * 3600 * 1000;

/** Today's date in UTC (YYYY-MM-DD): the council's calendar. */
export const todayUtc = (now: Date = new Date()): string => now.toISOString().slice(0, 10);

/** Whole days from one YYYY-MM-DD date to a later one. */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** The date `days` days before a YYYY-MM-DD date. */
export const daysBefore = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);

/** True for a real calendar date written YYYY-MM-DD (not 2026-02-30). */
export const isCalendarDate = (value: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
};

/** Timeline order: by observation date, ties by the time the assessment was recorded. */
export function compareAssessments(a: AssessmentPoint, b: AssessmentPoint): number {
  if (a.observedOn !== b.observedOn) return a.observedOn < b.observedOn ? -1 : 1;
  return a.recordedAt.getTime() - b.recordedAt.getTime();
}

/** The latest assessment's status by observation date (ties by recorded time); UNKNOWN when there is none. */
export function currentStatus(assessments: readonly AssessmentPoint[]): ComplianceStatus {
  const timeline = [...assessments].sort(compareAssessments);
  return timeline.length ? timeline[timeline.length - 1].status : ComplianceStatus.UNKNOWN;
}

/** OVERDUE: the due date (its last day included) has passed and the current status is not COMPLIANT. */
export const isOverdue = (dueDate: string | null, status: ComplianceStatus, today: string): boolean =>
  dueDate !== null && dueDate < today && status !== ComplianceStatus.COMPLIANT;

export function termStanding(dueDate: string | null, assessments: readonly AssessmentPoint[], today: string): TermStanding {
  const timeline = [...assessments].sort(compareAssessments);
  const status = timeline.length ? timeline[timeline.length - 1].status : ComplianceStatus.UNKNOWN;
  let nonCompliantSince: string | null = null;
  for (let i = timeline.length - 1; i >= 0 && timeline[i].status === ComplianceStatus.NON_COMPLIANT; i--) {
    nonCompliantSince = timeline[i].observedOn;
  }
  return {
    status,
    overdue: isOverdue(dueDate, status, today),
    lastObservedOn: timeline.length ? timeline[timeline.length - 1].observedOn : null,
    nonCompliantSince,
  };
}

/** NON_COMPLIANT without a break for more than `days` days, counted from the first observation of the run. */
export const nonCompliantLongerThan = (standing: TermStanding, days: number, today: string): boolean =>
  standing.nonCompliantSince !== null && daysBetween(standing.nonCompliantSince, today) > days;

/** Percent of terms COMPLIANT, rounded down, with integer arithmetic only; 0 for an agreement with no terms. */
export const percentCompliant = (compliant: number, total: number): number => (total === 0 ? 0 : Math.floor((100 * compliant) / total));
