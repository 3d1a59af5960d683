import { sql } from 'drizzle-orm';
import type { DbTx } from '../db';

export type LedgerReport = { ok: boolean; problems: string[] };

type Row = Record<string, string | number | null>;

/**
 * Checks the ledger's invariants over the whole database and lists every violation:
 * each transaction and all postings sum to zero; the balances projection equals the sums of the
 * postings per member account; lots hold exactly what their postings say and their remaining
 * points add up to the available and pending balances; closed lots are empty; held reservations
 * add up to the reserved balance; lifetime counters match; no balance is negative.
 * @example expect(verifyLedger(db)).toEqual({ ok: true, problems: [] });
 */
export function verifyLedger(db: DbTx): LedgerReport {
  const problems: string[] = [];
  const all = (query: ReturnType<typeof sql>) => db.all<Row>(query);
  const check = (label: string, rows: Row[]) => {
    for (const r of rows) problems.push(`${label}: ${JSON.stringify(r)}`);
  };

  check('transaction does not sum to zero', all(sql`select transaction_id, sum(amount) as total from ledger_postings group by transaction_id having total <> 0`));
  check('postings do not sum to zero', all(sql`select total from (select coalesce(sum(amount), 0) as total from ledger_postings) where total <> 0`));
  check(
    'balance differs from postings',
    all(sql`
      with sums as (
        select a.member_id,
          sum(case when a.kind = 'member-available' then p.amount else 0 end) as available,
          sum(case when a.kind = 'member-pending' then p.amount else 0 end) as pending,
          sum(case when a.kind = 'member-reserved' then p.amount else 0 end) as reserved
        from ledger_accounts a
          left join (select account_id, sum(amount) as amount from ledger_postings group by account_id) p on p.account_id = a.id
        where a.member_id is not null group by a.member_id)
      select s.member_id, s.available, s.pending, s.reserved, b.available as b_available, b.pending as b_pending, b.reserved as b_reserved
      from sums s left join ledger_balances b on b.member_id = s.member_id
      where b.member_id is null or s.available <> b.available or s.pending <> b.pending or s.reserved <> b.reserved`),
  );
  check(
    'lot remaining differs from its postings',
    all(sql`
      select l.id, l.remaining, coalesce(sum(p.amount), 0) as posted
      from ledger_lots l left join ledger_postings p on p.lot_id = l.id
      group by l.id having posted <> l.remaining`),
  );
  check('closed lot still holds points', all(sql`select id, status, remaining from ledger_lots where status in ('consumed', 'expired', 'merged') and remaining <> 0`));
  check(
    'lots differ from balance',
    all(sql`
      select * from (select b.member_id, b.available, b.pending,
        coalesce((select sum(remaining) from ledger_lots l where l.member_id = b.member_id and l.status = 'available'), 0) as lots_available,
        coalesce((select sum(remaining) from ledger_lots l where l.member_id = b.member_id and l.status in ('pending', 'held')), 0) as lots_pending
      from ledger_balances b) where lots_available <> available or lots_pending <> pending`),
  );
  check(
    'held reservations differ from reserved balance',
    all(sql`
      select * from (select b.member_id, b.reserved,
        coalesce((select sum(points) from ledger_reservations r where r.member_id = b.member_id and r.status = 'held'), 0) as held
      from ledger_balances b) where held <> reserved`),
  );
  check('negative balance', all(sql`select member_id, available, pending, reserved from ledger_balances where available < 0 or pending < 0 or reserved < 0`));
  checkLifetime(db, problems);
  return { ok: problems.length === 0, problems };
}

/** Lifetime counters recomputed from program-account postings, with merges carrying them over. */
function checkLifetime(db: DbTx, problems: string[]): void {
  const perTransaction = db.all<{ id: string; kind: string; member_id: string; counterparty: string | null; earned: number; redeemed: number; expired: number }>(sql`
    select t.id, t.kind, t.member_id, t.counterparty_member_id as counterparty,
      coalesce(sum(case when a.kind in ('program-issued', 'program-returns') then -p.amount else 0 end), 0) as earned,
      coalesce(sum(case when a.kind = 'program-redeemed' then p.amount else 0 end), 0) as redeemed,
      coalesce(sum(case when a.kind = 'program-expired' then p.amount else 0 end), 0) as expired
    from ledger_transactions t
    left join ledger_postings p on p.transaction_id = t.id
    left join ledger_accounts a on a.id = p.account_id
    group by t.id order by t.rowid`);
  const expected = new Map<string, { earned: number; redeemed: number; expired: number }>();
  const of = (id: string) => {
    const v = expected.get(id) ?? { earned: 0, redeemed: 0, expired: 0 };
    expected.set(id, v);
    return v;
  };
  for (const t of perTransaction) {
    const e = of(t.member_id);
    if (t.kind === 'merge' && t.counterparty) {
      const from = of(t.counterparty);
      e.earned += from.earned;
      e.redeemed += from.redeemed;
      e.expired += from.expired;
      expected.set(t.counterparty, { earned: 0, redeemed: 0, expired: 0 });
    }
    e.earned += t.earned;
    e.redeemed += t.redeemed;
    e.expired += t.expired;
  }
  const balances = db.all<{ member_id: string; lifetime_earned: number; lifetime_redeemed: number; lifetime_expired: number }>(
    sql`select member_id, lifetime_earned, lifetime_redeemed, lifetime_expired from ledger_balances`,
  );
  for (const b of balances) {
    const e = expected.get(b.member_id) ?? { earned: 0, redeemed: 0, expired: 0 };
    if (e.earned !== b.lifetime_earned || e.redeemed !== b.lifetime_redeemed || e.expired !== b.lifetime_expired) {
      problems.push(`lifetime counters differ: ${JSON.stringify({ member: b.member_id, expected: e, stored: b })}`);
    }
  }
}
