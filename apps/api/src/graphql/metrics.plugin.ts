import { ApolloServerPlugin } from '@apollo/server';
import { Kind, OperationDefinitionNode } from 'graphql';
import { Metrics } from '@gc/common';

/** The operation's root fields, which the schema bounds; the client-chosen operation name is not used as a label. */
export function operationLabel(operation: OperationDefinitionNode | undefined): string {
  if (!operation) return 'invalid';
  const fields = operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
  return fields.length ? [...new Set(fields)].sort().join(',') : operation.operation;
}

/** Request count and latency per operation for /metrics. */
export function metricsPlugin(metrics: Metrics): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operation, errors }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          metrics.observeOperation(
            operationLabel(operation ?? undefined),
            operation?.operation ?? 'invalid',
            seconds,
            Boolean(errors?.length),
          );
        },
      };
    },
  };
}
