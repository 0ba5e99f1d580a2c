import { GraphQLError } from 'graphql';
import pino from 'pino';
import { createFormatError } from './format-error';

describe('createFormatError', () => {
  const logged: string[] = [];
  const formatError = createFormatError(pino({ level: 'error' }, { write: (line: string) => logged.push(line) }));

  it("answers graphql-js's own refusals of a request (no path, no cause) as BAD_USER_INPUT, not as an internal error", () => {
    const error = new GraphQLError('Too many errors processing variables, error limit reached. Execution aborted.');
    expect(formatError({ message: error.message }, error)).toEqual({
      message: error.message,
      locations: undefined,
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(logged).toEqual([]);
  });

  it('still hides and logs an unexpected error raised while resolving', () => {
    const error = new GraphQLError('relation "x" does not exist', {
      path: ['council'],
      originalError: new Error('relation "x" does not exist'),
    });
    expect(formatError({ message: error.message, path: ['council'] }, error)).toEqual({
      message: 'Internal server error',
      path: ['council'],
      locations: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(logged).toHaveLength(1);
  });
});
