import { z } from 'zod';
import { DomainError } from '../errors';
import { withoutSavepoints, type DbTx } from './connection';

/** A unit of a batch: what it returned, or why it was refused. */
export type BatchOutcome<R> = { ok: true; value: R } | { ok: false; error: DomainError | z.ZodError };

const IMMEDIATE = { behavior: 'immediate' } as const;

/** Ends the optimistic attempt: the batch runs again with a savepoint per unit. */
class RunUnitByUnit extends Error {}

const isRefusal = (error: unknown): error is DomainError | z.ZodError => error instanceof DomainError || error instanceof z.ZodError;

/**
 * Writes a batch of independent units (e.g. the purchases a shop uploads together) in one write
 * transaction, one commit. Optimistic: the units first run without a savepoint each, which is
 * what makes a batch cheaper than the same units posted one by one. When any unit is refused, that
 * attempt is rolled back whole and the batch runs again with a savepoint per unit, so the refused
 * units are reported and the others are kept. Any other error fails the whole batch and leaves
 * nothing behind.
 * @example writeBatch(db, purchases, (tx, input) => processPurchase({ ctx: { db: tx }, input }))
 */
export function writeBatch<I, R>(db: DbTx, items: readonly I[], unit: (tx: DbTx, item: I) => R): BatchOutcome<R>[] {
  try {
    return db.transaction((tx) => {
      const { value, failed } = withoutSavepoints(tx, () => items.map((item) => unit(tx, item)));
      if (failed) throw new RunUnitByUnit();
      return value.map((v): BatchOutcome<R> => ({ ok: true, value: v }));
    }, IMMEDIATE);
  } catch (error) {
    if (!(error instanceof RunUnitByUnit) && !isRefusal(error)) throw error;
  }
  return db.transaction(
    (tx) =>
      items.map((item): BatchOutcome<R> => {
        try {
          return { ok: true, value: tx.transaction((unitTx) => unit(unitTx, item), IMMEDIATE) };
        } catch (error) {
          if (isRefusal(error)) return { ok: false, error };
          throw error;
        }
      }),
    IMMEDIATE,
  );
}
