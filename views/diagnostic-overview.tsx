// The overview of one diagnostic: status, participants, progress per theme, where to continue,
// links to results and plan, and the submit form (with the list of what is left when refused).
import { t } from '../src/i18n/index.ts';
import { canTransition } from '../src/diagnostics/status.ts';
import type { DiagnosticRow } from '../src/db/diagnostics.ts';
import type { OpenQuestion, Progress } from '../src/questionnaire/progress.ts';
import { CsrfField } from './forms.tsx';
import { ProgressBar, StatusBadge } from './diagnostic-progress.tsx';
import { questionUrl, themeUrl } from '../src/web/urls.ts';
import { ReviewPanel, type ReviewView } from './review.tsx';

const q = t.questionnaire;

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

export function OverviewPage(p: OverviewProps) {
  const d = p.diagnostic;
  const status = t.common.diagnosticStatus[d.status];
  return (
    <section>
      <p class="breadcrumb">
        <a href={`/organisations/${p.org.id}`}>{q.backToOrg(p.org.name)}</a>
      </p>
      <h1>
        {q.diagnosticOf(d.createdAt)} <StatusBadge status={d.status} label={status} />
      </h1>
      <p class="lead">{p.org.name}</p>
      {p.incomplete && p.incomplete.length > 0 && (
        <div class="error-summary" role="alert" tabindex={-1}>
          <h2>{q.submitIncomplete(p.incomplete.length)}</h2>
          <p>{q.submitIncompleteHint}</p>
          <ul class="unanswered-list">
            {p.incomplete.map((x) => (
              <li>
                <a href={questionLink(d.id, x)}>
                  {x.code} — {x.text}
                </a>{' '}
                <span class="muted">({x.themeTitle})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {!p.org.active ? (
        <p class="notice">{t.common.readOnlyOrganisation}</p>
      ) : (
        !p.editable && (
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
              <a href={`/diagnostics/${p.previous.id}`}>{q.diagnosticOf(p.previous.createdAt)}</a>
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
      {p.editable && p.progress.next && (
        <p>
          <a class="button" href={questionLink(d.id, p.progress.next)}>
            {q.continueAt(p.progress.next.code, p.progress.next.themeTitle)}
          </a>
        </p>
      )}
      {p.editable && !p.progress.unanswered.length && <p>{p.progress.prefilled ? q.allAnsweredPrefilled(p.progress.prefilled) : q.allAnswered}</p>}
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
              <p>
                <a href={href} aria-label={`${label} : ${th.title}`}>
                  {label}
                </a>
              </p>
            </li>
          );
        })}
      </ul>
      {p.editable && (
        <section class="panel submit-panel" aria-labelledby="submit-title">
          <h2 id="submit-title">{q.submitTitle}</h2>
          <p>{q.submitIntro}</p>
          <form method="post" action={`/diagnostics/${d.id}/submit`}>
            <CsrfField token={p.csrf} />
            <button type="submit" class="button">
              {q.submitButton}
            </button>
          </form>
        </section>
      )}
    </section>
  );
}
