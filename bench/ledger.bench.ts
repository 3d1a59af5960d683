/**
 * Ledger benchmark: purchases evaluated and durably posted to the SQLite ledger with group commit.
 * Each purchase goes through the full service (`processPurchase`: member lookup, version, facts and
 * aggregates, caps, evaluation, ledger earn, rule awards, tier, outbox).
 *   batch 100:   `processPurchases`, the batch upload: 100 purchases in ONE BEGIN IMMEDIATE
 *                transaction without a savepoint each (`writeBatch`; a refused purchase rolls the
 *                attempt back and the batch runs again purchase by purchase). One commit per batch.
 *   savepoints:  the server's group commit: 100 purchases in one transaction, each in its own
 *                SAVEPOINT so a failing one leaves the others (checked at start: rolling back the
 *                outer transaction leaves no purchase behind).
 *   batch 1:     one transaction and one commit per purchase.
 * Every variant gets a fresh temporary SQLite file in WAL mode with the server's background
 * checkpointer (what the product uses).
 *   synchronous=NORMAL: durable against process crashes (the product's setting; a power loss may
 *                       lose the last commits but never corrupts).
 *   synchronous=FULL:   fsync on every commit, durable against power loss.
 * Run: node --import tsx bench/ledger.bench.ts   (LEDGER_BENCH_PURCHASES=10000 for a longer run)
 * Prints JSON lines:
 *   {"name":"ledger.post_events_per_s","value":N,"unit":"events/s","synchronous":"NORMAL","batch":100}
 *   {"name":"ledger.post_events_per_s.savepoints",...}         batch 100 with a savepoint each, NORMAL
 *   {"name":"ledger.post_events_per_s.batch_1",...}            one transaction per purchase, NORMAL
 *   {"name":"ledger.post_events_per_s.sync_full",...}          batch 100, FULL
 *   {"name":"ledger.post_events_per_s.sync_full_batch_1",...}  one transaction per purchase, FULL
 * A throwaway run first lets V8 optimise the write path, so every variant measures steady state.
 * Fails (exit 1) when `verifyLedger` does not pass after a variant.
 */
import { count, eq } from 'drizzle-orm';
import type { Db } from '../engine/src/db';
import { purchases } from '../engine/src/db/schema';
import { processPurchase, processPurchases, type ProcessPurchaseInput } from '../engine/src/events';
import { activeTemplateProgram, testMember } from '../engine/src/events/test-fixtures';
import { verifyLedger } from '../engine/src/ledger';
import { WRITE_TRANSACTION } from '../engine/src/ledger/common-input';
import { startCheckpointer } from '../engine/src/db';
import { tempDatabase } from '../engine/src/testing/temp-db';
import { rng } from './lib/purchases';

const PURCHASES = Number(process.env.LEDGER_BENCH_PURCHASES ?? 2000);
// As in a store chain's stream, a member buys a few times in the run, not dozens of times within
// minutes (which the template's velocity fraud rule rightly holds for review).
const MEMBERS = 2000;

/** Retail-tiers catalog (as in events.bench.ts): 1-4 lines, 90% members, 8 registers. */
const CATALOG = [
  { sku: 'MA-DRESS-LINEN-38', category: 'womenswear', brand: 'meridian-atelier', price: 90 },
  { sku: 'MV-EDP-50', category: 'beauty', brand: 'maison-verre', price: 60 },
  { sku: 'NC-SHIRT-OXF', category: 'menswear', brand: 'northcoast', price: 45 },
  { sku: 'NC-SCARF-WOOL', category: 'accessories', brand: 'northcoast', price: 25 },
  { sku: 'LB-BOOTS-39', category: 'shoes', brand: 'lindberg', price: 179 },
];

function benchPurchases({ programId, members, count, seed }: { programId: string; members: string[]; count: number; seed: number }): ProcessPurchaseInput[] {
  const r = rng(seed);
  return Array.from({ length: count }, (_, i) => ({
    programId,
    storeId: 'bench-store',
    registerId: String(i % 8),
    receiptNumber: `B-${i}`,
    member: r() < 0.9 ? { memberId: members[Math.floor(r() * members.length)]! } : undefined,
    items: Array.from({ length: 1 + Math.floor(r() * 4) }, (_, j) => ({ ...CATALOG[Math.floor(r() * CATALOG.length)]!, ref: String(j + 1), quantity: 1 + Math.floor(r() * 2) })),
  }));
}

type Variant = { name: string; synchronous: 'NORMAL' | 'FULL'; batch: number; purchases: number; savepoints?: boolean };
const VARIANTS: Variant[] = [
  { name: 'ledger.post_events_per_s', synchronous: 'NORMAL', batch: 100, purchases: PURCHASES },
  { name: 'ledger.post_events_per_s.savepoints', synchronous: 'NORMAL', batch: 100, purchases: PURCHASES, savepoints: true },
  { name: 'ledger.post_events_per_s.batch_1', synchronous: 'NORMAL', batch: 1, purchases: Math.min(PURCHASES, 500) },
  { name: 'ledger.post_events_per_s.sync_full', synchronous: 'FULL', batch: 100, purchases: PURCHASES },
  { name: 'ledger.post_events_per_s.sync_full_batch_1', synchronous: 'FULL', batch: 1, purchases: Math.min(PURCHASES, 500) },
];

