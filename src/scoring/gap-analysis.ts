// Gap analysis: for each requirement of a standard (a clause of ISO 9001:2015, or a core subject
// of ISO 26000), what the diagnostic says about it — the questions that inform it with their
// levels and comments, the evidence attached to them, the plan's actions that address them — and
// a status read from explicit rules. Pure: plain data in, plain data out (docs/iso9001.md).
//
// The rules, for the applicable questions that inform a requirement (mapped to it, or, for a
// clause that has sub-clauses — 5.1, 7.1, 9.1 — to one of its sub-clauses):
//
//   non informée   no such question; or all of them answered « non applicable »
//   sans réponse   none of them answered yet (nothing to judge on; never counted as zero)
//   à construire   every answered one at level 0 or 1: nothing in place beyond informal practice
//   couvert        every one answered, every one at level 3 or 4 (formalised, applied and
//                  followed), and at least one evidence file attached to them: what an auditor
//                  asks first is « show me where it is written »
//   partiel        anything else: some practice in place (level 2 or more) but a question below
//                  level 3, a question still unanswered, or no evidence attached
//
// Answers « non applicable » are listed but take no part in the status. The reasons returned
// with each status say which of these facts decided it, so the page can explain itself.
import type { Iso26000Subject, Iso9001Clause, ThemeSlug } from '../referential/schema.ts';
import { ISO26000_SUBJECTS } from '../referential/schema.ts';
import { ISO9001_CLAUSE_LIST, type Iso9001ClauseInfo } from './iso9001-clauses.ts';
import { ISO26000_SUBJECT_LABELS } from './rse.ts';
import type { Level } from './levels.ts';

export const GAP_STATUSES = ['couvert', 'partiel', 'a-construire', 'sans-reponse', 'non-informe'] as const;
export type GapStatus = (typeof GAP_STATUSES)[number];

/** The level from which a practice counts as formalised, applied and followed. */
export const FORMALISED_LEVEL = 3;
/** Below this level nothing is in place beyond informal practice. */
export const IN_PLACE_LEVEL = 2;

export interface GapEvidence {
  id: string;
  name: string;
  size: number;
  mime: string;
}

export interface GapAction {
  id: string;
  questionCode: string;
  title: string;
  status: 'todo' | 'in_progress' | 'done';
}

/** An applicable question of the diagnostic, with what the gap analysis reads of it. */
export interface GapQuestionInput {
  code: string;
  text: string;
  themeSlug: ThemeSlug;
  criterionCode: string;
  /** null when unanswered. */
  level: Level | null;
  comment: string;
  iso9001: readonly string[];
  iso26000: readonly string[];
}

export interface GapInput {
  /** The applicable questions, in referential order. */
  questions: readonly GapQuestionInput[];
  evidence: ReadonlyMap<string, readonly GapEvidence[]>;
  /** The plan's actions still in it (dropped ones left out). */
  actions: readonly GapAction[];
}

export interface GapQuestion extends GapQuestionInput {
  evidence: readonly GapEvidence[];
  /** The sub-clause through which it informs a parent clause (5.1.2 for 5.1), if any. */
  via: string | null;
}

export type GapReason =
  | { kind: 'no-question' }
  | { kind: 'all-na' }
  | { kind: 'none-answered'; codes: string[] }
  | { kind: 'unanswered'; codes: string[] }
  | { kind: 'informal-only' }
  | { kind: 'below-formalised'; items: { code: string; level: number }[] }
  | { kind: 'no-evidence' }
  | { kind: 'formalised'; evidence: number };

export interface GapRequirement {
  id: string;
  title: string;
  status: GapStatus;
  reasons: GapReason[];
  questions: GapQuestion[];
  actions: GapAction[];
  evidenceCount: number;
}

export interface ClauseGap extends GapRequirement {
  clause: Iso9001ClauseInfo;
}

export interface GapSummary<T extends GapRequirement> {
  rows: T[];
  counts: Record<GapStatus, number>;
}

