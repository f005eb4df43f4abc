// Carrying answers from one referential version to the next through the version's mapping, for
// the prefill of a new diagnostic and for comparing results across versions. Pure.
import type { Mapping, Referential } from './schema.ts';
import { indexOf } from './lookup.ts';

/** An answer as it travels between versions: a level 0-4 or N/A, and its comment. */
export interface CarriedAnswer {
  level: number | null;
  na: boolean;
  comment: string;
}

/** Where a question of the new version comes from. */
export interface QuestionOrigin {
  /** Codes of the earlier version that map to it, in the mapping's order. */
  sources: string[];
  /** Not the same question under the same code: merged, split, moved or narrowed (a note says how). */
  changed: boolean;
  /** The authors' notes on the sources, when any. */
  notes: string[];
}

/** For each question of the new version, the questions of the earlier one it takes over. */
export function originsOf(mapping: Mapping): Map<string, QuestionOrigin> {
  const origins = new Map<string, QuestionOrigin>();
  for (const entry of mapping.questions) {
    for (const code of entry.to) {
      let origin = origins.get(code);
      if (!origin) origins.set(code, (origin = { sources: [], changed: false, notes: [] }));
      origin.sources.push(entry.from);
      if (entry.note && !origin.notes.includes(entry.note)) origin.notes.push(entry.note);
    }
  }
  for (const [code, origin] of origins) origin.changed = origin.sources.length !== 1 || origin.sources[0] !== code || origin.notes.length > 0;
  return origins;
}

/** Where an action attached to an earlier question goes: the question that takes it over, with its theme. */
export interface Successor {
  questionCode: string;
  themeSlug: string;
}

/**
 * For each code of the earlier version, the first question of `target` that takes it over, for
 * carrying actions. A code the mapping sends nowhere (a question withdrawn) has no successor.
 */
export function successorsOf(mapping: Mapping, target: Referential): Map<string, Successor> {
  const questions = indexOf(target).questions;
  const out = new Map<string, Successor>();
  for (const entry of mapping.questions) {
    const to = entry.to.map((code) => questions.get(code)).find((e) => e !== undefined);
    if (to) out.set(entry.from, { questionCode: to.question.code, themeSlug: to.theme.slug });
  }
  return out;
}

/**
 * How actions of a diagnostic on version `fromId` move to one on `to`: through the mapping when `to`
 * maps from it, else undefined (same version, or unrelated ones: actions keep their question).
 */
export function actionSuccessor(fromId: string, to: Referential): ((questionCode: string) => Successor | null) | undefined {
  const mapping = mappingBetween(fromId, to);
  if (!mapping) return undefined;
  const successors = successorsOf(mapping, to);
  return (code) => successors.get(code) ?? null;
}

/**
 * The mapping of `to` when it maps from `fromId`, or from a revision of it (`cap-2023-2` keeps the
 * codes of `cap-2023`); none otherwise (same version, or unrelated ones).
 */
export function mappingBetween(fromId: string, to: Referential): Mapping | undefined {
  const m = to.mapping;
  if (!m || fromId === to.id) return undefined;
  const revision = fromId.startsWith(`${m.from}-`) && /^\d+$/.test(fromId.slice(m.from.length + 1));
  return m.from === fromId || revision ? m : undefined;
}

/**
 * The level a new question inherits from its sources: the lowest level given (a merged question is
 * only as far along as its weakest part), or N/A when every answered source was N/A.
 */
function inheritedLevel(sources: readonly CarriedAnswer[]): { level: number | null; na: boolean } | null {
  const levels = sources.filter((a) => !a.na && a.level !== null).map((a) => a.level as number);
  if (levels.length) return { level: Math.min(...levels), na: false };
  if (sources.length && sources.every((a) => a.na)) return { level: null, na: true };
  return null;
}

/**
 * The answers of a diagnostic on the earlier version, carried over to the questions of `target`.
 * A question without an answered source gets nothing; N/A is carried only where the new question
 * allows it. A comment moves as it was when the question kept its code; otherwise each source's
 * comment is marked with its former code, kept whole as long as the whole fits in `commentMax`
 * characters (a comment that would not fit is left out, never cut).
 */
export function carryAnswers(mapping: Mapping, target: Referential, previous: ReadonlyMap<string, CarriedAnswer>, commentMax: number): Map<string, CarriedAnswer & { sources: string[] }> {
  const questions = indexOf(target).questions;
  const out = new Map<string, CarriedAnswer & { sources: string[] }>();
  for (const [code, origin] of originsOf(mapping)) {
    const q = questions.get(code)?.question;
    if (!q) continue;
    const answered = origin.sources.filter((s) => previous.has(s));
    const inherited = inheritedLevel(answered.map((s) => previous.get(s)!));
    if (!inherited || (inherited.na && !q.naAllowed)) continue;
    const withComment = answered.filter((s) => previous.get(s)!.comment.trim() !== '');
    let comment = '';
    if (withComment.length === 1 && withComment[0] === code && origin.sources.length === 1) comment = previous.get(code)!.comment;
    else {
      for (const s of withComment) {
        const part = `[${s}] ${previous.get(s)!.comment.trim()}`;
        const next = comment ? `${comment}\n\n${part}` : part;
        if (next.length <= commentMax) comment = next;
      }
    }
    out.set(code, { ...inherited, comment, sources: answered });
  }
  return out;
}
