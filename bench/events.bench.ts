/**
 * Events benchmark: posts purchases through the service layer (`processPurchase`: member lookup,
 * version, facts and aggregates, caps, evaluation, ledger earn, rule awards, tier, outbox) against
 * a temporary SQLite file (WAL, synchronous=NORMAL), one BEGIN IMMEDIATE transaction per purchase.
 * Run: node --import tsx bench/events.bench.ts   (EVENTS_BENCH_PURCHASES=5000 for a longer run)
 * Prints JSON lines:
 *   {"name":"events.purchases_per_s","value":N,"unit":"purchases/s"}
 *   {"name":"events.purchase_p99_ms","value":N,"unit":"ms"}
 */
import { processPurchase } from '../engine/src/events';
import { activeTemplateProgram, testMember } from '../engine/src/events/test-fixtures';
import { verifyLedger } from '../engine/src/ledger';
import { tempDatabase } from '../engine/src/testing/temp-db';
import { rng } from './lib/purchases';

const PURCHASES = Number(process.env.EVENTS_BENCH_PURCHASES ?? 2000);
const MEMBERS = 200;

const CATALOG = [
  { sku: 'MA-DRESS-LINEN-38', category: 'womenswear', brand: 'meridian-atelier', price: 90 },
  { sku: 'MV-EDP-50', category: 'beauty', brand: 'maison-verre', price: 60 },
  { sku: 'NC-SHIRT-OXF', category: 'menswear', brand: 'northcoast', price: 45 },
  { sku: 'NC-SCARF-WOOL', category: 'accessories', brand: 'northcoast', price: 25 },
  { sku: 'LB-BOOTS-39', category: 'shoes', brand: 'lindberg', price: 179 },
];


const { db, cleanup } = tempDatabase();
try {
  const { programId } = activeTemplateProgram(db);
  const members = Array.from({ length: MEMBERS }, (_, i) => testMember(db, programId, `bench-${i}`));
  const r = rng(7);
  const inputs = Array.from({ length: PURCHASES }, (_, i) => ({
    programId,
    storeId: 'bench-store',
    registerId: String(i % 8),
    receiptNumber: `B-${i}`,
    member: r() < 0.9 ? { memberId: members[Math.floor(r() * MEMBERS)]! } : undefined,
    items: Array.from({ length: 1 + Math.floor(r() * 4) }, (_, j) => ({ ...CATALOG[Math.floor(r() * CATALOG.length)]!, ref: String(j + 1), quantity: 1 + Math.floor(r() * 2) })),
  }));
  for (const input of inputs.slice(0, 50)) processPurchase({ ctx: { db }, input: { ...input, receiptNumber: `warm-${input.receiptNumber}` } });
  const times: number[] = [];
  const start = performance.now();
  for (const input of inputs) {
    const t = performance.now();
    processPurchase({ ctx: { db }, input });
    times.push(performance.now() - t);
  }
  const seconds = (performance.now() - start) / 1000;
  times.sort((a, b) => a - b);
  const report = verifyLedger(db);
  if (!report.ok) throw new Error(`ledger does not verify after the run: ${report.problems[0]}`);
  console.log(JSON.stringify({ name: 'events.purchases_per_s', value: Math.round(PURCHASES / seconds), unit: 'purchases/s' }));
  console.log(JSON.stringify({ name: 'events.purchase_p99_ms', value: Number(times[Math.floor(times.length * 0.99)]!.toFixed(2)), unit: 'ms' }));
} finally {
  cleanup();
}
