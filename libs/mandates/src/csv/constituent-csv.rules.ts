import { isUuid } from '@gc/common';
import { ConstituentIdentity, IdentityField, validateIdentity } from '../constituent/identity';
import { CsvSyntaxError, parseCsv } from './csv';

/**
 * The columns of an import file, in any order; the header row names them. `name` and one of `email` and
 * `phone` are required, the others may be left out.
 */
export const IMPORT_COLUMNS = ['name', 'email', 'phone', 'city', 'notes', 'delegate', 'expires_at'] as const;
type ImportColumn = (typeof IMPORT_COLUMNS)[number];
/** The columns of an export file: the import columns, then the mandate's state and the opaque reference. */
export const EXPORT_COLUMNS = [...IMPORT_COLUMNS, 'mandate_status', 'reference'] as const;

export const MAX_IMPORT_ROWS = 10_000;
/** Below the HTTP body limit, so that an over-long file gets this clear answer rather than a bare 413. */
export const MAX_IMPORT_BYTES = 4 * 1024 * 1024;
/** A report longer than this helps nobody; the count says how many more there were. */
export const MAX_REPORTED_PROBLEMS = 1000;

export interface CsvProblem {
  /** The spreadsheet row, counting the header as row 1; null for the file as a whole. */
  row: number | null;
  field: string | null;
  problem: string;
}

export interface ImportRow {
  row: number;
  identity: ConstituentIdentity;
  delegateId: string | null;
  expiresAt: Date | null;
}

export interface DelegateName {
  id: string;
  displayName: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A mandate's expiry as coordinators write it: a date means "valid through that day" (UTC), so it expires at
 * the start of the next day; a date and time needs an explicit zone. Returns null when the text is neither.
 */
export function parseExpiry(text: string): Date | null {
  const date = DATE.exec(text);
  if (date) {
    const [year, month, day] = date.slice(1).map(Number);
    return isCalendarDate(year, month, day) ? new Date(Date.UTC(year, month - 1, day + 1)) : null;
  }
  const dateTime = DATE_TIME.exec(text);
  if (!dateTime) return null;
  const [year, month, day, hour, minute, second] = dateTime.slice(1, 7).map((part) => Number(part ?? 0));
  if (!isCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  return new Date(text);
}

function readHeader(header: string[]): CsvProblem[] {
  const names = header.map((name) => name.trim().toLowerCase());
  const problems: CsvProblem[] = [];
  names.forEach((name, i) => {
    if (!(IMPORT_COLUMNS as readonly string[]).includes(name)) {
      problems.push({ row: 1, field: name || `column ${i + 1}`, problem: `unknown column; the columns are ${IMPORT_COLUMNS.join(', ')}` });
    } else if (names.indexOf(name) !== i) {
      problems.push({ row: 1, field: name, problem: 'this column appears twice' });
    }
  });
  if (!names.includes('name')) problems.push({ row: 1, field: 'name', problem: 'this column is missing' });
  if (!names.includes('email') && !names.includes('phone')) {
    problems.push({ row: 1, field: 'email', problem: 'an email or a phone column is needed' });
  }
  return problems;
}

/**
 * Reads and checks a whole constituent file before anything is written: every problem of every row is
 * reported, and the rows come back only when there is none. Checks against existing registrations need
 * the database and happen later.
 */
export function readConstituentCsv(
  text: string,
  delegates: readonly DelegateName[],
  now: Date,
): { rows: ImportRow[]; problems: CsvProblem[] } {
  const fail = (problem: CsvProblem) => ({ rows: [], problems: [problem] });
  if (Buffer.byteLength(text, 'utf8') > MAX_IMPORT_BYTES)
    return fail({ row: null, field: null, problem: `the file is larger than ${MAX_IMPORT_BYTES} bytes` });
  let records: string[][];
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return fail({ row: error.record, field: null, problem: error.message });
    throw error;
  }
  if (!records.length) return fail({ row: null, field: null, problem: 'the file is empty' });
  const headerProblems = readHeader(records[0]);
  if (headerProblems.length) return { rows: [], problems: headerProblems };
  const columns = records[0].map((name) => name.trim().toLowerCase() as ImportColumn);
  const body = records
    .map((fields, i) => ({ row: i + 1, fields }))
    .filter((r, i) => i > 0 && !(r.fields.length === 1 && r.fields[0].trim() === ''));
  if (!body.length) return fail({ row: null, field: null, problem: 'the file has no constituent rows' });
  if (body.length > MAX_IMPORT_ROWS) {
    return fail({
      row: null,
      field: null,
      problem: `the file has ${body.length} rows; at most ${MAX_IMPORT_ROWS} can be imported at once`,
    });
  }

  const byId = new Set(delegates.map((d) => d.id));
  const byName = new Map<string, string[]>();
  for (const d of delegates) {
    const key = d.displayName.trim().toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), d.id]);
  }
  const seen: Record<'email' | 'phone', Map<string, number>> = { email: new Map(), phone: new Map() };
  const rows: ImportRow[] = [];
  const problems: CsvProblem[] = [];

  for (const { row, fields } of body) {
    if (fields.length !== columns.length) {
      problems.push({ row, field: null, problem: `the row has ${fields.length} fields; the header has ${columns.length}` });
      continue;
    }
    const value = Object.fromEntries([
      ...IMPORT_COLUMNS.map((column) => [column, '']),
      ...columns.map((column, i) => [column, fields[i]]),
    ]) as Record<ImportColumn, string>;
    const before = problems.length;
    const { identity, problems: identityProblems } = validateIdentity(value);
    problems.push(...identityProblems.map((p) => ({ row, field: p.field, problem: p.problem })));

    let delegateId: string | null = null;
    const delegate = value.delegate.trim();
    if (delegate !== '') {
      const matches =
        isUuid(delegate) && byId.has(delegate.toLowerCase()) ? [delegate.toLowerCase()] : (byName.get(delegate.toLowerCase()) ?? []);
      if (matches.length === 1) delegateId = matches[0];
      else if (!matches.length) problems.push({ row, field: 'delegate', problem: 'no delegate of this delegation has this name or id' });
      else problems.push({ row, field: 'delegate', problem: 'several delegates have this name; use the delegate id' });
    }

    let expiresAt: Date | null = null;
    const expiry = value.expires_at.trim();
    if (expiry !== '') {
      expiresAt = parseExpiry(expiry);
      if (!expiresAt) {
        problems.push({
          row,
          field: 'expires_at',
          problem: 'expires_at must be a date (2026-12-31) or a date and time with a zone (2026-12-31T18:00:00Z)',
        });
      } else if (expiresAt.getTime() <= now.getTime()) {
        problems.push({ row, field: 'expires_at', problem: 'expires_at must be in the future' });
      } else if (delegate === '') {
        problems.push({ row, field: 'expires_at', problem: 'expires_at is the expiry of a mandate; name its delegate too' });
      }
    }

    for (const field of ['email', 'phone'] as const satisfies readonly IdentityField[]) {
      const contact = identity?.[field];
      if (!contact) continue;
      const first = seen[field].get(contact);
      if (first !== undefined) problems.push({ row, field, problem: `the same ${field} as row ${first}` });
      else seen[field].set(contact, row);
    }

    if (problems.length === before) rows.push({ row, identity: identity!, delegateId, expiresAt });
  }
  return problems.length ? { rows: [], problems } : { rows, problems };
}
