import fc from 'fast-check';
import { CsvSyntaxError, formatCsv, neutralizeFormula, parseCsv } from './csv';

describe('parseCsv (RFC 4180)', () => {
  it('reads plain records with CRLF, LF or CR line ends, with or without a final line break', () => {
    expect(parseCsv('a,b\r\nc,d\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseCsv('a,b\nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseCsv('a\rb\r')).toEqual([['a'], ['b']]);
  });

  it('keeps empty fields, including a trailing one and an empty line', () => {
    expect(parseCsv('a,,c,\r\n\r\nd')).toEqual([['a', '', 'c', ''], [''], ['d']]);
    expect(parseCsv('')).toEqual([]);
  });

  it('reads quoted fields holding commas, line breaks and doubled quotes', () => {
    expect(parseCsv('"a,b","line1\r\nline2","say ""hi""",""\r\nx')).toEqual([['a,b', 'line1\r\nline2', 'say "hi"', ''], ['x']]);
  });

  it('skips a UTF-8 byte order mark and keeps non-Latin text', () => {
    expect(parseCsv('\uFEFFname\r\nФаррух')).toEqual([['name'], ['Фаррух']]);
  });

  it('keeps spaces around unquoted fields as they are', () => {
    expect(parseCsv(' a , b ')).toEqual([[' a ', ' b ']]);
  });

  it('refuses an unclosed quote, naming the record where it opened', () => {
    expect(() => parseCsv('a\r\n"b,c\r\nd')).toThrow(new CsvSyntaxError(2, 'a quoted field is not closed'));
  });

  it('refuses text after a closing quote and a quote inside an unquoted field', () => {
    expect(() => parseCsv('"a"b,c')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('ok\r\nab"c')).toThrow(expect.objectContaining({ record: 2 }));
  });

  it('round-trips anything formatCsv writes', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'б', ' ', ',', '"', '\r', '\n', '\r\n', 'x') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        expect(parseCsv(formatCsv(rows))).toEqual(rows);
      }),
    );
  });
});

describe('formatCsv', () => {
  it('quotes only what needs quoting and ends every record with CRLF', () => {
    expect(formatCsv([['a', 'b c', 'd,e', 'say "hi"', ' lead', '']])).toBe('a,b c,"d,e","say ""hi"""," lead",\r\n');
  });
});

describe('neutralizeFormula', () => {
  it('makes cells that a spreadsheet would run as a formula plain text', () => {
    expect(neutralizeFormula('=HYPERLINK("http://evil")')).toBe('\'=HYPERLINK("http://evil")');
    expect(['+1', '-1', '@SUM(A1)'].map(neutralizeFormula)).toEqual(["'+1", "'-1", "'@SUM(A1)"]);
    expect(neutralizeFormula('Ali')).toBe('Ali');
  });
});
