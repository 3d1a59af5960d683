/**
 * Simulation benchmarks. Run: node --import tsx bench/simulation.bench.ts
 *   (SIMULATION_BENCH_EVENTS=200000 for a shorter synthetic run)
 * Prints JSON lines:
 *   {"name":"simulation.1m_events_s","value":s}     1,000,000 synthetic purchases over 100,000 members
 *                                                   (plus their sign-ups and returns), Bean Club; the
 *                                                   history is generated on the fly and included
 *   {"name":"simulation.events_per_s","value":N}    events of that run per second
 *   {"name":"simulation.online_retail_s","value":s} full backtest of UCI Online Retail with the
 *                                                   retail-tiers template in GBP (import excluded)
 * Each line also gives `cpu_s` (user + system CPU of this process during the measure): on a shared
 * machine wall time includes waiting for a core, CPU time does not. The 1M line gives
 * `rss_peak_mb`, the process's peak resident memory by then (generated history and replay state).
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ProgramTemplate } from '../engine/src/programs/template-catalog';
import { loadOnlineRetail, replaySync, syntheticDataset } from '../engine/src/simulation';
import { beanClub } from '../engine/src/spec';

const EVENTS = Number(process.env.SIMULATION_BENCH_EVENTS ?? 1_000_000);

function print(name: string, value: number, extra: Record<string, unknown> = {}): void {
  console.log(JSON.stringify({ name, value: Math.round(value * 1000) / 1000, unit: name.includes('_per_s') ? 'events/s' : 's', ...extra }));
}

function measure<T>(run: () => T): { result: T; seconds: number; cpu: number } {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = run();
  const seconds = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(cpu0);
  return { result, seconds, cpu: Math.round((c.user + c.system) / 1e4) / 100 };
}

async function main(): Promise<void> {
  const synthetic = syntheticDataset({ seed: 1, members: Math.max(1, Math.round(EVENTS / 10)), events: EVENTS });
  const s = measure(() => replaySync(beanClub(), synthetic));
  const r = s.result;
  const events = r.counts.events;
  const rssPeakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  print(EVENTS === 1_000_000 ? 'simulation.1m_events_s' : `simulation.${EVENTS}_events_s`, s.seconds, { cpu_s: s.cpu, rss_peak_mb: rssPeakMb, events, purchases: r.counts.purchases, members: r.counts.members, issued: r.points.issued });
  print('simulation.events_per_s', events / s.seconds, { cpu_events_per_s: Math.round(events / s.cpu) });

  const retail = await loadOnlineRetail();
  const file = fileURLToPath(new URL('../templates/programs/retail-tiers.json', import.meta.url));
  const spec = ProgramTemplate.parse(JSON.parse(fs.readFileSync(file, 'utf8'))).spec;
  spec.program.currency = 'GBP';
  spec.program.timezone = 'Europe/London';
  const o = measure(() => replaySync(spec, retail));
  print('simulation.online_retail_s', o.seconds, { cpu_s: o.cpu, events: o.result.counts.events, issued: o.result.points.issued, liability_gbp: o.result.money.liability });
}

await main();
