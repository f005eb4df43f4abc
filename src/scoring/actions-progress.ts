// « Actions faites → progrès constatés »: between two diagnostics of a structure, which questions
// moved, and which of the plan's actions, completed in between, had targeted them. Pure.
//
// What counts:
// - a question is compared when both diagnostics answered it with a level (not « non applicable »,
//   not unanswered), and the later answer is not a copy of the earlier one waiting to be reviewed
//   (a prefilled answer nobody has confirmed says nothing about this year); questions are matched
//   by code, or across referential versions through the new version's mapping (the earlier level
//   being the lowest of the question's sources, as in compare.ts; actions then name the new codes);
// - an action counts when it targets a question (custom actions without a question do not), is
//   done, was not dropped, and was completed within the window: after the earlier diagnostic
//   started and no later than the later one was submitted (or today, while it is open). Its
//   completion time is when it was last marked done;
// - each compared question falls in one of:
//     with-action-progress     an action was completed and the level went up
//     with-action-no-progress  an action was completed and the level stayed or went down
//     moved-without-action     no action, and the level changed (up or down)
//     steady                   no action, no change (counted, not listed)
//
// This says what happened in sequence, never why: a level can rise for reasons no action
// records, and an action can take longer than a year to show.
import type { ThemeSlug } from '../referential/schema.ts';
import type { DiagnosticScores, QuestionScore } from './types.ts';
import type { NumericLevel } from './levels.ts';
import { compareScore, type PreviousOrigin, type ScoreComparison } from './compare.ts';

export interface CompletedActionInput {
  id: string;
  questionCode: string | null;
  title: string;
  services: readonly string[];
  status: 'todo' | 'in_progress' | 'done';
  dropped: boolean;
  /** When it was last updated (for a done action: when it was marked done), ISO string. */
  completedAt: string;
}

export type MoveKind = 'with-action-progress' | 'with-action-no-progress' | 'moved-without-action' | 'steady';

export interface QuestionMove {
  code: string;
  text: string;
  themeSlug: ThemeSlug;
  criterionCode: string;
  before: NumericLevel;
  after: NumericLevel;
  /** after − before, in levels. */
  delta: number;
  actions: CompletedActionInput[];
  kind: MoveKind;
}

export interface CriterionMove extends ScoreComparison {
  code: string;
  title: string;
  themeSlug: ThemeSlug;
  /** Completed actions that targeted one of its questions. */
  actions: number;
  up: number;
  down: number;
}

export interface ActionsProgress {
  /** Compared questions, in the current diagnostic's order. */
  questions: QuestionMove[];
  criteria: CriterionMove[];
  counts: Record<MoveKind, number>;
  /** Completed actions whose question could not be compared (N/A, unanswered, or gone). */
  actionsNotCompared: CompletedActionInput[];
  /** Completed actions in the window, counted once. */
  completed: number;
  /** Questions left out because this year's answer is still the prefilled copy, not yet reviewed. */
  notYetReviewed: number;
}

export interface Window {
  /** The earlier diagnostic's start. */
  from: string;
  /** The later diagnostic's submission, or now while it is open. */
  to: string;
}

export function completedInWindow(actions: readonly CompletedActionInput[], window: Window): CompletedActionInput[] {
  const seen = new Set<string>();
  return actions.filter((a) => {
    if (a.status !== 'done' || a.dropped || !a.questionCode) return false;
    if (a.completedAt < window.from || a.completedAt > window.to) return false;
    if (seen.has(a.id)) return false;
    seen.add(a.id);
    return true;
  });
}

function numeric(q: QuestionScore | undefined): NumericLevel | null {
  return q && typeof q.level === 'number' ? q.level : null;
}

