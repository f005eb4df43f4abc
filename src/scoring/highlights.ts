// What the results page and the PDF pick out of the scores. One rule for both. Pure.
import type { DiagnosticScores, QuestionScore, ThemeScore } from './types.ts';

/** A strength is an answer at this level or above (« formalisé, avec suivi ») — never a level-1 one. */
export const STRENGTH_MIN_LEVEL = 3;

/** A theme with at least one applicable question, all answered: enough to show results. */
export function hasResults(scores: DiagnosticScores): boolean {
  return scores.themes.some((th) => th.complete && th.coverage.applicable > 0);
}

const levelOf = (q: QuestionScore) => (typeof q.level === 'number' ? q.level : -1);

/**
 * The strongest answers among `questions`: level 3 or 4 only, highest level first, then the heavier
 * question (it matters more), then referential order. Fewer than `n` when fewer qualify.
 */
export function strengths(questions: readonly QuestionScore[], n = 3): QuestionScore[] {
  return questions
    .map((q, i) => ({ q, i }))
    .filter(({ q }) => levelOf(q) >= STRENGTH_MIN_LEVEL)
    .sort((a, b) => levelOf(b.q) - levelOf(a.q) || b.q.weight - a.q.weight || a.i - b.i)
    .slice(0, n)
    .map(({ q }) => q);
}

/** The weakest scored answers (below level 3), lowest level first, then heavier, then referential order. */
export function weaknesses(questions: readonly QuestionScore[], n = 3): QuestionScore[] {
  return questions
    .map((q, i) => ({ q, i }))
    .filter(({ q }) => levelOf(q) >= 0 && levelOf(q) < STRENGTH_MIN_LEVEL)
    .sort((a, b) => levelOf(a.q) - levelOf(b.q) || b.q.weight - a.q.weight || a.i - b.i)
    .slice(0, n)
    .map(({ q }) => q);
}

/** A theme's three strengths and three answers to improve (the two lists never share a question). */
export function strengthsAndWeaknesses(theme: ThemeScore, n = 3): { strongest: QuestionScore[]; weakest: QuestionScore[] } {
  const questions = theme.criteria.flatMap((c) => c.questions);
  return { strongest: strengths(questions, n), weakest: weaknesses(questions, n) };
}
