// A question's inputs as the theme form holds them, shared by the questionnaire's route (to build
// and compare them) and its views (to fill them). Pure.

/** What the inputs of a question hold: level '0'-'4', 'na' or null, and the comment. */
export interface FormValue {
  level: string | null;
  comment: string;
}

/** The inputs' values for a stored answer (or none). */
export function valueOf(a: { level: number | null; na: boolean; comment: string } | undefined): FormValue {
  if (!a) return { level: null, comment: '' };
  return { level: a.na ? 'na' : a.level === null ? null : String(a.level), comment: a.comment };
}
