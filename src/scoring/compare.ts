// Comparison of two diagnostics of the same organisation (last year's and this one), for the
// « what moved » view. Themes are matched by slug and questions by code, so a newer referential
// version still compares on what the two have in common.
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
}

export interface Comparison {
  overall: ScoreComparison;
  /** Themes of the current diagnostic, in its order. */
  themes: ThemeComparison[];
  /** Questions answered with a level (not N/A) in both diagnostics, in the current order. */
  questions: QuestionComparison[];
  /** Question trends counted. */
  counts: { up: number; down: number; same: number };
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

export function compareScores(previous: DiagnosticScores, current: DiagnosticScores): Comparison {
  const previousThemes = new Map(previous.themes.map((t) => [t.slug, t.score]));
  const themes = current.themes.map((t) => ({ slug: t.slug, title: t.title, ...compareScore(previousThemes.get(t.slug) ?? null, t.score) }));

  const previousQuestions = new Map(previous.questions.map((q) => [q.code, q]));
  const questions: QuestionComparison[] = [];
  const counts = { up: 0, down: 0, same: 0 };
  for (const q of current.questions) {
    const before = numeric(previousQuestions.get(q.code));
    const after = numeric(q);
    if (before === null || after === null) continue;
    const trend = after > before ? 'up' : after < before ? 'down' : 'same';
    counts[trend] += 1;
    questions.push({ code: q.code, text: q.text, before, after, trend });
  }

  return { overall: compareScore(previous.overall, current.overall), themes, questions, counts };
}
