import { MAX_IMPORT_ROWS, parseExpiry, readConstituentCsv } from './constituent-csv.rules';

const NOW = new Date('2026-03-01T12:00:00Z');
const DELEGATES = [
  { id: '0b9a3a55-6a53-4d4b-9a51-2f4f3c1d7e01', displayName: 'Anna Karimova' },
  { id: '0b9a3a55-6a53-4d4b-9a51-2f4f3c1d7e02', displayName: 'Boris Sattorov' },
];
const HEADER = 'name,email,phone,city,notes,delegate,expires_at';
const read = (...lines: string[]) => readConstituentCsv([HEADER, ...lines].join('\r\n'), DELEGATES, NOW);

describe('readConstituentCsv', () => {
  it('reads rows, matching delegates by name (any case) or id, with dates valid through their day', () => {
    const { rows, problems } = read(
      'Zarina K,Zarina@Example.org,,Berlin,,anna karimova,2026-12-31',
      `Farrukh S,,+49 151 2345 6789,,"met at ""Navruz"", 2025",${DELEGATES[1].id.toUpperCase()},`,
      'Ali R,ali@example.org,,,,,',
    );
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        row: 2,
        identity: { name: 'Zarina K', email: 'zarina@example.org', phone: null, city: 'Berlin', notes: null },
        delegateId: DELEGATES[0].id,
        expiresAt: new Date('2027-01-01T00:00:00Z'),
      },
      {
        row: 3,
        identity: { name: 'Farrukh S', email: null, phone: '+4915123456789', city: null, notes: 'met at "Navruz", 2025' },
        delegateId: DELEGATES[1].id,
        expiresAt: null,
      },
      { row: 4, identity: expect.objectContaining({ name: 'Ali R' }), delegateId: null, expiresAt: null },
    ]);
  });

  it('accepts the columns in any order and skips blank lines, keeping spreadsheet row numbers', () => {
    const text = 'delegate,expires_at,name,phone,email,city,notes\r\n\r\nAnna Karimova,,Ali,,ali@example.org,,\r\n';
    const { rows, problems } = readConstituentCsv(text, DELEGATES, NOW);
    expect(problems).toEqual([]);
    expect(rows).toEqual([expect.objectContaining({ row: 3, delegateId: DELEGATES[0].id })]);
  });

  it('reports wrong columns in the header and stops there', () => {
    const { rows, problems } = readConstituentCsv(
      'name,e-mail,phone,city,notes,delegate,delegate\r\nAli,a@example.org,,,,,',
      DELEGATES,
      NOW,
    );
    expect(rows).toEqual([]);
    expect(problems).toEqual([
      { row: 1, field: 'e-mail', problem: expect.stringMatching(/unknown column/) },
      { row: 1, field: 'delegate', problem: 'this column appears twice' },
    ]);
    expect(readConstituentCsv('city,notes\r\nBerlin,', DELEGATES, NOW).problems).toEqual([
      { row: 1, field: 'name', problem: 'this column is missing' },
      { row: 1, field: 'email', problem: 'an email or a phone column is needed' },
    ]);
  });

  it('accepts a file without the optional columns', () => {
    const { rows, problems } = readConstituentCsv('Phone,Name\r\n+992 93 555 1234,Ali', DELEGATES, NOW);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        row: 2,
        identity: { name: 'Ali', email: null, phone: '+992935551234', city: null, notes: null },
        delegateId: null,
        expiresAt: null,
      },
    ]);
  });

  it('reports every problem of every row, and returns no rows when there is any', () => {
    const { rows, problems } = read(
      'Ok Person,ok@example.org,,,,,',
      ',bad-email,12,,,Nobody,2026-02-30',
      'Past,past@example.org,,,,Anna Karimova,2026-02-28T10:00:00Z',
      'Orphan expiry,orphan@example.org,,,,,2027-01-01',
      'Too,few,fields',
    );
    expect(rows).toEqual([]);
    expect(problems).toEqual([
      { row: 3, field: 'name', problem: 'name is required' },
      { row: 3, field: 'email', problem: 'email must be a valid email address' },
      { row: 3, field: 'phone', problem: expect.stringMatching(/6 to 15 digits/) },
      { row: 3, field: 'delegate', problem: 'no delegate of this delegation has this name or id' },
      { row: 3, field: 'expires_at', problem: expect.stringMatching(/must be a date/) },
      { row: 4, field: 'expires_at', problem: 'expires_at must be in the future' },
      { row: 5, field: 'expires_at', problem: expect.stringMatching(/name its delegate/) },
      { row: 6, field: null, problem: 'the row has 3 fields; the header has 7' },
    ]);
  });

  it('reports a repeated email or phone, naming the first row', () => {
    const { problems } = read('A,a@example.org,+41 79 000 00 01,,,,', 'B,A@EXAMPLE.ORG,,,,,', 'C,c@example.org,0041790000001,,,,');
    expect(problems).toEqual([
      { row: 3, field: 'email', problem: 'the same email as row 2' },
      { row: 4, field: 'phone', problem: 'the same phone as row 2' },
    ]);
  });

  it('reports a name that several delegates share', () => {
    const { problems } = readConstituentCsv(
      `${HEADER}\r\nA,a@example.org,,,,Twin,`,
      [...DELEGATES, { id: 'x1', displayName: 'Twin' }, { id: 'x2', displayName: 'twin' }],
      NOW,
    );
    expect(problems).toEqual([{ row: 2, field: 'delegate', problem: 'several delegates have this name; use the delegate id' }]);
  });

  it('refuses more than the maximum number of rows, an empty file, a header alone, and broken quoting', () => {
    const many = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `P${i},p${i}@example.org,,,,,`);
    expect(read(...many).problems).toEqual([
      { row: null, field: null, problem: `the file has 10001 rows; at most 10000 can be imported at once` },
    ]);
    expect(readConstituentCsv('', DELEGATES, NOW).problems).toEqual([{ row: null, field: null, problem: 'the file is empty' }]);
    expect(read().problems).toEqual([{ row: null, field: null, problem: 'the file has no constituent rows' }]);
    expect(read('A,"a@example.org,,,,,').problems).toEqual([{ row: 2, field: null, problem: 'a quoted field is not closed' }]);
  });

  it('accepts exactly the maximum number of rows', () => {
    const rows = Array.from({ length: MAX_IMPORT_ROWS }, (_, i) => `P${i},p${i}@example.org,,,,,`);
    expect(read(...rows).rows).toHaveLength(MAX_IMPORT_ROWS);
  });
});

describe('parseExpiry', () => {
  it('reads dates as valid through the day, and times with a zone as given', () => {
    expect(parseExpiry('2024-02-29')).toEqual(new Date('2024-03-01T00:00:00Z'));
    expect(parseExpiry('2026-05-01T12:30:00+02:00')).toEqual(new Date('2026-05-01T10:30:00Z'));
    expect(parseExpiry('2026-05-01T12:30Z')).toEqual(new Date('2026-05-01T12:30:00Z'));
  });

  it.each(['2025-02-29', '2026-13-01', '31.12.2026', '2026-05-01T12:30:00', '2026-05-01T25:00:00Z', 'tomorrow', ''])(
    'refuses %p',
    (text) => {
      expect(parseExpiry(text)).toBeNull();
    },
  );
});
