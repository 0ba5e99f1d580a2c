/** Adds calendar months in UTC, clamping to the last day of a shorter month (31 Jan + 1 month = 28/29 Feb). */
export function addMonthsUtc(from: Date, months: number): Date {
  const target = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(from.getUTCDate(), lastDay));
  target.setUTCHours(from.getUTCHours(), from.getUTCMinutes(), from.getUTCSeconds(), from.getUTCMilliseconds());
  return target;
}

/**
 * "Meets every two years": the next regular session is due `intervalMonths` after the start of the last
 * regular session, or after the founding date when none was held.
 */
export function nextRegularSessionDue(foundedOn: string, lastRegularStart: Date | null, intervalMonths: number): Date {
  const from = lastRegularStart ?? new Date(`${foundedOn}T00:00:00.000Z`);
  return addMonthsUtc(from, intervalMonths);
}

/** Overdue: past the due instant with no regular session scheduled or running. */
export function isRegularSessionOverdue(due: Date, now: Date, upcomingRegularSession: boolean): boolean {
  return !upcomingRegularSession && now.getTime() > due.getTime();
}
