import { newConstituentRef } from './constituent-ref';

describe('newConstituentRef', () => {
  it('has the documented shape and never repeats in practice', () => {
    const refs = Array.from({ length: 10_000 }, newConstituentRef);
    for (const ref of refs.slice(0, 50)) expect(ref).toMatch(/^C-[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(new Set(refs).size).toBe(refs.length);
  });
});
