// Admin pages for referential versions: the list with the import form, one version in full, and
// the page that lists every validation error of a refused import.
import { t } from '../src/i18n/index.ts';
import { frenchDate, frenchDay } from '../src/dates.ts';
import { ISO26000_ISSUES, type Referential, type Question } from '../src/referential/schema.ts';
import type { ReferentialRow, ServiceRow } from '../src/referential/store.ts';
import type { ErrorGroup } from '../src/referential/error-places.ts';
import { ISO9001_GROUP_LABELS, clauseGroup } from '../src/scoring/iso9001.ts';
import { ISO26000_SUBJECT_LABELS } from '../src/scoring/index.ts';
import { STRUCTURE_TYPES } from '../src/referential/schema.ts';
import { CsrfField } from './forms.tsx';
import { TableRegion } from './table.tsx';

const r = t.referentials;

function frDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return frenchDate(iso);
}

export function countsOf(ref: Referential) {
  const criteria = ref.themes.reduce((n, th) => n + th.criteria.length, 0);
  const questions = ref.themes.reduce((n, th) => n + th.criteria.reduce((m, c) => m + c.questions.length, 0), 0);
  return { themes: ref.themes.length, criteria, questions };
}

export function StatusBadges({ row }: { row: ReferentialRow }) {
  return (
    <>
      <span class={row.status === 'published' ? 'badge badge--ok' : 'badge badge--warn'}>{r.statusLabels[row.status]}</span>{' '}
      {row.isDefault && <span class="badge badge--brand">{r.isDefault}</span>} {row.builtin && <span class="badge badge--muted">{r.builtin}</span>}
    </>
  );
}

export interface ListedVersion {
  row: ReferentialRow;
  usage: number;
  questions: number;
}

