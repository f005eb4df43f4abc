// The diagnostics section of an organisation's page: the open diagnostic first (where to continue,
// and deleting it for whoever may), the list with status, dates and links, and the form to start a
// new one (mode, participants, optional starting point) — only while none is open.
import { t } from '../src/i18n/index.ts';
import type { DiagnosticRow } from '../src/db/diagnostics.ts';
import { DIAGNOSTIC_MODES, PARTICIPANT_ROLES } from '../src/diagnostics/status.ts';
import { CsrfField, ErrorSummary, type FieldErrors } from './forms.tsx';
import { StatusBadge } from './diagnostic-progress.tsx';
import { TableRegion } from './table.tsx';
import { MAX_LENGTH } from '../src/validation/limits.ts';
import type { Progress } from '../src/questionnaire/progress.ts';
import { diagnosticUrl, questionUrl } from '../src/web/urls.ts';

const dr = t.drafts;

const q = t.questionnaire;

export interface StartFormValues {
  mode: string;
  names: string[];
  roles: string[];
  from: string;
}

export interface DiagnosticListItem {
  diagnostic: DiagnosticRow;
  answered: number;
  applicable: number;
}

/**
 * The date beside the status badge: « le … » when the badge already names the event (« Soumis le »,
 * « Validé le »), the submission date otherwise (« Modifications demandées, soumis le … »).
 */
function statusDate(d: DiagnosticRow): string | null {
  if (d.status === 'validated' && d.validatedAt) return q.statusOn(d.validatedAt);
  if (d.status === 'submitted' && d.submittedAt) return q.statusOn(d.submittedAt);
  return d.submittedAt ? q.submittedOn(d.submittedAt) : null;
}

/** An open diagnostic on its structure's page: where it stands, where to go on, who may delete it. */
export interface OpenItem {
  diagnostic: DiagnosticRow;
  progress: Progress;
  canDelete: boolean;
}

/** The way into an open diagnostic: « Commencer » before any answer, else where it stopped. */
export function ContinueLink({ diagnosticId, progress, small }: { diagnosticId: string; progress: Progress; small?: boolean }) {
  const next = progress.next;
  const cls = small ? 'button button--small' : 'button';
  if (!next) return <a class={cls} href={diagnosticUrl(diagnosticId)}>{q.linkOverview}</a>;
  const label = progress.answered === 0 ? q.startAt : progress.unanswered.length ? q.continueAt(next.code, next.themeTitle) : q.reviewPrefilledAt(next.code, next.themeTitle);
  return (
    <a class={cls} href={questionUrl(diagnosticId, next.themeSlug, next.code)}>
      {label}
    </a>
  );
}

export function OpenDiagnostics({ items }: { items: OpenItem[] }) {
  if (!items.length) return null;
  return (
    <section class="panel open-diagnostics" aria-labelledby="open-title">
      <h2 id="open-title">{dr.openTitle}</h2>
      {items.length > 1 ? <p class="notice">{dr.severalOpen(items.length)}</p> : <p>{dr.openOne(items[0]!.diagnostic.createdAt)}</p>}
      <ul class="open-list">
        {items.map(({ diagnostic: d, progress, canDelete }) => (
          <li>
            <p>
              <a href={diagnosticUrl(d.id)}>{q.diagnosticOf(d.createdAt)}</a> <StatusBadge status={d.status} label={t.common.diagnosticStatus[d.status]} />{' '}
              <span class="muted">— {dr.openLine(progress.answered, progress.applicable)}</span>
            </p>
            <p class="actions-row">
              <ContinueLink diagnosticId={d.id} progress={progress} />
              {canDelete && (
                <a href={`${diagnosticUrl(d.id)}/delete`}>{dr.deleteLinkOf(d.createdAt)}</a>
              )}
            </p>
          </li>
        ))}
      </ul>
      <p class="hint">{dr.oneAtATime}</p>
    </section>
  );
}

