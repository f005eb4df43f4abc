// Peer statistics: what the results page compares a structure with, and the federation's picture
// of a region, maintained where the data changes instead of recomputed per view. Each active
// organisation counts with its latest submitted or validated diagnostic (organisations.
// settled_diagnostic_id); sums are kept per region and per combination of structure types
// (peer_statistics). A view adds up the few groups it needs: a few hundred rows at the national
// size, where reading every peer's latest diagnostic took most of a results page (bench/RESULTS.md).
//
// When to refresh: a diagnostic submitted, sent back for changes or validated, and an organisation
// created, renamed, retyped, moved or (de)activated — `refreshOrganisationPeers`. Data written
// outside the app (demo, bench, test fixtures) calls `rebuildPeerStatistics`.
import { sql } from 'drizzle-orm';
import type { Db } from './open.ts';
import type { Runner } from './plan-stats.ts';
import { getReferential, getServicesByCode } from '../referential/store.ts';
import { STRUCTURE_TYPES, THEME_SLUGS, type StructureType, type ThemeSlug } from '../referential/schema.ts';
import { BANDS, bandFor, scoreDiagnostic, type BandId, type Level } from '../scoring/index.ts';

/** Below this many other organisations a group's mean could point at someone: it stays hidden. */
export const BENCHMARK_MIN_PEERS = 5;

type Sums = [sum: number, count: number];

/** One group's sums, as stored. */
export interface PeerGroup {
  region: string;
  /** The organisations' `types` column text (JSON), parsed. */
  types: string[];
  organisations: number;
  overallSum: number;
  overallCount: number;
  themes: Record<string, Sums>;
  bands: Partial<Record<BandId, number>>;
  questions: Record<string, Sums>;
  /** Service code → open actions calling for it in the members' plans. */
  services: Record<string, number>;
}

interface Member {
  id: string;
  region: string;
  types: string;
  d_id: string;
  d_ref: string;
  overall: number | null;
  themes: string | null;
  services: string | null;
}

/** The latest submitted or validated diagnostic of an organisation, as a correlated subquery on `o`. */
const SETTLED = sql`(SELECT l.id FROM diagnostics l WHERE l.organisation_id = o.id AND l.status IN ('submitted', 'validated') ORDER BY l.created_at DESC, l.id DESC LIMIT 1)`;

/** Points organisations (all, or those matching `where` on `o`) at their latest settled diagnostic. */
function pointSettled(db: Runner, where: ReturnType<typeof sql>): void {
  db.run(sql`UPDATE organisations AS o SET settled_diagnostic_id = ${SETTLED} WHERE ${where}`);
}

/**
 * Scores of settled diagnostics submitted before scores were cached: scored from their answers and
 * cached now (a write at refresh time, where the data changed — never during a view).
 */
function cacheMissingScores(db: Runner, members: Member[]): void {
  const missing = members.filter((m) => m.overall === null && m.themes === null);
  if (!missing.length) return;
  const answers = db.all<{ d: string; q: string; level: number | null; na: number }>(
    sql`SELECT diagnostic_id AS d, question_code AS q, level, na FROM answers WHERE diagnostic_id IN (SELECT value FROM json_each(${JSON.stringify(missing.map((m) => m.d_id))}))`,
  );
  const byDiag = new Map<string, Map<string, Level>>();
  for (const a of answers) {
    let m = byDiag.get(a.d);
    if (!m) byDiag.set(a.d, (m = new Map()));
    if (a.na) m.set(a.q, 'na');
    else if (a.level !== null) m.set(a.q, a.level as Level);
  }
  for (const m of missing) {
    const ref = getReferential(db as Db, m.d_ref);
    if (!ref) continue;
    const s = scoreDiagnostic(ref, JSON.parse(m.types) as StructureType[], byDiag.get(m.d_id) ?? new Map());
    m.overall = s.overall;
    m.themes = JSON.stringify(Object.fromEntries(s.themes.map((t) => [t.slug, t.score])));
    db.run(sql`UPDATE diagnostics SET overall_score = ${m.overall}, theme_scores = ${m.themes} WHERE id = ${m.d_id}`);
  }
}

