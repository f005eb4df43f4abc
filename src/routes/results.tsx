// GET /diagnostics/:id/results: scores, radar, readiness, comparison with the previous diagnostic
// and with similar structures.
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { t } from '../i18n/index.ts';
import { page } from '../web/render.tsx';
import { loadDiagnostic } from '../web/load.ts';
import { reviewSection } from '../web/review.tsx';
import { resultsUrl } from '../web/urls.ts';
import { getDiagnosticContext, scoreDiagnosticById } from '../db/diagnostics.ts';
import { benchmarkFor, previousDiagnostic } from '../db/peers.ts';
import { getPerson } from '../db/users.ts';
import { compareScores } from '../scoring/index.ts';
import { hasResults } from '../scoring/highlights.ts';
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

  const prev = previousDiagnostic(db, diagnostic);
  const prevCtx = prev ? getDiagnosticContext(db, prev.id) : undefined;
  const comparison = prevCtx ? { previous: prevCtx.diagnostic, result: compareScores(scoreDiagnosticById(db, prevCtx), scores) } : null;

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
      validation={validation}
      reviewComments={reviewSection(c, ctx, resultsUrl(diagnostic.id))}
      progress={since ? <ActionsProgressSection progress={since.progress} previousStartedAt={new Date(since.previous.createdAt)} /> : undefined}
    />,
    { wide: true },
  );
});
