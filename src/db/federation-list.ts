// The federation's list of structures, one page at a time: each active organisation of the scope
// with its latest diagnostic, the diagnostics awaiting review, and its plan's figures; filtered,
// sorted and paged by keyset (the sort value, the name's sort key and the id of the last row seen),
// never by OFFSET over the whole network. The latest diagnostic is a pointer kept on the
// organisation (organisations.latest_diagnostic_id), plan figures come from plan_stats and scores
// from the cache on the diagnostic row: a page reads no answer and no action, and one join per
// organisation at most (a correlated « latest » subquery per organisation cost ten times more).
//
// The SQL is assembled from fixed fragments; every value the request brings is a parameter.
import type { Db } from './open.ts';
import { REGIONS } from '../i18n/fr/common.ts';
import { BANDS, type BandId } from '../scoring/index.ts';
import { searchPatterns, siretPrefix } from '../sort-key.ts';

export type DiagnosticStatus = 'draft' | 'submitted' | 'changes_requested' | 'validated';

/**
 * `submitted`: a diagnostic awaits review, whether or not it is the latest (a newer draft does not
 * hide it); the others look at the latest diagnostic; `none`: no diagnostic; `stale`: none started
 * in the last 12 months.
 */
export const LIST_STATUSES = ['draft', 'submitted', 'changes_requested', 'validated', 'none', 'stale'] as const;
export type ListStatus = (typeof LIST_STATUSES)[number];

/** Plan progress, done actions over actions (dropped ones left out): none, or by quarter. */
export const PROGRESS_FILTERS = ['none', 'q1', 'q2', 'q3', 'q4'] as const;
export type ProgressFilter = (typeof PROGRESS_FILTERS)[number];

export const LIST_SORTS = ['name', 'region', 'status', 'date', 'score', 'progress', 'overdue', 'pending'] as const;
export type ListSort = (typeof LIST_SORTS)[number];

/** Where a page starts: the sort value, sort key and id of the row just before (or after) it. */
export type Cursor = [value: number | string | null, sortName: string, id: string];

export interface ListQuery {
  /** Name (words, start of words) or SIRET (digits, start). */
  q?: string;
  region?: string;
  type?: string;
  status?: ListStatus;
  band?: BandId | 'none';
  progress?: ProgressFilter;
  /** Only structures whose latest plan has an action past its due date. */
  overdue?: boolean;
  sort: ListSort;
  dir: 'asc' | 'desc';
  /** The page after this row… */
  after?: Cursor;
  /** …or the page before it. */
  before?: Cursor;
}

export interface ListDiagnostic {
  id: string;
  referentialId: string;
  status: DiagnosticStatus;
  createdAt: string;
  submittedAt: string | null;
  validatedAt: string | null;
  overall: number | null;
  themes: Record<string, number | null>;
  /** Scores of a diagnostic still being answered: they will move. */
  provisional: boolean;
}

export interface ListRow {
  organisationId: string;
  name: string;
  siret: string;
  region: string;
  types: string[];
  latest: ListDiagnostic | null;
  /** Diagnostics awaiting review (submitted), the oldest first, whatever the latest one is. */
  pending: { id: string; submittedAt: string }[];
  actionsTotal: number;
  actionsDone: number;
  overdue: number;
  /** No diagnostic started in the last 12 months (or none at all). */
  stale: boolean;
}

export interface ListPage {
  rows: ListRow[];
  /** Structures matching the filters, all pages together. */
  total: number;
  /** Matching structures before the first row of this page (« 51 à 100 sur 4 500 »). */
  offset: number;
  /** Cursors for the next and previous pages; undefined at either end. */
  next?: Cursor;
  prev?: Cursor;
}

export const PAGE_SIZE = 50;

/** Regions in French alphabetical order, for sorting by region with an integer. */
const REGION_ORDER = [...REGIONS].sort(new Intl.Collator('fr').compare);
const STATUS_ORDER: Record<DiagnosticStatus, number> = { draft: 1, submitted: 2, changes_requested: 3, validated: 4 };

