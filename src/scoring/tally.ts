// One accumulator for every weighted mean and coverage count (criterion, theme, overall, ISO
// clause group, ISO 26000 subject), so they all follow the same rules.
import type { Coverage } from './types.ts';

export interface Tally {
  /** Σ weight × score. Integers (weights 1-3, scores multiples of 25): the sum is exact. */
  weightedSum: number;
  /** Σ weight of the scored (answered, non-N/A) questions. */
  weight: number;
  applicable: number;
  answered: number;
  na: number;
}

export function newTally(): Tally {
  return { weightedSum: 0, weight: 0, applicable: 0, answered: 0, na: 0 };
}

/**
 * Records one applicable question. `score` null with `na` false means unanswered: it counts in
 * `applicable` only, so it shows in the coverage instead of silently counting as 0.
 */
export function addToTally(t: Tally, weight: number, score: number | null, na: boolean): void {
  t.applicable += 1;
  if (na) {
    t.answered += 1;
    t.na += 1;
  } else if (score !== null) {
    t.answered += 1;
    t.weightedSum += weight * score;
    t.weight += weight;
  }
}

/**
 * The weighted mean, or null when nothing is scorable. One division of two exact integers, so a
 * true 40 comes out as exactly 40 and lands in the right band: no rounding needed, none done.
 */
export function tallyScore(t: Tally): number | null {
  return t.weight === 0 ? null : t.weightedSum / t.weight;
}

export function tallyCoverage(t: Tally): Coverage {
  return { applicable: t.applicable, answered: t.answered, na: t.na };
}
