import { normalizeEmail, normalizePhone, validateIdentity } from './identity';

describe('constituent identity rules', () => {
  it('normalizes emails and phones so that the same contact always matches', () => {
    expect(normalizeEmail('  Zarina.K@Example.ORG ')).toBe('zarina.k@example.org');
    expect(normalizePhone('+41 79 123-45-67')).toBe('+41791234567');
    expect(normalizePhone('0041 (79) 123.45.67')).toBe('+41791234567');
    expect(normalizePhone('079 123 45 67')).toBe('0791234567');
  });

  it('accepts a name with an email or a phone, trims, and turns blanks into null', () => {
    expect(validateIdentity({ name: '  Ali  ', email: 'ALI@example.org', phone: '', city: ' ', notes: 'line one\nline two' })).toEqual({
      identity: { name: 'Ali', email: 'ali@example.org', phone: null, city: null, notes: 'line one\nline two' },
      problems: [],
    });
    expect(validateIdentity({ name: 'Ali', phone: '+992 93 555 1234' }).identity).toMatchObject({ email: null, phone: '+992935551234' });
  });

  it('reports every problem by field, without repeating the value', () => {
    const { identity, problems } = validateIdentity({ name: ' ', email: 'not-an-email', phone: '12', city: 'x'.repeat(121) });
    expect(identity).toBeNull();
    expect(problems.map((p) => p.field)).toEqual(['name', 'email', 'phone', 'city']);
    expect(JSON.stringify(problems)).not.toContain('not-an-email');
  });

  it('requires an email or a phone, since duplicates are detected through them', () => {
    expect(validateIdentity({ name: 'Ali' }).problems).toEqual([{ field: 'email', problem: expect.stringMatching(/email or a phone/) }]);
  });

  it('refuses control characters, except line breaks in notes', () => {
    expect(validateIdentity({ name: 'A\u0000li', email: 'a@example.org' }).problems[0].field).toBe('name');
    expect(validateIdentity({ name: 'Ali', email: 'a@example.org', city: 'Du\nshanbe' }).problems[0].field).toBe('city');
    expect(validateIdentity({ name: 'Ali', email: 'a@example.org', notes: 'a\u0007b' }).problems[0].field).toBe('notes');
  });

  it('refuses emails without a dotted domain and phones with letters', () => {
    expect(validateIdentity({ name: 'A', email: 'a@localhost' }).problems[0].field).toBe('email');
    expect(validateIdentity({ name: 'A', email: 'a b@example.org' }).problems[0].field).toBe('email');
    expect(validateIdentity({ name: 'A', phone: '+41 79 CALL ME' }).problems[0].field).toBe('phone');
  });
});
