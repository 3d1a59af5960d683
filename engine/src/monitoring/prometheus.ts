import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DbTx } from '../db';
import { domainMetrics } from './domain-metrics';

export type Metrics = {
  /** Counts requests and their duration by route pattern and status. */
  httpMiddleware: MiddlewareHandler;
  /** The Prometheus text exposition of all metrics. */
  render: () => Promise<string>;
  contentType: string;
};

/**
 * The engine's Prometheus metrics: process (CPU, memory, event loop lag, uptime), HTTP (requests by
 * route and status, duration histogram) and domain (events, points issued and redeemed, rewards,
 * messages, errors, fraud flags per program and version).
 * @example const metrics = createMetrics({ db }); app.use('*', metrics.httpMiddleware); app.get('/metrics', async (c) => c.text(await metrics.render()));
 */
export function createMetrics({ db }: { db: DbTx }): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  new Gauge({
    name: 'process_uptime_seconds',
    help: 'Seconds since the process started',
    registers: [registry],
    collect() {
      this.set(process.uptime());
    },
  });
  const requests = new Counter({ name: 'http_requests_total', help: 'HTTP requests answered', labelNames: ['method', 'route', 'status'], registers: [registry] });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer HTTP requests',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const scrapeErrors = new Counter({ name: 'loyalty_metrics_refresh_errors_total', help: 'Domain metric refreshes that failed', registers: [registry] });
  const domain = domainMetrics(db, registry);

  return {
    contentType: registry.contentType,
    httpMiddleware: async (c, next) => {
      const started = performance.now();
      await next();
      // The route pattern, not the path, so ids in URLs do not explode the label set.
      const labels = { method: c.req.method, route: routePath(c) || 'unmatched', status: String(c.res.status) };
      requests.inc(labels);
      duration.observe(labels, (performance.now() - started) / 1000);
    },
    async render() {
      try {
        domain.refresh();
      } catch {
        scrapeErrors.inc();
      }
      return registry.metrics();
    },
  };
}
