// The federation's dashboard. The list: each active organisation of the scope with its latest
// diagnostic, the diagnostics awaiting review and its plan's figures — searched, filtered, sorted
// and paged by keyset (the sort value, the name's sort key and the id of the row next to the page),
// never by OFFSET over the whole network. The picture: the peer statistics of the selection's
// regions and type. Nothing here reads answers or actions, and nothing writes: the latest
// diagnostic is a pointer on the organisation (organisations.latest_diagnostic_id), plan figures
// come from plan_stats, scores from the cache on the diagnostic row, all kept where data changes.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from './open.ts';
import type { Actor } from '../auth/permissions.ts';
import { addTo, emptyTotals, meanOf, peerGroups, type Sums } from './peer-statistics.ts';
import { getReferential, getServicesByCode } from '../referential/store.ts';
import { indexOf } from '../referential/lookup.ts';
import { STRUCTURE_TYPES, THEME_SLUGS, type StructureType, type ThemeSlug } from '../referential/schema.ts';
import { REGIONS } from '../regions.ts';
import { BANDS, type BandId } from '../scoring/index.ts';
import { isEditable, type DiagnosticStatus } from '../diagnostics/status.ts';
import { PAGE_SIZE, type FederationQuery, type SortKey } from '../federation/query.ts';
import type { Cursor, KeysetPage } from '../keyset.ts';
import { searchPatterns, siretPrefix } from '../sort-key.ts';
import { parisDay, yearBefore } from '../dates.ts';

export interface LatestDiagnostic {
  id: string;
  referentialId: string;
  status: DiagnosticStatus;
  createdAt: string;
  submittedAt: string | null;
  validatedAt: string | null;
  overall: number | null;
  themes: Partial<Record<ThemeSlug, number | null>>;
  /** Scores of a diagnostic still being answered (or sent back): they will move. */
  provisional: boolean;
}

export interface FederationRow {
  organisationId: string;
  name: string;
  siret: string;
  region: string;
  types: StructureType[];
  latest: LatestDiagnostic | null;
  /** Diagnostics awaiting review (submitted), the oldest first, whatever the latest one is. */
  pending: { id: string; submittedAt: string }[];
  actionsDone: number;
  actionsTotal: number;
  overdue: number;
  /** No diagnostic started in the last 12 months (or none at all). */
  stale: boolean;
}

export interface TypeThemeMeans {
  type: string;
  /** Organisations of this type with a scored settled diagnostic. */
  count: number;
  overall: number | null;
  themes: Record<ThemeSlug, number | null>;
}

export interface WeakQuestion {
  code: string;
  text: string;
  /** The referential version's label, when the diagnostics counted use more than one version. */
  version: string | null;
  /** Mean level 0-4 over the diagnostics that scored it (N/A left out). */
  mean: number;
  answers: number;
}

export interface NeededService {
  code: string;
  name: string;
  contact: string;
  openActions: number;
}

/** The picture of the active organisations of a selection (regions, type), each with its latest submitted or validated diagnostic. */
export interface RegionPicture {
  organisations: number;
  /** Those with a submitted or validated diagnostic: the picture is theirs. */
  diagnosed: number;
  byType: TypeThemeMeans[];
  bands: { id: BandId; label: string; count: number }[];
  /** Organisations of the selection without a scored submitted or validated diagnostic. */
  unscored: number;
  weakest: WeakQuestion[];
  services: NeededService[];
}

/** A page of structures (« 51 à 100 sur 4 500 »), and where the pages next to it start. */
export type FederationPage = KeysetPage<FederationRow>;

export interface FederationData extends FederationPage {
  picture: RegionPicture;
  /** Regions the actor may filter on. */
  regions: string[];
}

/** The regions of the active organisations an actor sees, in French order (a filter's choices). */
export function scopeRegions(db: Db, actor: Actor): string[] {
  const regions = actorRegions(actor);
  const rows = db.all<{ region: string }>(
    sql`SELECT DISTINCT region FROM organisations WHERE active = 1${regions === null ? sql`` : sql` AND region IN (SELECT value FROM json_each(${json(regions)}))`}`,
  );
  return rows.map((r) => r.region).sort(collator.compare);
}

