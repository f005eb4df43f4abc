// The federation's dashboard: filters (a GET form), the sortable table of organisations (plain
// links), and the picture of the selection. Everything works without JavaScript.
import { t } from '../src/i18n/index.ts';
import type { FederationData, FederationRow, RegionPicture } from '../src/db/federation.ts';
import { BAND_FILTERS, federationParams, PROGRESS_FILTERS, STATUS_FILTERS, type FederationQuery, type SortKey } from '../src/federation/query.ts';
import { KeysetPager } from './pager.tsx';
import { calendarDaysBetween } from '../src/dates.ts';
import type { ThemeHead } from '../src/web/federation.ts';
import { STRUCTURE_TYPES } from '../src/referential/schema.ts';
import { BANDS } from '../src/scoring/index.ts';
import { TableRegion } from './table.tsx';

const f = t.federation;

/** The dashboard's URL for a query, with some parameters changed; empty ones left out, the page only when given. */
export function federationHref(base: string, q: FederationQuery, change: Partial<FederationQuery> = {}): string {
  const s = federationParams(q, change).toString();
  return s ? `${base}?${s}` : base;
}

const STATUS_BADGE: Record<string, string> = {
  draft: 'badge badge--muted',
  submitted: 'badge badge--brand',
  changes_requested: 'badge badge--warn',
  validated: 'badge badge--ok',
};

