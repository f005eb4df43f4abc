// Comparison of two diagnostics of the same organisation (last year's and this one), for the
// « what moved » view. Themes are matched by slug. Questions are matched by code within a version;
// across versions (a CAP 2023 diagnostic, then a CAP 2026 one) through the new version's mapping,
// the earlier level of a question being the lowest of its sources (as when answers are carried).
import type { ThemeSlug } from '../referential/schema.ts';
import type { NumericLevel } from './levels.ts';
import type { DiagnosticScores, QuestionScore } from './types.ts';
import { shownDelta } from './rounding.ts';

export type Trend = 'up' | 'down' | 'same' | 'n/a';

export interface ScoreComparison {
  before: number | null;
  after: number | null;
  /** after − before in whole points, from the rounded values shown (src/scoring/rounding.ts); null when either side has no score. */
  delta: number | null;
  trend: Trend;
}

export interface ThemeComparison extends ScoreComparison {
  slug: ThemeSlug;
  title: string;
}

export interface QuestionComparison {
  code: string;
  text: string;
  before: NumericLevel;
  after: NumericLevel;
  trend: Exclude<Trend, 'n/a'>;
  /** Across versions, when the question was not the same one under the same code: its former codes. */
  from?: string[];
}

/** Where a question of the current version comes from (see referential/mapping.ts `originsOf`). */
export interface PreviousOrigin {
  sources: readonly string[];
  changed: boolean;
}

export interface Comparison {
  overall: ScoreComparison;
  /** Themes of the current diagnostic, in its order. */
  themes: ThemeComparison[];
  /** Questions answered with a level (not N/A) in both diagnostics, in the current order. */
  questions: QuestionComparison[];
  /** Question trends counted. */
  counts: { up: number; down: number; same: number };
  /** Compared across referential versions through a mapping. */
  acrossVersions: boolean;
  /** Across versions, questions of the current version that no earlier question maps to. */
  newQuestions: number;
}

/** Two scores compared as they are shown: a change that does not show once rounded is no change. */
export function compareScore(before: number | null, after: number | null): ScoreComparison {
  const delta = shownDelta(before, after);
  if (delta === null) return { before, after, delta: null, trend: 'n/a' };
  return { before, after, delta, trend: delta === 0 ? 'same' : delta > 0 ? 'up' : 'down' };
}

function numeric(qs: QuestionScore | undefined): NumericLevel | null {
  return qs && typeof qs.level === 'number' ? qs.level : null;
}

/**
 * Compares two diagnostics. `origins`, given when the previous one used an earlier referential
 * version, says for each current question which earlier questions it takes over; without it,
 * questions match by code.
 */
export function compareScores(previous: DiagnosticScores, current: DiagnosticScores, origins?: ReadonlyMap<string, PreviousOrigin>): Comparison {
  const previousThemes = new Map(previous.themes.map((t) => [t.slug, t.score]));
  const themes = current.themes.map((t) => ({ slug: t.slug, title: t.title, ...compareScore(previousThemes.get(t.slug) ?? null, t.score) }));

  const previousQuestions = new Map(previous.questions.map((q) => [q.code, q]));
  const questions: QuestionComparison[] = [];
  const counts = { up: 0, down: 0, same: 0 };
  let newQuestions = 0;
  for (const q of current.questions) {
    const origin = origins ? origins.get(q.code) : { sources: [q.code], changed: false };
    if (!origin) {
      newQuestions += 1;
      continue;
    }
    const levels = origin.sources.map((code) => numeric(previousQuestions.get(code))).filter((l): l is NumericLevel => l !== null);
    const before = levels.length ? (Math.min(...levels) as NumericLevel) : null;
    const after = numeric(q);
    if (before === null || after === null) continue;
    const trend = after > before ? 'up' : after < before ? 'down' : 'same';
    counts[trend] += 1;
    questions.push({ code: q.code, text: q.text, before, after, trend, ...(origin.changed ? { from: [...origin.sources] } : {}) });
  }

  return { overall: compareScore(previous.overall, current.overall), themes, questions, counts, acrossVersions: origins !== undefined, newQuestions };
}