export function ReferentialList({ versions, csrf }: { versions: ListedVersion[]; csrf: string }) {
  return (
    <section>
      <h1>{r.listTitle}</h1>
      <p class="lead">{r.listIntro}</p>
      <TableRegion label={r.listTitle}>
        <table class="stack">
          <caption class="visually-hidden">{r.listTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{r.label}</th>
              <th scope="col">{r.id}</th>
              <th scope="col">{r.status}</th>
              <th scope="col">{r.questions}</th>
              <th scope="col">{r.usage}</th>
              <th scope="col">{r.published}</th>
              <th scope="col">{r.export}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map(({ row, usage, questions }) => (
              <tr>
                <th scope="row">
                  <a href={`/admin/referentials/${row.id}`}>{row.label}</a>
                </th>
                <td data-label={r.id}>
                  <code>{row.id}</code>
                </td>
                <td data-label={r.status}>
                  <StatusBadges row={row} />
                </td>
                <td class="num" data-label={r.questions}>
                  {questions}
                </td>
                <td data-label={r.usage}>{usage ? r.inUse(usage) : r.notInUse}</td>
                <td class="nowrap" data-label={r.published}>
                  {frDate(row.publishedAt)}
                </td>
                <td data-label={r.export}>
                  <a href={`/admin/referentials/${row.id}/export.json`} download={`${row.id}.json`}>
                    {row.id}.json
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <ImportForm csrf={csrf} />
    </section>
  );
}

export function ImportForm({ csrf, json, title = r.importTitle }: { csrf: string; json?: string; title?: string }) {
  return (
    <section class="panel ref-import" aria-labelledby="import-title">
      <h2 id="import-title">{title}</h2>
      <p>{r.importIntro}</p>
      <form method="post" action="/admin/referentials/import" enctype="multipart/form-data" class="form" novalidate>
        <CsrfField token={csrf} />
        <div class="field">
          <label for="f-file">{r.file}</label>
          <p class="hint" id="f-file-hint">
            {r.fileHint}
          </p>
          <input id="f-file" name="file" type="file" accept="application/json,.json" aria-describedby="f-file-hint" />
        </div>
        <div class="field">
          <label for="f-json">{r.jsonFallback}</label>
          <p class="hint" id="f-json-hint">
            {r.jsonHint}
          </p>
          <textarea id="f-json" name="json" rows={6} spellcheck={false} aria-describedby="f-json-hint">
            {json ?? ''}
          </textarea>
        </div>
        <button type="submit" class="button">
          {r.importButton}
        </button>
      </form>
    </section>
  );
}

/** The errors of a refused import, grouped by question (criterion, theme) in the document's order. */
export function ImportErrors({ groups }: { groups: ErrorGroup[] }) {
  const count = groups.reduce((n, g) => n + g.errors.length, 0);
  return (
    <div class="error-summary import-errors" role="alert" tabindex={-1} id="erreurs">
      <h2>{r.importErrorsTitle(count)}</h2>
      <p>{r.importErrorsIntro}</p>
      <ol class="import-errors__groups">
        {groups.map((g) => (
          <li>
            <h3>
              {g.title}
              {g.context && <span class="import-errors__where">{g.context}</span>}
            </h3>
            <ul>
              {g.errors.map((e) => (
                <li>
                  {e.field ? `${e.field} : ` : ''}
                  {e.message}
                  {e.path !== '(document)' && (
                    <span class="import-errors__path">
                      {r.pathDetail} <code class="path">{e.path}</code>
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </div>
  );
}

export function ImportPage({ csrf, errors, json }: { csrf: string; errors: ErrorGroup[]; json?: string }) {
  return (
    <section>
      <p class="breadcrumb">
        <a href="/admin/referentials">{r.backToList}</a>
      </p>
      <h1>{r.importTitle}</h1>
      {errors.length > 0 && <ImportErrors groups={errors} />}
      <ImportForm csrf={csrf} json={json} title={errors.length ? r.importAgain : r.importFile} />
    </section>
  );
}

function ServiceList({ codes, services }: { codes: string[]; services: Map<string, ServiceRow> }) {
  return (
    <ul class="ref-plain">
      {codes.map((code) => {
        const s = services.get(code);
        return (
          <li>
            {s ? s.name : <span class="badge badge--danger">{r.unknownService}</span>} (<code>{code}</code>){' '}
            {s && !s.active && <span class="badge badge--muted">{r.inactiveService}</span>}
          </li>
        );
      })}
    </ul>
  );
}

function QuestionDetails({ q, services, open }: { q: Question; services: Map<string, ServiceRow>; open: boolean }) {
  const allTypes = q.appliesTo.length === STRUCTURE_TYPES.length;
  const typeNames = q.appliesTo.map((ty) => t.common.structureTypes[ty] ?? ty);
  return (
    <details class="ref-question" id={`q-${q.code}`} open={open}>
      <summary>
        <span class="question__code">{q.code}</span> <span class="ref-question__text">{q.text}</span>{' '}
        <span class="ref-question__badges">
          {q.legal && <span class="badge badge--danger">{r.legalBadge}</span>} <span class="badge badge--muted">{r.weightBadge(q.weight)}</span>{' '}
          {!allTypes && <span class="badge badge--brand">{r.typesBadge(q.appliesTo.join(', '))}</span>}
        </span>
      </summary>
      <div class="ref-question__body">
        <p class="question__help">
          <strong>{r.help} : </strong>
          {q.help}
        </p>
        <h4>{r.levels}</h4>
        <ol class="ref-levels" start={0}>
          {q.levels.map((text, n) => (
            <li>
              <strong>{r.levelN(n)} : </strong>
              {text}
            </li>
          ))}
        </ol>
        <dl class="details">
          <dt>{r.weight}</dt>
          <dd>{q.weight}</dd>
          <dt>{r.legal}</dt>
          <dd>{q.legal ? t.common.yes : t.common.no}</dd>
          {q.complianceLevel !== undefined && (
            <>
              <dt>{r.complianceLevel}</dt>
              <dd>{r.complianceLevelOf(q.complianceLevel)}</dd>
            </>
          )}
          {q.legalRefs && (
            <>
              <dt>{r.legalRefs}</dt>
              <dd>
                <ul class="ref-plain">
                  {q.legalRefs.map((ref) => (
                    <li>
                      {ref.url ? <a href={ref.url}>{`${ref.text}, ${ref.article}`}</a> : `${ref.text}, ${ref.article}`} <span class="muted">({r.legalRefVerified(frenchDay(ref.verified))})</span>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
          <dt>{r.naAllowed}</dt>
          <dd>{q.naAllowed ? t.common.yes : t.common.no}</dd>
          <dt>{r.appliesTo}</dt>
          <dd>{allTypes ? r.allTypes : typeNames.join(' ; ')}</dd>
          <dt>{r.iso9001}</dt>
          <dd>{q.iso9001.length ? q.iso9001.map((c) => `${c} (${ISO9001_GROUP_LABELS[clauseGroup(c)]})`).join(' ; ') : r.none}</dd>
          <dt>{r.iso26000}</dt>
          <dd>{q.iso26000.length ? q.iso26000.map((s) => ISO26000_SUBJECT_LABELS[s] ?? s).join(' ; ') : r.none}</dd>
          {q.iso26000Issues && q.iso26000Issues.length > 0 && (
            <>
              <dt>{r.iso26000Issues}</dt>
              <dd>{q.iso26000Issues.map((i) => `${i} ${ISO26000_ISSUES[i].label}`).join(' ; ')}</dd>
            </>
          )}
          <dt>{r.evidence}</dt>
          <dd>
            <ul class="ref-plain">
              {q.evidence.map((e) => (
                <li>{e}</li>
              ))}
            </ul>
          </dd>
          <dt>{r.services}</dt>
          <dd>
            <ServiceList codes={q.services} services={services} />
          </dd>
          <dt>{r.recommendation}</dt>
          <dd>
            <strong>{q.recommendation.title}</strong> {q.recommendation.text}
          </dd>
        </dl>
      </div>
    </details>
  );
}

/** The level guide, the glossary and the mapping of a version, each folded. */
function ReferenceParts({ ref }: { ref: Referential }) {
  const guide = ref.levelGuide;
  const glossary = ref.glossary ?? [];
  const mapping = ref.mapping;
  if (!guide && glossary.length === 0 && !mapping) return null;
  return (
    <section class="ref-parts">
      {guide && (
        <details class="ref-question">
          <summary>{r.levelGuideTitle}</summary>
          <div class="ref-question__body">
            <p>{guide.intro}</p>
            <ol class="ref-levels" start={0}>
              {guide.levels.map((text, n) => (
                <li>
                  <strong>{r.levelN(n)} : </strong>
                  {text}
                </li>
              ))}
            </ol>
            <h4>{r.levelGuideAdvice}</h4>
            <ul>
              {guide.advice.map((a) => (
                <li>{a}</li>
              ))}
            </ul>
          </div>
        </details>
      )}
      {glossary.length > 0 && (
        <details class="ref-question">
          <summary>{r.glossaryTitle(glossary.length)}</summary>
          <dl class="ref-question__body details">
            {glossary.map((term) => (
              <>
                <dt>{term.term}</dt>
                <dd>
                  {term.definition}{' '}
                  <span class="muted">
                    ({r.glossaryForms} : {term.forms.join(', ')})
                  </span>
                </dd>
              </>
            ))}
          </dl>
        </details>
      )}
      {mapping && (
        <details class="ref-question">
          <summary>{r.mappingTitle(mapping.from)}</summary>
          <div class="ref-question__body">
            <p>{r.mappingIntro}</p>
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{r.mappingFrom}</th>
                    <th scope="col">{r.mappingTo}</th>
                    <th scope="col">{r.mappingNote}</th>
                  </tr>
                </thead>
                <tbody>
                  {mapping.questions.map((m) => (
                    <tr>
                      <th scope="row">
                        <code>{m.from}</code>
                      </th>
                      <td>
                        {m.to.length
                          ? m.to.map((code, i) => (
                              <>
                                {i > 0 && ', '}
                                <a href={`#q-${code}`}>{code}</a>
                              </>
                            ))
                          : r.mappingWithdrawn}
                      </td>
                      <td>{m.note ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </details>
      )}
    </section>
  );
}

export function ReferentialPage(p: { row: ReferentialRow; ref: Referential; usage: number; services: Map<string, ServiceRow>; csrf: string; openAll: boolean }) {
  const { row, ref } = p;
  const counts = countsOf(ref);
  return (
    <section>
      <p class="breadcrumb">
        <a href="/admin/referentials">{r.backToList}</a>
      </p>
      <h1>{r.versionTitle(row.label)}</h1>
      <p>
        <StatusBadges row={row} />
      </p>
      <dl class="details">
        <dt>{r.id}</dt>
        <dd>
          <code>{row.id}</code>
        </dd>
        <dt>{r.questions}</dt>
        <dd>{r.summary(counts.themes, counts.criteria, counts.questions)}</dd>
        <dt>{r.usage}</dt>
        <dd>{p.usage ? r.inUse(p.usage) : r.notInUse}</dd>
        <dt>{r.created}</dt>
        <dd>{frDate(row.createdAt)}</dd>
        <dt>{r.published}</dt>
        <dd>{frDate(row.publishedAt)}</dd>
        <dt>{r.checksum}</dt>
        <dd>
          <code class="path">{row.checksum.slice(0, 16)}…</code>
        </dd>
      </dl>
      {row.status === 'draft' && <p class="notice">{r.draftNotice}</p>}
      {row.isDefault && <p class="notice">{r.defaultNow}</p>}
      <div class="actions-row">
        <a class="button button--secondary" href={`/admin/referentials/${row.id}/export.json`} download={`${row.id}.json`}>
          {r.export}
        </a>
        {row.status === 'draft' && (
          <form method="post" action={`/admin/referentials/${row.id}/publish`} class="inline">
            <CsrfField token={p.csrf} />
            <button type="submit" class="button" aria-describedby="publish-hint">
              {r.publish}
            </button>
          </form>
        )}
        {row.status === 'published' && !row.isDefault && (
          <form method="post" action={`/admin/referentials/${row.id}/default`} class="inline">
            <CsrfField token={p.csrf} />
            <button type="submit" class="button" aria-describedby="default-hint">
              {r.makeDefault}
            </button>
          </form>
        )}
      </div>
      {row.status === 'draft' && (
        <p class="hint" id="publish-hint">
          {r.publishHint}
        </p>
      )}
      {row.status === 'published' && !row.isDefault && (
        <p class="hint" id="default-hint">
          {r.makeDefaultHint}
        </p>
      )}
      <nav aria-label={r.themesNav}>
        <ul class="theme-nav">
          {ref.themes.map((th) => (
            <li>
              <a href={`#theme-${th.slug}`}>{th.title}</a>
            </li>
          ))}
          <li>
            <a href={p.openAll ? `/admin/referentials/${row.id}` : `/admin/referentials/${row.id}?tout=1`}>{p.openAll ? r.collapseAll : r.expandAll}</a>
          </li>
        </ul>
      </nav>
      <ReferenceParts ref={ref} />
      {ref.themes.map((th) => (
        <section class="ref-theme" id={`theme-${th.slug}`} aria-labelledby={`theme-${th.slug}-title`}>
          <h2 id={`theme-${th.slug}-title`}>{th.title}</h2>
          <p>{th.description}</p>
          {th.criteria.map((c) => (
            <section class="ref-criterion" aria-labelledby={`c-${c.code}`}>
              <h3 id={`c-${c.code}`}>
                <span class="question__code">{c.code}</span> {c.title}
              </h3>
              {c.description && <p class="muted">{c.description}</p>}
              {c.questions.map((q) => (
                <QuestionDetails q={q} services={p.services} open={p.openAll} />
              ))}
            </section>
          ))}
        </section>
      ))}
    </section>
  );
}
