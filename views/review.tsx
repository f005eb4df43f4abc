// The federation's review, as pieces other pages include: the remarks on a target (the whole
// diagnostic, a theme, a question) with the form to add one, and the review panel of a diagnostic
// (status, stamp, message, request-changes and validate forms, history and CSV links).
import { t } from '../src/i18n/index.ts';
import { canTransition, isSettled, type DiagnosticStatus } from '../src/diagnostics/status.ts';
import type { ReviewComment } from '../src/db/reviews.ts';
import { targetKey, type TargetKind, type Thread, type ThemeRemarks } from '../src/diagnostics/remarks.ts';
import { linkCodes } from '../src/diagnostics/code-links.ts';
import { authorOf, personName } from '../src/people.ts';
import { CsrfField, type FieldErrors } from './forms.tsx';
import { ConfirmDialog, ConfirmTrigger } from './confirm.tsx';
import { domId as questionDomId } from '../src/questionnaire/progress.ts';
import { MAX_LENGTH } from '../src/validation/limits.ts';

const r = t.federation.review;

/** Everything the review pieces need about one diagnostic (built by `loadReview` in src/web/review.tsx). */
export interface ReviewView {
  diagnosticId: string;
  status: DiagnosticStatus;
  /** Open remarks and the team's replies per theme (remarks on the theme or its questions), for the theme cards. */
  byTheme: Map<string, ThemeRemarks>;
  /** Remarks by target, each with its replies. */
  comments: Map<string, Thread<ReviewComment>[]>;
  /** Consultant of the region or admin: may comment, request changes, validate. */
  canReview: boolean;
  /** Anyone who may see the diagnostic (its team, the region's consultants, admins): may reply and mark remarks dealt with. */
  canReply: boolean;
  /** Where a question or criterion code written in a remark leads, when this diagnostic's version has it. */
  codeHref: (code: string) => string | undefined;
  csrf: string;
  reviewMessage: string | null;
  submittedAt: string | null;
  validatedAt: string | null;
  validatorName: string | null;
  /** For the validation's confirmation: whose diagnostic, of which day. */
  organisationName: string;
  createdAt: string;
}

function domId(kind: TargetKind, target: string): string {
  return `remarques-${kind}${kind === 'diagnostic' ? '' : '-' + target.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}


/** A text with the question and criterion codes it cites as links to the questionnaire. */
export function Linked({ text, hrefOf }: { text: string; hrefOf: (code: string) => string | undefined }) {
  return <>{linkCodes(text, hrefOf).map((seg) => (seg.href ? <a href={seg.href}>{seg.text}</a> : seg.text))}</>;
}

/** A remark's author on whose behalf they wrote: the team (a member's reply) or the federation. */
const writer = (c: ReviewComment) => personName(authorOf(c), c.authorRole === 'member' ? 'team' : 'federation');

/** A reply refused without JavaScript or by htmx (422): shown under its remark with the text kept. */
export interface ReplyError {
  remarkId: string;
  value: string;
  message: string;
}

const replyFormId = (remarkId: string) => `reponse-${remarkId}`;
const resolveFormId = (remarkId: string) => `traitee-${remarkId}`;

function ThreadForms(p: { review: ReviewView; remark: Thread<ReviewComment>; kind: TargetKind; target: string; back: string; detached?: boolean; plain?: boolean; error?: ReplyError }) {
  const c = p.remark;
  const base = `/diagnostics/${p.review.diagnosticId}/comments/${c.id}`;
  const fieldId = `${replyFormId(c.id)}-texte`;
  const error = p.error?.remarkId === c.id ? p.error : undefined;
  const form = (id: string) => (p.detached ? id : undefined);
  const about = p.kind === 'diagnostic' ? 'sur l’ensemble du diagnostic' : p.kind === 'theme' ? 'sur le thème' : `sur la question ${p.target}`;
  const fields = (
    <>
      <div class={error ? 'field field--error' : 'field'}>
        <label for={fieldId}>{r.replyLabelFor(about)}</label>
        <p class="hint" id={`${fieldId}-hint`}>
          {r.replyHint}
        </p>
        {error && (
          <p class="field-error" id={`${fieldId}-error`} role="alert">
            {error.message}
          </p>
        )}
        <textarea
          id={fieldId}
          name="body"
          form={form(replyFormId(c.id))}
          rows={2}
          maxlength={1000}
          required
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${fieldId}-hint ${fieldId}-error` : `${fieldId}-hint`}
        >
          {error?.value ?? ''}
        </textarea>
      </div>
      <button type="submit" form={form(replyFormId(c.id))} class="button button--secondary button--small">
        {r.replySubmit}
      </button>
    </>
  );
  const resolveButton = (
    <button type="submit" form={form(resolveFormId(c.id))} class="button button--link">
      {c.resolvedAt ? r.reopen : r.resolve}
    </button>
  );
  return (
    <div class="review-thread-tools no-print">
      <details class="review-reply" open={!!error || undefined}>
        <summary>{r.replyLabel}</summary>
        {p.detached ? (
          <div class="form review-form">{fields}</div>
        ) : (
          <form method="post" action={`${base}/replies`} class="form review-form" {...(p.plain ? {} : { 'hx-post': `${base}/replies`, 'hx-target': 'closest .review-block', 'hx-swap': 'outerHTML', 'data-fallback-submit': true })}>
            <ThreadHidden review={p.review} back={p.back} />
            {fields}
          </form>
        )}
      </details>
      {p.detached ? (
        resolveButton
      ) : (
        <form method="post" action={`${base}/resolve`} class="inline" {...(p.plain ? {} : { 'hx-post': `${base}/resolve`, 'hx-target': 'closest .review-block', 'hx-swap': 'outerHTML' })}>
          <ThreadHidden review={p.review} back={p.back} />
          <input type="hidden" name="resolved" value={c.resolvedAt ? '0' : '1'} />
          {resolveButton}
        </form>
      )}
    </div>
  );
}

