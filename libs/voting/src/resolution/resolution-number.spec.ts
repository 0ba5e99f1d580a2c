import fc from 'fast-check';
import { formatResolutionNumber, numberingYear, parseResolutionNumber } from './resolution-number';

describe('resolution numbers', () => {
  it('prints GC-<year>-<seq> without padding', () => {
    expect(formatResolutionNumber(2026, 1)).toBe('GC-2026-1');
    expect(formatResolutionNumber(2026, 42)).toBe('GC-2026-42');
  });

  it('parses what it prints, and nothing else', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 999_999_999 }), (year, seq) => {
        expect(parseResolutionNumber(formatResolutionNumber(year, seq))).toEqual({ year, seq });
      }),
    );
    for (const text of ['GC-2026-0', 'GC-2026-01', 'gc-2026-1', 'GC-26-1', 'GC-2026-', 'GC-2026-1a', 'X GC-2026-1']) {
      expect(parseResolutionNumber(text)).toBeNull();
    }
  });

  it('refuses a sequence below 1 or a year that is not four digits', () => {
    expect(() => formatResolutionNumber(2026, 0)).toThrow(RangeError);
    expect(() => formatResolutionNumber(26, 1)).toThrow(RangeError);
  });

  it('counts by the UTC year, so an adoption at new year is numbered the same on every server', () => {
    expect(numberingYear(new Date('2026-12-31T23:59:59.999Z'))).toBe(2026);
    expect(numberingYear(new Date('2027-01-01T00:00:00.000Z'))).toBe(2027);
  });
});