/** Today's date in France, as the due dates of actions are written (AAAA-MM-JJ). */
function parisDay(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

function yearBefore(now: Date): string {
  const d = new Date(now.getTime());
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  return d.toISOString();
}

interface Built {
  /** The rows of the scope with the columns filters and sorts need; `:name` parameters. */
  from: string;
  where: string[];
  params: Record<string, unknown>;
}

const OVERDUE = `(SELECT count(*) FROM json_each(p.open_dues) j WHERE j.value < :today)`;
const PENDING_SINCE = `(SELECT min(s.submitted_at) FROM diagnostics s WHERE s.organisation_id = o.id AND +s.status = 'submitted')`;

/** The sort value of a row as SQL, never null (rows without a value come last either way); null when sorted by name alone. */
function sortValue(sort: ListSort, dir: 'asc' | 'desc'): string | null {
  const num = (expr: string) => `COALESCE(${expr}, ${dir === 'asc' ? '1e300' : '-1e300'})`;
  const txt = (expr: string) => `COALESCE(${expr}, ${dir === 'asc' ? `'~'` : `''`})`;
  switch (sort) {
    case 'name':
      return null;
    case 'region':
      return `CASE o.region ${REGION_ORDER.map((r, i) => `WHEN '${r.replace(/'/g, "''")}' THEN ${i}`).join(' ')} ELSE ${REGION_ORDER.length} END`;
    case 'status':
      return num(`CASE d.status ${Object.entries(STATUS_ORDER).map(([s, i]) => `WHEN '${s}' THEN ${i}`).join(' ')} END`);
    case 'date':
      return txt('d.created_at');
    case 'score':
      return num('d.overall_score');
    case 'progress':
      return num('CASE WHEN p.total > 0 THEN CAST(p.done AS REAL) / p.total END');
    case 'overdue':
      return `COALESCE(${OVERDUE}, 0)`;
    case 'pending':
      return txt(PENDING_SINCE);
  }
}

function build(regions: readonly string[] | null, q: ListQuery, now: Date): Built {
  const params: Record<string, unknown> = { today: parisDay(now), yearAgo: yearBefore(now) };
  const scope: string[] = ['o.active = 1'];
  if (regions !== null) {
    params.regions = JSON.stringify(regions);
    scope.push('o.region IN (SELECT value FROM json_each(:regions))');
  }
  if (q.region) {
    params.region = q.region;
    scope.push('o.region = :region');
  }
  if (q.type) {
    params.type = q.type;
    scope.push('EXISTS (SELECT 1 FROM json_each(o.types) t WHERE t.value = :type)');
  }
  if (q.q) {
    const siret = siretPrefix(q.q);
    const words = searchPatterns(q.q);
    const name = words.map((w, i) => ((params[`w${i}`] = w), `' ' || o.sort_name || ' ' LIKE :w${i}`));
    const alternatives: string[] = [];
    if (name.length) alternatives.push(`(${name.join(' AND ')})`);
    if (siret) {
      params.siret = `${siret}%`;
      alternatives.push('o.siret LIKE :siret');
    }
    // A query with nothing searchable in it matches nothing, rather than everything.
    scope.push(alternatives.length ? `(${alternatives.join(' OR ')})` : '0');
  }
  const where: string[] = [];
  switch (q.status) {
    case undefined:
      break;
    case 'submitted':
      where.push(`EXISTS (SELECT 1 FROM diagnostics s WHERE s.organisation_id = o.id AND +s.status = 'submitted')`);
      break;
    case 'none':
      where.push('d.id IS NULL');
      break;
    case 'stale':
      where.push('(d.id IS NULL OR d.created_at < :yearAgo)');
      break;
    default:
      params.status = q.status;
      where.push('d.status = :status');
  }
  if (q.band === 'none') where.push('d.overall_score IS NULL');
  else if (q.band) {
    const band = BANDS.find((b) => b.id === q.band);
    if (band) {
      const top = band === BANDS[BANDS.length - 1];
      params.bandMin = band.min;
      params.bandMax = band.max;
      where.push(`d.overall_score >= :bandMin AND ${top ? 'd.overall_score <= :bandMax' : 'd.overall_score < :bandMax'}`);
    }
  }
  if (q.progress === 'none') where.push('COALESCE(p.total, 0) = 0');
  else if (q.progress) {
    const quarter = Number(q.progress.slice(1)) - 1;
    params.pMin = quarter * 0.25;
    params.pMax = (quarter + 1) * 0.25;
    where.push(`p.total > 0 AND CAST(p.done AS REAL) / p.total >= :pMin AND ${quarter === 3 ? 'CAST(p.done AS REAL) / p.total <= :pMax' : 'CAST(p.done AS REAL) / p.total < :pMax'}`);
  }
  if (q.overdue) where.push('p.first_open_due < :today');
  const from = `organisations o
    LEFT JOIN diagnostics d ON d.id = o.latest_diagnostic_id
    LEFT JOIN plan_stats p ON p.diagnostic_id = d.id
    WHERE ${scope.join(' AND ')}`;
  return { from, where, params };
}

