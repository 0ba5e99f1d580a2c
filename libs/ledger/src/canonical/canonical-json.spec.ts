import fc from 'fast-check';
import { canonicalJson, isCanonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops no values', () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null], c: 'x' } })).toBe('{"a":{"c":"x","d":[true,null]},"b":1}');
  });

  it('orders keys by UTF-16 code units, as RFC 8785 does', () => {
    expect(canonicalJson({ '\u00e9': 1, z: 2, Z: 3, '\u{1F600}': 4, '\uFB33': 5 })).toBe(
      '{"Z":3,"z":2,"\u00e9":1,"\u{1F600}":4,"\uFB33":5}',
    );
  });

  it('escapes strings the way JSON.parse reads them back', () => {
    const text = 'line\nbreak "quoted" \\ \u0001 \u2028';
    expect(JSON.parse(canonicalJson({ text }))).toEqual({ text });
  });

  it.each([[1.5], [Number.NaN], [Number.POSITIVE_INFINITY], [2 ** 60]])('refuses the non-integer or unsafe number %p', (n) => {
    expect(() => canonicalJson({ n })).toThrow(/safe integers/);
  });

  it('names where in the value the refused part is', () => {
    expect(() => canonicalJson({ a: [1, { b: 1.5 }] })).toThrow('$.a[1].b: only safe integers are allowed, got 1.5');
  });

  it('refuses dates, functions and class instances', () => {
    expect(() => canonicalJson({ at: new Date() })).toThrow(/plain objects/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/cannot be written/);
  });

  it('is a fixed point: parsing and re-encoding gives the same bytes, whatever the key order', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.string(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(fc.string(), tie('value'), { maxKeys: 4 }),
      ),
    })).value;
    fc.assert(
      fc.property(json, (value) => {
        const once = canonicalJson(value);
        expect(canonicalJson(JSON.parse(once))).toBe(once);
      }),
    );
  });

  it('recognizes canonical text and nothing else, including keys the engine enumerates out of text order', () => {
    const cases: [string, boolean][] = [
      ['{"a":1,"b":[true,null,"x"]}', true],
      ['{"b":1,"a":2}', false],
      ['{"a":1, "b":2}', false],
      ['{"a":1,"a":2}', false],
      ['{"a":1.0}', false],
      ['{"a":1.5}', false],
      ['{"10":1,"9":2}', true],
      ['{"9":2,"10":1}', false],
      ['"\\u0041"', false],
    ];
    for (const [text, canonical] of cases) expect([text, isCanonicalJson(text, JSON.parse(text))]).toEqual([text, canonical]);
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        let text: string;
        try {
          text = canonicalJson(value);
        } catch {
          return;
        }
        expect(isCanonicalJson(text, JSON.parse(text))).toBe(true);
        const spaced = JSON.stringify(JSON.parse(text), null, 1);
        if (spaced !== text) expect(isCanonicalJson(spaced, JSON.parse(spaced))).toBe(false);
      }),
    );
  });
});
