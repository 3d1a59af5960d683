/**
 * API benchmark: POST /api/v1/purchases against the real engine HTTP app running in a child
 * process (`bench/lib/api-server.ts`: temp SQLite file, WAL + synchronous=NORMAL, retail-tiers
 * program, one API key, 2,000 members), over loopback. Every request has a unique Idempotency-Key and
 * receipt number, 1-4 lines, 90% with a member.
 *
 * Two load generators, 500 requests/s each, after a short warm-up:
 *  - autocannon (`api.purchase.autocannon.*`; `overallRate: 500`, 100 connections): NOTE autocannon's rate is a per-connection
 *    budget per second (each connection sends back-to-back until it has made rate/connections
 *    requests, then waits for the next 1 s tick), so arrivals come in bursts at the start of each
 *    second rather than evenly. Its built-in coordinated-omission correction uses an expected
 *    interval of ceil(1/rate_per_connection) = 1 ms, which is not meaningful here, so it is turned
 *    off and the raw per-request latencies (send to response) are reported.
 *  - open loop (`api.purchase.*`, the target's figure): one request every 2 ms on a schedule, keep-alive
 *    sockets of a lean client (`lib/raw-http.ts`, so the generator takes little of the CPU the
 *    server needs), latency from the scheduled send time to the end of the response (so a late
 *    send counts against the server, no coordinated omission); requests still unanswered after
 *    10 s count as errors. This is the fixed arrival rate the target is about: autocannon's
 *    bursts queue up to a second's requests at once. Its own 1.5 s warm-up (sockets, code paths of
 *    the client) runs first and is not measured.
 * Run: node --import tsx bench/api.bench.ts   (API_BENCH_SECONDS=15 to change the measured time, API_BENCH_RATE=700 the rate;
 * API_BENCH_CPU_PROF=/tmp/prof to profile the server)
 * Prints JSON lines:
 *   {"name":"api.purchase.p99_ms","value":N,"unit":"ms","rate":500,"generator":"open-loop"}
 *   api.purchase.p50_ms, api.purchase.achieved_rps, api.purchase.errors (non-2xx + socket errors + timeouts)
 *   api.purchase.autocannon.p99_ms, .p50_ms, .achieved_rps, .errors
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { rng } from './lib/purchases';
import { RawHttpPool } from './lib/raw-http';

const RATE = Number(process.env.API_BENCH_RATE ?? 500);
const SECONDS = Number(process.env.API_BENCH_SECONDS ?? 12);
const WARMUP_SECONDS = 3;
const CONNECTIONS = 100;
const TIMEOUT_MS = 10_000;

type AutocannonRequest = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
type AutocannonResult = { duration: number; requests: { total: number; average: number }; non2xx: number; errors: number; timeouts: number; statusCodeStats: Record<string, { count: number }> };
type AutocannonInstance = Promise<AutocannonResult> & { on(event: 'response', fn: (client: unknown, statusCode: number, bytes: number, ms: number) => void): void };
type AutocannonOptions = {
  url: string;
  connections: number;
  duration: number;
  overallRate: number;
  timeout: number;
  ignoreCoordinatedOmission?: boolean;
  requests: { method: string; path: string; setupRequest: (req: AutocannonRequest) => AutocannonRequest }[];
};
// autocannon ships no types; this is the part of its programmatic API used here.
const autocannon = createRequire(import.meta.url)('autocannon') as (opts: AutocannonOptions) => AutocannonInstance;

const CATALOG = [
  { sku: 'MA-DRESS-LINEN-38', category: 'womenswear', brand: 'meridian-atelier', price: 90 },
  { sku: 'MV-EDP-50', category: 'beauty', brand: 'maison-verre', price: 60 },
  { sku: 'NC-SHIRT-OXF', category: 'menswear', brand: 'northcoast', price: 45 },
  { sku: 'NC-SCARF-WOOL', category: 'accessories', brand: 'northcoast', price: 25 },
  { sku: 'LB-BOOTS-39', category: 'shoes', brand: 'lindberg', price: 179 },
];

type Server = { child: ChildProcess; port: number; secret: string; memberIds: string[] };

function startServer(): Promise<Server> {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'lib', 'api-server.ts');
  // IPC channel: the server exits when it closes, even if this process dies without cleaning up.
  // API_BENCH_CPU_PROF=<dir> writes a CPU profile of the server to that folder.
  const profile = process.env.API_BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.API_BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', file], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('API server did not start within 60 s')), 60_000);
    child.once('exit', (code) => reject(new Error(`API server exited early (code ${code})`)));
    readline.createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      try {
        const info = JSON.parse(line) as { port: number; secret: string; memberIds: string[] };
        resolve({ child, ...info });
      } catch {
        reject(new Error(`API server printed something unexpected: ${line}`));
      }
    });
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function makeBodies(memberIds: string[]) {
  const r = rng(11);
  let n = 0;
  return (prefix: string) => {
    const i = n++;
    const body = JSON.stringify({
      registerId: String(i % 8),
      receiptNumber: `${prefix}-${i}`,
      member: r() < 0.9 ? { memberId: memberIds[Math.floor(r() * memberIds.length)]! } : undefined,
      items: Array.from({ length: 1 + Math.floor(r() * 4) }, (_, j) => ({ ...CATALOG[Math.floor(r() * CATALOG.length)]!, ref: String(j + 1), quantity: 1 + Math.floor(r() * 2) })),
    });
    return { key: `${prefix}-${i}-${process.pid}`, body };
  };
}

async function runAutocannon(server: Server, next: ReturnType<typeof makeBodies>, prefix: string, rate: number, seconds: number) {
  const latencies: number[] = [];
  const instance = autocannon({
    url: `http://127.0.0.1:${server.port}`,
    connections: CONNECTIONS,
    duration: seconds,
    overallRate: rate,
    timeout: TIMEOUT_MS / 1000,
    ignoreCoordinatedOmission: true,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/purchases',
        setupRequest: (req) => {
          const { key, body } = next(prefix);
          return { ...req, headers: { 'content-type': 'application/json', authorization: `Bearer ${server.secret}`, 'idempotency-key': key }, body };
        },
      },
    ],
  });
  instance.on('response', (_client, statusCode, _bytes, ms) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(ms);
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    rps: result.requests.total / result.duration,
    errors: result.non2xx + result.errors + result.timeouts,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([k, v]) => [k, v.count])),
  };
}

/** Open-loop paced load: request i is due at start + i / rate; latency counts from when it was due. */
async function runOpenLoop(server: Server, next: ReturnType<typeof makeBodies>, prefix: string, rate: number, seconds: number) {
  const pool = new RawHttpPool(server.port);
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let errors = 0;
  const pending: Promise<void>[] = [];
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${server.secret}` };
  const send = (due: number): Promise<void> => {
    const { key, body } = next(prefix);
    return pool.post('/api/v1/purchases', { ...headers, 'idempotency-key': key }, body, TIMEOUT_MS).then(
      ({ status }) => {
        statusCodes[status] = (statusCodes[status] ?? 0) + 1;
        if (status >= 200 && status < 300) latencies.push(performance.now() - due);
        else errors++;
      },
      () => {
        errors++;
      },
    );
  };
  const start = performance.now() + 50;
  let i = 0;
  await new Promise<void>((resolve) => {
    const tick = (): void => {
      const now = performance.now();
      while (i < total && start + (i * 1000) / rate <= now) pending.push(send(start + (i++ * 1000) / rate));
      if (i >= total) return resolve();
      setTimeout(tick, Math.max(0, start + (i * 1000) / rate - performance.now()));
    };
    tick();
  });
  await Promise.all(pending);
  const elapsed = (performance.now() - start) / 1000;
  pool.close();
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), rps: latencies.length / elapsed, errors, statusCodes };
}

let server: Server | undefined;
const kill = () => server?.child.kill('SIGKILL');
process.once('exit', kill);
for (const sig of ['SIGINT', 'SIGTERM'] as const)
  process.once(sig, () => {
    kill();
    process.exit(130);
  });

try {
  server = await startServer();
  const next = makeBodies(server.memberIds);
  await runAutocannon(server, next, 'warm', 200, WARMUP_SECONDS);
  const ac = await runAutocannon(server, next, 'ac', RATE, SECONDS);
  console.error(`api.bench: autocannon status codes ${JSON.stringify(ac.statusCodes)}`);
  const tag = { rate: RATE, generator: 'autocannon', connections: CONNECTIONS, seconds: SECONDS };
  console.log(JSON.stringify({ name: 'api.purchase.autocannon.p99_ms', value: round2(ac.p99), unit: 'ms', ...tag }));
  console.log(JSON.stringify({ name: 'api.purchase.autocannon.p50_ms', value: round2(ac.p50), unit: 'ms', ...tag }));
  console.log(JSON.stringify({ name: 'api.purchase.autocannon.achieved_rps', value: Math.round(ac.rps), unit: 'requests/s', ...tag }));
  console.log(JSON.stringify({ name: 'api.purchase.autocannon.errors', value: ac.errors, unit: 'requests', ...tag }));
  // The open-loop client's own sockets and code paths warm up first (not measured).
  await runOpenLoop(server, next, 'olwarm', RATE, 1.5);
  const ol = await runOpenLoop(server, next, 'ol', RATE, SECONDS);
  console.error(`api.bench: open-loop status codes ${JSON.stringify(ol.statusCodes)}`);
  const otag = { rate: RATE, generator: 'open-loop', seconds: SECONDS };
  console.log(JSON.stringify({ name: 'api.purchase.p99_ms', value: round2(ol.p99), unit: 'ms', ...otag }));
  console.log(JSON.stringify({ name: 'api.purchase.p50_ms', value: round2(ol.p50), unit: 'ms', ...otag }));
  console.log(JSON.stringify({ name: 'api.purchase.achieved_rps', value: Math.round(ol.rps), unit: 'requests/s', ...otag }));
  console.log(JSON.stringify({ name: 'api.purchase.errors', value: ol.errors, unit: 'requests', ...otag }));
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  if (server) await stopServer(server.child);
}
