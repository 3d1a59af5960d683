import type Database from 'better-sqlite3';
import { sql, type Placeholder } from 'drizzle-orm';
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
