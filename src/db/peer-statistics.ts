// Peer statistics (peer_statistics): per region and combination of structure types, the sums over
// the latest submitted or validated diagnostic of every active organisation — count, overall and
// theme scores, maturity bands, levels per question (by referential version and code: FS-1.2 of
// CAP 2023 is not FS-1.2 of CAP 2026). The results page's comparison (src/db/peers.ts)
// and the federation's picture (src/db/federation.ts) add up a few of these rows instead of reading
// every organisation's diagnostics and answers: at the national size, doing that per view took
// most of a results page and most of the dashboard (bench/RESULTS.md).
//
// Written where the data changes: a diagnostic submitted, sent back for changes or validated, an
// organisation moved, retyped or (de)activated — `refreshOrganisationPeers`, inside the write's
// transaction. Data written outside the app (demo, bench, test fixtures) and a first start after
// the migration call `rebuildPeerStatistics`. Which diagnostic counts for an organisation is the
// pointer organisations.settled_diagnostic_id, kept by triggers (drizzle/0010_derived_data_triggers.sql).
import { sql } from 'drizzle-orm';
import type { Db } from './open.ts';
import { bandFor, type BandId } from '../scoring/index.ts';

export type Sums = [sum: number, count: number];

/** One group's sums, as stored. */
export interface PeerGroup {
  region: string;
  /** The organisations' structure types (the group is one stored `types` value). */
  types: string[];
  organisations: number;
  overallSum: number;
  overallCount: number;
  themes: Record<string, Sums>;
  bands: Partial<Record<BandId, number>>;
  /** Sums of levels by referential version, then by question code. */
  questions: Record<string, Record<string, Sums>>;
}

interface Member {
  region: string;
  types: string;
  d_id: string;
  ref: string;
  overall: number | null;
  themes: string | null;
}

function members(db: Db, where: ReturnType<typeof sql>): Member[] {
  return db.all<Member>(sql`
    SELECT o.region, o.types, d.id AS d_id, d.referential_id AS ref, d.overall_score AS overall, d.theme_scores AS themes
    FROM organisations o JOIN diagnostics d ON d.id = o.settled_diagnostic_id
    WHERE o.active = 1 AND ${where}`);
}

type Building = PeerGroup & { typesText: string };

/** Sums the members into groups; the sums of levels come from one aggregate over their answers. */
function aggregate(db: Db, list: Member[]): Building[] {
  const groups = new Map<string, Building>();
  const byDiagnostic = new Map<string, { g: Building; ref: string }>();
  for (const m of list) {
    const key = JSON.stringify([m.region, m.types]);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { region: m.region, types: JSON.parse(m.types) as string[], typesText: m.types, organisations: 0, overallSum: 0, overallCount: 0, themes: {}, bands: {}, questions: {} }));
    byDiagnostic.set(m.d_id, { g, ref: m.ref });
    g.organisations++;
    if (m.overall !== null) {
      g.overallSum += m.overall;
      g.overallCount++;
      const band = bandFor(m.overall).id;
      g.bands[band] = (g.bands[band] ?? 0) + 1;
    }
    for (const [slug, score] of Object.entries(m.themes ? (JSON.parse(m.themes) as Record<string, number | null>) : {})) {
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
      const { g, ref } = byDiagnostic.get(r.d)!;
      const s = ((g.questions[ref] ??= {})[r.q] ??= [0, 0]);
      s[0] += r.s;
      s[1] += r.n;
    }
  }
  return [...groups.values()];
}

function store(db: Db, groups: Building[]): void {
  for (const g of groups) {
    db.run(sql`INSERT INTO peer_statistics (region, types, organisations, overall_sum, overall_count, themes, bands, questions)
      VALUES (${g.region}, ${g.typesText}, ${g.organisations}, ${g.overallSum}, ${g.overallCount}, ${JSON.stringify(g.themes)}, ${JSON.stringify(g.bands)}, ${JSON.stringify(g.questions)})`);
  }
}

/**
 * An organisation's latest settled diagnostic may have changed (submitted, sent back, validated),
 * or the organisation itself: refreshes its group, and the group it was in before a change of
 * region or types (`before`: its region and stored `types` text). Opens no transaction.
 */
export function refreshOrganisationPeers(db: Db, organisationId: string, before?: { region: string; types: string }): void {
  const now = db.get<{ region: string; types: string }>(sql`SELECT region, types FROM organisations WHERE id = ${organisationId}`);
  const keys = [...(now ? [now] : []), ...(before && (!now || before.region !== now.region || before.types !== now.types) ? [before] : [])];
  for (const k of keys) {
    db.run(sql`DELETE FROM peer_statistics WHERE region = ${k.region} AND types = ${k.types}`);
    store(db, aggregate(db, members(db, sql`o.region = ${k.region} AND o.types = ${k.types}`)));
  }
}

/** Every group from scratch. Opens its own transaction. */
export function rebuildPeerStatistics(db: Db): void {
  db.transaction(() => {
    db.run(sql`DELETE FROM peer_statistics`);
    store(db, aggregate(db, members(db, sql`1`)));
  });
}

/** True when the table is empty while settled diagnostics exist: a first start after the migration. */
export function peerStatisticsMissing(db: Db): boolean {
  return !db.get(sql`SELECT 1 FROM peer_statistics LIMIT 1`) && !!db.get(sql`SELECT 1 FROM organisations WHERE settled_diagnostic_id IS NOT NULL LIMIT 1`);
}

/** The stored groups, optionally without the sums of levels (the results page does not need them). */
export function peerGroups(db: Db, opts: { questions?: boolean } = {}): PeerGroup[] {
  const rows = opts.questions
    ? db.all<{ region: string; types: string; organisations: number; overall_sum: number; overall_count: number; themes: string; bands: string; questions: string }>(
        sql`SELECT region, types, organisations, overall_sum, overall_count, themes, bands, questions FROM peer_statistics`,
      )
    : db.all<{ region: string; types: string; organisations: number; overall_sum: number; overall_count: number; themes: string; bands: string; questions?: string }>(
        sql`SELECT region, types, organisations, overall_sum, overall_count, themes, bands FROM peer_statistics`,
      );
  return rows.map((r) => ({
    region: r.region,
    types: JSON.parse(r.types) as string[],
    organisations: r.organisations,
    overallSum: r.overall_sum,
    overallCount: r.overall_count,
    themes: JSON.parse(r.themes) as Record<string, Sums>,
    bands: JSON.parse(r.bands) as Partial<Record<BandId, number>>,
    questions: r.questions ? (JSON.parse(r.questions) as Record<string, Record<string, Sums>>) : {},
  }));
}

/** Running totals over groups (or single organisations, with a negative sign to take one out). */
export interface Totals {
  organisations: number;
  overall: Sums;
  themes: Record<string, Sums>;
}

export const emptyTotals = (): Totals => ({ organisations: 0, overall: [0, 0], themes: {} });

export function addTo(into: Totals, g: Pick<PeerGroup, 'organisations' | 'overallSum' | 'overallCount' | 'themes'>, sign = 1): void {
  into.organisations += sign * g.organisations;
  into.overall[0] += sign * g.overallSum;
  into.overall[1] += sign * g.overallCount;
  for (const [slug, [s, n]] of Object.entries(g.themes)) {
    const t = (into.themes[slug] ??= [0, 0]);
    t[0] += sign * s;
    t[1] += sign * n;
  }
}

export const meanOf = ([s, n]: Sums): number | null => (n > 0 ? s / n : null);
