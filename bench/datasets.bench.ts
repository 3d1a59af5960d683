/**
 * Dataset benchmarks: synthetic generation speed (1,000,000 purchases over 100,000 members) and the
 * time to load the shipped UCI Online Retail history. Prints one JSON line per measure.
 *   node --import tsx bench/datasets.bench.ts
 */
import { loadOnlineRetail, syntheticDataset } from '../engine/src/simulation/datasets';

function print(name: string, value: number, extra: Record<string, unknown> = {}): void {
  console.log(JSON.stringify({ name, value: Math.round(value * 1000) / 1000, unit: name.includes('_per_s') ? 'events/s' : 's', ...extra }));
}

async function main(): Promise<void> {
  const ds = syntheticDataset({ seed: 1, members: 100_000, events: 1_000_000 });
  let purchases = 0;
  let events = 0;
  const started = performance.now();
  for (const e of ds.eventsSync()) {
    events++;
    if (e.kind === 'purchase') purchases++;
  }
  const seconds = (performance.now() - started) / 1000;
  print('datasets.synthetic_events_per_s', events / seconds, { purchases, events, seconds: Math.round(seconds * 1000) / 1000 });

  const asyncStarted = performance.now();
  let asyncEvents = 0;
  for await (const _ of ds.events()) asyncEvents++;
  print('datasets.synthetic_events_per_s_async', asyncEvents / ((performance.now() - asyncStarted) / 1000));

  const loadStarted = performance.now();
  const retail = await loadOnlineRetail();
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  print('datasets.online_retail_load_s', loadSeconds, { rows: retail.report.rowsRead });

  const iterStarted = performance.now();
  let retailEvents = 0;
  for (const _ of retail.eventsSync()) retailEvents++;
  print('datasets.online_retail_events_per_s', retailEvents / ((performance.now() - iterStarted) / 1000), { events: retailEvents });
}

await main();
