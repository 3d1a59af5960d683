import { and, asc, eq } from 'drizzle-orm';
import { preparedSql, type DbTx } from '../db';
import { messages } from '../db/schema';

const receiptRef = (purchaseId: string) => `receipt:${purchaseId}`;

const claimQueued = preparedSql(
  "update messages set status = 'sent', sent_at = @at, provider_ref = @ref, reason = null where member_id = @memberId and status = 'queued' and channel = 'receipt'",
);

const anyQueued = preparedSql("select 1 from messages where member_id = ? and status = 'queued' and channel = 'receipt' limit 1");

/**
 * Receipt lines waiting for this member go on this purchase's receipt: marked sent, with the
 * purchase as their reference. Runs in the purchase's transaction, so a line is printed once.
 * @example claimReceiptMessages(tx, { memberId, purchaseId, at })
 */
export function claimReceiptMessages(tx: DbTx, p: { memberId: string; purchaseId: string; at: string }): void {
  // Most purchases have no line waiting: finding none costs less than an UPDATE that changes none.
  if (anyQueued(tx).get(p.memberId)) claimQueued(tx).run({ memberId: p.memberId, at: p.at, ref: receiptRef(p.purchaseId) });
}

/** The texts of the receipt lines a member's purchase carries, oldest first. @example receiptMessages(db, memberId, purchaseId) // ['Two more coffees and the next is on us.'] */
export function receiptMessages(tx: DbTx, memberId: string, purchaseId: string): string[] {
  return tx
    .select({ body: messages.body })
    .from(messages)
    .where(and(eq(messages.memberId, memberId), eq(messages.providerRef, receiptRef(purchaseId)), eq(messages.channel, 'receipt')))
    .orderBy(asc(messages.createdAt))
    .all()
    .flatMap((m) => (m.body ? [m.body] : []));
}