function members(db: Runner, where: ReturnType<typeof sql>): Member[] {
  const rows = db.all<Member>(sql`
    SELECT o.id, o.region, o.types, d.id AS d_id, d.referential_id AS d_ref, d.overall_score AS overall, d.theme_scores AS themes, p.open_services AS services
    FROM organisations o JOIN diagnostics d ON d.id = o.settled_diagnostic_id LEFT JOIN plan_stats p ON p.diagnostic_id = d.id
    WHERE o.active = 1 AND ${where}`);
  cacheMissingScores(db, rows);
  return rows;
}

function addServices(into: Record<string, number>, json: string | null): void {
  if (!json) return;
  for (const [code, n] of Object.entries(JSON.parse(json) as Record<string, number>)) into[code] = (into[code] ?? 0) + n;
}

const groupKey = (region: string, types: string) => JSON.stringify([region, types]);

/** Sums the members into groups; question sums come from one aggregate over their answers. */
function aggregate(db: Runner, list: Member[]): Map<string, PeerGroup & { typesText: string }> {
  const groups = new Map<string, PeerGroup & { typesText: string }>();
  const of = new Map<string, PeerGroup & { typesText: string }>();
  for (const m of list) {
    const key = groupKey(m.region, m.types);
    let g = groups.get(key);
    if (!g) {
      g = { region: m.region, types: JSON.parse(m.types) as string[], typesText: m.types, organisations: 0, overallSum: 0, overallCount: 0, themes: {}, bands: {}, questions: {}, services: {} };
      groups.set(key, g);
    }
    of.set(m.d_id, g);
    g.organisations++;
    if (m.overall !== null) {
      g.overallSum += m.overall;
      g.overallCount++;
      const band = bandFor(m.overall).id;
      g.bands[band] = (g.bands[band] ?? 0) + 1;
    }
    addServices(g.services, m.services);
    const themes = m.themes ? (JSON.parse(m.themes) as Record<string, number | null>) : {};
    for (const [slug, score] of Object.entries(themes)) {
      if (typeof score !== 'number') continue;
      const s = (g.themes[slug] ??= [0, 0]);
      s[0] += score;
      s[1]++;
    }
  }
  if (list.length) {
    const sums = db.all<{ d: string; q: string; s: number; n: number }>(sql`
      SELECT a.diagnostic_id AS d, a.question_code AS q, sum(a.level) AS s, count(a.level) AS n
      FROM answers a WHERE a.diagnostic_id IN (SELECT value FROM json_each(${JSON.stringify(list.map((m) => m.d_id))}))
        AND a.na = 0 AND a.level IS NOT NULL
      GROUP BY a.diagnostic_id, a.question_code`);
    for (const r of sums) {
      const g = of.get(r.d)!;
      const s = (g.questions[r.q] ??= [0, 0]);
      s[0] += r.s;
      s[1] += r.n;
    }
  }
  return groups;
}

function store(db: Runner, groups: Iterable<PeerGroup & { typesText: string }>): void {
  for (const g of groups) {
    db.run(sql`INSERT INTO peer_statistics (region, types, organisations, overall_sum, overall_count, themes, bands, questions, services)
      VALUES (${g.region}, ${g.typesText}, ${g.organisations}, ${g.overallSum}, ${g.overallCount}, ${JSON.stringify(g.themes)}, ${JSON.stringify(g.bands)}, ${JSON.stringify(g.questions)}, ${JSON.stringify(g.services)})`);
  }
}