function Filters({ q, regions, showRegion }: { q: FederationQuery; regions: string[]; showRegion: boolean }) {
  return (
    <form method="get" action="/federation" class="panel filters" aria-labelledby="filters-title">
      <h2 id="filters-title" class="filters__title">
        {f.filtersTitle}
      </h2>
      <div class="filters__fields">
        <div class="field filters__search">
          <label for="f-q">{f.searchLabel}</label>
          <p class="hint" id="f-q-hint">
            {f.searchHint}
          </p>
          <input id="f-q" name="q" type="search" value={q.q ?? ''} maxlength={100} aria-describedby="f-q-hint" autocomplete="off" />
        </div>
        {showRegion && (
          <div class="field">
            <label for="f-region">{f.filterRegion}</label>
            <select id="f-region" name="region">
              <option value="">{f.filterAll}</option>
              {regions.map((r) => (
                <option value={r} selected={q.region === r}>
                  {r}
                </option>
              ))}
            </select>
          </div>
        )}
        <div class="field">
          <label for="f-type">{f.filterType}</label>
          <select id="f-type" name="type">
            <option value="">{f.filterAll}</option>
            {STRUCTURE_TYPES.map((ty) => (
              <option value={ty} selected={q.type === ty}>
                {t.common.structureTypes[ty] ?? ty}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-status">{f.filterStatus}</label>
          <select id="f-status" name="status">
            <option value="">{f.filterAll}</option>
            {STATUS_FILTERS.map((s) => (
              <option value={s} selected={q.status === s}>
                {f.statusFilters[s]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-band">{f.filterBand}</label>
          <select id="f-band" name="band">
            <option value="">{f.filterAll}</option>
            {BAND_FILTERS.map((b) => (
              <option value={b} selected={q.band === b}>
                {b === 'none' ? f.bandNone : (BANDS.find((x) => x.id === b)?.label ?? b)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-progress">{f.filterProgress}</label>
          <select id="f-progress" name="progress">
            <option value="">{f.filterAll}</option>
            {PROGRESS_FILTERS.map((pr) => (
              <option value={pr} selected={q.progress === pr}>
                {f.progressFilters[pr]}
              </option>
            ))}
          </select>
        </div>
        <div class="field field--checkbox">
          <input id="f-overdue" name="overdue" type="checkbox" value="1" checked={!!q.overdue} />
          <label for="f-overdue">{f.filterOverdue}</label>
        </div>
        {q.sort !== 'name' || q.dir !== 'asc' ? (
          <>
            <input type="hidden" name="sort" value={q.sort} />
            <input type="hidden" name="dir" value={q.dir} />
          </>
        ) : null}
      </div>
      <div class="actions-row">
        <button type="submit" class="button">
          {f.filterApply}
        </button>
        <a href="/federation">{f.filterReset}</a>
      </div>
    </form>
  );
}

function SortHeader({ q, col, numeric }: { q: FederationQuery; col: SortKey; numeric?: boolean }) {
  const label = f.col[col];
  const active = q.sort === col;
  // A first click sorts numbers from the highest (what a consultant looks for), names from A.
  const firstDir = numeric ? 'desc' : 'asc';
  const dir = active ? (q.dir === 'asc' ? 'desc' : 'asc') : firstDir;
  return (
    <th scope="col" class={numeric ? 'num' : undefined} aria-sort={active ? (q.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <a href={federationHref('/federation', q, { sort: col, dir })} class="sort-link">
        {label}
        {active && <span aria-hidden="true">{q.dir === 'asc' ? ' ▲' : ' ▼'}</span>}
        {active && <span class="visually-hidden"> ({q.dir === 'asc' ? f.sortedAsc : f.sortedDesc})</span>}
      </a>
    </th>
  );
}

function Progress({ done, total }: { done: number; total: number }) {
  if (!total) return <span class="muted">{f.noActions}</span>;
  const pct = Math.round((done / total) * 100);
  return (
    <div class="progress">
      <span class="progress__bar" aria-hidden="true">
        <span class={done === total ? 'progress__fill progress__fill--ok' : 'progress__fill'} style={`width:${pct}%`}></span>
      </span>
      <span class="progress__label">{f.progress(done, total)}</span>
    </div>
  );
}

function Pending({ r, now }: { r: FederationRow; now: Date }) {
  const first = r.pending[0];
  if (!first) return null;
  const days = calendarDaysBetween(first.submittedAt, now);
  return (
    <>
      <a href={`/diagnostics/${first.id}`} class="badge badge--brand" aria-label={`${f.pendingLink(f.date(first.submittedAt))}, ${f.pendingSince(days)}`}>
        {f.pendingSince(days)}
      </a>
      {r.pending.length > 1 && <span class="muted"> {f.pendingOther(r.pending.length - 1)}</span>}
    </>
  );
}

function Row({ r, now }: { r: FederationRow; now: Date }) {
  const d = r.latest;
  return (
    <tr>
      <th scope="row">
        <a href={`/organisations/${r.organisationId}`}>{r.name}</a>
        {r.stale && (
          <>
            {' '}
            <span class="badge badge--warn">{f.staleFlag}</span>
          </>
        )}
      </th>
      <td data-label={f.col.types}>{r.types.join(', ')}</td>
      <td data-label={f.col.region}>{r.region}</td>
      <td data-label={f.col.status}>
        {d ? (
          <a href={`/diagnostics/${d.id}`} class={STATUS_BADGE[d.status]}>
            {t.common.diagnosticStatus[d.status]}
          </a>
        ) : (
          <span class="muted">{f.noDiagnostic}</span>
        )}
      </td>
      <td class="nowrap" data-label={f.col.date}>{d ? f.shortDate(d.createdAt) : ''}</td>
      <td class="num nowrap" data-label={f.col.score}>
        {d && d.overall !== null ? (
          <>
            {f.pct(d.overall)}
            {d.provisional && (
              <span class="muted" title={f.provisionalHint}>
                {' '}
                ({f.provisional})
              </span>
            )}
          </>
        ) : (
          t.common.none
        )}
      </td>
      <td data-label={f.col.progress}>{d ? <Progress done={r.actionsDone} total={r.actionsTotal} /> : ''}</td>
      <td class={r.overdue ? 'num overdue' : 'num'} data-label={f.col.overdue}>{d ? r.overdue : ''}</td>
      <td data-label={f.col.pending}>
        <Pending r={r} now={now} />
      </td>
    </tr>
  );
}

export function FederationTable({ rows, q, now }: { rows: FederationRow[]; q: FederationQuery; now: Date }) {
  if (!rows.length) return <p>{f.empty}</p>;
  return (
    <TableRegion label={f.tableCaption}>
      <table class="federation-table stack stack--sortable">
        <caption class="visually-hidden">
          {f.tableCaption}. {f.sortHint}
        </caption>
        <thead>
          <tr data-label={f.sortLabel}>
            <SortHeader q={q} col="name" />
            <th scope="col">{f.col.types}</th>
            <SortHeader q={q} col="region" />
            <SortHeader q={q} col="status" />
            <SortHeader q={q} col="date" numeric />
            <SortHeader q={q} col="score" numeric />
            <SortHeader q={q} col="progress" numeric />
            <SortHeader q={q} col="overdue" numeric />
            <SortHeader q={q} col="pending" />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <Row r={r} now={now} />
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

const score = (x: number | null | undefined) => (x === null || x === undefined ? t.common.none : f.pct(x));

export function Picture({ p, themes }: { p: RegionPicture; themes: ThemeHead[] }) {
  return (
    <section aria-labelledby="picture-title" class="picture">
      <h2 id="picture-title">{f.pictureTitle}</h2>
      {p.diagnosed === 0 ? (
        <p>{f.pictureEmpty}</p>
      ) : (
        <>
          <p class="lead">{f.pictureIntro(p.organisations, p.diagnosed)}</p>
          <h3>{f.byTypeTitle}</h3>
          <TableRegion label={f.byTypeCaption}>
            <table class="stack">
              <caption class="visually-hidden">{f.byTypeCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{f.typeCol}</th>
                  <th scope="col" class="num">
                    {f.countCol}
                  </th>
                  <th scope="col" class="num">
                    {f.overallCol}
                  </th>
                  {themes.map((th) => (
                    <th scope="col" class="num">
                      {th.title}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {p.byType.map((row) => (
                  <tr>
                    <th scope="row">{t.common.structureTypes[row.type] ?? row.type}</th>
                    <td class="num" data-label={f.countCol}>{row.count}</td>
                    <td class="num" data-label={f.overallCol}>{score(row.overall)}</td>
                    {themes.map((th) => (
                      <td class="num" data-label={th.title}>
                        {score(row.themes[th.slug as keyof typeof row.themes])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
          <p class="hint">{f.byTypeNote}</p>

          <h3>{f.bandsTitle}</h3>
          <TableRegion label={f.bandsCaption}>
            <table>
              <caption class="visually-hidden">{f.bandsCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{f.bandCol}</th>
                  <th scope="col" class="num">
                    {f.countCol}
                  </th>
                </tr>
              </thead>
              <tbody>
                {p.bands.map((b, i) => {
                  const band = BANDS[i]!;
                  return (
                    <tr>
                      <th scope="row">
                        {b.label} <span class="muted">({f.bandRange(band.min, band.max, i === BANDS.length - 1)})</span>
                      </th>
                      <td class="num">{b.count}</td>
                    </tr>
                  );
                })}
                <tr>
                  <th scope="row" class="muted">
                    {f.unscored}
                  </th>
                  <td class="num">{p.unscored}</td>
                </tr>
              </tbody>
            </table>
          </TableRegion>

          <h3>{f.weakestTitle}</h3>
          {p.weakest.length ? (
            <>
              <TableRegion label={f.weakestCaption}>
                <table class="stack">
                  <caption class="visually-hidden">{f.weakestCaption}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{f.questionCol}</th>
                      <th scope="col" class="num">
                        {f.meanCol}
                      </th>
                      <th scope="col" class="num">
                        {f.answersCol}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.weakest.map((w) => (
                      <tr>
                        <th scope="row">
                          <span class="question__code">{w.code}</span> {w.text}
                          {w.version && <span class="muted"> ({w.version})</span>}
                        </th>
                        <td class="num nowrap" data-label={f.meanCol}>
                          {f.level(w.mean)}
                        </td>
                        <td class="num" data-label={f.answersCol}>
                          {w.answers}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
              <p class="hint">{f.weakestNote}</p>
            </>
          ) : (
            <p>{f.noWeakest}</p>
          )}

          <h3>{f.servicesTitle}</h3>
          {p.services.length ? (
            <>
              <TableRegion label={f.servicesCaption}>
                <table class="stack">
                  <caption class="visually-hidden">{f.servicesCaption}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{f.serviceCol}</th>
                      <th scope="col">{f.contactCol}</th>
                      <th scope="col" class="num">
                        {f.openActionsCol}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.services.map((s) => (
                      <tr>
                        <th scope="row">{s.name}</th>
                        <td data-label={f.contactCol}>{s.contact}</td>
                        <td class="num" data-label={f.openActionsCol}>
                          {s.openActions}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
              <p class="hint">{f.servicesNote}</p>
            </>
          ) : (
            <p>{f.noServices}</p>
          )}
        </>
      )}
    </section>
  );
}

export function FederationPage(p: { data: FederationData; q: FederationQuery; themes: ThemeHead[]; isAdmin: boolean; now: Date }) {
  const { rows, picture, regions, total, offset, next, prev } = p.data;
  const noRegion = !p.isAdmin && regions.length === 0;
  return (
    <section>
      <h1>{f.title}</h1>
      {noRegion ? (
        <p class="notice">{f.noRegion}</p>
      ) : (
        <>
          <p class="lead">{p.isAdmin ? f.introAdmin : f.introConsultant(regions)}</p>
          <Filters q={p.q} regions={regions} showRegion={p.isAdmin || regions.length > 1} />
          <div class="actions-row">
            <p class="federation-count" role="status">
              <strong>{rows.length ? f.range(offset + 1, offset + rows.length, total) : f.count(total)}</strong>
            </p>
            <a class="button button--secondary button--small" href={federationHref('/federation/export.csv', p.q)} download>
              {f.exportCsv}
            </a>
            <a class="button button--secondary button--small" href={federationHref('/federation/progres', { ...p.q, status: undefined })} title={t.certification.region.linkHint}>
              {t.certification.region.link}
            </a>
          </div>
          <FederationTable rows={rows} q={p.q} now={p.now} />
          <KeysetPager
            label={f.pagerLabel}
            first={prev ? federationHref('/federation', p.q) : undefined}
            prev={prev ? federationHref('/federation', p.q, { before: prev }) : undefined}
            next={next ? federationHref('/federation', p.q, { after: next }) : undefined}
          />
          <Picture p={picture} themes={p.themes} />
        </>
      )}
    </section>
  );
}
