// What the results page picks out of the scores. Pure.
import type { DiagnosticScores, QuestionScore, ThemeScore } from './types.ts';

/** A theme with at least one applicable question, all answered: enough to show results. */
export function hasResults(scores: DiagnosticScores): boolean {
  return scores.themes.some((th) => th.complete && th.coverage.applicable > 0);
}

/**
 * The three strongest and three weakest scored questions of a theme. Ties go to the heavier
 * question (it matters more), then to referential order. With fewer than six scored questions the
 * two lists share them out instead of repeating the same question as a strength and a weakness.
 */
export function strengthsAndWeaknesses(theme: ThemeScore, n = 3): { strongest: QuestionScore[]; weakest: QuestionScore[] } {
  const scored = theme.criteria.flatMap((c) => c.questions).filter((q) => q.score !== null);
  const order = new Map(scored.map((q, i) => [q.code, i]));
  const byStrength = [...scored].sort((a, b) => b.score! - a.score! || b.weight - a.weight || order.get(a.code)! - order.get(b.code)!);
  const byWeakness = [...scored].sort((a, b) => a.score! - b.score! || b.weight - a.weight || order.get(a.code)! - order.get(b.code)!);
  const strongest = byStrength.slice(0, Math.min(n, Math.ceil(scored.length / 2)));
  const taken = new Set(strongest.map((q) => q.code));
  const weakest = byWeakness.filter((q) => !taken.has(q.code)).slice(0, n);
  return { strongest, weakest };
}