/** Regions an actor follows; `null` for all (admins). */
export function actorRegions(actor: Actor): string[] | null {
  if (actor.role === 'admin') return null;
  if (actor.role === 'consultant') return [...actor.regions];
  return [];
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
/** Regions in French alphabetical order: sorting by region sorts by this rank. */
const REGION_RANK = [...REGIONS].sort(collator.compare);
const STATUS_RANK: Record<DiagnosticStatus, number> = { draft: 1, submitted: 2, changes_requested: 3, validated: 4, archived: 5 };

const json = (v: unknown) => JSON.stringify(v);
const OVERDUE = (today: string) => sql`(SELECT count(*) FROM json_each(p.open_dues) j WHERE j.value < ${today})`;
// `+s.status`: without it, SQLite (no statistics) walks the status index once per organisation.
const PENDING_SINCE = sql`(SELECT min(s.submitted_at) FROM diagnostics s WHERE s.organisation_id = o.id AND +s.status = 'submitted')`;

/** The sort value of a row as SQL, never null (rows without one come last either way); null when sorted by name alone. */
function sortValue(sort: SortKey, dir: 'asc' | 'desc', today: string): SQL | null {
  const last = (expr: SQL, kind: 'number' | 'text') => sql`COALESCE(${expr}, ${kind === 'number' ? (dir === 'asc' ? 1e300 : -1e300) : dir === 'asc' ? '~' : ''})`;
  switch (sort) {
    case 'name':
      return null;
    case 'region':
      return sql`COALESCE((SELECT r.key FROM json_each(${json(REGION_RANK)}) r WHERE r.value = o.region), ${REGION_RANK.length})`;
    case 'status':
      return last(sql`(SELECT r.value FROM json_each(${json(STATUS_RANK)}) r WHERE r.key = d.status)`, 'number');
    case 'date':
      return last(sql`d.created_at`, 'text');
    case 'score':
      return last(sql`d.overall_score`, 'number');
    case 'progress':
      return last(sql`CASE WHEN p.total > 0 THEN CAST(p.done AS REAL) / p.total END`, 'number');
    case 'overdue':
      return sql`COALESCE(${OVERDUE(today)}, 0)`;
    case 'pending':
      return last(PENDING_SINCE, 'text');
  }
}

/** The rows of the scope (`o`, its latest diagnostic `d`, its plan figures `p`) matching the query. */
function selection(regions: readonly string[] | null, q: FederationQuery, now: Date): SQL {
  const today = parisDay(now);
  const where: SQL[] = [sql`o.active = 1`];
  if (regions !== null) where.push(sql`o.region IN (SELECT value FROM json_each(${json(regions)}))`);
  if (q.region) where.push(sql`o.region = ${q.region}`);
  if (q.type) where.push(sql`EXISTS (SELECT 1 FROM json_each(o.types) t WHERE t.value = ${q.type})`);
  if (q.q) {
    const words = searchPatterns(q.q).map((w) => sql`' ' || o.sort_name || ' ' LIKE ${w}`);
    const siret = siretPrefix(q.q);
    const either: SQL[] = [];
    if (words.length) either.push(sql`(${sql.join(words, sql` AND `)})`);
    if (siret) either.push(sql`o.siret LIKE ${`${siret}%`}`);
    // A search with nothing searchable in it finds nothing, rather than everything.
    where.push(either.length ? sql`(${sql.join(either, sql` OR `)})` : sql`0`);
  }
  switch (q.status) {
    case undefined:
      break;
    case 'submitted':
      where.push(sql`EXISTS (SELECT 1 FROM diagnostics s WHERE s.organisation_id = o.id AND +s.status = 'submitted')`);
      break;
    case 'none':
      where.push(sql`d.id IS NULL`);
      break;
    case 'stale':
      where.push(sql`(d.id IS NULL OR d.created_at < ${yearBefore(now)})`);
      break;
    default:
      where.push(sql`d.status = ${q.status}`);
  }
  if (q.band === 'none') where.push(sql`d.overall_score IS NULL`);
  else if (q.band) {
    const i = BANDS.findIndex((b) => b.id === q.band);
    const band = BANDS[i]!;
    where.push(i === BANDS.length - 1 ? sql`d.overall_score >= ${band.min}` : sql`d.overall_score >= ${band.min} AND d.overall_score < ${band.max}`);
  }
  if (q.progress === 'none') where.push(sql`COALESCE(p.total, 0) = 0`);
  else if (q.progress) {
    const quarter = Number(q.progress.slice(1)) - 1;
    const share = sql`CAST(p.done AS REAL) / p.total`;
    where.push(sql`p.total > 0 AND ${share} >= ${quarter / 4}${quarter === 3 ? sql`` : sql` AND ${share} < ${(quarter + 1) / 4}`}`);
  }
  if (q.overdue) where.push(sql`p.first_open_due < ${today}`);
  return sql`organisations o
    LEFT JOIN diagnostics d ON d.id = o.latest_diagnostic_id
    LEFT JOIN plan_stats p ON p.diagnostic_id = d.id
    WHERE ${sql.join(where, sql` AND `)}`;
}

/** Rows after (or before) the cursor, in the list's order: `(value, sort_name, id)` compared. */
function beyond(v: SQL | null, dir: 'asc' | 'desc', side: 'after' | 'before', c: Cursor): SQL {
  const forward = side === 'after';
  const tie = forward ? sql`>` : sql`<`;
  // Sorted by name alone, the direction is the name's: the index on (sort_name, id) serves it.
  if (v === null) return sql`(o.sort_name, o.id) ${(dir === 'asc') === forward ? sql`>` : sql`<`} (${c[1]}, ${c[2]})`;
  const op = (dir === 'asc') === forward ? sql`>` : sql`<`;
  return sql`((${v}) ${op} ${c[0]} OR ((${v}) = ${c[0]} AND (o.sort_name, o.id) ${tie} (${c[1]}, ${c[2]})))`;
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

function rows(db: Db, regions: readonly string[] | null, q: FederationQuery, now: Date, limit: number, cursor?: { side: 'after' | 'before'; at: Cursor }): RawRow[] {
  const today = parisDay(now);
  const v = sortValue(q.sort, q.dir, today);
  const backwards = cursor?.side === 'before';
  const nameDir = (q.sort === 'name' && q.dir === 'desc') !== backwards ? sql`DESC` : sql`ASC`;
  const tieDir = backwards ? sql`DESC` : sql`ASC`;
  const order = v === null ? sql`o.sort_name ${nameDir}, o.id ${nameDir}` : sql`v ${(q.dir === 'asc') !== backwards ? sql`ASC` : sql`DESC`}, o.sort_name ${tieDir}, o.id ${tieDir}`;
  const raw = db.all<RawRow>(sql`
    SELECT o.id, o.name, o.sort_name AS sk, o.siret, o.region, o.types, ${v ?? sql`NULL`} AS v,
      d.id AS d_id, d.referential_id AS d_ref, d.status AS d_status, d.created_at AS d_created, d.submitted_at AS d_submitted,
      d.validated_at AS d_validated, d.overall_score AS d_overall, d.theme_scores AS d_themes,
      p.total AS a_total, p.done AS a_done, CASE WHEN p.first_open_due < ${today} THEN ${OVERDUE(today)} ELSE 0 END AS a_overdue
    FROM ${selection(regions, q, now)}${cursor ? sql` AND ${beyond(v, q.dir, cursor.side, cursor.at)}` : sql``}
    ORDER BY ${order} LIMIT ${limit}`);
  return backwards ? raw.reverse() : raw;
}

function toRow(r: RawRow, yearAgo: string): FederationRow {
  return {
    organisationId: r.id,
    name: r.name,
    siret: r.siret,
    region: r.region,
    types: JSON.parse(r.types) as StructureType[],
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
          provisional: isEditable(r.d_status!),
        }
      : null,
    pending: [],
    actionsTotal: r.a_total ?? 0,
    actionsDone: r.a_done ?? 0,
    overdue: r.a_overdue ?? 0,
    stale: !r.d_created || r.d_created < yearAgo,
  };
}

/** The diagnostics awaiting review of the rows' organisations, oldest first (one query). */
function withPending(db: Db, list: FederationRow[]): FederationRow[] {
  if (!list.length) return list;
  const found = db.all<{ org: string; id: string; at: string }>(sql`
    SELECT s.organisation_id AS org, s.id, s.submitted_at AS at FROM diagnostics s
    WHERE s.organisation_id IN (SELECT value FROM json_each(${json(list.map((r) => r.organisationId))})) AND +s.status = 'submitted'
    ORDER BY s.submitted_at, s.id`);
  const byOrg = new Map(list.map((r) => [r.organisationId, r]));
  for (const f of found) byOrg.get(f.org)?.pending.push({ id: f.id, submittedAt: f.at });
  return list;
}

const cursorOf = (r: RawRow): Cursor => [r.v, r.sk, r.id];

/** One page of the list for the actor's scope; the first page without `after` or `before`. */
export function federationPage(db: Db, actor: Actor, q: FederationQuery, now: Date, size = PAGE_SIZE): FederationPage {
  const regions = actorRegions(actor);
  if (regions !== null && regions.length === 0) return { rows: [], total: 0, offset: 0 };
  const cursor = q.after ? { side: 'after' as const, at: q.after } : q.before ? { side: 'before' as const, at: q.before } : undefined;
  let raw = rows(db, regions, q, now, size + 1, cursor);
  // One row more than a page says whether another page follows in the direction read.
  if (raw.length > size) raw = cursor?.side === 'before' ? raw.slice(1) : raw.slice(0, size);
  // Counted in one pass: every match, and those sorting before this page's first row.
  const v = sortValue(q.sort, q.dir, parisDay(now));
  const before = raw.length ? beyond(v, q.dir, 'before', cursorOf(raw[0]!)) : sql`0`;
  const counts = db.get<{ total: number; offset: number | null }>(sql`SELECT count(*) AS total, sum(${before}) AS offset FROM ${selection(regions, q, now)}`)!;
  const offset = counts.offset ?? 0;
  const yearAgo = yearBefore(now);
  return {
    rows: withPending(db, raw.map((r) => toRow(r, yearAgo))),
    total: counts.total,
    offset,
    next: raw.length && offset + raw.length < counts.total ? cursorOf(raw[raw.length - 1]!) : undefined,
    prev: raw.length && offset > 0 ? cursorOf(raw[0]!) : undefined,
  };
}

/**
 * Every matching row in the list's order, a chunk at a time by the same keyset: the CSV export
 * streams the whole network without holding it, and without holding the connection between chunks.
 */
export function* federationChunks(db: Db, actor: Actor, q: FederationQuery, now: Date, chunk = 500): Generator<FederationRow[]> {
  const regions = actorRegions(actor);
  if (regions !== null && regions.length === 0) return;
  const yearAgo = yearBefore(now);
  const all = { ...q, after: undefined, before: undefined };
  let after: Cursor | undefined;
  for (;;) {
    const raw = rows(db, regions, all, now, chunk, after ? { side: 'after', at: after } : undefined);
    if (!raw.length) return;
    yield withPending(db, raw.map((r) => toRow(r, yearAgo)));
    if (raw.length < chunk) return;
    after = cursorOf(raw[raw.length - 1]!);
  }
}

/**
 * The picture of the active organisations of the actor's regions (optionally one region, one
 * type), each with its latest submitted or validated diagnostic: means by type, maturity bands and
 * the ten weakest questions from the peer statistics, and the services most called for by the
 * open actions of those plans (their plan figures). The list's other filters do not apply.
 */
export function regionPicture(db: Db, actor: Actor, filter: { region?: string; type?: string } = {}): RegionPicture {
  const regions = actorRegions(actor);
  const inScope = (region: string) => (regions === null || regions.includes(region)) && (!filter.region || filter.region === region);
  const groups = peerGroups(db, { questions: true }).filter((g) => inScope(g.region) && (!filter.type || g.types.includes(filter.type)));

  const where: SQL[] = [sql`o.active = 1`];
  if (regions !== null) where.push(sql`o.region IN (SELECT value FROM json_each(${json(regions)}))`);
  if (filter.region) where.push(sql`o.region = ${filter.region}`);
  if (filter.type) where.push(sql`EXISTS (SELECT 1 FROM json_each(o.types) t WHERE t.value = ${filter.type})`);
  const organisations = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM organisations o WHERE ${sql.join(where, sql` AND `)}`)!.n;

  const present = STRUCTURE_TYPES.filter((ty) => (!filter.type || ty === filter.type) && groups.some((g) => g.types.includes(ty)));
  const byType: TypeThemeMeans[] = present.map((type) => {
    const t = emptyTotals();
    for (const g of groups) if (g.types.includes(type)) addTo(t, g);
    return {
      type,
      count: t.overall[1],
      overall: meanOf(t.overall),
      themes: Object.fromEntries(THEME_SLUGS.map((slug) => [slug, t.themes[slug] ? meanOf(t.themes[slug]!) : null])) as Record<ThemeSlug, number | null>,
    };
  });
  const bands = BANDS.map((b) => ({ id: b.id, label: b.label, count: groups.reduce((n, g) => n + (g.bands[b.id] ?? 0), 0) }));

  // A code means a question within one referential version (FS-1.2 of CAP 2023 is not FS-1.2 of
  // CAP 2026): levels are summed by version and code, and the version is named when several are in use.
  const levels = new Map<string, { ref: string; code: string; sums: Sums }>();
  for (const g of groups) {
    for (const [ref, codes] of Object.entries(g.questions)) {
      for (const [code, [s, n]] of Object.entries(codes)) {
        const key = JSON.stringify([ref, code]);
        const q = levels.get(key) ?? { ref, code, sums: [0, 0] };
        levels.set(key, { ref, code, sums: [q.sums[0] + s, q.sums[1] + n] });
      }
    }
  }
  const counted = [...levels.values()].filter((q) => q.sums[1] > 0);
  const versions = [...new Set(counted.map((q) => q.ref))].sort();
  const refs = new Map(versions.map((id) => [id, getReferential(db, id)]));
  const weakest = counted
    .map(({ ref, code, sums: [s, n] }) => ({ ref, code, mean: s / n, answers: n }))
    .sort((a, b) => a.mean - b.mean || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0))
    .slice(0, 10)
    .map(({ ref, code, mean, answers }) => {
      const referential = refs.get(ref);
      const text = referential ? indexOf(referential).questions.get(code)?.question.text : undefined;
      return { code, text: text ?? code, version: versions.length > 1 ? (referential?.label ?? ref) : null, mean, answers };
    });

  // The open actions of these plans, by service: summed from each plan's figures.
  const open = new Map<string, number>();
  for (const r of db.all<{ s: string }>(sql`SELECT p.open_services AS s FROM organisations o JOIN plan_stats p ON p.diagnostic_id = o.settled_diagnostic_id WHERE ${sql.join(where, sql` AND `)}`)) {
    for (const [code, n] of Object.entries(JSON.parse(r.s) as Record<string, number>)) open.set(code, (open.get(code) ?? 0) + n);
  }
  const catalogue = open.size ? getServicesByCode(db, [...open.keys()]) : new Map();
  const services = [...open]
    .map(([code, n]) => ({ code, name: catalogue.get(code)?.name ?? code, contact: catalogue.get(code)?.contact ?? '', openActions: n }))
    .sort((a, b) => b.openActions - a.openActions || collator.compare(a.name, b.name))
    .slice(0, 10);

  const diagnosed = groups.reduce((n, g) => n + g.organisations, 0);
  const scored = groups.reduce((n, g) => n + g.overallCount, 0);
  return { organisations, diagnosed, byType, bands, unscored: organisations - scored, weakest, services };
}

/** The dashboard: one page of the selection and the picture of its regions and type. */
export function federationDashboard(db: Db, actor: Actor, q: FederationQuery, now: Date): FederationData {
  const regions = actorRegions(actor) ?? [...REGIONS];
  return {
    ...federationPage(db, actor, q, now),
    picture: regionPicture(db, actor, { region: q.region, type: q.type }),
    regions: [...regions].sort(collator.compare),
  };
}
