import { ComplianceStatus } from '../assessment/assessment.entity';
import {
  currentStatus,
  daysBefore,
  daysBetween,
  isCalendarDate,
  isOverdue,
  nonCompliantLongerThan,
  percentCompliant,
  termStanding,
} from './term-standing.rules';

const { COMPLIANT, PARTIALLY_COMPLIANT, NON_COMPLIANT, UNKNOWN } = ComplianceStatus;
const at = (iso: string) => new Date(iso);

describe('current status', () => {
  it('is UNKNOWN without assessments', () => {
    expect(currentStatus([])).toBe(UNKNOWN);
  });

  it('is the latest by observation date, whatever the order they were recorded in', () => {
    expect(
      currentStatus([
        { status: NON_COMPLIANT, observedOn: '2026-03-01', recordedAt: at('2026-03-02T00:00:00Z') },
        { status: COMPLIANT, observedOn: '2026-01-01', recordedAt: at('2026-03-05T00:00:00Z') },
      ]),
    ).toBe(NON_COMPLIANT);
  });

  it('breaks a tie on the observation date by the time recorded', () => {
    const points = [
      { status: PARTIALLY_COMPLIANT, observedOn: '2026-03-01', recordedAt: at('2026-03-01T10:00:00Z') },
      { status: COMPLIANT, observedOn: '2026-03-01', recordedAt: at('2026-03-01T09:00:00Z') },
    ];
    expect(currentStatus(points)).toBe(PARTIALLY_COMPLIANT);
    expect(currentStatus([...points].reverse())).toBe(PARTIALLY_COMPLIANT);
  });
});

describe('overdue', () => {
  it('needs a due date that has passed; the due date itself is still in time', () => {
    expect(isOverdue(null, NON_COMPLIANT, '2026-05-01')).toBe(false);
    expect(isOverdue('2026-05-01', UNKNOWN, '2026-05-01')).toBe(false);
    expect(isOverdue('2026-04-30', UNKNOWN, '2026-05-01')).toBe(true);
  });

  it('is cleared only by a COMPLIANT current status', () => {
    expect(isOverdue('2026-01-01', PARTIALLY_COMPLIANT, '2026-05-01')).toBe(true);
    expect(isOverdue('2026-01-01', NON_COMPLIANT, '2026-05-01')).toBe(true);
    expect(isOverdue('2026-01-01', COMPLIANT, '2026-05-01')).toBe(false);
  });
});

describe('standing', () => {
  it('dates a NON_COMPLIANT run from its first observation and ends it at any other status', () => {
    const standing = termStanding(
      '2026-01-31',
      [
        { status: NON_COMPLIANT, observedOn: '2026-01-10', recordedAt: at('2026-01-10T00:00:00Z') },
        { status: PARTIALLY_COMPLIANT, observedOn: '2026-02-01', recordedAt: at('2026-02-01T00:00:00Z') },
        { status: NON_COMPLIANT, observedOn: '2026-03-01', recordedAt: at('2026-03-01T00:00:00Z') },
        { status: NON_COMPLIANT, observedOn: '2026-04-01', recordedAt: at('2026-04-01T00:00:00Z') },
      ],
      '2026-05-01',
    );
    expect(standing).toEqual({ status: NON_COMPLIANT, overdue: true, lastObservedOn: '2026-04-01', nonCompliantSince: '2026-03-01' });
    expect(nonCompliantLongerThan(standing, 60, '2026-05-01')).toBe(true);
    expect(nonCompliantLongerThan(standing, 61, '2026-05-01')).toBe(false);
  });

  it('has no run when the latest status is not NON_COMPLIANT', () => {
    const standing = termStanding(
      '2026-01-31',
      [{ status: COMPLIANT, observedOn: '2026-01-10', recordedAt: at('2026-01-10T00:00:00Z') }],
      '2026-05-01',
    );
    expect(standing).toEqual({ status: COMPLIANT, overdue: false, lastObservedOn: '2026-01-10', nonCompliantSince: null });
    expect(nonCompliantLongerThan(standing, 0, '2026-05-01')).toBe(false);
  });
});

describe('percent compliant', () => {
  it('rounds down with integer arithmetic', () => {
    expect(percentCompliant(1, 3)).toBe(33);
    expect(percentCompliant(2, 3)).toBe(66);
    expect(percentCompliant(3, 3)).toBe(100);
    expect(percentCompliant(0, 4)).toBe(0);
    expect(percentCompliant(0, 0)).toBe(0);
    expect(percentCompliant(29, 100)).toBe(29);
  });
});

describe('dates', () => {
  it('counts whole days and refuses impossible dates', () => {
    expect(daysBetween('2026-02-27', '2026-03-01')).toBe(2);
    expect(daysBefore('2026-03-01', 2)).toBe('2026-02-27');
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2026-2-3')).toBe(false);
  });
});
