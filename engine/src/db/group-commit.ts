import type Database from 'better-sqlite3';

type TransactionFn = ReturnType<Database.Database['transaction']>;
type Waiter = () => void;

/**
 * Group commit for a server's connection. The first write transaction (immediate or exclusive) of
 * an event-loop turn opens one write transaction (BEGIN IMMEDIATE); every transaction function run
 * until the turn is over becomes a savepoint inside it (better-sqlite3 nests that way), and one COMMIT ends them all.
 * A burst of concurrent requests shares one commit instead of paying one each. Each unit stays
 * atomic: a failing one rolls back to its savepoint and the others are kept.
 *
 * Commits are only durable when the group commits, so a request must not answer before
 * `durable(ticket)` resolved (the HTTP app waits for it on every request). If SQLite gave up the
 * group (an I/O error rolls back the whole transaction) or its COMMIT failed, every request that
 * was running meanwhile is told so, even if some of its work was in an earlier, committed group:
 * answering with an error for a request that did commit is safe with idempotency keys, the
 * reverse would lose data.
 */
export class GroupCommit {
  readonly #sqlite: Database.Database;
  readonly #begin: Database.Statement;
  readonly #commit: Database.Statement;
  readonly #rollback: Database.Statement;
  /** True while the open transaction is ours (not one a caller began by hand). */
  #open = false;
  #waiters: Waiter[] = [];
  /** Groups lost so far; a request compares it with its ticket. */
  #losses = 0;
  /** Groups committed so far (for tests and metrics). */
  commits = 0;

  constructor(sqlite: Database.Database) {
    this.#sqlite = sqlite;
    this.#begin = sqlite.prepare('BEGIN IMMEDIATE');
    this.#commit = sqlite.prepare('COMMIT');
    this.#rollback = sqlite.prepare('ROLLBACK');
    const transaction = sqlite.transaction.bind(sqlite);
    sqlite.transaction = ((fn: (...args: unknown[]) => unknown) => {
      const inner = transaction(fn);
      const joining =
        (variant: (...args: unknown[]) => unknown) =>
        (...args: unknown[]) => {
          this.#join();
          return variant(...args);
        };
      // Deferred (read) transactions do not open a group: in WAL they never wait for the write
      // lock, and they should not take it. Inside an open group they nest like the others.
      return Object.assign((...args: unknown[]) => inner(...args), {
        deferred: inner.deferred,
        immediate: joining(inner.immediate),
        exclusive: joining(inner.exclusive),
        database: sqlite,
      }) as unknown as TransactionFn;
    }) as Database.Database['transaction'];
  }

  /** Taken when a request starts; `durable` compares it with the losses since. */
  ticket(): number {
    return this.#losses;
  }

  /**
   * Resolves once everything written so far is committed.
   * @throws GroupCommitLost when a group was lost since `ticket` was taken.
   */
  async durable(ticket: number): Promise<void> {
    if (this.#open) await new Promise<void>((resolve) => this.#waiters.push(resolve));
    if (this.#losses !== ticket) throw new GroupCommitLost();
  }

  #join(): void {
    if (this.#sqlite.inTransaction) return;
    if (this.#open) this.#lost();
    this.#begin.run();
    this.#open = true;
    setImmediate(() => this.#flush());
  }

  #flush(): void {
    if (!this.#open) return;
    this.#open = false;
    if (!this.#sqlite.inTransaction) this.#lost();
    else {
      try {
        this.#commit.run();
        this.commits++;
      } catch {
        if (this.#sqlite.inTransaction) this.#rollback.run();
        this.#losses++;
      }
    }
    for (const wake of this.#waiters.splice(0)) wake();
  }

  /** SQLite rolled the group back on its own (e.g. disk full). */
  #lost(): void {
    this.#open = false;
    this.#losses++;
    for (const wake of this.#waiters.splice(0)) wake();
  }
}

/** Work done while a group commit failed may be lost; the caller should retry. */
export class GroupCommitLost extends Error {
  constructor() {
    super('The database could not commit this request; it may not have been saved. Retry it (with the same Idempotency-Key).');
    this.name = 'GroupCommitLost';
  }
}

const groups = new WeakMap<Database.Database, GroupCommit>();

/**
 * Turns on group commit for a connection (once; later calls return the same instance). Only for
 * the server's own connection: other processes keep their own transactions.
 * @example const group = enableGroupCommit(db.$client); const t = group.ticket(); ...; await group.durable(t);
 */
export function enableGroupCommit(sqlite: Database.Database): GroupCommit {
  let group = groups.get(sqlite);
  if (!group) groups.set(sqlite, (group = new GroupCommit(sqlite)));
  return group;
}
