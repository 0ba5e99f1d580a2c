import { addMonthsUtc, isRegularSessionOverdue, nextRegularSessionDue } from './regular-schedule';

describe('regular session schedule', () => {
  it('is due 24 months after the founding date when no regular session was held', () => {
    expect(nextRegularSessionDue('2021-11-28', null, 24).toISOString()).toBe('2023-11-28T00:00:00.000Z');
  });

  it('is due 24 months after the start of the last regular session', () => {
    const last = new Date('2024-03-15T09:30:00.000Z');
    expect(nextRegularSessionDue('2021-11-28', last, 24).toISOString()).toBe('2026-03-15T09:30:00.000Z');
  });

  it('clamps to the end of a shorter month', () => {
    expect(addMonthsUtc(new Date('2024-01-31T00:00:00Z'), 1).toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(addMonthsUtc(new Date('2024-02-29T00:00:00Z'), 12).toISOString()).toBe('2025-02-28T00:00:00.000Z');
  });

  it('is overdue only after the due instant', () => {
    const due = new Date('2023-11-28T00:00:00.000Z');
    expect(isRegularSessionOverdue(due, new Date('2023-11-28T00:00:00.000Z'), false)).toBe(false);
    expect(isRegularSessionOverdue(due, new Date('2023-11-28T00:00:00.001Z'), false)).toBe(true);
  });

  it('is not overdue while a regular session is scheduled or running', () => {
    expect(isRegularSessionOverdue(new Date('2023-11-28T00:00:00.000Z'), new Date('2026-01-01T00:00:00.000Z'), true)).toBe(false);
  });
});