export function actionsProgress(
  previous: DiagnosticScores,
  current: DiagnosticScores,
  actions: readonly CompletedActionInput[],
  window: Window,
  /** Codes whose current answer is still the prefilled copy of the previous one. */
  prefilled: ReadonlySet<string> = new Set(),
  /** Across referential versions: where each current question comes from (criteria are then not compared). */
  origins?: ReadonlyMap<string, PreviousOrigin>,
): ActionsProgress {
  const done = completedInWindow(actions, window);
  const byQuestion = new Map<string, CompletedActionInput[]>();
  for (const a of done) byQuestion.set(a.questionCode!, [...(byQuestion.get(a.questionCode!) ?? []), a]);
  const before = new Map(previous.questions.map((q) => [q.code, q]));

  const questions: QuestionMove[] = [];
  const counts: Record<MoveKind, number> = { 'with-action-progress': 0, 'with-action-no-progress': 0, 'moved-without-action': 0, steady: 0 };
  const compared = new Set<string>();
  let notYetReviewed = 0;
  const beforeLevel = (code: string): NumericLevel | null => {
    if (!origins) return numeric(before.get(code));
    const levels = (origins.get(code)?.sources ?? []).map((s) => numeric(before.get(s))).filter((l): l is NumericLevel => l !== null);
    return levels.length ? (Math.min(...levels) as NumericLevel) : null;
  };
  for (const q of current.questions) {
    const b = beforeLevel(q.code);
    const a = numeric(q);
    if (b === null || a === null) continue;
    if (prefilled.has(q.code)) {
      notYetReviewed++;
      continue;
    }
    compared.add(q.code);
    const acts = byQuestion.get(q.code) ?? [];
    const delta = a - b;
    const kind: MoveKind = acts.length ? (delta > 0 ? 'with-action-progress' : 'with-action-no-progress') : delta !== 0 ? 'moved-without-action' : 'steady';
    counts[kind] += 1;
    questions.push({ code: q.code, text: q.text, themeSlug: q.themeSlug, criterionCode: q.criterionCode, before: b, after: a, delta, actions: acts, kind });
  }

  // A criterion of another version may group other questions under the same code: not compared.
  const previousCriteria = new Map(origins ? [] : previous.themes.flatMap((t) => t.criteria.map((c) => [c.code, c.score] as const)));
  const criteria: CriterionMove[] = current.themes.flatMap((t) =>
    t.criteria.map((c) => {
      const moves = questions.filter((m) => m.criterionCode === c.code);
      return {
        code: c.code,
        title: c.title,
        themeSlug: t.slug,
        ...compareScore(previousCriteria.get(c.code) ?? null, c.score),
        actions: moves.reduce((n, m) => n + m.actions.length, 0),
        up: moves.filter((m) => m.delta > 0).length,
        down: moves.filter((m) => m.delta < 0).length,
      };
    }),
  );

  return { questions, criteria, counts, actionsNotCompared: done.filter((a) => !compared.has(a.questionCode!)), completed: done.length, notYetReviewed };
}

// ---------------------------------------------------------------------------------------------
// The region's picture: which services' actions are most often followed by progress.

export interface ServiceFollowUp {
  service: string;
  /** Completed actions calling on the service whose question could be compared. */
  actions: number;
  /** Of those, followed by a higher level. */
  followedByProgress: number;
  /** Distinct structures behind these actions. */
  structures: number;
}

export interface ServicesFollowUp {
  /** Services shown: at least `minStructures` structures behind them, most often followed by progress first. */
  rows: ServiceFollowUp[];
  /** Services left out because too few structures are behind them (anonymity). */
  hidden: number;
  /** Structures with two diagnostics taken into account. */
  structures: number;
  minStructures: number;
}

/** Service code → [completed actions calling on it whose question was compared, of which followed by a higher level]. */
export type ServiceCounts = Record<string, [actions: number, followedByProgress: number]>;

/** One structure's share of the picture: its actions per service (each service once per action). */
export function serviceCountsOf(progress: Pick<ActionsProgress, 'questions'>): ServiceCounts {
  const counts: ServiceCounts = {};
  for (const move of progress.questions) {
    for (const action of move.actions) {
      for (const service of new Set(action.services)) {
        const c = (counts[service] ??= [0, 0]);
        c[0] += 1;
        if (move.delta > 0) c[1] += 1;
      }
    }
  }
  return counts;
}

/**
 * For each service, how often the completed actions that called on it were followed by progress
 * on their question, over the structures of a region that have two diagnostics (one entry per
 * structure: its serviceCountsOf). Descriptive only. A service is shown only when at least
 * `minStructures` distinct structures are behind it, so that no structure's results can be read
 * through it.
 */
export function servicesFollowUpOf(structures: readonly { organisationId: string; services: ServiceCounts }[], minStructures: number): ServicesFollowUp {
  const acc = new Map<string, { actions: number; up: number; orgs: Set<string> }>();
  for (const { organisationId, services } of structures) {
    for (const [service, [actions, up]] of Object.entries(services)) {
      const s = acc.get(service) ?? { actions: 0, up: 0, orgs: new Set<string>() };
      s.actions += actions;
      s.up += up;
      s.orgs.add(organisationId);
      acc.set(service, s);
    }
  }
  const all = [...acc].map(([service, s]): ServiceFollowUp => ({ service, actions: s.actions, followedByProgress: s.up, structures: s.orgs.size }));
  const rows = all
    .filter((r) => r.structures >= minStructures)
    .sort((a, b) => b.followedByProgress / b.actions - a.followedByProgress / a.actions || b.actions - a.actions || a.service.localeCompare(b.service));
  return { rows, hidden: all.length - rows.length, structures: new Set(structures.map((p) => p.organisationId)).size, minStructures };
}

/** The same picture straight from each structure's progress (serviceCountsOf, then servicesFollowUpOf). */
export function servicesFollowedByProgress(pairs: readonly { organisationId: string; progress: Pick<ActionsProgress, 'questions'> }[], minStructures: number): ServicesFollowUp {
  return servicesFollowUpOf(pairs.map((p) => ({ organisationId: p.organisationId, services: serviceCountsOf(p.progress) })), minStructures);
}
