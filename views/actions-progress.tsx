// « Actions faites → progrès constatés » on the results page, and, for consultants, the services
// of the region whose actions are most often followed by progress. Descriptive: both say so.
import { t } from '../src/i18n/index.ts';
import { frenchDate } from '../src/dates.ts';
import type { ActionsProgress, MoveKind, ServicesFollowUp } from '../src/scoring/actions-progress.ts';
import { TableRegion } from './table.tsx';

const P = t.certification.progress;
const S = t.certification;
const LISTED: MoveKind[] = ['with-action-progress', 'with-action-no-progress', 'moved-without-action'];
/** A list this short stays open. */
const OPEN_ROWS_MAX = 3;

function score(v: number | null): string {
  return v === null ? '—' : `${Math.round(v)}\u202f%`;
}

export function ActionsProgressSection({ progress, previousStartedAt }: { progress: ActionsProgress; previousStartedAt: Date }) {
  return (
    <section class="results-progress" aria-labelledby="progres">
      <h2 id="progres">{P.title}</h2>
      <p>{P.intro(frenchDate(previousStartedAt))}</p>
      {!progress.questions.length ? (
        <>
          <p class="notice">{P.none}</p>
          {progress.notYetReviewed > 0 && <p class="muted">{P.notYetReviewed(progress.notYetReviewed)}</p>}
        </>
      ) : (
        <>
          <p>
            <strong>{P.counts(progress.counts, progress.completed)}</strong>
          </p>
          {LISTED.map((kind) => {
            const moves = progress.questions.filter((m) => m.kind === kind);
            if (!moves.length) return null;
            // Folded past a few rows: the counts above say what each list holds, and on a phone
            // each row is a card (the Terrils' lists made the page 15,000 px tall at 375 px).
            return (
              <details class="results-details progress-kind" open={moves.length <= OPEN_ROWS_MAX}>
                <summary>{`${P.kinds[kind]} (${moves.length})`}</summary>
              <TableRegion label={`${P.kinds[kind]} (${moves.length})`}>
                <table class={`progress-table progress-table--${kind} stack`}>
                  <caption class="visually-hidden">{`${P.kinds[kind]} (${moves.length})`}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{P.question}</th>
                      <th scope="col" class="num">{P.before}</th>
                      <th scope="col" class="num">{P.after}</th>
                      <th scope="col" class="num">{P.change}</th>
                      <th scope="col">{P.actions}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {moves.map((m) => (
                      <tr>
                        <th scope="row">
                          <span class="question__code">{m.code}</span> {m.text}
                        </th>
                        <td class="num" data-label={P.before}>
                          {m.before}
                        </td>
                        <td class="num" data-label={P.after}>
                          {m.after}
                        </td>
                        <td class="num" data-label={P.change}>
                          <span aria-hidden="true">{P.delta(m.delta)}</span>
                          <span class="visually-hidden">{P.deltaLabel(m.delta)}</span>
                        </td>
                        <td data-label={P.actions}>
                          {m.actions.length ? (
                            <ul class="plain-list">
                              {m.actions.map((a) => (
                                <li>
                                  {a.title} <span class="muted">({P.completedOn(frenchDate(new Date(a.completedAt)))})</span>
                                </li>
                              ))}
                            </ul>
                          ) : (
                            <span class="muted">—</span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
              </details>
            );
          })}
          {progress.notYetReviewed > 0 && <p class="muted">{P.notYetReviewed(progress.notYetReviewed)}</p>}
          {progress.actionsNotCompared.length > 0 && <p class="muted">{P.notCompared(progress.actionsNotCompared.length)}</p>}
          <details class="results-details">
            <summary>{P.criteria}</summary>
            <TableRegion label={P.criteria}>
              <table class="stack">
                <caption class="visually-hidden">{P.criteria}</caption>
                <thead>
                  <tr>
                    <th scope="col">{P.criterion}</th>
                    <th scope="col" class="num">{P.before}</th>
                    <th scope="col" class="num">{P.after}</th>
                    <th scope="col" class="num">{P.actions}</th>
                  </tr>
                </thead>
                <tbody>
                  {progress.criteria
                    .filter((c) => c.before !== null || c.after !== null)
                    .map((c) => (
                      <tr>
                        <th scope="row">
                          {c.code} {c.title}
                        </th>
                        <td class="num" data-label={P.before}>
                          {score(c.before)}
                        </td>
                        <td class="num" data-label={P.after}>
                          {score(c.after)}
                        </td>
                        <td class="num" data-label={P.actions}>
                          {c.actions}
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </TableRegion>
          </details>
        </>
      )}
    </section>
  );
}

export function ServicesFollowUpSection({ data, serviceNames }: { data: ServicesFollowUp; serviceNames: ReadonlyMap<string, string> }) {
  const R = S.region;
  return (
    <section>
      <p>{R.intro}</p>
      <p class="muted">
        {R.base(data.structures)} {R.threshold(data.minStructures)}
      </p>
      {data.rows.length ? (
        <TableRegion label={R.caption}>
          <table class="stack">
            <caption class="visually-hidden">{R.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{R.service}</th>
                <th scope="col" class="num">{R.actions}</th>
                <th scope="col" class="num">{R.followed}</th>
                <th scope="col" class="num">{R.structures}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr>
                  <th scope="row">{serviceNames.get(r.service) ?? r.service}</th>
                  <td class="num" data-label={R.actions}>
                    {r.actions}
                  </td>
                  <td class="num" data-label={R.followed}>
                    {R.share(r.followedByProgress, r.actions)}
                  </td>
                  <td class="num" data-label={R.structures}>
                    {r.structures}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <p class="notice">{R.empty}</p>
      )}
      {data.hidden > 0 && <p class="muted">{R.hidden(data.hidden)}</p>}
    </section>
  );
}