/** Recomputes the groups (region, types text) given, from their organisations. */
function refreshGroups(db: Runner, keys: { region: string; types: string }[]): void {
  const seen = new Set<string>();
  for (const k of keys) {
    const key = groupKey(k.region, k.types);
    if (seen.has(key)) continue;
    seen.add(key);
    db.run(sql`DELETE FROM peer_statistics WHERE region = ${k.region} AND types = ${k.types}`);
    store(db, aggregate(db, members(db, sql`o.region = ${k.region} AND o.types = ${k.types}`)).values());
  }
}

/**
 * An organisation's latest settled diagnostic may have changed (submitted, sent back, validated),
 * or the organisation itself (region, types, active): re-points it and refreshes its group, and the
 * group it was in before a change of region or types (`before`). Call inside the write's transaction.
 */
export function refreshOrganisationPeers(db: Runner, organisationId: string, before?: { region: string; types: string }): void {
  pointSettled(db, sql`o.id = ${organisationId}`);
  const now = db.get<{ region: string; types: string }>(sql`SELECT region, types FROM organisations WHERE id = ${organisationId}`);
  refreshGroups(db, [...(now ? [now] : []), ...(before ? [before] : [])]);
}

/**
 * A plan changed (its actions written): when it is the plan of an organisation's latest settled
 * diagnostic, the services its group needs change with it. Call after refreshPlanStats, in the
 * same transaction.
 */
export function refreshPlanPeers(db: Runner, diagnosticId: string): void {
  const owner = db.get<{ region: string; types: string }>(
    sql`SELECT o.region, o.types FROM diagnostics d JOIN organisations o ON o.id = d.organisation_id WHERE d.id = ${diagnosticId} AND o.settled_diagnostic_id = d.id AND o.active = 1`,
  );
  if (!owner) return;
  const services: Record<string, number> = {};
  for (const r of db.all<{ s: string | null }>(
    sql`SELECT p.open_services AS s FROM organisations o JOIN plan_stats p ON p.diagnostic_id = o.settled_diagnostic_id WHERE o.active = 1 AND o.region = ${owner.region} AND o.types = ${owner.types}`,
  ))
    addServices(services, r.s);
  db.run(sql`UPDATE peer_statistics SET services = ${JSON.stringify(services)} WHERE region = ${owner.region} AND types = ${owner.types}`);
}

/** Every pointer and group from scratch: after data written outside the app (demo, bench, fixtures). */
export function rebuildPeerStatistics(db: Runner): void {
  pointSettled(db, sql`1`);
  db.run(sql`DELETE FROM peer_statistics`);
  store(db, aggregate(db, members(db, sql`1`)).values());
}

function parseGroup(r: { region: string; types: string; organisations: number; overall_sum: number; overall_count: number; themes: string; bands?: string; questions?: string; services?: string }): PeerGroup {
  return {
    region: r.region,
    types: JSON.parse(r.types) as string[],
    organisations: r.organisations,
    overallSum: r.overall_sum,
    overallCount: r.overall_count,
    themes: JSON.parse(r.themes) as Record<string, Sums>,
    bands: r.bands ? (JSON.parse(r.bands) as Partial<Record<BandId, number>>) : {},
    questions: r.questions ? (JSON.parse(r.questions) as Record<string, Sums>) : {},
    services: r.services ? (JSON.parse(r.services) as Record<string, number>) : {},
  };
}

// ---- The results page: this organisation among the others sharing one of its types ----

export interface BenchmarkGroup {
  scope: 'national' | 'regional';
  region: string | null;
  /** Other organisations in the group (each counted once, with its latest settled diagnostic). */
  peers: number;
  shown: boolean;
  /** Means over the peers; null when hidden (never computed, so never leaked) or nothing scored. */
  overall: number | null;
  themes: Record<ThemeSlug, number | null>;
}

export interface Benchmark {
  types: string[];
  minPeers: number;
  national: BenchmarkGroup;
  regional: BenchmarkGroup;
}

interface Totals {
  organisations: number;
  overall: Sums;
  themes: Record<string, Sums>;
}

