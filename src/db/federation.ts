// The federation's dashboard: one row per organisation of the scope with its latest diagnostic,
// and the region's picture drawn from those latest diagnostics. A handful of set-based queries
// (never one per organisation): the dashboard must stay fast over hundreds of organisations.
import { sql } from 'drizzle-orm';
import type { Db } from './open.ts';
import type { Actor } from '../auth/permissions.ts';
import { latestDiagnosticId } from './diagnostics.ts';
import { summaryScores } from './scores.ts';
import { getReferential } from '../referential/store.ts';
import { indexOf } from '../referential/lookup.ts';
import { STRUCTURE_TYPES, THEME_SLUGS, type StructureType, type ThemeSlug } from '../referential/schema.ts';
import { REGIONS } from '../regions.ts';
import { BANDS, bandFor, type BandId } from '../scoring/index.ts';
import type { DiagnosticStatus } from '../diagnostics/status.ts';
import type { FederationQuery, SortKey } from '../federation/query.ts';
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
  /** Scores computed now (no cache yet: a draft, or reopened): they will still move. */
  provisional: boolean;
}

export interface FederationRow {
  organisationId: string;
  name: string;
  region: string;
  types: StructureType[];
  latest: LatestDiagnostic | null;
  actionsDone: number;
  actionsTotal: number;
  overdue: number;
  /** No diagnostic started in the last 12 months (or none at all). */
  stale: boolean;
}

export interface TypeThemeMeans {
  type: string;
  /** Organisations of this type whose latest diagnostic has a score. */
  count: number;
  overall: number | null;
  themes: Record<ThemeSlug, number | null>;
}

export interface WeakQuestion {
  code: string;
  text: string;
  /** The referential version's label, when the latest diagnostics use more than one version. */
  version: string | null;
  /** Mean level 0-4 over the latest diagnostics that scored it (N/A left out). */
  mean: number;
  answers: number;
}

export interface NeededService {
  code: string;
  name: string;
  contact: string;
  openActions: number;
}

export interface RegionPicture {
  /** Organisations of the selection with a diagnostic. */
  diagnosed: number;
  byType: TypeThemeMeans[];
  bands: { id: BandId; label: string; count: number }[];
  unscored: number;
  weakest: WeakQuestion[];
  services: NeededService[];
}

export interface FederationData {
  rows: FederationRow[];
  picture: RegionPicture;
  /** Regions the actor may filter on. */
  regions: string[];
}

/** Regions an actor follows; `null` for all (admins). */
export function actorRegions(actor: Actor): string[] | null {
  if (actor.role === 'admin') return null;
  if (actor.role === 'consultant') return [...actor.regions];
  return [];
}

interface RawRow {
  id: string;
  name: string;
  region: string;
  types: string;
  d_id: string | null;
  d_ref: string | null;
  d_status: DiagnosticStatus | null;
  d_created: string | null;
  d_submitted: string | null;
  d_validated: string | null;
  d_overall: number | null;
  d_themes: string | null;
}

/** Active organisations of the scope, each with its latest diagnostic (src/db/diagnostics.ts says which). */
function scopedRows(db: Db, regions: string[] | null): RawRow[] {
  const inScope = regions === null ? sql`` : sql` AND o.region IN (${regions.length ? sql.join(regions.map((r) => sql`${r}`), sql`, `) : sql`NULL`})`;
  return db.all<RawRow>(sql`
    SELECT o.id, o.name, o.region, o.types,
           d.id AS d_id, d.referential_id AS d_ref, d.status AS d_status, d.created_at AS d_created,
           d.submitted_at AS d_submitted, d.validated_at AS d_validated, d.overall_score AS d_overall, d.theme_scores AS d_themes
    FROM organisations o LEFT JOIN diagnostics d ON d.id = ${latestDiagnosticId(sql`o.id`)}
    WHERE o.active = 1${inScope}`);
}

interface ActionStats {
  diagnostic_id: string;
  total: number;
  done: number;
  overdue: number;
}

/** Plan progress of the given diagnostics; dropped actions count nowhere. */
function actionStats(db: Db, ids: string[], today: string): Map<string, ActionStats> {
  const rows = db.all<ActionStats>(sql`
    SELECT a.diagnostic_id, COUNT(*) AS total,
           SUM(a.status = 'done') AS done,
           SUM(a.status <> 'done' AND a.due_date IS NOT NULL AND a.due_date <> '' AND a.due_date < ${today}) AS overdue
    FROM actions a
    WHERE a.dropped_reason IS NULL AND a.diagnostic_id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))
    GROUP BY a.diagnostic_id`);
  return new Map(rows.map((r) => [r.diagnostic_id, r]));
}

