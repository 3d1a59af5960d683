import type Database from 'better-sqlite3';
import { getTableColumns, getTableName, sql, type Placeholder } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { DbTx } from './connection';

/** The SQLite connection behind a database or transaction handle (drizzle keeps it on the session). */
export function connectionOf(db: DbTx): Database.Database {
  return (db as unknown as { session: { client: Database.Database } }).session.client;
}

function perConnection<Q>(make: (db: DbTx) => Q): (db: DbTx) => Q {
  const byConnection = new WeakMap<Database.Database, Q>();
  return (db) => {
    const connection = connectionOf(db);
    let query = byConnection.get(connection);
    if (query === undefined) {
      query = make(db);
      byConnection.set(connection, query);
    }
    return query;
  };
}

/**
 * A drizzle query built once per connection and then run with `sql.placeholder` values. Building
 * a drizzle query costs tens of microseconds, running a prepared one a few; the per-event write
 * path runs dozens. A prepared query runs in whatever transaction its connection is in, so the
 * handle it was built from does not matter.
 * @example
 * const memberById = preparedQuery((db) => db.select().from(members).where(eq(members.id, sql.placeholder('id'))).prepare());
 * memberById(tx).get({ id });
 */
export function preparedQuery<Q>(build: (db: DbTx) => Q): (db: DbTx) => Q {
  return perConnection(build);
}

/**
 * A hand-written SQL statement compiled once per connection, for aggregates that drizzle's
 * builder does not express; parameters are positional.
 * @example const visits = preparedSql<{ v: number }>('select count(*) as v from purchases where member_id = ?'); visits(tx).get(memberId)?.v
 */
export function preparedSql<Row>(source: string): (db: DbTx) => Database.Statement<unknown[], Row> {
  return perConnection((db) => connectionOf(db).prepare<unknown[], Row>(source));
}

/**
 * `{ key: sql.placeholder('key') }` for each key, for prepared inserts and updates; run them with
 * the row itself as the placeholder values (every key present, null rather than undefined).
 * @example db.insert(outbox).values(placeholders(['id', 'type', 'payload'])).prepare()
 */
export function placeholders<const K extends string>(keys: readonly K[]): { [P in K]: Placeholder<P> } {
  return Object.fromEntries(keys.map((k) => [k, sql.placeholder(k)])) as { [P in K]: Placeholder<P> };
}

/** Column types whose values go to SQLite as they are (no JSON, boolean or date mapping). */
const AS_IS = new Set(['SQLiteText', 'SQLiteInteger', 'SQLiteReal']);

/** The listed columns of an insert, each given (null rather than undefined). */
export type InsertRow<T extends SQLiteTable, K extends keyof T['$inferInsert']> = { [P in K]-?: Exclude<T['$inferInsert'][P], undefined> | null };

/**
 * An INSERT of these columns of a drizzle table, compiled once per connection and run on the
 * connection's statement directly. A drizzle prepared insert passes every value through its
 * placeholder and column machinery on each run, about 1.5 µs a row; a purchase inserts a dozen
 * rows. Values are mapped for SQLite here only for the columns that need it (JSON, booleans).
 * `ignoreConflicts` leaves an existing row with the same key as it is.
 * @example const insertOutboxRow = preparedInsert(outbox, ['id', 'type', 'payload']); insertOutboxRow(tx).run({ id, type, payload });
 */
export function preparedInsert<T extends SQLiteTable, const K extends keyof T['$inferInsert'] & string>(
  table: T,
  keys: readonly K[],
  options: { ignoreConflicts?: boolean } = {},
): (db: DbTx) => { run(row: InsertRow<T, K>): Database.RunResult } {
  const columns = getTableColumns(table) as Record<string, SQLiteColumn>;
  const listed = keys.map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`${getTableName(table)} has no column ${key}`);
    return column;
  });
  const source = `insert into "${getTableName(table)}" (${listed.map((c) => `"${c.name}"`).join(', ')}) values (${listed.map(() => '?').join(', ')})${options.ignoreConflicts ? ' on conflict do nothing' : ''}`;
  const mapped = listed.map((c) => (AS_IS.has(c.columnType) ? undefined : c));
  return perConnection((db) => {
    const statement = connectionOf(db).prepare(source);
    return {
      run: (row) =>
        statement.run(
          keys.map((key, i) => {
            const value = (row as Record<string, unknown>)[key];
            if (value === undefined || value === null) return null;
            return mapped[i] ? mapped[i].mapToDriverValue(value) : value;
          }),
        ),
    };
  });
}

/**
 * A SELECT of whole rows of a drizzle table by a hand-written condition (`?` parameters),
 * compiled once per connection, each row shaped as drizzle's `select().from(table)` gives it. A
 * drizzle prepared select maps every column of every row through its column machinery, which on
 * a wide row costs more than the lookup itself; here only the columns that need it are mapped.
 * @example const memberById = preparedSelect(members, 'id = ?'); memberById(tx).get(id)
 */
export function preparedSelect<T extends SQLiteTable>(table: T, where: string): (db: DbTx) => { get(...params: unknown[]): T['$inferSelect'] | undefined } {
  const columns = Object.entries(getTableColumns(table) as Record<string, SQLiteColumn>);
  const source = `select ${columns.map(([key, c]) => `"${c.name}" as "${key}"`).join(', ')} from "${getTableName(table)}" where ${where}`;
  const mapped = columns.filter(([, c]) => !AS_IS.has(c.columnType));
  return perConnection((db) => {
    const statement = connectionOf(db).prepare<unknown[], Record<string, unknown>>(source);
    return {
      get: (...params) => {
        const row = statement.get(...params);
        if (row === undefined) return undefined;
        for (const [key, c] of mapped) if (row[key] !== null) row[key] = c.mapFromDriverValue(row[key]);
        return row as T['$inferSelect'];
      },
    };
  });
}