function add(into: Totals, g: Pick<PeerGroup, 'organisations' | 'overallSum' | 'overallCount' | 'themes'>, sign = 1): void {
  into.organisations += sign * g.organisations;
  into.overall[0] += sign * g.overallSum;
  into.overall[1] += sign * g.overallCount;
  for (const [slug, [s, n]] of Object.entries(g.themes)) {
    const t = (into.themes[slug] ??= [0, 0]);
    t[0] += sign * s;
    t[1] += sign * n;
  }
}

function benchmarkGroup(scope: BenchmarkGroup['scope'], region: string | null, t: Totals): BenchmarkGroup {
  const shown = t.organisations >= BENCHMARK_MIN_PEERS;
  const mean = ([s, n]: Sums) => (n > 0 ? s / n : null);
  return {
    scope,
    region,
    peers: t.organisations,
    shown,
    overall: shown ? mean(t.overall) : null,
    themes: Object.fromEntries(THEME_SLUGS.map((slug) => [slug, shown && t.themes[slug] ? mean(t.themes[slug]!) : null])) as Record<ThemeSlug, number | null>,
  };
}

/**
 * The organisation among the other active organisations sharing at least one of its structure
 * types, nationally and in its region: the groups whose types overlap, less its own contribution.
 */
export function benchmarkFor(db: Db, organisation: { id: string; region: string; types: readonly string[] }): Benchmark {
  const types = new Set(organisation.types);
  const national: Totals = { organisations: 0, overall: [0, 0], themes: {} };
  const regional: Totals = { organisations: 0, overall: [0, 0], themes: {} };
  if (types.size) {
    const rows = db.$client.prepare('SELECT region, types, organisations, overall_sum, overall_count, themes FROM peer_statistics').all() as Parameters<typeof parseGroup>[0][];
    for (const r of rows) {
      const g = parseGroup(r);
      if (!g.types.some((ty) => types.has(ty))) continue;
      add(national, g);
      if (g.region === organisation.region) add(regional, g);
    }
    // Its own latest settled diagnostic is in its group: taken back out, as it is no peer of itself.
    const self = db.$client
      .prepare(
        `SELECT o.region, d.overall_score AS overall, d.theme_scores AS themes FROM organisations o JOIN diagnostics d ON d.id = o.settled_diagnostic_id WHERE o.id = ? AND o.active = 1`,
      )
      .get(organisation.id) as { region: string; overall: number | null; themes: string | null } | undefined;
    if (self) {
      const themes = Object.fromEntries(
        Object.entries(self.themes ? (JSON.parse(self.themes) as Record<string, number | null>) : {}).flatMap(([slug, s]) => (typeof s === 'number' ? [[slug, [s, 1] as Sums]] : [])),
      );
      const own = { organisations: 1, overallSum: self.overall ?? 0, overallCount: self.overall === null ? 0 : 1, themes };
      add(national, own, -1);
      if (self.region === organisation.region) add(regional, own, -1);
    }
  }
  return {
    types: [...organisation.types],
    minPeers: BENCHMARK_MIN_PEERS,
    national: benchmarkGroup('national', null, national),
    regional: benchmarkGroup('regional', organisation.region, regional),
  };
}

// ---- The federation's picture of a selection (regions, and optionally one type) ----

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

export interface RegionPicture {
  /** Active organisations of the selection. */
  organisations: number;
  /** Those with a submitted or validated diagnostic: the picture is theirs. */
  diagnosed: number;
  byType: TypeThemeMeans[];
  bands: { id: BandId; label: string; count: number }[];
  /** Organisations of the selection without a scored settled diagnostic. */
  unscored: number;
  weakest: WeakQuestion[];
  services: NeededService[];
}

