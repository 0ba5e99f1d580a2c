import { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError } from '@gc/common';
import { Logger } from 'pino';

const codeOf = (error: unknown): unknown => {
  const original = unwrapResolverError(error);
  return original instanceof DomainError
    ? original.code
    : ((error as { extensions?: { code?: unknown } }).extensions?.code ?? 'INTERNAL_SERVER_ERROR');
};

/** One line per operation: its name, type, time and error codes. Never the document or variables, which can hold personal data. */
export function requestLogPlugin(logger: Logger): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, operation, errors }) {
          logger.info(
            {
              operationName: operationName ?? null,
              operationType: operation?.operation ?? null,
              durationMs: Number(process.hrtime.bigint() - started) / 1e6,
              errorCodes: errors?.map(codeOf),
            },
            'graphql',
          );
        },
      };
    },
  };
}
