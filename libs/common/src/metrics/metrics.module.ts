import { Global, Module } from '@nestjs/common';
import { Metrics } from './metrics';

/** One Metrics per app, counted whether or not /metrics is served (METRICS_ENABLED), so features need no flag. */
@Global()
@Module({ providers: [Metrics], exports: [Metrics] })
export class MetricsModule {}
