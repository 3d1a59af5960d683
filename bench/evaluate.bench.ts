/**
 * Evaluate benchmark: the 40-rule program (`bench/evaluate-program.ts`: 4 tiers, 7 promotion groups
 * with stack / best-of / exclusive, category / brand / SKU rules, time windows, minimum spend,
 * caps) compiled once by the engine, against the same rules in json-rules-engine
 * (`bench/json-rules-engine-program.ts`), on the same seeded purchases with counters, in one process.
 * Run: node --import tsx bench/evaluate.bench.ts
 *   EVALUATE_BENCH_ROUNDS (default 6) x EVALUATE_BENCH_ROUND_SECONDS (default 0.75) per engine
 * Prints JSON lines:
 *   {"name":"evaluate.events_per_s","value":N,"unit":"events/s"}                    compiled: evaluate(compiled, facts, counters)
 *   {"name":"evaluate.json_rules_engine_events_per_s","value":M,"unit":"events/s"}  await jre.points(facts, counters)
 *   {"name":"evaluate.ratio","value":N/M,"unit":"x"}                                 target: at least 30
 *
 * Fairness: one Engine instance is built once and reused; each event is one `await engine.run(facts)`
 * (awaited before the next starts) plus the adapter that turns fired events into points. The
 * compiled side returns the full result (lines, per-line attribution, skipped rules), more than
 * the points the json-rules-engine side computes. Both get a warm-up, and they are checked to agree
 * on every event of the pool before anything is timed. The machine may be shared: timing
 * alternates between the engines in short rounds so load changes hit both alike, and each rate
 * is events over the seconds spent in that engine's rounds (wall clock).
 */
import { compileProgram, evaluate } from '../engine/src/rules';
import { evaluateProgram } from './evaluate-program';
import { createJsonRulesEngineProgram } from './json-rules-engine-program';
import type { PurchaseCase } from './lib/purchases';
import { purchaseEvents } from './lib/purchases';

const ROUNDS = Number(process.env.EVALUATE_BENCH_ROUNDS ?? 6);
const ROUND_SECONDS = Number(process.env.EVALUATE_BENCH_ROUND_SECONDS ?? 0.75);
const POOL = 4_000;

const spec = evaluateProgram();
const compiled = compileProgram(spec);
const jre = createJsonRulesEngineProgram(spec.program.timezone);
const pool: PurchaseCase[] = purchaseEvents(POOL, 42);

// Same answers first (a fast wrong engine is no result); this also warms json-rules-engine up.
for (let i = 0; i < pool.length; i++) {
  const { facts, counters } = pool[i]!;
  const a = evaluate(compiled, facts, counters).points;
  const b = await jre.points(facts, counters);
  if (a !== b) {
    console.error(`evaluate bench: engines disagree on event ${i}: compiled ${a}, json-rules-engine ${b}`);
    process.exit(1);
  }
}

const now = () => Number(process.hrtime.bigint()) / 1e9;
let next = 0; // position in the pool, carried across rounds
let checksum = 0;

/** Compiled evaluation for about `seconds`, in chunks of 500 events; returns [events, seconds]. */
function roundCompiled(seconds: number): [number, number] {
  const start = now();
  let n = 0;
  let elapsed = 0;
  do {
    for (let k = 0; k < 500; k++) {
      const c = pool[next]!;
      next = next + 1 === POOL ? 0 : next + 1;
      checksum += evaluate(compiled, c.facts, c.counters).points;
    }
    n += 500;
    elapsed = now() - start;
  } while (elapsed < seconds);
  return [n, elapsed];
}

/** json-rules-engine for about `seconds`, one awaited run per event, in chunks of 20 events. */
async function roundJre(seconds: number): Promise<[number, number]> {
  const start = now();
  let n = 0;
  let elapsed = 0;
  do {
    for (let k = 0; k < 20; k++) {
      const c = pool[next]!;
      next = next + 1 === POOL ? 0 : next + 1;
      checksum += await jre.points(c.facts, c.counters);
    }
    n += 20;
    elapsed = now() - start;
  } while (elapsed < seconds);
  return [n, elapsed];
}

// Warm-up, then rounds that alternate between the two so both see the same machine load.
roundCompiled(1);
await roundJre(0.5);
const total = { compiled: [0, 0], jre: [0, 0] };
for (let r = 0; r < ROUNDS; r++) {
  const [a, as] = roundCompiled(ROUND_SECONDS);
  const [b, bs] = await roundJre(ROUND_SECONDS);
  total.compiled[0]! += a;
  total.compiled[1]! += as;
  total.jre[0]! += b;
  total.jre[1]! += bs;
}
const fast = total.compiled[0]! / total.compiled[1]!;
const slow = total.jre[0]! / total.jre[1]!;
if (!(checksum > 0)) throw new Error('evaluate bench: no points were earned'); // keeps the work observable
console.log(JSON.stringify({ name: 'evaluate.events_per_s', value: Math.round(fast), unit: 'events/s' }));
console.log(JSON.stringify({ name: 'evaluate.json_rules_engine_events_per_s', value: Math.round(slow), unit: 'events/s' }));
console.log(JSON.stringify({ name: 'evaluate.ratio', value: Math.round((fast / slow) * 10) / 10, unit: 'x' }));
