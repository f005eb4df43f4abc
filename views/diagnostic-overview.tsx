// The overview of one diagnostic: status, participants, progress per theme, where to start or
// continue, links to results and plan, the submit form (with what is left, grouped by theme, when
// refused), and what its creator or an administrator may do with it (delete a draft, archive).
import { t } from '../src/i18n/index.ts';
import { canTransition } from '../src/diagnostics/status.ts';
import type { DiagnosticRow } from '../src/db/diagnostics.ts';
import type { OpenQuestion, Progress } from '../src/questionnaire/progress.ts';
import { CsrfField } from './forms.tsx';
import { ProgressBar, StatusBadge } from './diagnostic-progress.tsx';
import { ThemeLeft } from './diagnostic-theme.tsx';
import { ConfirmDialog, ConfirmTrigger } from './confirm.tsx';
import { diagnosticUrl, organisationUrl, questionUrl, themeUrl } from '../src/web/urls.ts';
import { ReviewPanel, type ReviewView } from './review.tsx';

const q = t.questionnaire;
const dr = t.drafts;

export interface OverviewProps {
  csrf: string;
  org: { id: string; name: string; active: boolean };
  diagnostic: DiagnosticRow;
  referentialLabel: string;
  creatorName: string | null;
  submitterName: string | null;
  previous: DiagnosticRow | null;
  progress: Progress;
  editable: boolean;
  /** Set when a submit was refused: the applicable questions still without an answer. */
  incomplete?: OpenQuestion[];
  /** Federation module: status, remarks and review decisions. */
  review?: ReviewView;
  /** May delete this draft (its creator, or an administrator). */
  canDelete?: boolean;
  /** May archive or restore it (administrators). */
  canArchive?: boolean;
  /** Who archived it, named for display. */
  archiverName?: string | null;
}

function questionLink(diagnosticId: string, x: { code: string; themeSlug: string }): string {
  return questionUrl(diagnosticId, x.themeSlug, x.code);
}

/** « 2 remarques à traiter · 1 réponse de la structure » on a theme card (the replies for reviewers). */
function ThemeRemarksLine({ review, slug }: { review?: ReviewView; slug: string }) {
  const counts = review?.byTheme.get(slug);
  if (!counts) return null;
  const line = t.federation.review.themeRemarks(counts.open, review!.canReview ? counts.answered : 0);
  return line ? <p class="theme-card__remarks">{line}</p> : null;
}