function ThreadHidden({ review, back, detached }: { review: ReviewView; back: string; detached?: boolean }) {
  return (
    <>
      <CsrfField token={review.csrf} />
      <input type="hidden" name="back" value={back} />
      {detached && <input type="hidden" name="detached" value="1" />}
    </>
  );
}

/**
 * The remarks of a target with their replies; for those who take part, the reply and « dealt with »
 * forms (htmx swaps the enclosing .review-block; `plain` posts and comes back without it).
 */
function CommentList(p: { review: ReviewView; comments: readonly Thread<ReviewComment>[]; kind: TargetKind; target: string; back: string; detached?: boolean; plain?: boolean; replyError?: ReplyError }) {
  const hrefOf = p.review.codeHref;
  return (
    <ul class="review-comments">
      {p.comments.map((c) => (
        <li class={c.resolvedAt ? 'review-comment review-comment--resolved' : 'review-comment'} id={`remarque-${c.id}`}>
          <p class="review-comment__body">
            <Linked text={c.body} hrefOf={hrefOf} />
          </p>
          <p class="review-comment__meta">
            {r.by(writer(c), c.authorDeleted ? null : c.authorRole, t.federation.dateTime(c.createdAt))}{' '}
            <span class={c.resolvedAt ? 'badge badge--ok' : 'badge badge--warn'}>
              {c.resolvedAt ? r.resolvedBy(personName(c.resolverName === null ? null : { name: c.resolverName, deleted: c.resolverDeleted }), t.federation.date(c.resolvedAt)) : r.open}
            </span>
            {c.memberRepliedAt && p.review.canReview && (
              <>
                {' '}
                <span class="badge badge--brand">{r.answered}</span>
              </>
            )}
          </p>
          {c.replies.length > 0 && (
            <ul class="review-replies" aria-label={r.repliesTitle(c.replies.length)}>
              {c.replies.map((x) => (
                <li class="review-reply-item">
                  <p class="review-comment__body">
                    <Linked text={x.body} hrefOf={hrefOf} />
                  </p>
                  <p class="review-comment__meta">{r.by(writer(x), x.authorDeleted ? null : x.authorRole, t.federation.dateTime(x.createdAt))}</p>
                </li>
              ))}
            </ul>
          )}
          {p.review.canReply && <ThreadForms review={p.review} remark={c} kind={p.kind} target={p.target} back={p.back} detached={p.detached} plain={p.plain} error={p.replyError} />}
        </li>
      ))}
    </ul>
  );
}

export interface CommentFormProps {
  diagnosticId: string;
  kind: TargetKind;
  target: string;
  csrf: string;
  /** Where to come back after posting without JavaScript. */
  back: string;
  value?: string;
  error?: string;
  /** Accessible name of the text area, e.g. « Ajouter une remarque sur la question ID-1.1 ». */
  label?: string;
  /**
   * Inside another form (the questionnaire posts a whole theme as one form, and forms cannot nest):
   * the text area and button point with `form=` to a form rendered after it by DetachedCommentForms.
   */
  detached?: boolean;
}

export function detachedFormId(kind: TargetKind, target: string): string {
  return `${domId(kind, target)}-form`;
}

