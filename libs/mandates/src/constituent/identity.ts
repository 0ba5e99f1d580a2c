/** A constituent's identity and contact data: the personal data this system must protect. */
export interface ConstituentIdentity {
  name: string;
  email: string | null;
  phone: string | null;
  city: string | null;
  notes: string | null;
}

export type IdentityField = keyof ConstituentIdentity;

export const IDENTITY_FIELDS: readonly IdentityField[] = ['name', 'email', 'phone', 'city', 'notes'];

export interface FieldProblem {
  field: IdentityField;
  problem: string;
}

export const IDENTITY_LIMITS: Record<IdentityField, number> = { name: 200, email: 254, phone: 32, city: 120, notes: 2000 };

const CONTROL = /[\p{Cc}\p{Cs}]/u;
/** Notes may span lines; nothing else may hold control characters. */
const CONTROL_EXCEPT_LINE_BREAKS = /[^\P{Cc}\n\r\t]|\p{Cs}/u;
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const PHONE = /^\+?[0-9]{6,15}$/;

export const normalizeEmail = (email: string): string => email.normalize('NFKC').trim().toLowerCase();

/**
 * Digits with an optional leading +, so "+41 79 123-45-67", "0041791234567" and "+41791234567" match.
 * Numbers are compared as written otherwise: a national number and its international form differ.
 */
export function normalizePhone(phone: string): string {
  const compact = phone.normalize('NFKC').replace(/[\s().\-/]/g, '');
  return compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
}

type RawIdentity = Partial<Record<IdentityField, string | null | undefined>>;

const blankToNull = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/**
 * Checks and normalizes identity fields, the same way for a form and for a CSV row. Problems never
 * repeat the value, so a report can be shown or logged without exposing it.
 */
export function validateIdentity(raw: RawIdentity): { identity: ConstituentIdentity | null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const text = (field: IdentityField, allowLineBreaks = false): string | null => {
    const value = blankToNull(raw[field]);
    if (value === null) return null;
    if (value.length > IDENTITY_LIMITS[field])
      problems.push({ field, problem: `${field} must be at most ${IDENTITY_LIMITS[field]} characters` });
    else if ((allowLineBreaks ? CONTROL_EXCEPT_LINE_BREAKS : CONTROL).test(value)) {
      problems.push({ field, problem: `${field} must not contain control characters` });
    }
    return value;
  };

  const name = text('name');
  if (name === null) problems.push({ field: 'name', problem: 'name is required' });

  let email = text('email');
  if (email !== null) {
    email = normalizeEmail(email);
    if (!EMAIL.test(email)) problems.push({ field: 'email', problem: 'email must be a valid email address' });
  }

  let phone = text('phone');
  if (phone !== null) {
    phone = normalizePhone(phone);
    if (!PHONE.test(phone)) problems.push({ field: 'phone', problem: 'phone must have 6 to 15 digits, optionally after a leading +' });
  }

  if (email === null && phone === null) {
    problems.push({ field: 'email', problem: 'give an email or a phone number, so that a second registration can be detected' });
  }

  const city = text('city');
  const notes = text('notes', true);
  if (problems.length) return { identity: null, problems };
  return { identity: { name: name!, email, phone, city, notes }, problems };
}
