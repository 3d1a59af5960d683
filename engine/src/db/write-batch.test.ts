import { like } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { tempDatabase } from '../testing/temp-db';
import type { DbTx } from './connection';
import { enableGroupCommit } from './group-commit';
import { systemSettings } from './schema';
import { writeBatch } from './write-batch';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function setup() {
  const { db, cleanup } = tempDatabase();
  cleanups.push(cleanup);
  // Counts the transactions and savepoints SQLite is asked to open.
  let opened = 0;
  const transaction = db.$client.transaction.bind(db.$client);
  db.$client.transaction = ((fn: (...args: unknown[]) => unknown) => {
    opened++;
    return transaction(fn);
  }) as typeof db.$client.transaction;
  const runs = new Map<string, number>();
  /** A unit as services write them: its own (nested) transaction around its rows. */
  const put = (tx: DbTx, key: string) =>
    tx.transaction(
      (t) => {
        runs.set(key, (runs.get(key) ?? 0) + 1);
        t.insert(systemSettings).values({ key, value: 'v' }).run();
        if (key.endsWith('!')) throw new DomainError('conflict', `'${key}' is refused`);
        return key.toUpperCase();
      },
      { behavior: 'immediate' },
    );
  const stored = () => db.select({ key: systemSettings.key }).from(systemSettings).where(like(systemSettings.key, 'b.%')).all().map((r) => r.key).sort();
  return { db, put, runs, stored, opened: () => opened };
}

describe('writeBatch', () => {
  it('runs every unit once in one transaction without a savepoint each when none fails', () => {
    const { db, put, runs, stored, opened } = setup();
    const outcomes = writeBatch(db, ['b.1', 'b.2', 'b.3'], put);
    expect(outcomes).toEqual([
      { ok: true, value: 'B.1' },
      { ok: true, value: 'B.2' },
      { ok: true, value: 'B.3' },
    ]);
    expect(stored()).toEqual(['b.1', 'b.2', 'b.3']);
    expect(opened()).toBe(1);
    expect([...runs.values()]).toEqual([1, 1, 1]);
    expect(db.$client.inTransaction).toBe(false);
  });

  it('reports a refused unit and keeps the others, running them again with a savepoint each', () => {
    const { db, put, runs, stored, opened } = setup();
    const outcomes = writeBatch(db, ['b.1', 'b.2!', 'b.3'], put);
    expect(outcomes[0]).toEqual({ ok: true, value: 'B.1' });
    expect(outcomes[1]).toMatchObject({ ok: false, error: { code: 'conflict', message: "'b.2!' is refused" } });
    expect(outcomes[2]).toEqual({ ok: true, value: 'B.3' });
    expect(stored()).toEqual(['b.1', 'b.3']);
    // The optimistic attempt stopped at the refusal: b.3 ran only in the unit-by-unit run.
    expect(Object.fromEntries(runs)).toEqual({ 'b.1': 2, 'b.2!': 2, 'b.3': 1 });
    // Two transactions; then a savepoint per unit, and the one each unit opens inside it.
    expect(opened()).toBe(2 + 3 + 3);
  });

  it('does not keep the writes of a nested transaction that failed, even when the unit caught its error', () => {
    const { db, put, stored } = setup();
    const outcomes = writeBatch(db, ['b.1', 'b.2'], (tx, key) => {
      try {
        put(tx, `${key}.draft!`);
      } catch {
        // A unit may go on after a refused step; that step's rows must still be undone.
      }
      return put(tx, key);
    });
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(stored()).toEqual(['b.1', 'b.2']);
  });

  it('fails the whole batch on an error that is not a refusal, leaving nothing behind', () => {
    const { db, put, stored } = setup();
    expect(() =>
      writeBatch(db, ['b.1', 'b.2'], (tx, key) => {
        put(tx, key);
        if (key === 'b.2') throw new Error('disk on fire');
      }),
    ).toThrow('disk on fire');
    expect(stored()).toEqual([]);
    expect(db.$client.inTransaction).toBe(false);
  });

  it('becomes one savepoint of an open group commit, leaving the rest of the group alone', async () => {
    const { db, put, stored } = setup();
    const group = enableGroupCommit(db.$client);
    const ticket = group.ticket();
    put(db, 'b.before');
    const outcomes = writeBatch(db, ['b.1!', 'b.2'], put);
    put(db, 'b.after');
    await group.durable(ticket);
    expect(outcomes.map((o) => o.ok)).toEqual([false, true]);
    expect(stored()).toEqual(['b.2', 'b.after', 'b.before']);
  });
});
