import { eq, sql } from 'drizzle-orm';
import type { DbTx } from '../db';
import { ledgerBalances, ledgerLots, ledgerPostings, ledgerTransactions } from '../db/schema';
import { accountId } from './accounts';
import { ensureLedgerAccounts, loadTransaction, type PostedTransaction } from './ledger-store';
import { postingsTotal, type LedgerPlan } from './plan-types';

export type NewLedgerTransaction = typeof ledgerTransactions.$inferInsert & { occurredAt: string; requestHash: string };

export type ApplyOptions = {
  /** Earning or spending counts as activity for the inactivity expiry policy. */
  activity?: boolean;
  /** Merges carry the source member's lifetime counters over to the target. */
  transferLifetimeFrom?: string;
};

type Deltas = { available: number; pending: number; reserved: number; earned: number; redeemed: number; expired: number };
const zero = (): Deltas => ({ available: 0, pending: 0, reserved: 0, earned: 0, redeemed: 0, expired: 0 });

/**
 * Writes one planned transaction: the transaction row, lots, postings, lot updates and the
 * balance projection, all in the caller's SQLite transaction. The CHECK constraints on the
 * balances are the last line of defence against a negative available balance.
 * @example applyPlan(tx, { id, kind: 'earn', programId, memberId, occurredAt, requestHash }, planEarn(...), { activity: true })
 */
export function applyPlan(tx: DbTx, row: NewLedgerTransaction, plan: LedgerPlan, options: ApplyOptions = {}): PostedTransaction {
  if (postingsTotal(plan) !== 0) throw new Error(`transaction ${row.id} does not balance`);
  const { programId, memberId } = row;
  const now = new Date().toISOString();
  tx.insert(ledgerTransactions).values({ createdAt: now, ...row }).run();

  const deltas = new Map<string, Deltas>();
  const owners = [memberId, ...plan.postings.flatMap((p) => (p.account.memberId ? [p.account.memberId] : []))];
  for (const id of new Set(owners)) {
    ensureLedgerAccounts(tx, programId, id);
    deltas.set(id, zero());
  }
  const deltaOf = (id: string): Deltas => {
    const d = deltas.get(id);
    if (!d) throw new Error(`no balance row prepared for member ${id}`);
    return d;
  };

  for (const change of plan.lots) {
    if (change.op !== 'create') continue;
    const { lot } = change;
    tx.insert(ledgerLots)
      .values({
        ...lot,
        programId,
        originTransactionId: change.originTransactionId,
        mergedFromLotId: change.mergedFromLotId ?? null,
        createdAt: now,
      })
      .run();
  }

  for (const p of plan.postings) {
    const owner = p.account.memberId;
    tx.insert(ledgerPostings)
      .values({ transactionId: row.id, accountId: accountId(programId, p.account), amount: p.amount, lotId: p.lotId ?? null })
      .run();
    const d = deltaOf(owner ?? memberId);
    switch (p.account.kind) {
      case 'member-available': d.available += p.amount; break;
      case 'member-pending': d.pending += p.amount; break;
      case 'member-reserved': d.reserved += p.amount; break;
      case 'program-issued': d.earned -= p.amount; break;
      case 'program-returns': d.earned -= p.amount; break;
      case 'program-redeemed': d.redeemed += p.amount; break;
      case 'program-expired': d.expired += p.amount; break;
      default: break;
    }
  }

  for (const change of plan.lots) {
    if (change.op !== 'update') continue;
    tx.update(ledgerLots).set({ remaining: change.remaining, status: change.status }).where(eq(ledgerLots.id, change.lotId)).run();
  }

  if (options.transferLifetimeFrom) transferLifetime(tx, options.transferLifetimeFrom, memberId, now);
  for (const [id, d] of deltas) {
    const touchesActivity = options.activity && id === memberId;
    tx.update(ledgerBalances)
      .set({
        available: sql`${ledgerBalances.available} + ${d.available}`,
        pending: sql`${ledgerBalances.pending} + ${d.pending}`,
        reserved: sql`${ledgerBalances.reserved} + ${d.reserved}`,
        lifetimeEarned: sql`${ledgerBalances.lifetimeEarned} + ${d.earned}`,
        lifetimeRedeemed: sql`${ledgerBalances.lifetimeRedeemed} + ${d.redeemed}`,
        lifetimeExpired: sql`${ledgerBalances.lifetimeExpired} + ${d.expired}`,
        ...(touchesActivity
          ? { lastActivityAt: sql`max(coalesce(${ledgerBalances.lastActivityAt}, ''), ${row.occurredAt})` }
          : {}),
        updatedAt: now,
      })
      .where(eq(ledgerBalances.memberId, id))
      .run();
  }
  const stored = loadTransaction(tx, row.id);
  if (!stored) throw new Error(`transaction ${row.id} was not stored`);
  return { ...stored, replayed: false };
}

function transferLifetime(tx: DbTx, from: string, to: string, now: string): void {
  const source = tx.select().from(ledgerBalances).where(eq(ledgerBalances.memberId, from)).get();
  if (!source) return;
  tx.update(ledgerBalances)
    .set({
      lifetimeEarned: sql`${ledgerBalances.lifetimeEarned} + ${source.lifetimeEarned}`,
      lifetimeRedeemed: sql`${ledgerBalances.lifetimeRedeemed} + ${source.lifetimeRedeemed}`,
      lifetimeExpired: sql`${ledgerBalances.lifetimeExpired} + ${source.lifetimeExpired}`,
      lastActivityAt: sql`nullif(max(coalesce(${ledgerBalances.lastActivityAt}, ''), ${source.lastActivityAt ?? ''}), '')`,
      updatedAt: now,
    })
    .where(eq(ledgerBalances.memberId, to))
    .run();
  tx.update(ledgerBalances)
    .set({ lifetimeEarned: 0, lifetimeRedeemed: 0, lifetimeExpired: 0, updatedAt: now })
    .where(eq(ledgerBalances.memberId, from))
    .run();
}
