import { locale } from './strings.js';

/** Dates and times in the reader's own time zone (the browser's), with the zone named so nobody misreads them. */
const dateTime = new Intl.DateTimeFormat(locale, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
});
const dateOnly = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });

export const formatDateTime = (iso: string | null | undefined): string => (iso ? dateTime.format(new Date(iso)) : '—');

/** A calendar date (YYYY-MM-DD, as the API sends dates without time) is the same day everywhere: no zone shift. */
export const formatDate = (day: string | null | undefined): string => (day ? dateOnly.format(new Date(`${day}T00:00:00Z`)) : '—');

/** The value of a `datetime-local` input (the reader's local time) as an ISO instant for the API. */
export function localInputToIso(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
