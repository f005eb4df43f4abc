// What a diagnostic is compared with on its results page: the organisation's previous diagnostic,
// and its peers (other organisations sharing a structure type), nationally and in its region.
// (bench/ is the performance benchmark; this module is about peers.)
import { and, desc, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Db } from './open.ts';
import { diagnostics } from './schema.ts';
import { getDiagnosticContext, scoreDiagnosticById, type DiagnosticContext, type DiagnosticRow } from './diagnostics.ts';
import { compareScores, type Comparison } from '../scoring/compare.ts';
import type { DiagnosticScores } from '../scoring/types.ts';
import { addTo, emptyTotals, meanOf, peerGroups, type Totals } from './peer-statistics.ts';
import { THEME_SLUGS, type ThemeSlug } from '../referential/schema.ts';
import { SETTLED_STATUSES } from '../diagnostics/status.ts';
import { getReferential } from '../referential/store.ts';
import { mappingBetween, originsOf } from '../referential/mapping.ts';

/** Below this many other organisations a group's mean could point at someone: it stays hidden. */
export const BENCHMARK_MIN_PEERS = 5;

/**
 * The diagnostic to compare with: the one it was started from (`previousId`) when that belongs to
 * the same organisation, else the latest submitted or validated one created before it.
 */
export function previousDiagnostic(db: Db, d: DiagnosticRow): DiagnosticRow | undefined {
  if (d.previousId) {
    const prev = db.select().from(diagnostics).where(and(eq(diagnostics.id, d.previousId), eq(diagnostics.organisationId, d.organisationId))).get();
    if (prev) return prev;
  }
  return db
    .select()
    .from(diagnostics)
    .where(
      and(
        eq(diagnostics.organisationId, d.organisationId),
        ne(diagnostics.id, d.id),
        inArray(diagnostics.status, [...SETTLED_STATUSES]),
        lt(diagnostics.createdAt, d.createdAt),
      ),
    )
    .orderBy(desc(diagnostics.createdAt), desc(diagnostics.id))
    .limit(1)
    .get();
}

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

/**
 * The organisation among the other active organisations sharing at least one of its structure
 * types, nationally and in its region, each with its latest submitted or validated diagnostic:
 * the peer statistics of the groups whose types overlap (src/db/peer-statistics.ts), less its own
 * contribution. A few hundred small rows at the national size, whatever the number of answers.
 */
export function benchmarkFor(db: Db, ctx: Pick<DiagnosticContext, 'organisation'>): Benchmark {
  const { organisation } = ctx;
  const types = new Set<string>(organisation.types);
  const national = emptyTotals();
  const regional = emptyTotals();
  if (types.size) {
    for (const g of peerGroups(db)) {
      if (!g.types.some((ty) => types.has(ty))) continue;
      addTo(national, g);
      if (g.region === organisation.region) addTo(regional, g);
    }
    // Its own latest settled diagnostic is in its group: taken back out, as it is no peer of itself.
    const self = db.get<{ region: string; overall: number | null; themes: string | null }>(sql`
      SELECT o.region, d.overall_score AS overall, d.theme_scores AS themes
      FROM organisations o JOIN diagnostics d ON d.id = o.settled_diagnostic_id WHERE o.id = ${organisation.id} AND o.active = 1`);
    if (self) {
      const themes: Record<string, [number, number]> = {};
      for (const [slug, score] of Object.entries(self.themes ? (JSON.parse(self.themes) as Record<string, number | null>) : {})) if (typeof score === 'number') themes[slug] = [score, 1];
      const own = { organisations: 1, overallSum: self.overall ?? 0, overallCount: self.overall === null ? 0 : 1, themes };
      addTo(national, own, -1);
      if (self.region === organisation.region) addTo(regional, own, -1);
    }
  }
  return {
    types: [...organisation.types],
    minPeers: BENCHMARK_MIN_PEERS,
    national: group('national', null, national),
    regional: group('regional', organisation.region, regional),
  };
}

function group(scope: BenchmarkGroup['scope'], region: string | null, t: Totals): BenchmarkGroup {
  const shown = t.organisations >= BENCHMARK_MIN_PEERS;
  return {
    scope,
    region,
    peers: t.organisations,
    shown,
    overall: shown ? meanOf(t.overall) : null,
    themes: Object.fromEntries(THEME_SLUGS.map((slug) => [slug, shown && t.themes[slug] ? meanOf(t.themes[slug]!) : null])) as Record<ThemeSlug, number | null>,
  };
}

/**
 * The comparison with the previous diagnostic, as the results page and the PDF show it; null when
 * there is none. Both call this, so that they compare with the same diagnostic. When the previous
 * one used an earlier referential version, questions are matched through the new version's mapping
 * (docs/referentiel.md) and `previousLabel` names that version.
 */
export function comparisonWithPrevious(db: Db, d: DiagnosticRow, scores: DiagnosticScores): { previous: DiagnosticRow; previousLabel: string | null; result: Comparison } | null {
  const prev = previousDiagnostic(db, d);
  const prevCtx = prev ? getDiagnosticContext(db, prev.id) : undefined;
  if (!prevCtx) return null;
  const sameVersion = prevCtx.referential.id === d.referentialId;
  const current = sameVersion ? undefined : getReferential(db, d.referentialId);
  const mapping = current ? mappingBetween(prevCtx.referential.id, current) : undefined;
  return {
    previous: prevCtx.diagnostic,
    previousLabel: sameVersion ? null : prevCtx.referential.label,
    result: compareScores(scoreDiagnosticById(db, prevCtx), scores, mapping ? originsOf(mapping) : undefined),
  };
}

/** The peers' group drawn on the radar and the theme bars: the region's when shown, else the nation's. */
export function referenceGroup(benchmark: Benchmark): BenchmarkGroup | null {
  return benchmark.regional.shown ? benchmark.regional : benchmark.national.shown ? benchmark.national : null;
}
