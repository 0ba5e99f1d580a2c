import { Controller, Get, Header } from '@nestjs/common';
import { Metrics, Public } from '@gc/common';
import { Db } from '@gc/db';

interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/**
 * Prometheus metrics, mounted only with METRICS_ENABLED. Public like /health: they hold no personal data, and the
 * operator keeps the path off the public load balancer (README, Metrics).
 */
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    db: Db,
  ) {
    // TypeORM's postgres driver keeps its pg.Pool as `master`.
    const pool = (db.dataSource.driver as unknown as { master?: PgPool }).master;
    metrics.readPoolUsage(() => (pool ? { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount } : null));
  }

  @Public()
  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): string {
    return this.metrics.render();
  }
}
