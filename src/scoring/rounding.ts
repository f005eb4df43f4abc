// The one rounding rule of CAP: scores are kept unrounded and shown as whole percents, rounded to
// the nearest (half up). A difference is always computed from the two values shown, so that a
// reader who sees « 59 % → 70 % » reads « +11 points », never a +12 drawn from hidden decimals.
// The pages, the PDF, the spreadsheet and the CSV all go through these functions. Pure.

/** A score (0-100) as shown: a whole percent. */
export function shownScore(score: number): number {
  return Math.round(score);
}

/** after − before, in points, from the shown values; null when either side has no score. */
export function shownDelta(before: number | null, after: number | null): number | null {
  return before === null || after === null ? null : shownScore(after) - shownScore(before);
}
