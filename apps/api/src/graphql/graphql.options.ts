import { ApolloDriverConfig } from '@nestjs/apollo';
import { ModuleRef } from '@nestjs/core';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { Request, Response } from 'express';
import { Logger } from 'pino';
import { Metrics, RequestLoaders } from '@gc/common';
import { AppConfig } from '@gc/config';
import { createFormatError } from './format-error';
import { metricsPlugin } from './metrics.plugin';
import { requestLogPlugin } from './request-log.plugin';

/** Limits applied before execution; a legitimate client of this API stays far below each. */
export const QUERY_LIMITS = { maxAliases: 15, maxCost: 5000, maxTokens: 2000, maxDirectives: 20 };

const stringParam = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export function graphqlOptions(config: AppConfig, logger: Logger, moduleRef: ModuleRef): ApolloDriverConfig {
  const production = config.nodeEnv === 'production';
  const armor = new ApolloArmor({
    maxDepth: { n: config.graphqlMaxDepth, ignoreIntrospection: !production },
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    costLimit: { maxCost: QUERY_LIMITS.maxCost, ignoreIntrospection: !production },
    // graphql-armor counts tokens in a plugin hook whose refusal Apollo answers with HTTP 500; graphql-js's
    // own parser limit (parseOptions below) refuses the same document as a syntax error, 400.
    maxTokens: { enabled: false },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    blockFieldSuggestion: { enabled: production },
  }).protect();
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    introspection: config.graphqlIntrospection,
    playground: false,
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    includeStacktraceInErrorResponses: false,
    validationRules: armor.validationRules,
    // Our CommonJS build and the ESM @nestjs/apollo see two declarations of the same plugin type.
    plugins: [
      ...armor.plugins,
      requestLogPlugin(logger),
      metricsPlugin(moduleRef.get(Metrics, { strict: false })),
      config.graphqlLandingPage ? ApolloServerPluginLandingPageLocalDefault({ embed: false }) : ApolloServerPluginLandingPageDisabled(),
    ] as unknown as ApolloDriverConfig['plugins'],
    formatError: createFormatError(logger),
    subscriptions: { 'graphql-ws': { path: '/graphql' } },
    context: (request: { req?: Request; res?: Response; connectionParams?: Record<string, unknown> }) => ({
      // Over WebSocket there is no HTTP request: the client's connection parameters stand in for its headers.
      req: request.req ?? { headers: { authorization: stringParam(request.connectionParams?.authorization) } },
      res: request.res,
      loaders: new RequestLoaders(moduleRef),
    }),
  };
}