function CommentField(p: CommentFormProps & { id: string; form?: string }) {
  const id = p.id;
  return (
    <>
      <div class={p.error ? 'field field--error' : 'field'}>
        <label for={id}>{p.label ?? r.commentLabel}</label>
        <p class="hint" id={`${id}-hint`}>
          {r.commentHint}
        </p>
        {p.error && (
          <p class="field-error" id={`${id}-error`} role="alert">
            {p.error}
          </p>
        )}
        <textarea
          id={id}
          name="body"
          form={p.form}
          rows={3}
          maxlength={MAX_LENGTH.remark}
          required
          aria-invalid={p.error ? 'true' : undefined}
          aria-describedby={p.error ? `${id}-hint ${id}-error` : `${id}-hint`}
        >
          {p.value ?? ''}
        </textarea>
      </div>
      <button type="submit" form={p.form} class="button button--secondary button--small">
        {r.commentSubmit}
      </button>
    </>
  );
}

function HiddenTarget(p: Pick<CommentFormProps, 'kind' | 'target' | 'back' | 'csrf' | 'detached'>) {
  return (
    <>
      <CsrfField token={p.csrf} />
      <input type="hidden" name="targetKind" value={p.kind} />
      <input type="hidden" name="target" value={p.kind === 'diagnostic' ? '' : p.target} />
      <input type="hidden" name="back" value={p.back} />
      {p.detached && <input type="hidden" name="detached" value="1" />}
    </>
  );
}

/** The empty forms that detached comment, reply and « dealt with » fields point to: render them after the enclosing form. */
export function DetachedCommentForms({ review, targets, back }: { review: ReviewView; targets: { kind: TargetKind; target: string }[]; back: string }) {
  if (!review.canReview && !review.canReply) return null;
  return (
    <div class="detached-forms" hidden>
      {targets.map((x) => (
        <>
          {review.canReview && (
            <form
              id={detachedFormId(x.kind, x.target)}
              method="post"
              action={`/diagnostics/${review.diagnosticId}/comments`}
              hx-post={`/diagnostics/${review.diagnosticId}/comments`}
              hx-target={`#${domId(x.kind, x.target)}`}
              hx-swap="outerHTML"
              data-fallback-submit
            >
              <HiddenTarget kind={x.kind} target={x.target} back={back} csrf={review.csrf} detached />
            </form>
          )}
          {review.canReply &&
            (review.comments.get(targetKey(x.kind, x.kind === 'diagnostic' ? '' : x.target)) ?? []).map((c) => {
              const base = `/diagnostics/${review.diagnosticId}/comments/${c.id}`;
              return (
                <>
                  <form id={replyFormId(c.id)} method="post" action={`${base}/replies`} hx-post={`${base}/replies`} hx-target={`#${domId(x.kind, x.target)}`} hx-swap="outerHTML" data-fallback-submit>
                    <ThreadHidden review={review} back={back} detached />
                  </form>
                  <form id={resolveFormId(c.id)} method="post" action={`${base}/resolve`} hx-post={`${base}/resolve`} hx-target={`#${domId(x.kind, x.target)}`} hx-swap="outerHTML">
                    <ThreadHidden review={review} back={back} detached />
                    <input type="hidden" name="resolved" value={c.resolvedAt ? '0' : '1'} />
                  </form>
                </>
              );
            })}
        </>
      ))}
    </div>
  );
}

export function CommentForm(p: CommentFormProps) {
  const id = `${domId(p.kind, p.target)}-texte`;
  if (p.detached) {
    return (
      <div class="form review-form no-print">
        <CommentField {...p} id={id} form={detachedFormId(p.kind, p.target)} />
      </div>
    );
  }
  return (
    <form
      method="post"
      action={`/diagnostics/${p.diagnosticId}/comments`}
      class="form review-form no-print"
      hx-post={`/diagnostics/${p.diagnosticId}/comments`}
      hx-target="closest .review-block"
      hx-swap="outerHTML"
      data-fallback-submit
    >
      <HiddenTarget kind={p.kind} target={p.target} back={p.back} csrf={p.csrf} />
      <CommentField {...p} id={id} />
    </form>
  );
}

/**
 * The remarks on one target, and the form to add one for reviewers. Members see the remarks;
 * nothing is shown to them when there are none. This block is also the htmx swap target.
 */