/** `(V, sort_name, id)` after (or before) the cursor, in the order of the list. */
function keyset(v: string | null, dir: 'asc' | 'desc', side: 'after' | 'before', params: Record<string, unknown>, c: Cursor): string {
  params.ck = c[1];
  params.ci = c[2];
  const forward = side === 'after';
  // Sorted by name alone: the index on (sort_name, id) serves the order and the bound.
  if (v === null) return `(o.sort_name, o.id) ${(dir === 'asc') === forward ? '>' : '<'} (:ck, :ci)`;
  params.cv = c[0];
  const valueOp = (dir === 'asc') === forward ? '>' : '<';
  const tieOp = forward ? '>' : '<';
  return `((${v}) ${valueOp} :cv OR ((${v}) = :cv AND (o.sort_name, o.id) ${tieOp} (:ck, :ci)))`;
}

interface RawRow {
  id: string;
  name: string;
  sk: string;
  siret: string;
  region: string;
  types: string;
  v: number | string | null;
  d_id: string | null;
  d_ref: string | null;
  d_status: DiagnosticStatus | null;
  d_created: string | null;
  d_submitted: string | null;
  d_validated: string | null;
  d_overall: number | null;
  d_themes: string | null;
  a_total: number | null;
  a_done: number | null;
  a_overdue: number | null;
}

const COLUMNS = `o.id, o.name, o.sort_name AS sk, o.siret, o.region, o.types,
  d.id AS d_id, d.referential_id AS d_ref, d.status AS d_status, d.created_at AS d_created, d.submitted_at AS d_submitted,
  d.validated_at AS d_validated, d.overall_score AS d_overall, d.theme_scores AS d_themes,
  p.total AS a_total, p.done AS a_done, CASE WHEN p.first_open_due < :today THEN ${OVERDUE} ELSE 0 END AS a_overdue`;

function toRow(r: RawRow, yearAgo: string): ListRow {
  return {
    organisationId: r.id,
    name: r.name,
    siret: r.siret,
    region: r.region,
    types: JSON.parse(r.types) as string[],
    latest: r.d_id
      ? {
          id: r.d_id,
          referentialId: r.d_ref!,
          status: r.d_status!,
          createdAt: r.d_created!,
          submittedAt: r.d_submitted,
          validatedAt: r.d_validated,
          overall: r.d_overall,
          themes: r.d_themes ? (JSON.parse(r.d_themes) as Record<string, number | null>) : {},
          provisional: r.d_status === 'draft' || r.d_status === 'changes_requested',
        }
      : null,
    pending: [],
    actionsTotal: r.a_total ?? 0,
    actionsDone: r.a_done ?? 0,
    overdue: r.a_overdue ?? 0,
    stale: !r.d_created || r.d_created < yearAgo,
  };
}

/** The diagnostics awaiting review of the given organisations, oldest first (one query). */
function attachPending(db: Db, rows: ListRow[]): void {
  if (!rows.length) return;
  const found = db.$client
    .prepare(
      `SELECT s.organisation_id AS org, s.id, s.submitted_at AS at FROM diagnostics s
       WHERE s.organisation_id IN (SELECT value FROM json_each(?)) AND s.status = 'submitted'
       ORDER BY s.submitted_at, s.id`,
    )
    .all(JSON.stringify(rows.map((r) => r.organisationId))) as { org: string; id: string; at: string }[];
  const byOrg = new Map(rows.map((r) => [r.organisationId, r]));
  for (const f of found) byOrg.get(f.org)?.pending.push({ id: f.id, submittedAt: f.at });
}

