import { z } from 'zod';

/** An ISO timestamp, stored normalised to UTC with milliseconds so text order is time order. */
export const Timestamp = z.iso
  .datetime({ offset: true, error: 'use an ISO timestamp such as 2025-03-01T10:00:00Z' })
  .transform((s) => new Date(s).toISOString());
export type Timestamp = z.infer<typeof Timestamp>;

/** The caller's idempotency key: sending it again never books twice. */
export const TransactionId = z.string().trim().min(1).max(200).describe('Idempotency key chosen by the caller');

export const EntityId = z.string().min(1).max(200);

/** Positive whole points. */
export const Points = z.number().int({ error: 'points are whole numbers' }).positive({ error: 'points must be more than 0' });

export const Metadata = z.record(z.string(), z.unknown()).default({});

/** The current time as ISO text; services use it when the caller gives no time. */
export function nowIso(): string {
  return new Date().toISOString();
}

/**
 * Writing services take SQLite's write lock when they begin (BEGIN IMMEDIATE), so two processes
 * cannot both read a balance and then race to write it; the busy timeout makes the second wait.
 * Nested calls run as savepoints inside the caller's transaction.
 * @example ctx.db.transaction((tx) => ..., WRITE_TRANSACTION)
 */
export const WRITE_TRANSACTION = { behavior: 'immediate' } as const;
