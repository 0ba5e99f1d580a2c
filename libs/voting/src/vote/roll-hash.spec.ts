import { createHash } from 'node:crypto';
import { rollHash } from './roll-hash';

const a = '0b9f0a53-4d3e-4c8e-8a8e-3c2a1d0e9f7b';
const b = '5d1c0b6e-1d0f-4a7e-9f55-7a1d2c3b4e5f';

describe('roll hash', () => {
  it('is SHA-256 of [[delegateId, weight], ...] sorted by delegate id, whatever order the roll came in', () => {
    const expected = createHash('sha256').update(`[["${a}",1],["${b}",3]]`).digest('hex');
    expect(
      rollHash([
        { delegateId: b, weight: 3 },
        { delegateId: a, weight: 1 },
      ]),
    ).toBe(expected);
    expect(
      rollHash([
        { delegateId: a, weight: 1 },
        { delegateId: b, weight: 3 },
      ]),
    ).toBe(expected);
  });

  it('changes with any weight or member', () => {
    const base = rollHash([
      { delegateId: a, weight: 1 },
      { delegateId: b, weight: 3 },
    ]);
    expect(
      rollHash([
        { delegateId: a, weight: 1 },
        { delegateId: b, weight: 2 },
      ]),
    ).not.toBe(base);
    expect(rollHash([{ delegateId: a, weight: 1 }])).not.toBe(base);
  });
});
