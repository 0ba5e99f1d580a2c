import { MAX_OPERATION_LABELS, Metrics } from './metrics';

describe('Metrics', () => {
  it('renders counters and a cumulative latency histogram per operation in the Prometheus text format', () => {
    const metrics = new Metrics();
    metrics.observeOperation('castBallot', 'mutation', 0.02, false);
    metrics.observeOperation('castBallot', 'mutation', 0.3, true);
    metrics.ballotCast();
    metrics.readPoolUsage(() => ({ total: 5, idle: 3, waiting: 1 }));
    const text = metrics.render();
    expect(text).toContain('gc_graphql_requests_total{operation="castBallot",type="mutation",outcome="ok"} 1');
    expect(text).toContain('gc_graphql_requests_total{operation="castBallot",type="mutation",outcome="error"} 1');
    expect(text).toContain('gc_graphql_request_duration_seconds_bucket{operation="castBallot",le="0.01"} 0');
    expect(text).toContain('gc_graphql_request_duration_seconds_bucket{operation="castBallot",le="0.025"} 1');
    expect(text).toContain('gc_graphql_request_duration_seconds_bucket{operation="castBallot",le="0.5"} 2');
    expect(text).toContain('gc_graphql_request_duration_seconds_bucket{operation="castBallot",le="+Inf"} 2');
    expect(text).toContain('gc_graphql_request_duration_seconds_count{operation="castBallot"} 2');
    expect(text).toContain('gc_ballots_cast_total 1');
    expect(text).toContain('gc_db_pool_connections{state="in_use"} 2');
    expect(text).toContain('gc_db_pool_connections{state="waiting_clients"} 1');
  });

  it('stops adding labels at the cap and counts the rest as "other"', () => {
    const metrics = new Metrics();
    for (let i = 0; i < MAX_OPERATION_LABELS + 10; i++) metrics.observeOperation(`op${i}`, 'query', 0.001, false);
    const text = metrics.render();
    expect(text).toContain('gc_graphql_requests_total{operation="other",type="query",outcome="ok"} 10');
    expect(text).not.toContain(`operation="op${MAX_OPERATION_LABELS}"`);
  });

  it('escapes label text', () => {
    const metrics = new Metrics();
    metrics.observeOperation('a"b\\c', 'query', 0.001, false);
    expect(metrics.render()).toContain('operation="a\\"b\\\\c"');
  });
});
