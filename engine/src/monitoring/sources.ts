/**
 * Where per-version figures come from. Points issued are the ledger's (earn transactions record
 * the version whose rules computed them); the rest are outbox events whose payload names the
 * version (`versionId`): purchases and other member events (events module), reward redemptions
 * (with `points`), messages sent (journeys), evaluation failures and fraud flags. A producer that
 * wants its events counted writes these types with `versionId` in the payload.
 */
export const OUTBOX_SOURCES = {
  purchases: ['purchase-recorded'],
  events: ['purchase-recorded', 'member-event-recorded'],
  rewards: ['reward-redeemed'],
  messages: ['message-sent'],
  errors: ['event-failed'],
  fraudFlags: ['fraud-flagged'],
} as const;

/** The figures kept per version and hour (columns of `version_metrics`). */
export const SERIES_FIELDS = ['events', 'pointsIssued', 'pointsRedeemed', 'rewards', 'messagesSent', 'errors', 'fraudFlags'] as const;
export type SeriesField = (typeof SERIES_FIELDS)[number];

/**
 * A SQL list of quoted constant type names, for `type in (...)`.
 * @example sqlList(['a', 'b']) // "'a','b'"
 */
export function sqlList(types: readonly string[]): string {
  return types.map((t) => `'${t.replace(/'/g, "''")}'`).join(',');
}