/** The questions a refused submit still needs, theme by theme, with their count and a link each. */
export function IncompleteByTheme({ diagnosticId, incomplete }: { diagnosticId: string; incomplete: OpenQuestion[] }) {
  const themes: { slug: string; title: string; questions: OpenQuestion[] }[] = [];
  for (const x of incomplete) {
    const last = themes[themes.length - 1];
    if (last && last.slug === x.themeSlug) last.questions.push(x);
    else themes.push({ slug: x.themeSlug, title: x.themeTitle, questions: [x] });
  }
  return (
    <div class="error-summary" role="alert" tabindex={-1} id="submit-refused">
      <h2>{q.submitIncomplete(incomplete.length)}</h2>
      <p>{q.submitIncompleteHint}</p>
      {themes.map((th) => (
        <section class="unanswered-theme" aria-labelledby={`unanswered-${th.slug}`}>
          <h3 id={`unanswered-${th.slug}`}>
            <a href={questionLink(diagnosticId, th.questions[0]!)}>{q.submitIncompleteTheme(th.title, th.questions.length)}</a>
          </h3>
          <ul class="unanswered-list">
            {th.questions.map((x) => (
              <li>
                <a href={questionLink(diagnosticId, x)}>
                  {x.code} — {x.text}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** The next step, as the main button: start, continue at the first open question, or review the carried-over answers. */
function NextStep({ d, progress }: { d: DiagnosticRow; progress: Progress }) {
  const next = progress.next;
  if (!next) return <p>{progress.prefilled ? q.allAnsweredPrefilled(progress.prefilled) : q.allAnswered}</p>;
  if (progress.answered === 0) {
    return (
      <p class="next-step">
        <a class="button" href={questionLink(d.id, next)} aria-describedby="next-step-hint">
          {q.startAt}
        </a>{' '}
        <span class="hint" id="next-step-hint">
          {q.startAtHint(next.code, next.themeTitle)}
        </span>
      </p>
    );
  }
  const label = progress.unanswered.length ? q.continueAt(next.code, next.themeTitle) : q.reviewPrefilledAt(next.code, next.themeTitle);
  return (
    <>
      <p class="next-step">
        <a class="button" href={questionLink(d.id, next)}>
          {label}
        </a>
      </p>
      {!progress.unanswered.length && <p>{q.allAnsweredPrefilled(progress.prefilled)}</p>}
    </>
  );
}

function SubmitPanel({ p }: { p: OverviewProps }) {
  const d = p.diagnostic;
  const left = p.progress.unanswered.length;
  const action = `${diagnosticUrl(d.id)}/submit`;
  return (
    <section class="panel submit-panel" aria-labelledby="submit-title">
      <h2 id="submit-title">{q.submitTitle}</h2>
      <p>{q.submitIntro}</p>
      <div class="submit-row">
        {/* With questions left, the post shows them (no confirmation needed for a refusal). */}
        {left ? (
          <form method="post" action={action} class="inline">
            <CsrfField token={p.csrf} />
            <button type="submit" class="button" aria-describedby="submit-left">
              {q.submitButton}
            </button>
          </form>
        ) : (
          <ConfirmTrigger id="confirm-submit" action={action} csrf={p.csrf} label={q.submitButton} describedBy="submit-left" />
        )}
        <p class={left ? 'submit-left submit-left--open' : 'submit-left'} id="submit-left">
          {q.submitLeft(left)}
          {!left && p.progress.prefilled > 0 && <> {q.submitLeftPrefilled(p.progress.prefilled)}</>}
        </p>
      </div>
      {!left && (
        <ConfirmDialog id="confirm-submit" title={q.confirmSubmitTitle} action={action} csrf={p.csrf} confirmLabel={q.confirmSubmitButton} cancelLabel={q.confirmCancel}>
          <p>{q.confirmSubmitText(d.createdAt)}</p>
          {p.progress.prefilled > 0 && <p class="notice">{q.confirmSubmitPrefilled(p.progress.prefilled)}</p>}
        </ConfirmDialog>
      )}
    </section>
  );
}

function LifecyclePanel({ p }: { p: OverviewProps }) {
  const d = p.diagnostic;
  if (!p.canDelete && !p.canArchive) return null;
  return (
    <section class="panel lifecycle-panel no-print" aria-labelledby="lifecycle-title">
      <h2 id="lifecycle-title">{p.canDelete ? dr.deleteLink : dr.archiveTitle}</h2>
      {p.canDelete && (
        <>
          <p>{p.canArchive ? dr.deleteHintAdmin : dr.deleteHint}</p>
          <p>
            <a class="button button--secondary" href={`${diagnosticUrl(d.id)}/delete`}>
              {dr.deleteLink}
            </a>
          </p>
        </>
      )}
      {p.canArchive && d.status !== 'archived' && (
        <form method="post" action={`${diagnosticUrl(d.id)}/archive`}>
          <CsrfField token={p.csrf} />
          <p class="hint" id="archive-hint">
            {dr.archiveHint}
          </p>
          <button type="submit" class="button button--secondary" aria-describedby="archive-hint">
            {dr.archiveButton}
          </button>
        </form>
      )}
      {p.canArchive && d.status === 'archived' && (
        <form method="post" action={`${diagnosticUrl(d.id)}/unarchive`}>
          <CsrfField token={p.csrf} />
          <button type="submit" class="button button--secondary">
            {dr.restoreButton}
          </button>
        </form>
      )}
    </section>
  );
}

export function OverviewPage(p: OverviewProps) {
  const d = p.diagnostic;
  const status = t.common.diagnosticStatus[d.status];
  return (
    <section>
      <p class="breadcrumb">
        <a href={organisationUrl(p.org.id)}>{q.backToOrg(p.org.name)}</a>
      </p>
      <h1>
        {q.diagnosticOf(d.createdAt)} <StatusBadge status={d.status} label={status} />
      </h1>
      <p class="lead">{p.org.name}</p>
      {p.incomplete && p.incomplete.length > 0 && <IncompleteByTheme diagnosticId={d.id} incomplete={p.incomplete} />}
      {d.status === 'archived' && d.archivedAt && <p class="notice">{dr.archivedNotice(d.archivedAt, p.archiverName ?? null, t.common.diagnosticStatus[d.archivedFrom ?? 'submitted'])}</p>}
      {!p.org.active ? (
        <p class="notice">{t.common.readOnlyOrganisation}</p>
      ) : (
        !p.editable &&
        d.status !== 'archived' && (
          <p class="notice">
            {q.readOnly(status)} {canTransition(d.status, 'requestChanges') && q.readOnlyReopen}
          </p>
        )
      )}
      {d.status === 'changes_requested' && <p class="notice">{q.changesRequested}</p>}
      <dl class="details">
        <dt>{q.status}</dt>
        <dd>{status}</dd>
        <dt>{q.mode}</dt>
        <dd>{q.modes[d.mode]}</dd>
        <dt>{q.referential}</dt>
        <dd>{p.referentialLabel}</dd>
        <dt>{q.openedLabel}</dt>
        <dd>{q.createdBy(p.creatorName, d.createdAt)}</dd>
        {d.submittedAt && (
          <>
            <dt>{q.submissionLabel}</dt>
            <dd>{q.submittedBy(p.submitterName, d.submittedAt)}</dd>
          </>
        )}
        {p.previous && (
          <>
            <dt>{q.previous}</dt>
            <dd>
              <a href={diagnosticUrl(p.previous.id)}>{q.diagnosticOf(p.previous.createdAt)}</a>
            </dd>
          </>
        )}
        <dt>{q.participants}</dt>
        <dd>
          {d.participants.length ? (
            <ul class="participants">
              {d.participants.map((x) => (
                <li>
                  {x.name} <span class="muted">— {q.participantRoles[x.role] ?? x.role}</span>
                </li>
              ))}
            </ul>
          ) : (
            q.participantsNone
          )}
        </dd>
      </dl>
      <p class="actions-row">
        <a class="button button--secondary" href={`/diagnostics/${d.id}/results`}>
          {q.resultsLink}
        </a>
        <a class="button button--secondary" href={`/diagnostics/${d.id}/plan`}>
          {q.planLink}
        </a>
      </p>
      {p.review && <ReviewPanel review={p.review} />}
      <h2>{q.progressOverall}</h2>
      <ProgressBar hideCaption caption={q.progressOverall} answered={p.progress.answered} applicable={p.progress.applicable} prefilled={p.progress.prefilled} />
      {p.editable && <NextStep d={d} progress={p.progress} />}
      <h2>{q.themes}</h2>
      <ul class="cards theme-cards">
        {p.progress.themes.map((th) => {
          const label = !p.editable ? q.themeView : th.answered === 0 ? q.themeStart : th.answered === th.applicable && !th.prefilled ? q.themeReview : q.themeContinue;
          const href = p.editable && th.next ? questionUrl(d.id, th.slug, th.next) : themeUrl(d.id, th.slug);
          return (
            <li class="card">
              <h3>
                <a href={themeUrl(d.id, th.slug)}>{th.title}</a>
              </h3>
              <ProgressBar hideCaption slug={th.slug} caption={q.progressAria(th.title)} answered={th.answered} applicable={th.applicable} prefilled={th.prefilled} />
              <ThemeRemarksLine review={p.review} slug={th.slug} />
              <p class="theme-card__left">
                <ThemeLeft tp={th} />
              </p>
              <p>
                <a href={href} aria-label={`${label} : ${th.title}`}>
                  {label}
                </a>
              </p>
            </li>
          );
        })}
      </ul>
      {p.editable && <SubmitPanel p={p} />}
      <LifecyclePanel p={p} />
    </section>
  );
}
