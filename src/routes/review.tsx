// The federation's review of a diagnostic: remarks on the diagnostic, a theme or a question, and
// the two decisions (request changes, validate) — consultants of the region and admins only,
// anyone else gets 404; then the conversation: the team replies to a remark and marks it dealt
// with (so may a reviewer). The pages that show remarks get them from src/web/review.tsx.
import { Hono } from 'hono';
import type { Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.ts';
import { t } from '../i18n/index.ts';
import { fragment, isHtmx, page } from '../web/render.tsx';
import { redirectWith } from '../web/flash.ts';
import { currentUser, notFound } from '../web/guards.ts';
import { loadDiagnostic } from '../web/load.ts';
import { fieldErrors, readForm } from '../validation/forms.ts';
import { diagnosticScope, type DiagnosticContext } from '../db/diagnostics.ts';
import { addComment, addReply, countReplies, getRemark, requestChanges, setRemarkResolved, validateDiagnostic, type ThreadSide } from '../db/reviews.ts';
import { can } from '../auth/permissions.ts';
import { cleanText, LIMITS, MAX_LENGTH } from '../validation/limits.ts';
import { TARGET_KINDS, type TargetKind } from '../diagnostics/remarks.ts';
import { canTransition } from '../diagnostics/status.ts';
import { findQuestion } from '../referential/lookup.ts';
import { diagnosticUrl, questionUrl, themeUrl } from '../web/urls.ts';
import { notifyChangesRequested, notifyRemark, notifyReply, notifyValidated } from '../mail/notifications.ts';
import type { RemarkItem } from '../mail/kinds.ts';
import { loadReview } from '../web/review.tsx';
import { CommentErrorPage, DecisionConflictPage, ReplyErrorPage, ReviewComments, ReviewPanel, validateConfirmation } from '../../views/review.tsx';
import { ConfirmPage } from '../../views/confirm.tsx';

const r = t.federation.review;

export const reviewRoutes = new Hono<AppEnv>();

/** Only a path inside this diagnostic's pages: the field must not become an open redirect. */
function safeBack(value: string | null, diagnosticId: string): string {
  const base = diagnosticUrl(diagnosticId);
  if (!value || !(value === base || value.startsWith(base + '/') || value.startsWith(base + '?') || value.startsWith(base + '#'))) return base;
  if (/[\\\s]|\/\//.test(value) || !/^[\w\-/?=&%.#]*$/.test(value)) return base;
  return value.split('#')[0]!;
}

const commentSchema = z.object({
  targetKind: z.enum(TARGET_KINDS as [TargetKind, ...TargetKind[]], { error: r.badTarget }),
  target: z.string().trim().max(40).optional().default(''),
  body: z.string({ error: r.bodyRequired }).trim().min(1, r.bodyRequired).max(MAX_LENGTH.remark, r.bodyTooLong),
});

function targetExists(ctx: DiagnosticContext, kind: TargetKind, target: string): boolean {
  if (kind === 'diagnostic') return true;
  if (kind === 'theme') return ctx.referential.themes.some((th) => th.slug === target);
  return !!findQuestion(ctx.referential, target);
}

function themeTitle(ctx: DiagnosticContext, kind: TargetKind, target: string): string | undefined {
  return kind === 'theme' ? ctx.referential.themes.find((th) => th.slug === target)?.title : undefined;
}

function anchor(kind: TargetKind, target: string): string {
  return `#remarques-${kind}${kind === 'diagnostic' ? '' : '-' + target.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** A remark as the members' notice names it: where it sits, and the page that shows it. */
function remarkItem(ctx: DiagnosticContext, kind: TargetKind, target: string, body: string): RemarkItem {
  const id = ctx.diagnostic.id;
  const m = t.mail.remark;
  if (kind === 'theme') return { where: m.onTheme(themeTitle(ctx, kind, target) ?? target), path: themeUrl(id, target), body };
  const q = kind === 'question' ? findQuestion(ctx.referential, target) : undefined;
  if (q) return { where: m.onQuestion(target), path: questionUrl(id, q.theme.slug, target), body };
  return { where: m.onDiagnostic, path: diagnosticUrl(id), body };
}

// The diagnostic of the URL, for a reviewer; 404 for anyone else.
const reviewed = loadDiagnostic('diagnostic.review');

reviewRoutes.post('/:id/comments', reviewed, async (c) => {
  const ctx = c.var.diagnostic;
  const { db, clock } = c.get('deps');
  const form = await readForm(c);
  const back = safeBack(form.get('back'), ctx.diagnostic.id);
  const raw = { targetKind: form.get('targetKind') ?? undefined, target: form.get('target') ?? '', body: form.get('body') ?? undefined };
  const parsed = commentSchema.safeParse(raw);
  const kind = (TARGET_KINDS as readonly string[]).includes(raw.targetKind ?? '') ? (raw.targetKind as TargetKind) : 'diagnostic';
  const detached = form.get('detached') === '1';
  let error: string | undefined;
  if (!parsed.success) error = fieldErrors(parsed.error).body ?? r.badTarget;
  else if (!targetExists(ctx, parsed.data.targetKind, parsed.data.target)) error = r.badTarget;

  const refuse = (message: string) => {
    const target = kind === 'diagnostic' ? '' : raw.target.trim();
    if (isHtmx(c)) {
      const view = loadReview(c, ctx);
      return fragment(c, <ReviewComments review={view} kind={kind} target={target} back={back} heading={themeTitle(ctx, kind, target)} value={raw.body ?? ''} error={message} detached={detached} />, 422);
    }
    return page(
      c,
      r.commentPageTitle,
      <CommentErrorPage diagnosticId={ctx.diagnostic.id} kind={kind} target={target} csrf={c.get('csrf')} back={back} value={raw.body ?? ''} error={message} backLabel={r.backToDiagnostic} />,
      { status: 422 },
    );
  };
  if (error) return refuse(error);
  const data = parsed.data!;
  const now = clock();
  const added = addComment(db, { diagnostic: ctx.diagnostic, targetKind: data.targetKind, target: data.target, body: data.body, userId: currentUser(c).id, maxPerDiagnostic: LIMITS.remarksPerDiagnostic }, now);
  if (!added) return refuse(r.tooManyRemarks);
  if (notifyRemark(db, ctx.diagnostic, currentUser(c).id, remarkItem(ctx, data.targetKind, data.target, data.body), now)) c.get('deps').mail.wake();
  if (isHtmx(c)) {
    const view = loadReview(c, ctx);
    return fragment(c, <ReviewComments review={view} kind={data.targetKind} target={data.target} back={back} heading={themeTitle(ctx, data.targetKind, data.target)} detached={detached} />);
  }
  return redirectWith(c, back + anchor(data.targetKind, data.target), { kind: 'success', message: r.commentAdded });
});

const messageSchema = z.object({
  message: z.string({ error: r.messageRequired }).trim().min(1, r.messageRequired).max(MAX_LENGTH.reviewMessage, r.messageTooLong),
});

function conflict(c: Context<AppEnv>, ctx: DiagnosticContext, message: string) {
  return page(c, r.conflictTitle, <DecisionConflictPage message={message} back={diagnosticUrl(ctx.diagnostic.id)} />, { status: 409 });
}

reviewRoutes.post('/:id/request-changes', reviewed, async (c) => {
  const ctx = c.var.diagnostic;
  const { db, clock } = c.get('deps');
  const d = ctx.diagnostic;
  if (!canTransition(d.status, 'requestChanges')) return conflict(c, ctx, r.onlySubmittedRequest(t.common.diagnosticStatus[d.status]));
  const form = await readForm(c);
  const parsed = messageSchema.safeParse({ message: form.get('message') ?? undefined });
  if (!parsed.success) {
    return page(c, r.requestTitle, <ReviewPanel review={loadReview(c, ctx)} messageValue={form.get('message') ?? ''} errors={fieldErrors(parsed.error)} />, { status: 422 });
  }
  const now = clock();
  const res = requestChanges(db, d, currentUser(c).id, parsed.data.message, now);
  if (!res.ok) return conflict(c, ctx, r.onlySubmittedRequest(t.common.diagnosticStatus[res.status]));
  // Queued right after the change, in the same synchronous step: nothing can run in between.
  if (notifyChangesRequested(db, d, currentUser(c).id, parsed.data.message, now)) c.get('deps').mail.wake();
  return redirectWith(c, diagnosticUrl(d.id), { kind: 'success', message: r.requested });
});

reviewRoutes.post('/:id/validate', reviewed, async (c) => {
  const ctx = c.var.diagnostic;
  const { db, clock } = c.get('deps');
  const d = ctx.diagnostic;
  if (!canTransition(d.status, 'validate')) return conflict(c, ctx, r.onlySubmittedValidate(t.common.diagnosticStatus[d.status]));
  const form = await readForm(c);
  // Validating is final: asked first (a dialog with JavaScript, this page without).
  if (form.get('confirm') !== '1') {
    const view = loadReview(c, ctx);
    return page(c, r.confirmValidateTitle, <ConfirmPage id="confirm-validate" {...validateConfirmation(view)} cancelHref={diagnosticUrl(d.id)} breadcrumb={<a href={diagnosticUrl(d.id)}>{r.backToDiagnostic}</a>} />);
  }
  const now = clock();
  const res = validateDiagnostic(db, d, currentUser(c).id, now);
  if (!res.ok) return conflict(c, ctx, r.onlySubmittedValidate(t.common.diagnosticStatus[res.status]));
  if (notifyValidated(db, d, currentUser(c).id, now)) c.get('deps').mail.wake();
  return redirectWith(c, diagnosticUrl(d.id), { kind: 'success', message: r.validated });
});

// ---- Two-way review: the team (or a reviewer) replies to a remark, and marks it dealt with ----

// Anyone who may see the diagnostic takes part: its members, the consultants of its region, admins;
// nobody while its organisation is deactivated (read-only).
const participant = loadDiagnostic('diagnostic.view', { writes: true });

const replySchema = z.object({
  body: z.string({ error: r.replyRequired }).transform(cleanText).pipe(z.string().trim().min(1, r.replyRequired).max(MAX_LENGTH.remark, r.replyTooLong)),
});

/** The remark of the URL, in this diagnostic; 404 otherwise (a reply is no remark). */
function remarkOr404(c: Context<AppEnv>, ctx: DiagnosticContext) {
  return getRemark(c.get('deps').db, ctx.diagnostic.id, c.req.param('commentId') ?? '') ?? notFound();
}

/** The block of remarks the change happened in, again (htmx), or back to the page (no JavaScript). */
function afterThread(c: Context<AppEnv>, ctx: DiagnosticContext, remark: { targetKind: TargetKind; target: string }, back: string, detached: boolean, flash: string, status: 200 | 422 = 200, error?: { remarkId: string; value: string; message: string }) {
  if (isHtmx(c)) {
    const view = loadReview(c, ctx);
    return fragment(
      c,
      <ReviewComments review={view} kind={remark.targetKind} target={remark.target} back={back} heading={themeTitle(ctx, remark.targetKind, remark.target)} detached={detached} replyError={error} />,
      status,
    );
  }
  if (error) return page(c, r.replyPageTitle, <ReplyErrorPage review={loadReview(c, ctx)} remarkId={error.remarkId} back={back} value={error.value} error={error.message} />, { status });
  return redirectWith(c, back + anchor(remark.targetKind, remark.target), { kind: 'success', message: flash });
}

reviewRoutes.post('/:id/comments/:commentId/replies', participant, async (c) => {
  const ctx = c.var.diagnostic;
  const { db, clock } = c.get('deps');
  const remark = remarkOr404(c, ctx);
  const form = await readForm(c);
  const back = safeBack(form.get('back'), ctx.diagnostic.id);
  const detached = form.get('detached') === '1';
  const raw = form.get('body') ?? '';
  const parsed = replySchema.safeParse({ body: raw });
  let error = parsed.success ? undefined : fieldErrors(parsed.error).body;
  if (!error && countReplies(db, remark.id) >= LIMITS.repliesPerRemark) error = r.tooManyReplies(LIMITS.repliesPerRemark);
  if (error) return afterThread(c, ctx, remark, back, detached, '', 422, { remarkId: remark.id, value: raw.slice(0, MAX_LENGTH.remark), message: error });
  const user = currentUser(c);
  const side = sideOf(c, ctx);
  const now = clock();
  const body = parsed.data!.body;
  addReply(db, { diagnostic: ctx.diagnostic, remark, body, userId: user.id, side }, now);
  // The team answered: the remark's author hears of it (a reviewer's own reply tells nobody).
  if (side === 'member' && notifyReply(db, ctx.diagnostic, remark.authorId, user.id, remarkItem(ctx, remark.targetKind, remark.target, body), now)) c.get('deps').mail.wake();
  return afterThread(c, ctx, remark, back, detached, r.replyAdded);
});

reviewRoutes.post('/:id/comments/:commentId/resolve', participant, async (c) => {
  const ctx = c.var.diagnostic;
  const { db, clock } = c.get('deps');
  const remark = remarkOr404(c, ctx);
  const form = await readForm(c);
  const back = safeBack(form.get('back'), ctx.diagnostic.id);
  const resolved = form.get('resolved') !== '0';
  setRemarkResolved(db, ctx.diagnostic, remark, resolved, currentUser(c).id, sideOf(c, ctx), clock());
  return afterThread(c, ctx, remark, back, form.get('detached') === '1', resolved ? r.resolvedDone : r.reopenedDone);
});

/** A reviewer (consultant of the region, admin) answers for the federation; anyone else for the team. */
function sideOf(c: Context<AppEnv>, ctx: DiagnosticContext): ThreadSide {
  return can(c.get('user'), 'diagnostic.review', diagnosticScope(ctx)) ? 'reviewer' : 'member';
}
