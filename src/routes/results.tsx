// GET /diagnostics/:id/results: scores, radar, readiness, comparison with the previous diagnostic
// and with similar structures.
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { t } from '../i18n/index.ts';
import { page } from '../web/render.tsx';
import { loadDiagnostic } from '../web/load.ts';
import { reviewSection } from '../web/review.tsx';
import { resultsUrl } from '../web/urls.ts';
import { loadAnswerStates, scoreDiagnosticById } from '../db/diagnostics.ts';
import { benchmarkFor, comparisonWithPrevious } from '../db/peers.ts';
import { listActions } from '../db/actions.ts';
import { getPerson } from '../db/users.ts';
import { hasResults } from '../scoring/highlights.ts';
import { isEditable } from '../diagnostics/status.ts';
import { priorities, priorityNow } from '../plan/focus.ts';
import { proposeActions } from '../plan/prioritise.ts';
import { personName } from '../people.ts';
import { NoResultsYet, ResultsPage } from '../../views/results.tsx';
import { progressSincePrevious } from '../db/certification.ts';
import { ActionsProgressSection } from '../../views/actions-progress.tsx';

export const resultRoutes = new Hono<AppEnv>();

// The guard sits on the route itself: other modules mount their own routes under /diagnostics.
resultRoutes.get('/:id/results', loadDiagnostic('diagnostic.view'), (c) => {
  const { db } = c.get('deps');
  const ctx = c.var.diagnostic;
  const { diagnostic, organisation } = ctx;
  const scores = scoreDiagnosticById(db, ctx);
  const title = t.results.titleOf(organisation.name);

  if (!scores.complete && !hasResults(scores)) {
    return page(c, title, <NoResultsYet diagnostic={diagnostic} organisation={organisation} scores={scores} />);
  }

  const comparison = comparisonWithPrevious(db, diagnostic, scores);
  // The plan's first three priorities; before the plan was ever opened, the first three proposals.
  const stored = listActions(db, diagnostic.id).filter((a) => a.droppedReason === null);
  const focus = stored.length ? priorities(stored, scores.questions, 3) : proposeActions(ctx.referential, scores).slice(0, 3);
  // A draft's results are provisional: answers carried over from the previous diagnostic still to confirm.
  const provisional = isEditable(diagnostic.status) ? { toConfirm: loadAnswerStates(db, diagnostic.id).filter((a) => a.prefilledFrom !== null).length } : null;

  const since = progressSincePrevious(db, ctx, scores, c.get('deps').clock());
  const validation =
    diagnostic.status === 'validated' && diagnostic.validatedAt
      ? { name: personName(diagnostic.validatedBy ? getPerson(db, diagnostic.validatedBy) : null, 'federation') ?? t.common.theFederation, at: diagnostic.validatedAt }
      : null;

  return page(
    c,
    title,
    <ResultsPage
      diagnostic={diagnostic}
      organisation={organisation}
      referentialLabel={ctx.referential.label}
      scores={scores}
      comparison={comparison}
      benchmark={benchmarkFor(db, ctx)}
      priorities={focus.map((a) => ({ title: a.title, priority: priorityNow(a, scores.questions), quickWin: a.quickWin }))}
      provisional={provisional}
      validation={validation}
      reviewComments={reviewSection(c, ctx, resultsUrl(diagnostic.id))}
      progress={since ? <ActionsProgressSection progress={since.progress} previousStartedAt={new Date(since.previous.createdAt)} /> : undefined}
    />,
    { wide: true },
  );
});