export function ReviewComments(p: {
  review: ReviewView;
  kind: TargetKind;
  target?: string;
  back: string;
  heading?: string;
  value?: string;
  error?: string;
  /** Inside another form: see CommentForm. */
  detached?: boolean;
  /** A reply refused: shown under its remark, the text kept. */
  replyError?: ReplyError;
}) {
  const target = p.kind === 'diagnostic' ? '' : (p.target ?? '');
  const comments = p.review.comments.get(targetKey(p.kind, target)) ?? [];
  if (!comments.length && !p.review.canReview) return null;
  const about = p.kind === 'diagnostic' ? r.commentsOn.diagnostic : p.kind === 'theme' ? r.commentsOn.theme(p.heading ?? target) : r.commentsOn.question(target);
  const label = r.commentLabelFor(p.kind === 'diagnostic' ? 'sur l’ensemble du diagnostic' : p.kind === 'theme' ? `sur le thème « ${p.heading ?? target} »` : `sur la question ${target}`);
  return (
    <div class="review-block" id={domId(p.kind, target)}>
      {comments.length > 0 && (
        <>
          <p class="review-block__title">{about}</p>
          <CommentList review={p.review} comments={comments} kind={p.kind} target={target} back={p.back} detached={p.detached} replyError={p.replyError} />
        </>
      )}
      {p.review.canReview && (
        <details class="review-add" open={!!p.error || undefined}>
          <summary>
            {r.commentLabel}
            {p.kind === 'question' && <span class="visually-hidden"> {r.commentsOnShort(target)}</span>}
          </summary>
          <CommentForm diagnosticId={p.review.diagnosticId} kind={p.kind} target={target} csrf={p.review.csrf} back={p.back} value={p.value} error={p.error} label={label} detached={p.detached} />
        </details>
      )}
    </div>
  );
}

export interface RemarkTargets {
  themes: { slug: string; title: string }[];
  /** Question code → text, in referential order. */
  questions: { code: string; text: string; themeSlug: string }[];
}

/**
 * Every remark of a diagnostic in one place (results page): on the whole diagnostic, then by theme
 * and by question, each question linked to its place in the questionnaire.
 */
export function ReviewSummary({ review, targets, back }: { review: ReviewView; targets: RemarkTargets; back: string }) {
  const byTheme = targets.themes.filter((th) => review.comments.has(targetKey('theme', th.slug)));
  const byQuestion = targets.questions.filter((q) => review.comments.has(targetKey('question', q.code)));
  const none = !review.comments.size;
  return (
    <div class="review-summary">
      {none && <p class="muted">{r.noComments}</p>}
      <ReviewComments review={review} kind="diagnostic" back={back} />
      {byTheme.map((th) => (
        <div class="review-summary__item">
          <h3>{r.commentsOn.theme(th.title)}</h3>
          <CommentList review={review} comments={review.comments.get(targetKey('theme', th.slug))!} kind="theme" target={th.slug} back={back} plain />
        </div>
      ))}
      {byQuestion.map((q) => (
        <div class="review-summary__item">
          <h3>
            <a href={`/diagnostics/${review.diagnosticId}/themes/${q.themeSlug}#q-${questionDomId(q.code)}`}>
              <span class="question__code">{q.code}</span> {q.text}
            </a>
          </h3>
          <CommentList review={review} comments={review.comments.get(targetKey('question', q.code))!} kind="question" target={q.code} back={back} plain />
        </div>
      ))}
    </div>
  );
}

/** « Validé avec <consultant> le <date> », for pages that show a validated diagnostic. */
export function ValidationStamp({ review }: { review: Pick<ReviewView, 'status' | 'validatedAt' | 'validatorName'> }) {
  if (review.status !== 'validated' || !review.validatedAt) return null;
  return <p class="stamp">{r.stamp(review.validatorName, t.federation.date(review.validatedAt))}</p>;
}

export interface DecisionErrors {
  message?: string;
}

