import { eq, sql } from 'drizzle-orm';
import { preparedInsert, preparedQuery, preparedSql, type DbTx } from '../db';
import { ledgerBalances, ledgerLots, ledgerPostings, ledgerTransactions } from '../db/schema';
import { accountId } from './accounts';
import { ensureLedgerAccounts, type LedgerPostingRow, type LedgerTransactionRow, type PostedTransaction } from './ledger-store';
import { postingsTotal, type LedgerPlan } from './plan-types';

export type NewLedgerTransaction = typeof ledgerTransactions.$inferInsert & { occurredAt: string; requestHash: string };

export type ApplyOptions = {
  /** Earning or spending counts as activity for the inactivity expiry policy. */
  activity?: boolean;
  /** Merges carry the source member's lifetime counters over to the target. */
  transferLifetimeFrom?: string;
};

const insertTransaction = preparedInsert(ledgerTransactions, [
  'id', 'kind', 'programId', 'memberId', 'programVersionId', 'sourceRef', 'relatedTransactionId', 'counterpartyMemberId', 'actor', 'reason', 'requestHash', 'occurredAt', 'createdAt', 'metadata',
]);
const insertLot = preparedInsert(ledgerLots, ['id', 'programId', 'memberId', 'originTransactionId', 'mergedFromLotId', 'points', 'remaining', 'status', 'earnedAt', 'availableAt', 'expiresAt', 'createdAt']);
const insertPosting = preparedInsert(ledgerPostings, ['transactionId', 'accountId', 'amount', 'lotId']);
const updateLot = preparedQuery((db) =>
  db
    .update(ledgerLots)
    .set({ remaining: sql`${sql.placeholder('remaining')}`, status: sql`${sql.placeholder('status')}` })
    .where(eq(ledgerLots.id, sql.placeholder('lotId')))
    .prepare(),
);
// Activity (earning, spending) moves the inactivity-expiry clock; a null activity leaves it.
const addToBalance = preparedSql(`
  update ledger_balances set available = available + @available, pending = pending + @pending, reserved = reserved + @reserved,
    lifetime_earned = lifetime_earned + @earned, lifetime_redeemed = lifetime_redeemed + @redeemed, lifetime_expired = lifetime_expired + @expired,
    last_activity_at = case when @activityAt is null then last_activity_at else max(coalesce(last_activity_at, ''), @activityAt) end, updated_at = @updatedAt
  where member_id = @memberId`);

type Deltas = { available: number; pending: number; reserved: number; earned: number; redeemed: number; expired: number };
const zero = (): Deltas => ({ available: 0, pending: 0, reserved: 0, earned: 0, redeemed: 0, expired: 0 });

/**
 * Writes one planned transaction: the transaction row, the balance projection (creating the
 * members' accounts on their first transaction), lots, postings and lot updates, all in the
 * caller's SQLite transaction. The CHECK constraints on the balances are the last line of
 * defence against a negative available balance.
 * @example applyPlan(tx, { id, kind: 'earn', programId, memberId, occurredAt, requestHash }, planEarn(...), { activity: true })
 */
export function applyPlan(tx: DbTx, row: NewLedgerTransaction, plan: LedgerPlan, options: ApplyOptions = {}): PostedTransaction {
  if (postingsTotal(plan) !== 0) throw new Error(`transaction ${row.id} does not balance`);
  const { programId, memberId } = row;
  const now = new Date().toISOString();
  const transaction: LedgerTransactionRow = {
    id: row.id,
    kind: row.kind,
    programId,
    memberId,
    programVersionId: row.programVersionId ?? null,
    sourceRef: row.sourceRef ?? null,
    relatedTransactionId: row.relatedTransactionId ?? null,
    counterpartyMemberId: row.counterpartyMemberId ?? null,
    actor: row.actor ?? null,
    reason: row.reason ?? null,
    requestHash: row.requestHash,
    occurredAt: row.occurredAt,
    createdAt: now,
    metadata: row.metadata ?? {},
  };
  insertTransaction(tx).run(transaction);

  const deltas = new Map<string, Deltas>([[memberId, zero()]]);
  const rows = plan.postings.map((p) => {
    const owner = p.account.memberId ?? memberId;
    let d = deltas.get(owner);
    if (!d) deltas.set(owner, (d = zero()));
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
    return { transactionId: row.id, accountId: accountId(programId, p.account), amount: p.amount, lotId: p.lotId ?? null };
  });

  // Balances first: a member whose balance row is missing has no accounts yet either, and the
  // postings below need them. Looking the row up first would cost a query on every transaction.
  if (options.transferLifetimeFrom) {
    for (const id of deltas.keys()) ensureLedgerAccounts(tx, programId, id);
    transferLifetime(tx, options.transferLifetimeFrom, memberId, now);
  }
  for (const [id, d] of deltas) {
    const update = { ...d, activityAt: options.activity && id === memberId ? row.occurredAt : null, updatedAt: now, memberId: id };
    if (addToBalance(tx).run(update).changes === 0) {
      ensureLedgerAccounts(tx, programId, id);
      addToBalance(tx).run(update);
    }
  }

  for (const change of plan.lots) {
    if (change.op !== 'create') continue;
    const { lot } = change;
    insertLot(tx).run({
      ...lot,
      expiresAt: lot.expiresAt ?? null,
      programId,
      originTransactionId: change.originTransactionId,
      mergedFromLotId: change.mergedFromLotId ?? null,
      createdAt: now,
    });
  }

  const postings: LedgerPostingRow[] = rows.map((posting) => ({ id: Number(insertPosting(tx).run(posting).lastInsertRowid), ...posting }));

  for (const change of plan.lots) {
    if (change.op !== 'update') continue;
    updateLot(tx).run({ remaining: change.remaining, status: change.status, lotId: change.lotId });
  }

  // What was just written, as `loadTransaction` would read it back.
  return { transaction, postings, replayed: false };
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
