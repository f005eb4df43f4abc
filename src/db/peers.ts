// What a diagnostic is compared with on its results page: the organisation's previous diagnostic,
// and its peers (other organisations sharing a structure type), nationally and in its region.
// (bench/ is the performance benchmark; this module is about peers.)
import { and, desc, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Db } from './open.ts';
import { diagnostics } from './schema.ts';
import { getDiagnosticContext, latestDiagnosticId, scoreDiagnosticById, type DiagnosticContext, type DiagnosticRow } from './diagnostics.ts';
import { compareScores, type Comparison } from '../scoring/compare.ts';
import type { DiagnosticScores } from '../scoring/types.ts';
import { summaryScores } from './scores.ts';
import { THEME_SLUGS, type StructureType, type ThemeSlug } from '../referential/schema.ts';
import { SETTLED_STATUSES, type DiagnosticStatus } from '../diagnostics/status.ts';
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
  /** Other organisations in the group (each counted once, with its latest diagnostic). */
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

interface PeerRow {
  id: string;
  referentialId: string;
  status: DiagnosticStatus;
  overallScore: number | null;
  themeScores: string | null;
  region: string;
  types: string;
}

interface PeerScores {
  region: string;
  overall: number | null;
  themes: Partial<Record<string, number | null>>;
}

/**
 * The latest settled (submitted or validated) diagnostic of every other active organisation sharing
 * at least one structure type: one query, with the type match done in SQL on the JSON column.
 */
function peerRows(db: Db, organisationId: string, types: readonly string[]): PeerRow[] {
  if (types.length === 0) return [];
  return db.all<PeerRow>(sql`
    SELECT d.id, d.referential_id AS referentialId, d.status, d.overall_score AS overallScore, d.theme_scores AS themeScores, o.region, o.types
    FROM organisations o
    JOIN diagnostics d ON d.id = ${latestDiagnosticId(sql`o.id`, { settled: true })}
    WHERE o.id <> ${organisationId}
      AND o.active = 1
      AND EXISTS (SELECT 1 FROM json_each(o.types) t WHERE t.value IN (SELECT value FROM json_each(${JSON.stringify(types)})))`);
}

/** Scores of each peer: cached or computed (src/db/scores.ts). */
function peerScores(db: Db, rows: PeerRow[]): PeerScores[] {
  const scores = summaryScores(
    db,
    rows.map((r) => ({
      id: r.id,
      referentialId: r.referentialId,
      status: r.status,
      types: JSON.parse(r.types) as StructureType[],
      overallScore: r.overallScore,
      themeScores: r.themeScores === null ? null : (JSON.parse(r.themeScores) as Record<string, number | null>),
    })),
  );
  return rows.flatMap((r) => {
    const s = scores.get(r.id);
    return s ? [{ region: r.region, overall: s.overall, themes: s.themes }] : [];
  });
}

function mean(values: readonly (number | null | undefined)[]): number | null {
  let sum = 0;
  let n = 0;
  for (const v of values) {
    if (typeof v === 'number' && Number.isFinite(v)) {
      sum += v;
      n += 1;
    }
  }
  return n === 0 ? null : sum / n;
}

function group(scope: BenchmarkGroup['scope'], region: string | null, peers: PeerScores[]): BenchmarkGroup {
  const shown = peers.length >= BENCHMARK_MIN_PEERS;
  const themes = Object.fromEntries(THEME_SLUGS.map((slug) => [slug, shown ? mean(peers.map((p) => p.themes[slug])) : null])) as Record<ThemeSlug, number | null>;
  return { scope, region, peers: peers.length, shown, overall: shown ? mean(peers.map((p) => p.overall)) : null, themes };
}

export function benchmarkFor(db: Db, ctx: Pick<DiagnosticContext, 'organisation'>): Benchmark {
  const { organisation } = ctx;
  const peers = peerScores(db, peerRows(db, organisation.id, organisation.types));
  return {
    types: [...organisation.types],
    minPeers: BENCHMARK_MIN_PEERS,
    national: group('national', null, peers),
    regional: group(
      'regional',
      organisation.region,
      peers.filter((p) => p.region === organisation.region),
    ),
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