/** The review panel of a diagnostic: its state for everyone, the decisions for reviewers. */
export function ReviewPanel(p: { review: ReviewView; back?: string; messageValue?: string; errors?: DecisionErrors & FieldErrors }) {
  const rv = p.review;
  const back = p.back ?? `/diagnostics/${rv.diagnosticId}`;
  const msgError = p.errors?.message;
  return (
    <section class="panel review-panel" aria-labelledby="review-panel-title">
      <h2 id="review-panel-title">{r.panelTitle}</h2>
      <p>
        {r.statusLabel} : <strong>{t.common.diagnosticStatus[rv.status]}</strong>
        {rv.submittedAt && rv.status !== 'draft' && <span class="muted"> — {r.submittedOn(t.federation.date(rv.submittedAt))}</span>}
      </p>
      <ValidationStamp review={rv} />
      {rv.status === 'changes_requested' && rv.reviewMessage && (
        <div class="notice review-message">
          <p>
            <strong>{r.changesRequestedTitle}</strong>
          </p>
          <p class="review-comment__body">
            <Linked text={rv.reviewMessage} hrefOf={rv.codeHref} />
          </p>
        </div>
      )}
      <ReviewComments review={rv} kind="diagnostic" back={back} />
      {rv.canReview && canTransition(rv.status, 'validate') && (
        <div class="review-decisions">
          <form method="post" action={`/diagnostics/${rv.diagnosticId}/request-changes`} class="form">
            <CsrfField token={rv.csrf} />
            <h3>{r.requestTitle}</h3>
            <div class={msgError ? 'field field--error' : 'field'}>
              <label for="f-message">{r.messageLabel}</label>
              <p class="hint" id="f-message-hint">
                {r.requestHint}
              </p>
              {msgError && (
                <p class="field-error" id="f-message-error" role="alert">
                  {msgError}
                </p>
              )}
              <textarea id="f-message" name="message" rows={4} maxlength={MAX_LENGTH.reviewMessage} required aria-invalid={msgError ? 'true' : undefined} aria-describedby={msgError ? 'f-message-hint f-message-error' : 'f-message-hint'}>
                {p.messageValue ?? ''}
              </textarea>
            </div>
            <button type="submit" class="button button--secondary">
              {r.requestSubmit}
            </button>
          </form>
          <div class="form">
            <h3>{r.validateTitle}</h3>
            <p class="hint" id="validate-hint">
              {r.validateHint}
            </p>
            <ConfirmTrigger id="confirm-validate" action={`/diagnostics/${rv.diagnosticId}/validate`} csrf={rv.csrf} label={r.validateSubmit} describedBy="validate-hint" />
            <ConfirmDialog id="confirm-validate" {...validateConfirmation(rv)} />
          </div>
        </div>
      )}
      {rv.canReview && !isSettled(rv.status) && <p class="muted">{r.waiting}</p>}
      {!rv.canReview && canTransition(rv.status, 'validate') && <p class="muted">{r.awaitingReview}</p>}
      <p class="actions-row no-print">
        <a href={`/diagnostics/${rv.diagnosticId}/history`}>{t.federation.audit.historyLink}</a>
        <a href={`/diagnostics/${rv.diagnosticId}/export.csv`} download>
          {t.federation.exports.answersCsv}
        </a>
      </p>
    </section>
  );
}

/** What asking before a validation says (a dialog in the review panel; a page without JavaScript). */
export function validateConfirmation(rv: Pick<ReviewView, 'diagnosticId' | 'csrf' | 'organisationName' | 'createdAt'>) {
  return {
    title: r.confirmValidateTitle,
    action: `/diagnostics/${rv.diagnosticId}/validate`,
    csrf: rv.csrf,
    confirmLabel: r.confirmValidateButton,
    cancelLabel: r.confirmCancel,
    children: (
      <>
        <p>{r.confirmValidateText(rv.organisationName, t.questionnaire.date(rv.createdAt))}</p>
        <p class="hint">{r.validateHint}</p>
      </>
    ),
  };
}

/** A page of its own for a remark refused without JavaScript (422): the text is kept. */
export function CommentErrorPage(p: CommentFormProps & { backLabel: string }) {
  return (
    <section class="narrow">
      <p class="breadcrumb">
        <a href={p.back}>{p.backLabel}</a>
      </p>
      <h1>{r.commentPageTitle}</h1>
      <div class="review-block">
        <CommentForm {...p} />
      </div>
    </section>
  );
}

export function DecisionConflictPage({ message, back }: { message: string; back: string }) {
  return (
    <section class="narrow">
      <h1>{r.conflictTitle}</h1>
      <p class="notice" role="alert">
        {message}
      </p>
      <p>
        <a href={back}>{r.backToDiagnostic}</a>
      </p>
    </section>
  );
}

/** A reply refused without JavaScript (422): the remark, and the form again with the text kept. */
export function ReplyErrorPage(p: { review: ReviewView; remarkId: string; back: string; value: string; error: string }) {
  let found: { kind: TargetKind; target: string; thread: Thread<ReviewComment> } | undefined;
  for (const list of p.review.comments.values()) for (const c of list) if (c.id === p.remarkId) found = { kind: c.targetKind, target: c.target, thread: c };
  return (
    <section class="narrow">
      <p class="breadcrumb">
        <a href={p.back}>{r.backToDiagnostic}</a>
      </p>
      <h1>{r.replyPageTitle}</h1>
      {found && (
        <div class="review-block">
          <CommentList review={p.review} comments={[found.thread]} kind={found.kind} target={found.target} back={p.back} plain replyError={{ remarkId: p.remarkId, value: p.value, message: p.error }} />
        </div>
      )}
    </section>
  );
}
