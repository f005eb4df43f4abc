// Where a team stands in its questionnaire: per theme, what applies to the structure, what has an
// answer, what was only copied from the previous diagnostic. Pure: referential + answers in.
import type { Question, Referential, StructureType, Theme } from '../referential/schema.ts';
import { isApplicable } from '../scoring/index.ts';

/** The parts of a stored answer progress needs. */
export interface AnswerState {
  questionCode: string;
  level: number | null;
  na: boolean;
  prefilledFrom: string | null;
}

export interface OpenQuestion {
  code: string;
  text: string;
  themeSlug: string;
  themeTitle: string;
}

export interface ThemeProgress {
  slug: string;
  title: string;
  applicable: number;
  answered: number;
  /** Answers copied from the previous diagnostic nobody has confirmed or changed yet. */
  prefilled: number;
  /** First question without an answer, or else the first prefilled one still to confirm. */
  next: string | null;
}

export interface Progress {
  themes: ThemeProgress[];
  applicable: number;
  answered: number;
  prefilled: number;
  unanswered: OpenQuestion[];
  /** Where to continue: the first unanswered question, or the first prefilled one. */
  next: OpenQuestion | null;
}

export function isAnswered(a: Pick<AnswerState, 'level' | 'na'> | undefined): boolean {
  return !!a && (a.na || a.level !== null);
}

export function applicableQuestions(theme: Theme, types: readonly StructureType[]): { criterion: Theme['criteria'][number]; questions: Question[] }[] {
  return theme.criteria
    .map((criterion) => ({ criterion, questions: criterion.questions.filter((q) => isApplicable(q, types)) }))
    .filter((c) => c.questions.length > 0);
}

/** A question of the referential by code, with its theme; undefined if the code is unknown. */
export function progressOf(ref: Referential, types: readonly StructureType[], answers: ReadonlyMap<string, AnswerState>): Progress {
  const themes: ThemeProgress[] = [];
  const unanswered: OpenQuestion[] = [];
  let firstPrefilled: OpenQuestion | null = null;
  for (const theme of ref.themes) {
    let applicable = 0;
    let answered = 0;
    let prefilled = 0;
    let nextOpen: string | null = null;
    let nextPrefilled: string | null = null;
    for (const c of theme.criteria) {
      for (const q of c.questions) {
        if (!isApplicable(q, types)) continue;
        applicable++;
        const a = answers.get(q.code);
        if (isAnswered(a)) {
          answered++;
          if (a!.prefilledFrom) {
            prefilled++;
            nextPrefilled ??= q.code;
            firstPrefilled ??= { code: q.code, text: q.text, themeSlug: theme.slug, themeTitle: theme.title };
          }
        } else {
          nextOpen ??= q.code;
          unanswered.push({ code: q.code, text: q.text, themeSlug: theme.slug, themeTitle: theme.title });
        }
      }
    }
    themes.push({ slug: theme.slug, title: theme.title, applicable, answered, prefilled, next: nextOpen ?? nextPrefilled });
  }
  const sum = (k: 'applicable' | 'answered' | 'prefilled') => themes.reduce((n, t) => n + t[k], 0);
  return {
    themes,
    applicable: sum('applicable'),
    answered: sum('answered'),
    prefilled: sum('prefilled'),
    unanswered,
    next: unanswered[0] ?? firstPrefilled,
  };
}

/** Element ids cannot carry the dots of question codes (CSS selectors would read them as classes). */
export function domId(code: string): string {
  return code.replace(/[^A-Za-z0-9-]/g, '_');
}
