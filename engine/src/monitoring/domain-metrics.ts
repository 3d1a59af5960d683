import { sql } from 'drizzle-orm';
import { Counter, type Registry } from 'prom-client';
import type { DbTx } from '../db';
import { OUTBOX_SOURCES, sqlList } from './sources';

const LABELS = ['program_id', 'version_id'] as const;
type Labels = { program_id: string; version_id: string };

/**
 * Counters of what programs do, per program and version, fed from the ledger and the outbox. Each
 * refresh reads only rows added since the last one (rowid cursors), so scrapes stay cheap.
 * @example const domain = domainMetrics(db, registry); domain.refresh(); await registry.metrics();
 */
export function domainMetrics(db: DbTx, registry: Registry) {
  const counter = (name: string, help: string) => new Counter({ name, help, labelNames: LABELS, registers: [registry] });
  const events = counter('loyalty_events_total', 'Member events evaluated (purchases and other events)');
  const purchases = counter('loyalty_purchases_total', 'Purchases evaluated');
  const pointsIssued = counter('loyalty_points_issued_total', 'Points earned by members (ledger)');
  const pointsRedeemed = counter('loyalty_points_redeemed_total', 'Points spent on rewards');
  const rewards = counter('loyalty_rewards_redeemed_total', 'Rewards redeemed');
  const messages = counter('loyalty_messages_sent_total', 'Messages sent to members');
  const errors = counter('loyalty_errors_total', 'Events that failed to evaluate');
  const fraudFlags = counter('loyalty_fraud_flags_total', 'Fraud flags raised');
  let ledgerCursor = 0;
  let outboxCursor = 0;
  const list = (types: readonly string[]) => sql.raw(sqlList(types));

  function refreshLedger() {
    const { last } = db.get<{ last: number }>(sql`select coalesce(max(rowid), 0) as last from ledger_transactions`);
    if (last <= ledgerCursor) return;
    const rows = db.all<{ programId: string; versionId: string; points: number }>(sql`
      select t.program_id as programId, coalesce(t.program_version_id, 'none') as versionId, coalesce(-sum(p.amount), 0) as points
      from ledger_transactions t
        join ledger_postings p on p.transaction_id = t.id
        join ledger_accounts a on a.id = p.account_id and a.kind = 'program-issued'
      where t.kind = 'earn' and t.rowid > ${ledgerCursor} and t.rowid <= ${last}
      group by 1, 2`);
    for (const r of rows) pointsIssued.inc(labels(r), r.points);
    ledgerCursor = last;
  }

  function refreshOutbox() {
    const { last } = db.get<{ last: number }>(sql`select coalesce(max(rowid), 0) as last from outbox`);
    if (last <= outboxCursor) return;
    const rows = db.all<{ programId: string; versionId: string; events: number; purchases: number; redeemed: number; rewards: number; messages: number; errors: number; fraud: number }>(sql`
      select coalesce(program_id, 'none') as programId, coalesce(json_extract(payload, '$.versionId'), 'none') as versionId,
        sum(type in (${list(OUTBOX_SOURCES.events)})) as events,
        sum(type in (${list(OUTBOX_SOURCES.purchases)})) as purchases,
        sum(case when type in (${list(OUTBOX_SOURCES.rewards)}) then coalesce(json_extract(payload, '$.points'), 0) else 0 end) as redeemed,
        sum(type in (${list(OUTBOX_SOURCES.rewards)})) as rewards,
        sum(type in (${list(OUTBOX_SOURCES.messages)})) as messages,
        sum(type in (${list(OUTBOX_SOURCES.errors)})) as errors,
        sum(type in (${list(OUTBOX_SOURCES.fraudFlags)})) as fraud
      from outbox where rowid > ${outboxCursor} and rowid <= ${last}
      group by 1, 2`);
    for (const r of rows) {
      const l = labels(r);
      const add = (c: Counter<(typeof LABELS)[number]>, n: number) => n > 0 && c.inc(l, n);
      add(events, r.events);
      add(purchases, r.purchases);
      add(pointsRedeemed, r.redeemed);
      add(rewards, r.rewards);
      add(messages, r.messages);
      add(errors, r.errors);
      add(fraudFlags, r.fraud);
    }
    outboxCursor = last;
  }

  return {
    /** Reads rows added since the last refresh into the counters. */
    refresh() {
      refreshLedger();
      refreshOutbox();
    },
  };
}

function labels(r: { programId: string; versionId: string }): Labels {
  return { program_id: r.programId, version_id: String(r.versionId) };
}
