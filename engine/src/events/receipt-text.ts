import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbTx } from '../db';
import { pointsPayments, purchases } from '../db/schema';
import { DomainError } from '../errors';
import { receiptMessages } from '../messages/receipt-messages';
import { getMemberStatus, type MemberStatus } from './get-member-status';
import { runtimeOfVersion } from './program-runtime';

export const ReceiptTextInput = z.object({
  programId: z.string().min(1),
  storeId: z.string().min(1),
  purchaseId: z.string().min(1),
  asOf: z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString()).optional(),
  /** Characters per line of the till printer. */
  width: z.number().int().min(24).max(80).default(40),
});
export type ReceiptTextInput = z.input<typeof ReceiptTextInput>;

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** Left text and right value on one line of `width`, the text shortened when needed. */
function row(left: string, right: string, width: number): string {
  const room = width - right.length - 1;
  const text = left.length > room ? `${left.slice(0, Math.max(0, room - 1))}.` : left;
  return `${text}${' '.repeat(Math.max(1, width - text.length - right.length))}${right}`;
}

/** Splits text into lines of at most `width` characters at spaces. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word.slice(0, width);
    } else line = line ? `${line} ${word}` : word.slice(0, width);
  }
  if (line) lines.push(line);
  return lines;
}

function tierLine(status: MemberStatus, width: number): string[] {
  const t = status.tier;
  if (!t?.current) return [];
  if (!t.next) return [row('Tier', t.current.name, width)];
  const need = t.metric === 'spend' ? `${fmt(t.remaining)} ${status.currency}` : t.metric === 'visits' ? `${fmt(t.remaining)} visits` : `${fmt(t.remaining)} ${status.pointsName}`;
  return [row('Tier', t.current.name, width), `${need} more to ${t.next.name}`.slice(0, width)];
}

/**
 * Short plain-text lines for the till receipt: points paid with (when part of the purchase was
 * paid with points), points earned with this purchase, the new balance
 * (available and pending), tier and what is missing for the next one, and points expiring soon.
 * Receipt lines journeys queued for the member follow. Non-member purchases get a one-line
 * invitation to join.
 * @example receiptText({ ctx: { db }, input: { programId, storeId: 'amsterdam', purchaseId } }).lines
 * // ['Meridian Style Club', 'Points this purchase        675', 'Available                   100', ...]
 */
export function receiptText({ ctx, input }: { ctx: { db: DbTx }; input: ReceiptTextInput }): { purchaseId: string; lines: string[] } {
  const req = ReceiptTextInput.parse(input);
  const p = ctx.db.select().from(purchases).where(eq(purchases.id, req.purchaseId)).get();
  if (!p || p.programId !== req.programId || p.storeId !== req.storeId) throw new DomainError('not_found', `There is no purchase '${req.purchaseId}' at store '${req.storeId}'.`);
  const w = req.width;
  const spec = p.versionId ? runtimeOfVersion(ctx.db, p.versionId).spec : undefined;
  const name = spec?.program.name ?? 'Loyalty program';
  if (!p.memberId) return { purchaseId: p.id, lines: [name.slice(0, w), ...wrap(`Join ${name} and earn points on your next purchase.`, w)] };
  const status = getMemberStatus({ ctx, input: { programId: req.programId, memberId: p.memberId, asOf: req.asOf, expiringWithinDays: 30 } });
  const pts = status.pointsName;
  const lines = [name.slice(0, w)];
  const paid = ctx.db.select({ amount: pointsPayments.amount, points: pointsPayments.points }).from(pointsPayments).where(eq(pointsPayments.purchaseId, p.id)).get();
  if (paid) lines.push(row(`Paid with ${pts}`, `${fmt(paid.points)} = ${paid.amount.toFixed(2)} ${status.currency}`, w));
  lines.push(row(`${pts} this purchase`, fmt(p.points), w), row(`${pts} available`, fmt(status.balance.available), w));
  if (status.balance.pending > 0) lines.push(row(`${pts} pending`, fmt(status.balance.pending), w));
  lines.push(...tierLine(status, w));
  const soon = status.balance.expiringSoon[0];
  if (soon) lines.push(row(`Expiring ${soon.date.slice(0, 10)}`, fmt(soon.points), w));
  for (const text of receiptMessages(ctx.db, p.memberId, p.id)) lines.push('', ...text.split('\n').flatMap((l) => wrap(l, w)));
  return { purchaseId: p.id, lines };
}