/** The status of one requirement from the questions that inform it (the rules in the header). */
export function assessRequirement(questions: readonly Pick<GapQuestion, 'code' | 'level' | 'evidence'>[]): { status: GapStatus; reasons: GapReason[] } {
  if (!questions.length) return { status: 'non-informe', reasons: [{ kind: 'no-question' }] };
  const counted = questions.filter((q) => q.level !== 'na');
  if (!counted.length) return { status: 'non-informe', reasons: [{ kind: 'all-na' }] };
  const unanswered = counted.filter((q) => q.level === null).map((q) => q.code);
  const answered = counted.filter((q): q is typeof q & { level: number } => typeof q.level === 'number');
  if (!answered.length) return { status: 'sans-reponse', reasons: [{ kind: 'none-answered', codes: unanswered }] };
  if (answered.every((q) => q.level < IN_PLACE_LEVEL)) {
    const reasons: GapReason[] = [{ kind: 'informal-only' }];
    if (unanswered.length) reasons.push({ kind: 'unanswered', codes: unanswered });
    return { status: 'a-construire', reasons };
  }
  const evidence = counted.reduce((n, q) => n + q.evidence.length, 0);
  const below = answered.filter((q) => q.level < FORMALISED_LEVEL).map((q) => ({ code: q.code, level: q.level }));
  const reasons: GapReason[] = [];
  if (below.length) reasons.push({ kind: 'below-formalised', items: below });
  if (unanswered.length) reasons.push({ kind: 'unanswered', codes: unanswered });
  if (!evidence) reasons.push({ kind: 'no-evidence' });
  if (!reasons.length) return { status: 'couvert', reasons: [{ kind: 'formalised', evidence }] };
  return { status: 'partiel', reasons };
}

function countStatuses(rows: readonly GapRequirement[]): Record<GapStatus, number> {
  const counts = Object.fromEntries(GAP_STATUSES.map((s) => [s, 0])) as Record<GapStatus, number>;
  for (const r of rows) counts[r.status] += 1;
  return counts;
}

function requirement(id: string, title: string, questions: GapQuestion[], input: GapInput): GapRequirement {
  const codes = new Set(questions.map((q) => q.code));
  const { status, reasons } = assessRequirement(questions);
  return {
    id,
    title,
    status,
    reasons,
    questions,
    actions: input.actions.filter((a) => codes.has(a.questionCode)),
    evidenceCount: questions.reduce((n, q) => n + q.evidence.length, 0),
  };
}

function withEvidence(q: GapQuestionInput, input: GapInput, via: string | null): GapQuestion {
  return { ...q, evidence: input.evidence.get(q.code) ?? [], via };
}

/** Every clause of ISO 9001:2015 from 4.1 to 10.3, uninformed ones included, in the standard's order. */
export function iso9001GapAnalysis(input: GapInput): GapSummary<ClauseGap> {
  const rows = ISO9001_CLAUSE_LIST.map((clause): ClauseGap => {
    const subs = new Set<string>(ISO9001_CLAUSE_LIST.filter((c) => c.parent === clause.code).map((c) => c.code));
    const questions: GapQuestion[] = [];
    for (const q of input.questions) {
      if (q.iso9001.includes(clause.code)) questions.push(withEvidence(q, input, null));
      else {
        const via = q.iso9001.find((c) => subs.has(c));
        if (via) questions.push(withEvidence(q, input, via));
      }
    }
    return { ...requirement(clause.code, clause.title, questions, input), clause };
  });
  return { rows, counts: countStatuses(rows) };
}

/** The same reading by ISO 26000 core subject (for a CSR label). */
export function iso26000GapAnalysis(input: GapInput): GapSummary<GapRequirement & { subject: Iso26000Subject }> {
  const rows = ISO26000_SUBJECTS.map((subject) => {
    const questions = input.questions.filter((q) => q.iso26000.includes(subject)).map((q) => withEvidence(q, input, null));
    return { ...requirement(subject, ISO26000_SUBJECT_LABELS[subject], questions, input), subject };
  });
  return { rows, counts: countStatuses(rows) };
}

/** Whether a clause code is one of the list (for links such as #clause-7-1-5). */
export function isKnownClause(code: string): code is Iso9001Clause {
  return ISO9001_CLAUSE_LIST.some((c) => c.code === code);
}

/**
 * The gap analysis's view of a scored diagnostic: its applicable questions in referential order,
 * with their standards' mappings and the comment written with each answer.
 */
export function gapQuestionsOf(
  referential: { themes: readonly { criteria: readonly { questions: readonly { code: string; iso9001: readonly string[]; iso26000: readonly string[] }[] }[] }[] },
  scored: readonly { code: string; text: string; themeSlug: ThemeSlug; criterionCode: string; level: Level | null }[],
  comments: ReadonlyMap<string, string>,
): GapQuestionInput[] {
  const mappings = new Map(referential.themes.flatMap((t) => t.criteria.flatMap((c) => c.questions.map((q) => [q.code, q] as const))));
  return scored.map((q) => {
    const m = mappings.get(q.code);
    return { code: q.code, text: q.text, themeSlug: q.themeSlug, criterionCode: q.criterionCode, level: q.level, comment: comments.get(q.code) ?? '', iso9001: m?.iso9001 ?? [], iso26000: m?.iso26000 ?? [] };
  });
}
