// The index of a referential version: every question with its criterion and theme, by code and in
// order, and the themes by slug. Built once per parsed version (the store caches published
// versions, so once per version) instead of a loop over themes, criteria and questions wherever a
// code is looked up. Pure.
import type { Criterion, Question, Referential, Theme } from './schema.ts';

export interface QuestionEntry {
  question: Question;
  criterion: Criterion;
  theme: Theme;
}

export interface ReferentialIndex {
  /** Every question in referential order, with where it sits. */
  entries: readonly QuestionEntry[];
  questions: ReadonlyMap<string, QuestionEntry>;
  themes: ReadonlyMap<string, Theme>;
}

const built = new WeakMap<Referential, ReferentialIndex>();

export function indexOf(ref: Referential): ReferentialIndex {
  let index = built.get(ref);
  if (!index) {
    const entries: QuestionEntry[] = [];
    for (const theme of ref.themes) for (const criterion of theme.criteria) for (const question of criterion.questions) entries.push({ question, criterion, theme });
    index = { entries, questions: new Map(entries.map((e) => [e.question.code, e])), themes: new Map(ref.themes.map((th) => [th.slug, th])) };
    built.set(ref, index);
  }
  return index;
}

/** A question of the version with its theme, or undefined. */
export function findQuestion(ref: Referential, code: string): QuestionEntry | undefined {
  return indexOf(ref).questions.get(code);
}
