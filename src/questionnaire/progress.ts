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

/** How far a theme is: what applies, what has an answer, what was only copied from the previous diagnostic. */
export interface ThemeCounts {
  slug: string;
  title: string;
  applicable: number;
  answered: number;
  /** Answers copied from the previous diagnostic nobody has confirmed or changed yet. */
  prefilled: number;
}

export interface ThemeProgress extends ThemeCounts {
  /** First question without an answer, or else the first prefilled one still to confirm. */
  next: string | null;
}

/** The counts alone, per theme and overall: what the progress bars show after each save. */
export interface ProgressCounts {
  themes: ThemeCounts[];
  applicable: number;
  answered: number;
  prefilled: number;
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

/** Where a diagnostic stands, from its answers: counts, the questions left, where to continue. */
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

/** What a theme tab or card says is left: questions without an answer, else answers to confirm, else nothing. */
export function themeLeft(tp: Pick<ThemeCounts, 'applicable' | 'answered' | 'prefilled'>): { kind: 'open'; n: number } | { kind: 'confirm'; n: number } | { kind: 'done' } {
  if (tp.answered < tp.applicable) return { kind: 'open', n: tp.applicable - tp.answered };
  if (tp.prefilled > 0) return { kind: 'confirm', n: tp.prefilled };
  return { kind: 'done' };
}

/**
 * The questions that apply to a structure, as the progress query takes them: a JSON object from
 * question code to theme slug (read by SQLite's json_each), and the applicable count per theme.
 * Built once per referential version and set of structure types.
 */
export interface ApplicableIndex {
  json: string;
  themes: { slug: string; title: string; applicable: number }[];
  applicable: number;
}

const indexes = new WeakMap<Referential, Map<string, ApplicableIndex>>();

export function applicableIndex(ref: Referential, types: readonly StructureType[]): ApplicableIndex {
  let byTypes = indexes.get(ref);
  if (!byTypes) indexes.set(ref, (byTypes = new Map()));
  const key = [...types].sort().join(',');
  let index = byTypes.get(key);
  if (!index) {
    const codes: Record<string, string> = {};
    const themes = ref.themes.map((theme) => {
      let applicable = 0;
      for (const c of theme.criteria)
        for (const q of c.questions)
          if (isApplicable(q, types)) {
            codes[q.code] = theme.slug;
            applicable++;
          }
      return { slug: theme.slug, title: theme.title, applicable };
    });
    index = { json: JSON.stringify(codes), themes, applicable: themes.reduce((n, t) => n + t.applicable, 0) };
    byTypes.set(key, index);
  }
  return index;
}

/** The counts of every theme from the per-theme sums the progress query returns. */
export function countsOf(index: ApplicableIndex, sums: readonly { slug: string; answered: number; prefilled: number }[]): ProgressCounts {
  const bySlug = new Map(sums.map((r) => [r.slug, r]));
  const themes = index.themes.map((th) => ({ ...th, answered: bySlug.get(th.slug)?.answered ?? 0, prefilled: bySlug.get(th.slug)?.prefilled ?? 0 }));
  return {
    themes,
    applicable: index.applicable,
    answered: themes.reduce((n, t) => n + t.answered, 0),
    prefilled: themes.reduce((n, t) => n + t.prefilled, 0),
  };
}

/** Element ids cannot carry the dots of question codes (CSS selectors would read them as classes). */
export function domId(code: string): string {
  return code.replace(/[^A-Za-z0-9-]/g, '_');
}
