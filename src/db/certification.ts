// What the certification views read from the database: a diagnostic's gap-analysis input (answers'
// comments, evidence, the plan's actions), and what a year of actions moved between a diagnostic
// and its predecessor (the region's picture of it is stored: src/db/service-follow-up.ts). The rules
// themselves are pure (src/scoring/gap-analysis.ts, src/scoring/actions-progress.ts).
import type { Db } from './open.ts';
import { getDiagnosticContext, loadAnswers, loadAnswerStates, scoreDiagnosticById, type DiagnosticContext, type DiagnosticRow } from './diagnostics.ts';
import { listActions, type ActionRow } from './actions.ts';
import { listEvidence } from './evidence.ts';
import { previousDiagnostic } from './peers.ts';
import type { DiagnosticScores } from '../scoring/types.ts';
import { gapQuestionsOf, type GapEvidence, type GapInput } from '../scoring/gap-analysis.ts';
import { actionsProgress, type ActionsProgress, type CompletedActionInput } from '../scoring/actions-progress.ts';
import { actionSuccessor, mappingBetween, originsOf } from '../referential/mapping.ts';

export function gapInputFor(db: Db, ctx: DiagnosticContext, scores: DiagnosticScores): GapInput {
  const id = ctx.diagnostic.id;
  const comments = new Map(loadAnswers(db, id).map((a) => [a.questionCode, a.comment]));
  const evidence = new Map<string, GapEvidence[]>();
  for (const e of listEvidence(db, id)) evidence.set(e.questionCode, [...(evidence.get(e.questionCode) ?? []), { id: e.id, name: e.name, size: e.size, mime: e.mime }]);
  const actions = listActions(db, id)
    .filter((a) => a.droppedReason === null && a.questionCode)
    .map((a) => ({ id: a.id, questionCode: a.questionCode!, title: a.title, status: a.status }));
  return { questions: gapQuestionsOf(ctx.referential, scores.questions, comments), evidence, actions };
}

function completed(a: ActionRow): CompletedActionInput {
  // A carried-over action is the same piece of work as its original: one id for both, so that it
  // counts once whichever of the two was marked done.
  return { id: a.carriedFromId ?? a.id, questionCode: a.questionCode, title: a.title, services: a.services, status: a.status, dropped: a.droppedReason !== null, completedAt: a.updatedAt };
}

export interface ProgressSince {
  previous: DiagnosticRow;
  progress: ActionsProgress;
}

/**
 * Between the diagnostic's predecessor and it: the actions of the earlier plan, and those carried
 * over to this one, completed from the earlier diagnostic's start until this one's submission (or
 * `now` while it is open). Null when there is no predecessor.
 */
export function progressSincePrevious(db: Db, ctx: DiagnosticContext, scores: DiagnosticScores, now: Date): ProgressSince | null {
  const previous = previousDiagnostic(db, ctx.diagnostic);
  if (!previous) return null;
  const prevCtx = getDiagnosticContext(db, previous.id);
  if (!prevCtx) return null;
  // Across referential versions, the earlier plan's actions are named by the questions that took
  // theirs over (as when they were carried), and levels compare through the mapping.
  const mapping = prevCtx.referential.id !== ctx.referential.id ? mappingBetween(prevCtx.referential.id, ctx.referential) : undefined;
  const successor = mapping ? actionSuccessor(prevCtx.referential.id, ctx.referential) : undefined;
  const earlier = listActions(db, previous.id).map((a) => (successor && a.questionCode ? { ...a, questionCode: successor(a.questionCode)?.questionCode ?? null } : a));
  const actions = [...earlier, ...listActions(db, ctx.diagnostic.id).filter((a) => a.origin === 'carried')].map(completed);
  const window = { from: previous.createdAt, to: ctx.diagnostic.submittedAt ?? now.toISOString() };
  const prefilled = new Set(loadAnswerStates(db, ctx.diagnostic.id).filter((a) => a.prefilledFrom).map((a) => a.questionCode));
  return { previous, progress: actionsProgress(scoreDiagnosticById(db, prevCtx), scores, actions, window, prefilled, mapping ? originsOf(mapping) : undefined) };
}
