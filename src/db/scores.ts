// The scores cached on each diagnostic row (overall_score, theme_scores), so that lists, the
// federation's dashboard, its CSV and the peer statistics never score a diagnostic while someone
// reads: the cache is written where the answers or what applies to them change — an answer saved,
// a theme saved, the submission, a change of the organisation's types — and, for diagnostics
// written before the cache existed, once at start-up. The one place that writes it. While a
// diagnostic may still change (draft, changes requested) its cached scores are provisional.
//
// These helpers open no transaction: callers run them inside their own, on the same connection.
import { eq, sql } from 'drizzle-orm';
import type { Db } from './open.ts';
import { diagnostics } from './schema.ts';
import { levelsOf, loadAnswerStates } from './diagnostics.ts';
import { preparedFor } from './prepared.ts';
import { getReferential } from '../referential/store.ts';
import type { Referential, StructureType } from '../referential/schema.ts';
import { scoreDiagnostic, type DiagnosticScores, type Level } from '../scoring/index.ts';

/** What the cache holds: the overall score and each theme's, unrounded. */
export function cacheOf(scores: DiagnosticScores): { overall: number | null; themes: Record<string, number | null> } {
  return { overall: scores.overall, themes: Object.fromEntries(scores.themes.map((t) => [t.slug, t.score])) };
}

// Written after every answer saved: prepared once (src/db/prepared.ts).
const updateCache = preparedFor((db) =>
  db
    .update(diagnostics)
    .set({ overallScore: sql`${sql.placeholder('overall')}`, themeScores: sql`${sql.placeholder('themes')}` })
    .where(eq(diagnostics.id, sql.placeholder('id')))
    .prepare(),
);

/** Stores scores already computed. */
export function writeScoreCache(db: Db, diagnosticId: string, scores: DiagnosticScores): void {
  const { overall, themes } = cacheOf(scores);
  updateCache(db).run({ id: diagnosticId, overall, themes: JSON.stringify(themes) });
}

/**
 * After an answer saved: the draft scored again from its answers' levels (four columns of a few
 * dozen rows, already in SQLite's cache after the save) and stored. About a tenth of a millisecond.
 */
export function cacheDraftScores(db: Db, diagnosticId: string, referential: Referential, types: readonly StructureType[]): void {
  writeScoreCache(db, diagnosticId, scoreDiagnostic(referential, types, levelsOf(loadAnswerStates(db, diagnosticId))));
}

interface Source {
  id: string;
  referential_id: string;
  types: string;
}

/** Scores the given diagnostics from their answers (one query for all) and stores them. */
function recache(db: Db, sources: readonly Source[]): void {
  if (!sources.length) return;
  const rows = db.all<{ d: string; questionCode: string; level: number | null; na: number }>(
    sql`SELECT diagnostic_id AS d, question_code AS questionCode, level, na FROM answers WHERE diagnostic_id IN (SELECT value FROM json_each(${JSON.stringify(sources.map((s) => s.id))}))`,
  );
  const byDiagnostic = new Map<string, { questionCode: string; level: number | null; na: boolean }[]>();
  for (const r of rows) {
    const list = byDiagnostic.get(r.d) ?? [];
    list.push({ questionCode: r.questionCode, level: r.level, na: r.na === 1 });
    byDiagnostic.set(r.d, list);
  }
  for (const s of sources) {
    const ref = getReferential(db, s.referential_id);
    if (!ref) continue;
    const levels: Map<string, Level> = levelsOf(byDiagnostic.get(s.id) ?? []);
    writeScoreCache(db, s.id, scoreDiagnostic(ref, JSON.parse(s.types) as StructureType[], levels));
  }
}

/** Every diagnostic of an organisation, after a change of its structure types (what applies). */
export function rescoreOrganisation(db: Db, organisationId: string): void {
  recache(db, db.all<Source>(sql`SELECT d.id, d.referential_id, o.types FROM diagnostics d JOIN organisations o ON o.id = d.organisation_id WHERE o.id = ${organisationId}`));
}

/** One diagnostic, from its stored answers (a whole theme saved at once). */
export function rescoreDiagnostic(db: Db, diagnosticId: string): void {
  recache(db, db.all<Source>(sql`SELECT d.id, d.referential_id, o.types FROM diagnostics d JOIN organisations o ON o.id = d.organisation_id WHERE d.id = ${diagnosticId}`));
}

/**
 * Diagnostics without a cache yet (written before it existed, or by hand): scored and stored, a
 * thousand at a time. Run at start-up; returns how many were filled.
 */
export function fillMissingScoreCaches(db: Db): number {
  let filled = 0;
  for (;;) {
    const batch = db.all<Source>(
      sql`SELECT d.id, d.referential_id, o.types FROM diagnostics d JOIN organisations o ON o.id = d.organisation_id WHERE d.theme_scores IS NULL LIMIT 1000`,
    );
    if (!batch.length) return filled;
    db.transaction(() => recache(db, batch));
    filled += batch.length;
    // A diagnostic whose referential is gone cannot be scored: stop rather than loop on it.
    if (db.get<{ n: number }>(sql`SELECT count(*) AS n FROM diagnostics WHERE theme_scores IS NULL AND id IN (SELECT value FROM json_each(${JSON.stringify(batch.map((b) => b.id))}))`)!.n) return filled;
  }
}