/**
 * Scores of the latest diagnostics: cached or computed (src/db/scores.ts). Submitted and validated
 * diagnostics are read-only, so scores computed for them are stored back as the cache.
 */
function fillScores(db: Db, rows: FederationRow[]): void {
  const withDiag = rows.filter((r) => r.latest);
  const scores = summaryScores(
    db,
    withDiag.map((r) => {
      const d = r.latest!;
      const cached = d.overall !== null || Object.keys(d.themes).length > 0;
      return { id: d.id, referentialId: d.referentialId, status: d.status, types: r.types, overallScore: d.overall, themeScores: cached ? d.themes : null };
    }),
    { store: true },
  );
  for (const r of withDiag) {
    const s = scores.get(r.latest!.id);
    if (!s) continue;
    r.latest!.overall = s.overall;
    r.latest!.themes = s.themes;
    r.latest!.provisional = s.provisional;
  }
}

/** Whether a row is in the selection of the query (region, type, status). */
export function matches(row: FederationRow, q: FederationQuery): boolean {
  if (q.region && row.region !== q.region) return false;
  if (q.type && !(row.types as readonly string[]).includes(q.type)) return false;
  if (q.status === 'none') return row.latest === null;
  if (q.status === 'stale') return row.stale;
  if (q.status) return row.latest?.status === q.status;
  return true;
}

const STATUS_ORDER: Record<DiagnosticStatus, number> = { draft: 1, submitted: 2, changes_requested: 3, validated: 4, archived: 5 };
const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

function sortValue(r: FederationRow, key: SortKey): number | string | null {
  switch (key) {
    case 'name':
      return r.name;
    case 'region':
      return r.region;
    case 'status':
      return r.latest ? STATUS_ORDER[r.latest.status] : null;
    case 'date':
      return r.latest?.createdAt ?? null;
    case 'score':
      return r.latest?.overall ?? null;
    case 'progress':
      return r.actionsTotal ? r.actionsDone / r.actionsTotal : null;
    case 'overdue':
      return r.overdue;
  }
}

/** Sorted by the key, then by name; rows without a value always come last. */
export function sortRows(rows: FederationRow[], key: SortKey, dir: 'asc' | 'desc'): FederationRow[] {
  const sign = dir === 'desc' ? -1 : 1;
  return [...rows].sort((a, b) => {
    const va = sortValue(a, key);
    const vb = sortValue(b, key);
    if (va !== vb) {
      if (va === null) return 1;
      if (vb === null) return -1;
      const cmp = typeof va === 'string' && typeof vb === 'string' ? collator.compare(va, vb) : va < vb ? -1 : va > vb ? 1 : 0;
      if (cmp !== 0) return sign * cmp;
    }
    return collator.compare(a.name, b.name);
  });
}

function mean(xs: number[]): number | null {
  return xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null;
}

