// The federation's dashboard: one row per organisation of the scope with its latest diagnostic,
// and the region's picture drawn from those latest diagnostics. A handful of set-based queries
// (never one per organisation): the dashboard must stay fast over hundreds of organisations.
import type { Db } from './open.ts';
import type { Actor } from '../auth/permissions.ts';
import type { DiagnosticStatus } from './diagnostics.ts';
import { getReferential } from '../referential/store.ts';
import { STRUCTURE_TYPES, THEME_SLUGS, type StructureType, type ThemeSlug } from '../referential/schema.ts';
import { REGIONS } from '../i18n/fr/common.ts';
import { BANDS, bandFor, scoreDiagnostic, type BandId, type Level } from '../scoring/index.ts';

export type StatusFilter = DiagnosticStatus | 'none' | 'stale';
export const STATUS_FILTERS: readonly StatusFilter[] = ['draft', 'submitted', 'changes_requested', 'validated', 'none', 'stale'];
export const SORT_KEYS = ['name', 'region', 'status', 'date', 'score', 'progress', 'overdue'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface FederationQuery {
  region?: string;
  type?: string;
  status?: StatusFilter;
  sort: SortKey;
  dir: 'asc' | 'desc';
}

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
  types: string[];
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

/** Today's date in France, as the due dates of actions are written (AAAA-MM-JJ). */
export function parisDay(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function staleCutoff(now: Date): string {
  const d = new Date(now.getTime());
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  return d.toISOString();
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

/**
 * Active organisations of the scope, each with its latest diagnostic (window function over the
 * diagnostics of the scope; ties on created_at broken by id so "latest" is stable).
 */
function scopedRows(db: Db, regions: string[] | null): RawRow[] {
  const where = regions === null ? '' : `AND o.region IN (${regions.map(() => '?').join(',') || 'NULL'})`;
  const sql = `
    WITH scoped AS (
      SELECT o.id, o.name, o.region, o.types FROM organisations o WHERE o.active = 1 ${where}
    ),
    latest AS (
      SELECT d.id, d.organisation_id, d.referential_id, d.status, d.created_at, d.submitted_at, d.validated_at,
             d.overall_score, d.theme_scores,
             ROW_NUMBER() OVER (PARTITION BY d.organisation_id ORDER BY d.created_at DESC, d.id DESC) AS rn
      FROM diagnostics d WHERE d.organisation_id IN (SELECT id FROM scoped)
    )
    SELECT s.id, s.name, s.region, s.types,
           l.id AS d_id, l.referential_id AS d_ref, l.status AS d_status, l.created_at AS d_created,
           l.submitted_at AS d_submitted, l.validated_at AS d_validated, l.overall_score AS d_overall, l.theme_scores AS d_themes
    FROM scoped s LEFT JOIN latest l ON l.organisation_id = s.id AND l.rn = 1`;
  return db.$client.prepare(sql).all(...(regions ?? [])) as RawRow[];
}

interface ActionStats {
  diagnostic_id: string;
  total: number;
  done: number;
  overdue: number;
}

/** Plan progress of the given diagnostics; dropped actions count nowhere. */
function actionStats(db: Db, ids: string[], today: string): Map<string, ActionStats> {
  const rows = db.$client
    .prepare(
      `SELECT a.diagnostic_id, COUNT(*) AS total,
              SUM(a.status = 'done') AS done,
              SUM(a.status <> 'done' AND a.due_date IS NOT NULL AND a.due_date <> '' AND a.due_date < ?) AS overdue
       FROM actions a
       WHERE a.dropped_reason IS NULL AND a.diagnostic_id IN (SELECT value FROM json_each(?))
       GROUP BY a.diagnostic_id`,
    )
    .all(today, JSON.stringify(ids)) as ActionStats[];
  return new Map(rows.map((r) => [r.diagnostic_id, r]));
}

/**
 * Scores for latest diagnostics without a cached score: one query for all their answers, then the
 * pure scoring. Submitted and validated diagnostics are read-only, so their scores are stored back
 * as the cache the questionnaire writes at submission.
 */
function fillScores(db: Db, rows: FederationRow[]): void {
  const missing = rows.filter((r) => r.latest && r.latest.overall === null && Object.keys(r.latest.themes).length === 0);
  if (!missing.length) return;
  const answers = db.$client
    .prepare(`SELECT diagnostic_id AS d, question_code AS q, level, na FROM answers WHERE diagnostic_id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(missing.map((r) => r.latest!.id))) as { d: string; q: string; level: number | null; na: number }[];
  const byDiag = new Map<string, Map<string, Level>>();
  for (const a of answers) {
    let m = byDiag.get(a.d);
    if (!m) byDiag.set(a.d, (m = new Map()));
    if (a.na) m.set(a.q, 'na');
    else if (a.level !== null) m.set(a.q, a.level as Level);
  }
  const store = db.$client.prepare(`UPDATE diagnostics SET overall_score = ?, theme_scores = ? WHERE id = ? AND overall_score IS NULL AND status IN ('submitted', 'validated')`);
  const writes: [number | null, string, string][] = [];
  for (const r of missing) {
    const latest = r.latest!;
    const ref = getReferential(db, latest.referentialId);
    if (!ref) continue;
    const levels = byDiag.get(latest.id) ?? new Map<string, Level>();
    const scores = scoreDiagnostic(ref, r.types as StructureType[], levels);
    latest.overall = scores.overall;
    latest.themes = Object.fromEntries(scores.themes.map((th) => [th.slug, th.score]));
    const settled = latest.status === 'submitted' || latest.status === 'validated';
    latest.provisional = !settled;
    if (settled && levels.size > 0) writes.push([scores.overall, JSON.stringify(latest.themes), latest.id]);
  }
  if (writes.length) db.$client.transaction(() => writes.forEach((w) => store.run(...w)))();
}

function matches(row: FederationRow, q: FederationQuery): boolean {
  if (q.region && row.region !== q.region) return false;
  if (q.type && !row.types.includes(q.type)) return false;
  if (q.status === 'none') return row.latest === null;
  if (q.status === 'stale') return row.stale;
  if (q.status) return row.latest?.status === q.status;
  return true;
}

const STATUS_ORDER: Record<DiagnosticStatus, number> = { draft: 1, submitted: 2, changes_requested: 3, validated: 4 };
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
  const weakRows = ids.length
    ? (db.$client
        .prepare(
          `SELECT question_code AS code, AVG(level) AS mean, COUNT(*) AS n FROM answers
           WHERE diagnostic_id IN (SELECT value FROM json_each(?)) AND na = 0 AND level IS NOT NULL
           GROUP BY question_code ORDER BY mean ASC, question_code ASC LIMIT 10`,
        )
        .all(json) as { code: string; mean: number; n: number }[])
    : [];
  const texts = questionTexts(db, withDiag.map((r) => r.latest!.referentialId));
  const weakest = weakRows.map((w) => ({ code: w.code, text: texts.get(w.code) ?? w.code, mean: w.mean, answers: w.n }));

  const services = ids.length
    ? (db.$client
        .prepare(
          `SELECT j.value AS code, COALESCE(s.name, j.value) AS name, COALESCE(s.contact, '') AS contact, COUNT(*) AS n
           FROM actions a, json_each(a.services) j LEFT JOIN services s ON s.code = j.value
           WHERE a.diagnostic_id IN (SELECT value FROM json_each(?)) AND a.dropped_reason IS NULL AND a.status <> 'done'
           GROUP BY j.value`,
        )
        .all(json) as { code: string; name: string; contact: string; n: number }[])
        .sort((a, b) => b.n - a.n || collator.compare(a.name, b.name))
        .slice(0, 10)
        .map((s) => ({ code: s.code, name: s.name, contact: s.contact, openActions: s.n }))
    : [];
  return { diagnosed: withDiag.length, byType, bands, unscored, weakest, services };
}

/** Question texts by code across the referential versions in use (latest version wins). */
function questionTexts(db: Db, referentialIds: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const id of [...new Set(referentialIds)].sort()) {
    const ref = getReferential(db, id);
    for (const th of ref?.themes ?? []) for (const cr of th.criteria) for (const q of cr.questions) out.set(q.code, q.text);
  }
  return out;
}

/** Every organisation of the actor's scope, before filters, with its latest diagnostic scored. */
export function federationRows(db: Db, actor: Actor, now: Date): FederationRow[] {
  const regions = actorRegions(actor);
  if (regions !== null && regions.length === 0) return [];
  const cutoff = staleCutoff(now);
  const rows: FederationRow[] = scopedRows(db, regions).map((r) => ({
    organisationId: r.id,
    name: r.name,
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
