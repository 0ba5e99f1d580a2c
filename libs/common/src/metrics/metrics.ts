import { Injectable } from '@nestjs/common';

/** Upper bounds (seconds) of the request latency histogram. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;
/**
 * Distinct operation labels kept; later ones are counted as "other". Labels come from the schema's root fields,
 * but a client can still combine them with aliases, and every label costs memory for the life of the process.
 */
export const MAX_OPERATION_LABELS = 200;

interface OperationSeries {
  type: string;
  ok: number;
  error: number;
  /** Cumulative counts per bucket, then +Inf. */
  buckets: number[];
  sumSeconds: number;
}

export interface PoolUsage {
  total: number;
  idle: number;
  waiting: number;
}

const escapeLabel = (value: string) => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/**
 * In-process counters in the Prometheus text format. Labels are operation names from the schema, never client
 * text, variables or identities: a scrape must not carry personal data.
 */
@Injectable()
export class Metrics {
  private readonly operations = new Map<string, OperationSeries>();
  private ballots = 0;
  private poolUsage: () => PoolUsage | null = () => null;

  /** Records one GraphQL request: `operation` is its root field names (or "invalid"), `type` query/mutation/subscription. */
  observeOperation(operation: string, type: string, seconds: number, failed: boolean): void {
    const key = this.operations.has(operation) || this.operations.size < MAX_OPERATION_LABELS ? operation : 'other';
    let series = this.operations.get(key);
    if (!series) {
      series = { type, ok: 0, error: 0, buckets: new Array(LATENCY_BUCKETS.length + 1).fill(0), sumSeconds: 0 };
      this.operations.set(key, series);
    }
    if (failed) series.error++;
    else series.ok++;
    series.sumSeconds += seconds;
    LATENCY_BUCKETS.forEach((bound, i) => {
      if (seconds <= bound) series.buckets[i]++;
    });
    series.buckets[LATENCY_BUCKETS.length]++;
  }

  ballotCast(): void {
    this.ballots++;
  }

  /** Where the database pool's usage is read at scrape time. */
  readPoolUsage(read: () => PoolUsage | null): void {
    this.poolUsage = read;
  }

  render(): string {
    const lines: string[] = [
      '# HELP gc_graphql_requests_total GraphQL requests by operation (root fields), type and outcome.',
      '# TYPE gc_graphql_requests_total counter',
    ];
    const sorted = [...this.operations.entries()].sort(([a], [b]) => a.localeCompare(b));
    for (const [operation, series] of sorted) {
      const labels = `operation="${escapeLabel(operation)}",type="${escapeLabel(series.type)}"`;
      lines.push(`gc_graphql_requests_total{${labels},outcome="ok"} ${series.ok}`);
      lines.push(`gc_graphql_requests_total{${labels},outcome="error"} ${series.error}`);
    }
    lines.push(
      '# HELP gc_graphql_request_duration_seconds GraphQL request latency by operation, from parsing to the response.',
      '# TYPE gc_graphql_request_duration_seconds histogram',
    );
    for (const [operation, series] of sorted) {
      const name = `operation="${escapeLabel(operation)}"`;
      LATENCY_BUCKETS.forEach((bound, i) =>
        lines.push(`gc_graphql_request_duration_seconds_bucket{${name},le="${bound}"} ${series.buckets[i]}`),
      );
      const count = series.buckets[LATENCY_BUCKETS.length];
      lines.push(`gc_graphql_request_duration_seconds_bucket{${name},le="+Inf"} ${count}`);
      lines.push(`gc_graphql_request_duration_seconds_sum{${name}} ${series.sumSeconds}`);
      lines.push(`gc_graphql_request_duration_seconds_count{${name}} ${count}`);
    }
    lines.push(
      '# HELP gc_ballots_cast_total Ballots counted (a changed roll-call ballot counts again).',
      '# TYPE gc_ballots_cast_total counter',
    );
    lines.push(`gc_ballots_cast_total ${this.ballots}`);
    const pool = this.poolUsage();
    if (pool) {
      lines.push('# HELP gc_db_pool_connections Connections of the database pool by state.', '# TYPE gc_db_pool_connections gauge');
      lines.push(`gc_db_pool_connections{state="open"} ${pool.total}`);
      lines.push(`gc_db_pool_connections{state="idle"} ${pool.idle}`);
      lines.push(`gc_db_pool_connections{state="in_use"} ${pool.total - pool.idle}`);
      lines.push(`gc_db_pool_connections{state="waiting_clients"} ${pool.waiting}`);
    }
    return `${lines.join('\n')}\n`;
  }
}
