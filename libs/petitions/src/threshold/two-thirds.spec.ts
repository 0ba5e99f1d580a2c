import fc from 'fast-check';
import { signaturesNeeded, twoThirdsMet } from './two-thirds';

describe('two-thirds threshold', () => {
  it.each([
    [0, null],
    [1, 1],
    [2, 2],
    [3, 2],
    [24, 16],
    [25, 17],
    [298, 199],
    [299, 200],
    [300, 200],
  ])('with %i seated needs %p signatures', (seated, needed) => {
    expect(signaturesNeeded(seated)).toBe(needed);
    if (needed !== null) {
      expect(twoThirdsMet(needed, seated)).toBe(true);
      expect(twoThirdsMet(needed - 1, seated)).toBe(false);
    }
  });

  it('is never met with nobody seated', () => {
    expect(twoThirdsMet(0, 0)).toBe(false);
    expect(twoThirdsMet(5, 0)).toBe(false);
  });

  it('checks every small case exhaustively against the definition', () => {
    for (let seated = 0; seated <= 60; seated++) {
      for (let valid = 0; valid <= seated; valid++) {
        expect(twoThirdsMet(valid, seated)).toBe(seated > 0 && valid * 3 >= seated * 2);
      }
    }
  });

  it('agrees with exact big-integer arithmetic and is monotone in signatures (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), (seated, valid) => {
        const exact = seated > 0 && 3n * BigInt(valid) >= 2n * BigInt(seated);
        expect(twoThirdsMet(valid, seated)).toBe(exact);
        if (twoThirdsMet(valid, seated)) expect(twoThirdsMet(valid + 1, seated)).toBe(true);
      }),
    );
  });

  it('needs exactly the least meeting count, and unseating a non-signer never raises it (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seated) => {
        const needed = signaturesNeeded(seated)!;
        expect(twoThirdsMet(needed, seated)).toBe(true);
        expect(twoThirdsMet(needed - 1, seated)).toBe(false);
        if (seated > 1) expect(signaturesNeeded(seated - 1)!).toBeLessThanOrEqual(needed);
      }),
    );
  });

  it('refuses negative and fractional counts', () => {
    expect(() => twoThirdsMet(-1, 3)).toThrow(RangeError);
    expect(() => twoThirdsMet(1.5, 3)).toThrow(RangeError);
    expect(() => signaturesNeeded(Number.NaN)).toThrow(RangeError);
  });
});
