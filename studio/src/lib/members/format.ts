import { TRPCClientError } from '@trpc/client';

/** Ledger transaction kinds in the words a support agent uses with a member on the phone. */
const KIND_LABELS: Record<string, string> = {
  earn: 'Earned',
  release: 'Became available',
  redeem: 'Redeemed',
  reserve: 'Set aside for a redemption',
  'commit-reservation': 'Redemption completed',
  'cancel-reservation': 'Redemption cancelled',
  expire: 'Expired',
  reverse: 'Returned purchase',
  adjust: 'Manual adjustment',
  merge: 'Merged from a duplicate',
  hold: 'Held for review',
  'release-hold': 'Released after review',
  refund: 'Points paid with, refunded on a return',
};

/** @example kindLabel('reverse') // 'Returned purchase' */
export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind;
}

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' });
const numbers = new Intl.NumberFormat('en-GB');

/** @example formatDate('2026-03-01T10:00:00Z') // '1 Mar 2026, 10:00' */
export function formatDate(iso: string | null | undefined, withTime = true): string {
  if (!iso) return '–';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : (withTime ? dateTime : dateOnly).format(d);
}

/** @example formatPoints(1200) // '1,200'; formatPoints(50, true) // '+50' */
export function formatPoints(points: number, signed = false): string {
  const text = numbers.format(points);
  return signed && points > 0 ? `+${text}` : text;
}

/** The tRPC error code (FORBIDDEN, NOT_FOUND, ...) of a failed call, if it has one. */
export function errorCode(e: unknown): string | undefined {
  if (e instanceof TRPCClientError) return (e.data as { code?: string } | undefined)?.code;
  return undefined;
}

/** A short, recognisable label for a staff member known only by id. */
export function staffLabel(id: string | null | undefined, me?: { userId: string; displayName: string } | null): string {
  if (!id) return '–';
  if (me && id === me.userId) return `${me.displayName} (you)`;
  return /^[0-9a-f]{8}-[0-9a-f-]{27}$/i.test(id) ? `Staff ${id.slice(0, 8)}` : id;
}