function select(db: Db, regions: readonly string[] | null, q: ListQuery, now: Date, limit: number, cursor?: { side: 'after' | 'before'; at: Cursor }) {
  const b = build(regions, q, now);
  const v = sortValue(q.sort, q.dir);
  const where = [...b.where];
  if (cursor) where.push(keyset(v, q.dir, cursor.side, b.params, cursor.at));
  const backwards = cursor?.side === 'before';
  const valueDir = (q.dir === 'asc') !== backwards ? 'ASC' : 'DESC';
  const tieDir = backwards ? 'DESC' : 'ASC';
  b.params.limit = limit;
  // Names always read A to Z; a name-only list read backwards walks the index backwards.
  const nameDir = v === null && q.dir === 'desc' ? (backwards ? 'ASC' : 'DESC') : tieDir;
  const order = v === null ? `o.sort_name ${nameDir}, o.id ${nameDir}` : `v ${valueDir}, o.sort_name ${tieDir}, o.id ${tieDir}`;
  const sql = `SELECT ${COLUMNS}, ${v ?? 'NULL'} AS v FROM ${b.from}${where.length ? ` AND ${where.join(' AND ')}` : ''}
    ORDER BY ${order} LIMIT :limit`;
  const raw = db.$client.prepare(sql).all(b.params) as RawRow[];
  return backwards ? raw.reverse() : raw;
}

const cursorOf = (r: RawRow): Cursor => [r.v, r.sk, r.id];

/**
 * One page of the list for an actor's regions (`null`: every region). With neither `after` nor
 * `before`, the first page.
 */
export function federationListPage(db: Db, regions: readonly string[] | null, q: ListQuery, now: Date, size = PAGE_SIZE): ListPage {
  const yearAgo = yearBefore(now);
  const cursor = q.after ? { side: 'after' as const, at: q.after } : q.before ? { side: 'before' as const, at: q.before } : undefined;
  let raw = select(db, regions, q, now, size + 1, cursor);
  // One row more than a page tells whether there is another page in the direction read.
  const more = raw.length > size;
  if (more) raw = cursor?.side === 'before' ? raw.slice(1) : raw.slice(0, size);
  // Counted in one pass: every match, and those sorting before this page's first row.
  const b = build(regions, q, now);
  const v = sortValue(q.sort, q.dir);
  const before = raw.length ? keyset(v, q.dir, 'before', b.params, cursorOf(raw[0]!)) : '0';
  const counts = db.$client
    .prepare(`SELECT count(*) AS total, COALESCE(sum(${before}), 0) AS offset FROM ${b.from}${b.where.length ? ` AND ${b.where.join(' AND ')}` : ''}`)
    .get(b.params) as { total: number; offset: number };
  const rows = raw.map((r) => toRow(r, yearAgo));
  attachPending(db, rows);
  const atStart = counts.offset === 0;
  const atEnd = counts.offset + rows.length >= counts.total;
  return {
    rows,
    total: counts.total,
    offset: counts.offset,
    next: rows.length && !atEnd ? cursorOf(raw[raw.length - 1]!) : undefined,
    prev: rows.length && !atStart ? cursorOf(raw[0]!) : undefined,
  };
}

/**
 * Every matching row, in the list's order, read a chunk at a time by the same keyset: the CSV
 * export streams the whole network without holding it, nor holding the connection between chunks.
 */
export function* federationListAll(db: Db, regions: readonly string[] | null, q: ListQuery, now: Date, chunk = 500): Generator<ListRow[]> {
  const yearAgo = yearBefore(now);
  let after: Cursor | undefined;
  for (;;) {
    const raw = select(db, regions, { ...q, after: undefined, before: undefined }, now, chunk, after ? { side: 'after', at: after } : undefined);
    if (!raw.length) return;
    const rows = raw.map((r) => toRow(r, yearAgo));
    attachPending(db, rows);
    yield rows;
    if (raw.length < chunk) return;
    after = cursorOf(raw[raw.length - 1]!);
  }
}
