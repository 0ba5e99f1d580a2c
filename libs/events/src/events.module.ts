import { DynamicModule, Global, Module } from '@nestjs/common';
import { Logger } from 'pino';
import { EVENTS_LOGGER, EventBus } from './event-bus';

@Global()
@Module({})
export class EventsModule {
  static forRoot(logger: Logger): DynamicModule {
    return { module: EventsModule, providers: [EventBus, { provide: EVENTS_LOGGER, useValue: logger }], exports: [EventBus] };
  }
}