function picture(db: Db, rows: FederationRow[]): RegionPicture {
  const withDiag = rows.filter((r) => r.latest);
  const ids = withDiag.map((r) => r.latest!.id);

  const types = STRUCTURE_TYPES.filter((ty) => rows.some((r) => r.types.includes(ty)));
  const byType: TypeThemeMeans[] = types.map((type) => {
    const scored = withDiag.filter((r) => r.types.includes(type) && r.latest!.overall !== null);
    const themes = Object.fromEntries(
      THEME_SLUGS.map((slug) => [slug, mean(scored.map((r) => r.latest!.themes[slug]).filter((x): x is number => typeof x === 'number'))]),
    ) as Record<ThemeSlug, number | null>;
    return { type, count: scored.length, overall: mean(scored.map((r) => r.latest!.overall!)), themes };
  });

  const counts = new Map<BandId, number>();
  let unscored = 0;
  for (const r of rows) {
    const band = bandFor(r.latest?.overall ?? null);
    if (band) counts.set(band.id, (counts.get(band.id) ?? 0) + 1);
    else unscored++;
  }
  const bands = BANDS.map((b) => ({ id: b.id, label: b.label, count: counts.get(b.id) ?? 0 }));

  const json = JSON.stringify(ids);
  // A code means a question within one referential version (FS-1.2 of CAP 2023 is not FS-1.2 of
  // CAP 2026): answers are grouped by version and code.
  const weakRows = ids.length
    ? db.all<{ ref: string; code: string; mean: number; n: number }>(sql`
        SELECT d.referential_id AS ref, a.question_code AS code, AVG(a.level) AS mean, COUNT(*) AS n
        FROM answers a JOIN diagnostics d ON d.id = a.diagnostic_id
        WHERE a.diagnostic_id IN (SELECT value FROM json_each(${json})) AND a.na = 0 AND a.level IS NOT NULL
        GROUP BY d.referential_id, a.question_code ORDER BY mean ASC, a.question_code ASC, d.referential_id ASC LIMIT 10`)
    : [];
  const versions = [...new Set(withDiag.map((r) => r.latest!.referentialId))].sort();
  const refs = new Map(versions.map((id) => [id, getReferential(db, id)]));
  const weakest = weakRows.map((w) => {
    const ref = refs.get(w.ref);
    const text = ref ? indexOf(ref).questions.get(w.code)?.question.text : undefined;
    return { code: w.code, text: text ?? w.code, version: versions.length > 1 ? (ref?.label ?? w.ref) : null, mean: w.mean, answers: w.n };
  });

  const services = ids.length
    ? db
        .all<{ code: string; name: string; contact: string; n: number }>(sql`
          SELECT j.value AS code, COALESCE(s.name, j.value) AS name, COALESCE(s.contact, '') AS contact, COUNT(*) AS n
          FROM actions a, json_each(a.services) j LEFT JOIN services s ON s.code = j.value
          WHERE a.diagnostic_id IN (SELECT value FROM json_each(${json})) AND a.dropped_reason IS NULL AND a.status <> 'done'
          GROUP BY j.value`)
        .sort((a, b) => b.n - a.n || collator.compare(a.name, b.name))
        .slice(0, 10)
        .map((s) => ({ code: s.code, name: s.name, contact: s.contact, openActions: s.n }))
    : [];
  return { diagnosed: withDiag.length, byType, bands, unscored, weakest, services };
}

/** Question texts by code across the referential versions in use (latest version wins). */
/** Every organisation of the actor's scope, before filters, with its latest diagnostic scored. */
export function federationRows(db: Db, actor: Actor, now: Date): FederationRow[] {
  const regions = actorRegions(actor);
  if (regions !== null && regions.length === 0) return [];
  const cutoff = yearBefore(now);
  const rows: FederationRow[] = scopedRows(db, regions).map((r) => ({
    organisationId: r.id,
    name: r.name,
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
          provisional: false,
        }
      : null,
    actionsDone: 0,
    actionsTotal: 0,
    overdue: 0,
    stale: !r.d_created || r.d_created < cutoff,
  }));
  return rows;
}

/** The dashboard: rows of the selection, sorted, and the picture of that same selection. */
export function federationDashboard(db: Db, actor: Actor, q: FederationQuery, now: Date): FederationData {
  const all = federationRows(db, actor, now);
  const regions = actorRegions(actor) ?? [...REGIONS];
  const rows = all.filter((r) => matches(r, q));
  completeRows(db, rows, now);
  return { rows: sortRows(rows, q.sort, q.dir), picture: picture(db, rows), regions: regions.sort(collator.compare) };
}

/** Adds plan progress and scores to rows (two queries whatever the number of rows). */
export function completeRows(db: Db, rows: FederationRow[], now: Date): void {
  const stats = actionStats(db, rows.filter((r) => r.latest).map((r) => r.latest!.id), parisDay(now));
  for (const r of rows) {
    const s = r.latest && stats.get(r.latest.id);
    if (s) {
      r.actionsTotal = s.total;
      r.actionsDone = s.done ?? 0;
      r.overdue = s.overdue ?? 0;
    }
  }
  fillScores(db, rows);
}

/** The selection for the CSV export: same filters and order as the page. */
export function federationExportRows(db: Db, actor: Actor, q: FederationQuery, now: Date): FederationRow[] {
  const rows = federationRows(db, actor, now).filter((r) => matches(r, q));
  completeRows(db, rows, now);
  return sortRows(rows, q.sort, q.dir);
}
