import { DomainError, ErrorCode } from './errors';
import { InputValidationPipe, unstorableText } from './validation.pipe';

describe('unstorableText', () => {
  it('finds NUL and lone surrogates anywhere, by path, and accepts every valid string', () => {
    expect(unstorableText({ title: 'ok', terms: [{ obligation: 'a\u0000b' }] }, 'input')).toBe('input.terms.0.obligation');
    expect(unstorableText(['fine', '\uD800'], 'agenda')).toBe('agenda');
    expect(unstorableText('x\uDC00', 'name')).toBe('name');
    expect(unstorableText({ name: 'Ҷӯрабек \u{1F600} \u202E e\u0301', tags: ['\t\r\n'] }, 'input')).toBeNull();
  });
});

describe('InputValidationPipe', () => {
  it('refuses unstorable text even in plain String arguments, as BAD_USER_INPUT with the field', async () => {
    const refused = await new InputValidationPipe()
      .transform('\uD83D', { type: 'query', metatype: String, data: 'number' })
      .catch((e) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, field: 'number' });
  });
});
