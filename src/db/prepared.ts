// Prepared queries for the hot paths. Drizzle's query builder rebuilds the SQL text and the
// better-sqlite3 statement on every call (several hundred microseconds for a join, measured by
// bench/run.ts); a query built once with `sql.placeholder()` and `.prepare()` runs in the time of
// SQLite itself, with drizzle's typed row mapping kept. Queries are tied to one database
// connection, hence one cache per Db.
import type { Db } from './open.ts';

/** `build(db)` runs once per database; later calls return the same prepared query. */
export function preparedFor<T>(build: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<Db, T>();
  return (db) => {
    let q = cache.get(db);
    if (q === undefined) cache.set(db, (q = build(db)));
    return q;
  };
}

// drizzle's db.transaction() builds a transaction object per call (a query builder per table of the
// schema, then a native transaction function): about a third of what the autosave's own write
// costs (bench/RESULTS.md). The hot path takes better-sqlite3's transaction function instead,
// built once per connection; its statements run on `db` itself, prepared (one connection, so
// inside the transaction). Nested in another transaction it becomes a savepoint, as drizzle's.
const runner = preparedFor((db) => db.$client.transaction((fn: () => unknown) => fn()));

/** Runs `fn` in one IMMEDIATE transaction (the write lock taken at BEGIN), committed on return. */
export function immediately<T>(db: Db, fn: () => T): T {
  return runner(db).immediate(fn) as T;
}
