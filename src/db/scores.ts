// Overall and theme scores of many diagnostics at once, for lists (the federation dashboard, the
// peers on the results page): the cache written at submission, or, for a diagnostic without it
// (a draft, a reopened one, one submitted before the cache existed), its answers scored — one query
// for all of them, then the pure scoring. The one place that decides « cached or computed ».
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from './open.ts';
import { answers, diagnostics } from './schema.ts';
import { levelsOf, type AnswerRow } from './diagnostics.ts';
import { getReferential } from '../referential/store.ts';
import type { StructureType } from '../referential/schema.ts';
import { scoreDiagnostic } from '../scoring/index.ts';
import { isSettled, SETTLED_STATUSES, type DiagnosticStatus } from '../diagnostics/status.ts';

export interface ScoreSource {
  id: string;
  referentialId: string;
  status: DiagnosticStatus;
  /** The organisation's types (what applies). */
  types: readonly StructureType[];
  overallScore: number | null;
  /** Theme slug → score, as cached at submission; null when there is no cache. */
  themeScores: Record<string, number | null> | null;
}

export interface SummaryScores {
  overall: number | null;
  themes: Record<string, number | null>;
  /** Computed now from the answers of a diagnostic that may still change. */
  provisional: boolean;
}

/**
 * Scores by diagnostic id. With `store`, scores computed for settled diagnostics (read-only, so
 * they will not move) are written back as the cache submission writes; diagnostics whose scores
 * cannot be computed (referential gone) are left out.
 */
export function summaryScores(db: Db, sources: readonly ScoreSource[], opts: { store?: boolean } = {}): Map<string, SummaryScores> {
  const out = new Map<string, SummaryScores>();
  const missing: ScoreSource[] = [];
  for (const s of sources) {
    if (s.themeScores !== null) out.set(s.id, { overall: s.overallScore, themes: s.themeScores, provisional: false });
    else missing.push(s);
  }
  if (!missing.length) return out;
  const byDiagnostic = new Map<string, AnswerRow[]>();
  for (const a of db.select().from(answers).where(inArray(answers.diagnosticId, missing.map((s) => s.id))).all()) {
    const list = byDiagnostic.get(a.diagnosticId);
    if (list) list.push(a);
    else byDiagnostic.set(a.diagnosticId, [a]);
  }
  const writes: { id: string; overall: number | null; themes: Record<string, number | null> }[] = [];
  for (const s of missing) {
    const ref = getReferential(db, s.referentialId);
    if (!ref) continue;
    const levels = levelsOf(byDiagnostic.get(s.id) ?? []);
    const scores = scoreDiagnostic(ref, s.types, levels);
    const themes = Object.fromEntries(scores.themes.map((th) => [th.slug, th.score]));
    const settled = isSettled(s.status);
    out.set(s.id, { overall: scores.overall, themes, provisional: !settled });
    if (opts.store && settled && levels.size > 0) writes.push({ id: s.id, overall: scores.overall, themes });
  }
  if (writes.length) {
    db.transaction((tx) => {
      for (const w of writes) {
        tx.update(diagnostics)
          .set({ overallScore: w.overall, themeScores: w.themes })
          .where(and(eq(diagnostics.id, w.id), isNull(diagnostics.overallScore), inArray(diagnostics.status, [...SETTLED_STATUSES])))
          .run();
      }
    });
  }
  return out;
}
