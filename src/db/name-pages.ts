// Lists sorted by name (accounts, organisations), one page at a time by keyset on the name's sort
// key and the id, with the count of matches: the index on (sort_name, id) serves the order and the
// bound, so the 40th page costs what the first does. Searches match the starts of words of the
// name (src/sort-key.ts).
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from './open.ts';
import type { Cursor, KeysetPage } from '../keyset.ts';
import { searchPatterns } from '../sort-key.ts';

/** Rows of a page of an administration list. */
export const LIST_PAGE_SIZE = 50;

/** `alias.sort_name` matching every word of the query (starts of words; whole numbers). */
export function nameMatches(alias: string, query: string): SQL | null {
  const words = searchPatterns(query);
  if (!words.length) return null;
  return sql.join(
    words.map((w) => sql`' ' || ${sql.raw(alias)}.sort_name || ' ' LIKE ${w}`),
    sql` AND `,
  );
}

interface Keyed {
  id: string;
  sk: string;
}

/**
 * One page of `table` (aliased `x`) where `where` holds, in name order. `columns` are the SQL of the
 * selected columns, beside which the id and sort key are always read.
 */
export function namePage<T extends object>(
  db: Db,
  opts: { table: 'users' | 'organisations'; where: SQL[]; columns: SQL; after?: Cursor; before?: Cursor; size?: number },
): KeysetPage<T & Keyed> {
  const size = opts.size ?? LIST_PAGE_SIZE;
  const from = sql`${sql.identifier(opts.table)} x WHERE ${opts.where.length ? sql.join(opts.where, sql` AND `) : sql`1`}`;
  const backwards = !opts.after && !!opts.before;
  const at = opts.after ?? opts.before;
  const bound = at ? sql` AND (x.sort_name, x.id) ${backwards ? sql`<` : sql`>`} (${at[1]}, ${at[2]})` : sql``;
  const dir = backwards ? sql`DESC` : sql`ASC`;
  let raw = db.all<T & Keyed>(sql`SELECT ${opts.columns}, x.id AS id, x.sort_name AS sk FROM ${from}${bound} ORDER BY x.sort_name ${dir}, x.id ${dir} LIMIT ${size + 1}`);
  if (backwards) raw = raw.reverse();
  if (raw.length > size) raw = backwards ? raw.slice(1) : raw.slice(0, size);
  const first = raw[0];
  const counts = db.get<{ total: number; offset: number | null }>(
    sql`SELECT count(*) AS total, sum(${first ? sql`(x.sort_name, x.id) < (${first.sk}, ${first.id})` : sql`0`}) AS offset FROM ${from}`,
  )!;
  const offset = counts.offset ?? 0;
  const last = raw[raw.length - 1];
  return {
    rows: raw,
    total: counts.total,
    offset,
    next: last && offset + raw.length < counts.total ? [null, last.sk, last.id] : undefined,
    prev: first && offset > 0 ? [null, first.sk, first.id] : undefined,
  };
}
