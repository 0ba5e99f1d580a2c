import { DynamicModule, Module } from '@nestjs/common';
import { APP_INTERCEPTOR, APP_PIPE, ModuleRef } from '@nestjs/core';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { Logger } from 'pino';
import { AuthModule } from '@gc/auth';
import { InputValidationPipe, MetricsModule } from '@gc/common';
import { ComplianceModule } from '@gc/compliance';
import { AppConfig, ConfigModule } from '@gc/config';
import { CouncilModule } from '@gc/council';
import { dataSourceOptions, DbModule } from '@gc/db';
import { EventsModule } from '@gc/events';
import { LedgerModule } from '@gc/ledger';
import { MandatesModule } from '@gc/mandates';
import { PetitionsModule } from '@gc/petitions';
import { SessionsModule } from '@gc/sessions';
import { VotingModule } from '@gc/voting';
import { MIGRATIONS } from '../../../migrations';
import { ENTITIES } from './entities';
import { graphqlOptions } from './graphql/graphql.options';
import { TransactionInterceptor } from './graphql/transaction.interceptor';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics.controller';

export const LOGGER = Symbol('LOGGER');

@Module({})
export class AppModule {
  /** `databaseUrl` may go through a pooler; `directUrl` must not (LISTEN, the start-up lock). */
  static forRoot(config: AppConfig, databaseUrl: string, logger: Logger, directUrl = databaseUrl): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        MetricsModule,
        DbModule.forRoot(dataSourceOptions(databaseUrl, ENTITIES, MIGRATIONS), directUrl),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [ModuleRef],
          useFactory: (moduleRef: ModuleRef) => graphqlOptions(config, logger, moduleRef),
        }),
        EventsModule.forRoot(logger),
        LedgerModule,
        CouncilModule,
        AuthModule,
        MandatesModule,
        SessionsModule,
        PetitionsModule,
        VotingModule,
        ComplianceModule,
      ],
      controllers: config.metricsEnabled ? [HealthController, MetricsController] : [HealthController],
      providers: [
        { provide: LOGGER, useValue: logger },
        { provide: APP_PIPE, useClass: InputValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: TransactionInterceptor },
      ],
    };
  }
}