/** Posts the variant's purchases to a fresh database; returns the JSON line of its result. */
async function runVariant(v: Variant): Promise<Record<string, unknown>> {
  const { db, file, cleanup } = tempDatabase();
  // As in the server: WAL checkpoints in a background thread, not inside a commit.
  const checkpointer = startCheckpointer(db, file);
  try {
    db.$client.pragma(`synchronous = ${v.synchronous}`);
    const mode = db.$client.pragma('synchronous', { simple: true });
    const journal = db.$client.pragma('journal_mode', { simple: true });
    if (mode !== (v.synchronous === 'FULL' ? 2 : 1) || journal !== 'wal') throw new Error(`pragma not applied: synchronous=${mode} journal_mode=${journal}`);
    const { programId } = activeTemplateProgram(db);
    const members = db.transaction(() => Array.from({ length: MEMBERS }, (_, i) => testMember(db, programId, `bench-${i}`)), WRITE_TRANSACTION);
    const inputs = benchPurchases({ programId, members, count: v.purchases, seed: 7 });
    const post = (batch: ProcessPurchaseInput[]): void => {
      if (v.batch === 1) {
        // No group commit: processPurchase opens its own BEGIN IMMEDIATE and commits.
        for (const input of batch) processPurchase({ ctx: { db }, input });
      } else if (v.savepoints) {
        db.transaction((tx) => {
          for (const input of batch) processPurchase({ ctx: { db: tx }, input });
        }, WRITE_TRANSACTION);
      } else {
        const refused = processPurchases({ ctx: { db }, input: batch }).find((o) => !o.ok);
        if (refused) throw new Error(`${v.name}: a purchase was refused: ${String(refused.error)}`);
      }
    };
    // Warm-up: JIT, compiled program runtime, statement caches.
    const warm = inputs.slice(0, 200).map((i) => ({ ...i, receiptNumber: `warm-${i.receiptNumber}` }));
    for (let i = 0; i < warm.length; i += v.batch) post(warm.slice(i, i + v.batch));
    const start = performance.now();
    for (let i = 0; i < inputs.length; i += v.batch) post(inputs.slice(i, i + v.batch));
    const seconds = (performance.now() - start) / 1000;
    const report = verifyLedger(db);
    if (!report.ok) throw new Error(`${v.name}: ledger does not verify after the run: ${report.problems.slice(0, 3).join('; ')}`);
    const posted = countPurchases(db, programId);
    if (posted !== inputs.length + warm.length) throw new Error(`${v.name}: expected ${inputs.length + warm.length} purchases, found ${posted}`);
    return { name: v.name, value: Math.round(inputs.length / seconds), unit: 'events/s', synchronous: v.synchronous, batch: v.batch, savepoints: v.batch > 1 ? Boolean(v.savepoints) : undefined, events: inputs.length };
  } finally {
    await checkpointer.stop();
    cleanup();
  }
}

function countPurchases(db: Db, programId: string): number {
  return db.select({ n: count() }).from(purchases).where(eq(purchases.programId, programId)).get()!.n;
}

/** Nested processPurchase must be a savepoint of the outer transaction, not a commit of its own. */
function checkNesting(): void {
  const { db, cleanup } = tempDatabase();
  try {
    const { programId } = activeTemplateProgram(db);
    const members = [testMember(db, programId, 'nest')];
    const [a, b] = benchPurchases({ programId, members, count: 2, seed: 1 });
    const rollback = new Error('rollback');
    try {
      db.transaction((tx) => {
        processPurchase({ ctx: { db: tx }, input: a! });
        processPurchase({ ctx: { db: tx }, input: b! });
        throw rollback;
      }, WRITE_TRANSACTION);
    } catch (e) {
      if (e !== rollback) throw e;
    }
    if (countPurchases(db, programId) !== 0) throw new Error('nested processPurchase committed on its own: group commit would not be one transaction');
    if (db.$client.inTransaction) throw new Error('transaction left open');
  } finally {
    cleanup();
  }
}

checkNesting();
// Steady state, not start-up: without this the first variant measured also pays for V8 optimising
// the write path (~20% fewer events/s than the same variant run later in the process).
for (const savepoints of [false, true]) await runVariant({ name: 'warm-up', synchronous: 'NORMAL', batch: 100, purchases: 2000, savepoints });
const only = process.argv.slice(2);
for (const v of VARIANTS) if (only.length === 0 || only.includes(v.name)) console.log(JSON.stringify(await runVariant(v)));
