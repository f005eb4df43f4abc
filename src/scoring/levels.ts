// The answer scale. Five levels of the French self-diagnosis ladder (not addressed → occasional →
// ad-hoc actions → formalised with follow-up → integrated and continuously improved), plus N/A.

/** An answer: a level 0 to 4, or `'na'` (not applicable, only where the question allows it). */
export type Level = 0 | 1 | 2 | 3 | 4 | 'na';

/** A level that counts in a score (N/A excluded). */
export type NumericLevel = Exclude<Level, 'na'>;

/** Level 0-4 → 0, 25, 50, 75, 100 %. Integers, so weighted sums stay exact (see `Tally`). */
export const LEVEL_SCORES: Readonly<Record<NumericLevel, number>> = { 0: 0, 1: 25, 2: 50, 3: 75, 4: 100 };

export function isNumericLevel(level: Level | null | undefined): level is NumericLevel {
  return typeof level === 'number';
}

export function levelScore(level: NumericLevel): number {
  return LEVEL_SCORES[level];
}