/** Question texts by code across the referential versions in use (the latest version wins). */
function questionTexts(db: Db): Map<string, string> {
  const out = new Map<string, string>();
  const ids = db.$client.prepare(`SELECT id FROM referentials WHERE status = 'published' ORDER BY created_at, id`).all() as { id: string }[];
  for (const { id } of ids) {
    const ref = getReferential(db, id);
    for (const th of ref?.themes ?? []) for (const cr of th.criteria) for (const q of cr.questions) out.set(q.code, q.text);
  }
  return out;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/**
 * The picture of the active organisations of `regions` (null: all), optionally of one region and
 * one type, each with its latest submitted or validated diagnostic: means by type, bands, the ten
 * weakest questions, and the services most called for by the open actions of those plans.
 */
export function regionPicture(db: Db, regions: readonly string[] | null, filter: { region?: string; type?: string } = {}): RegionPicture {
  const inScope = (region: string) => (regions === null || regions.includes(region)) && (!filter.region || filter.region === region);
  const groups = (db.$client.prepare('SELECT * FROM peer_statistics').all() as Parameters<typeof parseGroup>[0][])
    .map(parseGroup)
    .filter((g) => inScope(g.region) && (!filter.type || g.types.includes(filter.type)));

  const scope = db.$client
    .prepare(
      `SELECT count(*) AS n FROM organisations o WHERE o.active = 1
        AND (:all OR o.region IN (SELECT value FROM json_each(:regions))) AND (:region IS NULL OR o.region = :region)
        AND (:type IS NULL OR EXISTS (SELECT 1 FROM json_each(o.types) t WHERE t.value = :type))`,
    )
    .get({ all: regions === null ? 1 : 0, regions: JSON.stringify(regions ?? []), region: filter.region ?? null, type: filter.type ?? null }) as { n: number };

  const diagnosed = groups.reduce((n, g) => n + g.organisations, 0);
  const scored = groups.reduce((n, g) => n + g.overallCount, 0);
  const mean = ([s, n]: Sums) => (n > 0 ? s / n : null);

  const present = STRUCTURE_TYPES.filter((ty) => groups.some((g) => g.types.includes(ty)) && (!filter.type || ty === filter.type));
  const byType: TypeThemeMeans[] = present.map((type) => {
    const t: Totals = { organisations: 0, overall: [0, 0], themes: {} };
    for (const g of groups) if (g.types.includes(type)) add(t, g);
    return {
      type,
      count: t.overall[1],
      overall: mean(t.overall),
      themes: Object.fromEntries(THEME_SLUGS.map((slug) => [slug, t.themes[slug] ? mean(t.themes[slug]!) : null])) as Record<ThemeSlug, number | null>,
    };
  });

  const bands = BANDS.map((b) => ({ id: b.id, label: b.label, count: groups.reduce((n, g) => n + (g.bands[b.id] ?? 0), 0) }));

  const questions = new Map<string, Sums>();
  for (const g of groups) {
    for (const [code, [s, n]] of Object.entries(g.questions)) {
      const q = questions.get(code) ?? [0, 0];
      questions.set(code, [q[0] + s, q[1] + n]);
    }
  }
  const texts = questions.size ? questionTexts(db) : new Map<string, string>();
  const weakest = [...questions]
    .filter(([, [, n]]) => n > 0)
    .map(([code, [s, n]]) => ({ code, text: texts.get(code) ?? code, mean: s / n, answers: n }))
    .sort((a, b) => a.mean - b.mean || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .slice(0, 10);

  const open = new Map<string, number>();
  for (const g of groups) for (const [code, n] of Object.entries(g.services)) open.set(code, (open.get(code) ?? 0) + n);
  const catalogue = open.size ? getServicesByCode(db, [...open.keys()]) : new Map();
  const services = [...open]
    .map(([code, n]) => ({ code, name: catalogue.get(code)?.name ?? code, contact: catalogue.get(code)?.contact ?? '', openActions: n }))
    .sort((a, b) => b.openActions - a.openActions || collator.compare(a.name, b.name))
    .slice(0, 10);

  return { organisations: scope.n, diagnosed, byType, bands, unscored: scope.n - scored, weakest, services };
}
