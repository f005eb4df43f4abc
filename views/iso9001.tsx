// The ISO 9001 gap analysis of a diagnostic, clause by clause, then the same reading by ISO 26000
// core subject. Printable as it is (print styles in app.css); the spreadsheet and the PDF annex
// carry the same content.
import { t } from '../src/i18n/index.ts';
import { fileSize } from '../src/i18n/fr/evidence.ts';
import { ISO9001_GROUP_LABELS } from '../src/scoring/iso9001.ts';
import type { GapRequirement, GapStatus } from '../src/scoring/gap-analysis.ts';
import type { GapReport } from '../src/certification/report.ts';
import { evidenceFileUrl, iso9001XlsxUrl, planPdfUrl, resultsUrl } from '../src/web/urls.ts';
import { TableRegion } from './table.tsx';

const I = t.certification.iso;
const S = t.certification;

const BADGE: Record<GapStatus, string> = {
  couvert: 'badge badge--ok',
  partiel: 'badge badge--warn',
  'a-construire': 'badge badge--danger',
  'sans-reponse': 'badge badge--muted',
  'non-informe': 'badge badge--muted',
};

export function StatusBadge({ status }: { status: GapStatus }) {
  return <span class={BADGE[status]}>{S.statuses[status]}</span>;
}

function anchor(id: string): string {
  return `exigence-${id.replace(/[^a-z0-9]+/gi, '-')}`;
}

/** Actions listed inline under a requirement; more fold under their count. */
const ACTIONS_INLINE_MAX = 3;

function Requirement({ r, diagnosticId, heading, children }: { r: GapRequirement; diagnosticId: string; heading: string; children?: unknown }) {
  return (
    <article class={`gap gap--${r.status}`} id={anchor(r.id)} aria-labelledby={`${anchor(r.id)}-t`}>
      <h3 id={`${anchor(r.id)}-t`} class="gap__title">
        <span>{heading}</span> <StatusBadge status={r.status} />
      </h3>
      {children}
      <p class={`gap__reasons gap__reasons--${r.status}`}>{S.reasons(r.reasons)}</p>
      {/* Folded: the reasons above sum the levels up, and the page lists some sixty requirements
          (120,000 px on a phone with every table open). Printed, every table shows. */}
      {r.questions.length > 0 && (
        <details class="results-details gap__details">
          <summary>{I.questionsOf(r.questions.length)}</summary>
        <TableRegion label={`${I.questions} — ${heading}`}>
          <table class="gap__questions stack">
            <caption class="visually-hidden">{`${I.questions} — ${heading}`}</caption>
            <thead>
              <tr>
                <th scope="col">{t.certification.progress.question}</th>
                <th scope="col">{I.level}</th>
                <th scope="col">{I.comment}</th>
                <th scope="col">{I.evidence}</th>
              </tr>
            </thead>
            <tbody>
              {r.questions.map((q) => (
                <tr>
                  <th scope="row">
                    <span class="question__code">{q.code}</span> {q.text}
                    {q.via && <span class="muted"> ({I.via(q.via)})</span>}
                  </th>
                  <td class="gap__level" data-label={I.level}>
                    {S.level(q.level)}
                  </td>
                  <td data-label={I.comment}>{q.comment || <span class="muted">—</span>}</td>
                  <td data-label={I.evidence}>
                    {q.evidence.length ? (
                      <ul class="plain-list">
                        {q.evidence.map((e) => (
                          <li>
                            <a href={evidenceFileUrl(diagnosticId, e.id)} download={e.name}>
                              {e.name}
                            </a>{' '}
                            <span class="muted">({fileSize(e.size)})</span>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <span class="muted">{I.noEvidence}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
        </details>
      )}
      {r.actions.length > ACTIONS_INLINE_MAX ? (
        // A long list of actions folds too, under its count.
        <details class="results-details gap__details gap__actions">
          <summary>{I.actionsOf(r.actions.length)}</summary>
          <ul class="plain-list">
            {r.actions.map((a) => (
              <li>
                {a.title} <span class="muted">({S.actionStatus[a.status] ?? a.status})</span>
              </li>
            ))}
          </ul>
        </details>
      ) : (
        <p class="gap__actions">
          <strong>{I.actions}&nbsp;:</strong>{' '}
          {r.actions.length ? r.actions.map((a, i) => <>{i > 0 && '\u202f; '}{a.title} <span class="muted">({S.actionStatus[a.status] ?? a.status})</span></>) : <span class="muted">{I.noAction}</span>}
        </p>
      )}
    </article>
  );
}

export interface GapPageProps {
  diagnosticId: string;
  report: GapReport;
}

export function GapPage({ diagnosticId, report }: GapPageProps) {
  let group = '';
  return (
    <section class="gap-page">
      <p class="breadcrumb no-print">
        <a href={resultsUrl(diagnosticId)}>{I.backToResults}</a>
      </p>
      <h1>{I.title}</h1>
      <p class="lead">
        {report.organisation.name} — {report.referentialLabel}
      </p>
      <p>{I.intro}</p>
      <ul class="actions-bar no-print">
        <li>
          <a class="button button--secondary" href={iso9001XlsxUrl(diagnosticId)}>
            {I.download}
          </a>
        </li>
        <li>
          <a class="button button--secondary" href={planPdfUrl(diagnosticId, { iso9001Annex: true })}>
            {I.pdfAnnex}
          </a>
        </li>
        <li>
          <button type="button" class="button button--secondary js-only" data-print="">
            {I.print}
          </button>
        </li>
      </ul>
      <nav aria-label={I.summary} class="no-print">
        <ul class="plain-list">
          <li>
            <a href="#iso9001">{I.byClause}</a>
          </li>
          <li>
            <a href="#iso26000">{I.bySubject}</a>
          </li>
        </ul>
      </nav>
      <details class="gap-rules">
        <summary>{I.rulesTitle}</summary>
        <ul>
          {I.rules.map((rule) => (
            <li>{rule}</li>
          ))}
        </ul>
      </details>

      <h2 id="iso9001">{I.byClause}</h2>
      <p class="gap-summary">{I.countsLine(report.iso9001.counts)}.</p>
      {report.iso9001.rows.map((r) => {
        const head = r.clause.group !== group;
        group = r.clause.group;
        return (
          <>
            {head && <h2 class="gap-group">{I.group(r.clause.group, ISO9001_GROUP_LABELS[r.clause.group])}</h2>}
            <Requirement r={r} diagnosticId={diagnosticId} heading={`${r.id} ${r.clause.title}`}>
              <p class="gap__expects">
                <strong>{I.expects}&nbsp;:</strong> {r.clause.expects}
                {r.clause.climate2024 && (
                  <>
                    {' '}
                    <span class="badge badge--brand">{I.climate}</span>
                  </>
                )}
              </p>
              {r.clause.documented && (
                <p class="gap__documented">
                  <strong>{I.documented}&nbsp;:</strong> {r.clause.documented}
                </p>
              )}
            </Requirement>
          </>
        );
      })}

      <h2 id="iso26000">{I.rseTitle}</h2>
      <p>{I.rseIntro}</p>
      <p class="gap-summary">{I.countsLine(report.iso26000.counts)}.</p>
      {report.iso26000.rows.map((r) => (
        <Requirement r={r} diagnosticId={diagnosticId} heading={r.title} />
      ))}
    </section>
  );
}
