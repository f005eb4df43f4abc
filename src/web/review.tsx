// The federation's review as the pages that show it need it (overview, theme pages, results):
// remarks grouped by target, whether the visitor may review, the validation stamp.
import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';
import { can } from '../auth/permissions.ts';
import { diagnosticScope, type DiagnosticContext } from '../db/diagnostics.ts';
import { listComments } from '../db/reviews.ts';
import { getPerson } from '../db/users.ts';
import { groupThreads, remarksByTheme } from '../diagnostics/remarks.ts';
import { domId } from '../questionnaire/progress.ts';
import { questionUrl, themeUrl } from './urls.ts';
import { indexOf } from '../referential/lookup.ts';
import type { Referential } from '../referential/schema.ts';
import { personName } from '../people.ts';
import { ReviewSummary, type RemarkTargets, type ReviewView } from '../../views/review.tsx';

/** What the review pieces need, for the overview, theme and results pages. */
export function loadReview(c: Context<AppEnv>, ctx: DiagnosticContext): ReviewView {
  const { db } = c.get('deps');
  const d = ctx.diagnostic;
  const comments = listComments(db, d.id);
  const index = indexOf(ctx.referential);
  return {
    diagnosticId: d.id,
    byTheme: remarksByTheme(comments, (code) => index.questions.get(code)?.theme.slug),
    status: d.status,
    comments: groupThreads(comments),
    // A deactivated organisation is read-only: nobody reviews or replies there.
    canReview: ctx.organisation.active && can(c.get('user'), 'diagnostic.review', diagnosticScope(ctx)),
    canReply: ctx.organisation.active && can(c.get('user'), 'diagnostic.view', diagnosticScope(ctx)),
    codeHref: codeHrefs(ctx),
    csrf: c.get('csrf'),
    reviewMessage: d.reviewMessage,
    submittedAt: d.submittedAt,
    validatedAt: d.validatedAt,
    validatorName: d.validatedBy ? personName(getPerson(db, d.validatedBy), 'federation') : null,
    organisationName: ctx.organisation.name,
    createdAt: d.createdAt,
  };
}

/**
 * Where a code cited in a remark or a change request leads: a question to its place on its theme
 * page, a criterion to its heading there. Codes this diagnostic's version does not have stay text.
 */
export function codeHrefs(ctx: DiagnosticContext): (code: string) => string | undefined {
  const index = indexOf(ctx.referential);
  const criteria = new Map(index.entries.map((e) => [e.criterion.code, e.theme.slug]));
  return (code) => {
    const q = index.questions.get(code);
    if (q) return questionUrl(ctx.diagnostic.id, q.theme.slug, code);
    const theme = criteria.get(code);
    return theme ? `${themeUrl(ctx.diagnostic.id, theme)}#cr-${domId(code)}` : undefined;
  };
}

export function remarkTargets(ref: Referential): RemarkTargets {
  return {
    themes: ref.themes.map((th) => ({ slug: th.slug, title: th.title })),
    questions: indexOf(ref).entries.map(({ question, theme }) => ({ code: question.code, text: question.text, themeSlug: theme.slug })),
  };
}

/**
 * Every remark of the diagnostic, for the results page; undefined when there is nothing to show
 * (no remark, and the visitor may not add one).
 */
export function reviewSection(c: Context<AppEnv>, ctx: DiagnosticContext, back: string) {
  const review = loadReview(c, ctx);
  if (!review.canReview && review.comments.size === 0) return undefined;
  return <ReviewSummary review={review} targets={remarkTargets(ctx.referential)} back={back} />;
}