export function DiagnosticTable({ items }: { items: DiagnosticListItem[] }) {
  if (!items.length) return <p>{q.listEmpty}</p>;
  return (
    <TableRegion label={q.listTitle}>
      <table class="stack">
        <caption class="visually-hidden">{q.listTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{q.colStarted}</th>
            <th scope="col">{q.colMode}</th>
            <th scope="col">{q.colStatus}</th>
            <th scope="col">{q.colProgress}</th>
            <th scope="col" class="num">
              {q.colScore}
            </th>
            <th scope="col">{q.colLinks}</th>
          </tr>
        </thead>
        <tbody>
          {items.map(({ diagnostic: d, answered, applicable }) => (
            <tr>
              <th scope="row">
                <a href={`/diagnostics/${d.id}`}>{q.diagnosticOf(d.createdAt)}</a>
              </th>
              <td data-label={q.colMode}>{q.modes[d.mode]}</td>
              <td data-label={q.colStatus}>
                <StatusBadge status={d.status} label={t.common.diagnosticStatus[d.status]} />
                {statusDate(d) && <span class="muted"> {statusDate(d)}</span>}
              </td>
              <td class="nowrap" data-label={q.colProgress}>
                {q.progressLabel(answered, applicable)}
              </td>
              <td class="num" data-label={q.colScore}>
                {d.overallScore === null ? t.common.none : q.percent(d.overallScore)}
              </td>
              <td data-label={q.colLinks}>
                <ul class="inline-links">
                  <li>
                    <a href={`/diagnostics/${d.id}`} aria-label={`${q.linkOverview} — ${q.diagnosticOf(d.createdAt)}`}>
                      {q.linkOverview}
                    </a>
                  </li>
                  <li>
                    <a href={`/diagnostics/${d.id}/results`} aria-label={`${q.linkResults} — ${q.diagnosticOf(d.createdAt)}`}>
                      {q.linkResults}
                    </a>
                  </li>
                  <li>
                    <a href={`/diagnostics/${d.id}/plan`} aria-label={`${q.linkPlan} — ${q.diagnosticOf(d.createdAt)}`}>
                      {q.linkPlan}
                    </a>
                  </li>
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

export function StartDiagnosticForm(p: { csrf: string; orgId: string; candidates: DiagnosticRow[]; values: StartFormValues; errors: FieldErrors }) {
  const rows = Math.max(5, p.values.names.filter(Boolean).length + 2);
  const err = p.errors;
  return (
    <section class="panel start-diagnostic" aria-labelledby="start-title">
      <h2 id="start-title">{q.newTitle}</h2>
      <p>{q.newIntro}</p>
      <ErrorSummary errors={err} labels={{ mode: q.mode, participants: q.participants, from: q.from }} targets={{ mode: 'f-mode-0', participants: 'f-pname-0' }} />
      <form method="post" action={`/organisations/${p.orgId}/diagnostics`} class="form" novalidate>
        <CsrfField token={p.csrf} />
        <fieldset class={err.mode ? 'field field--error' : 'field'} id="f-mode" aria-describedby={err.mode ? 'f-mode-error' : undefined}>
          <legend>{q.mode}</legend>
          {err.mode && (
            <p class="field-error" id="f-mode-error">
              {err.mode}
            </p>
          )}
          <div class="choices">
            {DIAGNOSTIC_MODES.map((m) => (
              <label class="choice">
                <input type="radio" id={`f-mode-${DIAGNOSTIC_MODES.indexOf(m)}`} name="mode" value={m} checked={p.values.mode === m} /> {q.modes[m]} <span class="muted">({q.modeHints[m]})</span>
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset
          class={err.participants ? 'field field--error' : 'field'}
          id="f-participants"
          aria-describedby={['f-participants-hint', err.participants ? 'f-participants-error' : ''].filter(Boolean).join(' ')}
        >
          <legend>{q.participants}</legend>
          <p class="hint" id="f-participants-hint">
            {q.participantsHint}
          </p>
          {err.participants && (
            <p class="field-error" id="f-participants-error">
              {err.participants}
            </p>
          )}
          <div class="participant-rows">
            {Array.from({ length: rows }, (_, i) => (
              <div class="participant-row">
                <label class="visually-hidden" for={`f-pname-${i}`}>
                  {q.participantName(i + 1)}
                </label>
                <input type="text" id={`f-pname-${i}`} name="participantName" value={p.values.names[i] ?? ''} maxlength={MAX_LENGTH.personName} autocomplete="off" placeholder={q.participantName(i + 1)} />
                <label class="visually-hidden" for={`f-prole-${i}`}>
                  {q.participantRole(i + 1)}
                </label>
                <select id={`f-prole-${i}`} name="participantRole">
                  <option value="">{q.participantRole(i + 1)}</option>
                  {PARTICIPANT_ROLES.map((r) => (
                    <option value={r} selected={p.values.roles[i] === r}>
                      {q.participantRoles[r]}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
        </fieldset>
        {p.candidates.length > 0 && (
          <div class={err.from ? 'field field--error' : 'field'}>
            <label for="f-from">{q.from}</label>
            <p class="hint" id="f-from-hint">
              {q.fromHint}
            </p>
            {err.from && (
              <p class="field-error" id="f-from-error">
                {err.from}
              </p>
            )}
            <select id="f-from" name="from" aria-describedby={['f-from-hint', err.from ? 'f-from-error' : ''].filter(Boolean).join(' ')}>
              <option value="">{q.fromEmpty}</option>
              {p.candidates.map((d) => (
                <option value={d.id} selected={p.values.from === d.id}>
                  {q.fromOption(d.createdAt, t.common.diagnosticStatus[d.status])}
                </option>
              ))}
            </select>
          </div>
        )}
        <button type="submit" class="button">
          {q.startButton}
        </button>
      </form>
    </section>
  );
}

export function OrganisationDiagnostics(p: { items: DiagnosticListItem[]; open: OpenItem[]; start?: Parameters<typeof StartDiagnosticForm>[0] }) {
  return (
    <section class="organisation-diagnostics" aria-labelledby="diagnostics-title">
      <h2 id="diagnostics-title">{q.listTitle}</h2>
      <OpenDiagnostics items={p.open} />
      <DiagnosticTable items={p.items} />
      {p.start && !p.open.length && <StartDiagnosticForm {...p.start} />}
    </section>
  );
}
