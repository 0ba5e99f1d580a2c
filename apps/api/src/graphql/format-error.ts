import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError } from '@gc/common';
import { Logger } from 'pino';

/** Codes that Apollo and graphql-armor raise before execution; their messages are safe to show. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * The one place where errors become what clients see: domain errors keep their code, message and
 * field; anything unexpected becomes INTERNAL_SERVER_ERROR with no stack, SQL or internal message.
 */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const { path, locations } = formatted;
    if (original instanceof DomainError) {
      return {
        message: original.message,
        path,
        locations,
        extensions: {
          code: original.code,
          ...(original.field ? { field: original.field } : {}),
          ...(original.details ? { details: original.details } : {}),
        },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
      return { message: formatted.message, locations, extensions: { code } };
    }
    // graphql-js refused the request before execution without a code (e.g. "Too many errors processing
    // variables"): no resolver ran, the message is graphql-js's own, and the fault is the request's.
    if (error instanceof GraphQLError && !error.path && !error.originalError) {
      return { message: formatted.message, locations, extensions: { code: 'BAD_USER_INPUT' } };
    }
    logger.error({ err: original, path }, 'unexpected error while resolving a GraphQL operation');
    return { message: 'Internal server error', path, locations, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
