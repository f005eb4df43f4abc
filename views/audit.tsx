// The audit trail in readable French: who, when, what, on which record, and each value that moved
// (before → after). Shared by the admin journal and a diagnostic's history.
import { t } from '../src/i18n/index.ts';
import { personName } from '../src/people.ts';
import type { AuditPage, AuditRow } from '../src/db/audit-log.ts';
import { TableRegion } from './table.tsx';

const a = t.federation.audit;

/** Bookkeeping fields every write touches: noise in a history. */
const HIDDEN = new Set(['id', 'diagnosticId', 'organisationId', 'updatedAt', 'updatedBy', 'updatedByRole', 'createdAt', 'createdBy', 'passwordHash', 'revision', 'rank', 'answers', 'event']);

/** No value: absent, null, an empty text or list. A change from nothing to nothing is no change. */
function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

export interface Change {
  field: string;
  before: string | null;
  after: string | null;
}

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return a.empty_value;
  if (typeof v === 'boolean') return v ? a.yes : a.no;
  if (typeof v === 'number') return v.toLocaleString('fr-FR', { maximumFractionDigits: 1 });
  if (typeof v === 'string') {
    const label = a.values[v];
    if (label) return label;
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return t.federation.dateTime(v);
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return t.federation.date(`${v}T12:00:00Z`);
    return v.length > 300 ? `${v.slice(0, 300)}…` : v;
  }
  if (Array.isArray(v)) return v.length ? v.map((x) => (typeof x === 'object' && x ? Object.values(x).join(' ') : show(x))).join(', ') : a.empty_value;
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>);
    return entries.length ? entries.map(([k, x]) => `${a.fields[k] ?? k} : ${show(x)}`).join(' ; ') : a.empty_value;
  }
  return String(v);
}

function asRecord(v: unknown): Record<string, unknown> | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

/**
 * The fields that changed between before and after, labelled in French. A side with no value is
 * left out (« Commentaire : texte » rather than « (vide) → texte »), and a field empty on both
 * sides is no change at all.
 */
export function changesOf(before: unknown, after: unknown): Change[] {
  const b = asRecord(before);
  const af = asRecord(after);
  if (!b && !af) return [];
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(af ?? {})])].filter((k) => !HIDDEN.has(k));
  const out: Change[] = [];
  for (const k of keys) {
    const vb = b ? b[k] : undefined;
    const va = af ? af[k] : undefined;
    if (isEmpty(vb) && isEmpty(va)) continue;
    if (b && af && JSON.stringify(vb) === JSON.stringify(va)) continue;
    out.push({ field: a.fields[k] ?? k, before: isEmpty(vb) ? null : show(vb), after: isEmpty(va) ? null : show(va) });
  }
  return out;
}

function who(e: AuditRow): string {
  if (!e.userId) return a.system;
  const name = personName(e.userName === null ? null : { name: e.userName, deleted: e.userDeleted });
  if (!name || e.userDeleted) return name ?? a.deletedUser;
  const role = e.userRole ? t.common.roles[e.userRole] : '';
  return role ? `${name} (${role.toLowerCase()})` : name;
}

/** What the event is about: « Réponse ID-1.1 », « Action du plan « Écrire le projet » »… */
export function subjectOf(e: AuditRow): string {
  const label = a.entities[e.entity] ?? e.entity;
  const b = asRecord(e.before) ?? {};
  const af = asRecord(e.after) ?? {};
  const pick = (k: string) => (typeof af[k] === 'string' && af[k] ? (af[k] as string) : typeof b[k] === 'string' && b[k] ? (b[k] as string) : null);
  const code = pick('questionCode') ?? (e.entity === 'answer' ? (e.entityId.split(/[/:]/).pop() ?? null) : null);
  const name = pick('title') ?? pick('name') ?? pick('label') ?? pick('email');
  if (e.entity === 'action' && name) return `${label} « ${name} »`;
  if (code) return `${label} ${code}`;
  if (name) return `${label} « ${name} »`;
  if (e.entity === 'review_comment') {
    const kind = pick('targetKind');
    const target = pick('target');
    if (kind === 'question' && target) return `${label} — question ${target}`;
    if (kind === 'theme' && target) return `${label} — thème ${target}`;
    return `${label} — ${a.values.diagnostic}`;
  }
  return label;
}

function link(e: AuditRow): string | null {
  // A deleted draft has no page any more.
  if (e.entity === 'diagnostic' && e.action === 'delete') return null;
  if (e.entity === 'organisation') return `/organisations/${e.entityId}`;
  if (e.entity === 'user') return `/admin/users/${e.entityId}/edit`;
  if (e.diagnosticId) return `/diagnostics/${e.diagnosticId}`;
  if (e.entity === 'diagnostic') return `/diagnostics/${e.entityId}`;
  return null;
}

function Changes({ e }: { e: AuditRow }) {
  const list = changesOf(e.before, e.after);
  if (!list.length) return <span class="muted">{a.nothingChanged}</span>;
  return (
    <ul class="audit-changes">
      {list.map((ch) => (
        <li>
          <strong>{ch.field}</strong> :{' '}
          {ch.before !== null && <del class="audit-before">{ch.before}</del>}
          {ch.before !== null && ch.after !== null && ' → '}
          {ch.after !== null && <ins class="audit-after">{ch.after}</ins>}
        </li>
      ))}
    </ul>
  );
}

export function AuditTable({ page, withLinks }: { page: AuditPage; withLinks: boolean }) {
  if (!page.rows.length) return <p>{a.empty}</p>;
  return (
    <TableRegion label={a.caption}>
      <table class="audit-table stack">
        <caption class="visually-hidden">{a.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{a.colWhen}</th>
            <th scope="col">{a.colWho}</th>
            <th scope="col">{a.colWhat}</th>
            <th scope="col">{a.colChanges}</th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map((e) => {
            const href = withLinks ? link(e) : null;
            const subject = subjectOf(e);
            return (
              <tr>
                <td class="nowrap" data-label={a.colWhen}>
                  <time datetime={e.at}>{t.federation.dateTime(e.at)}</time>
                </td>
                <td data-label={a.colWho}>{who(e)}</td>
                <th scope="row">
                  {a.actions[e.action] ?? e.action} : {href ? <a href={href}>{subject}</a> : subject}
                </th>
                <td data-label={a.colChanges}>
                  <Changes e={e} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableRegion>
  );
}

export function Pagination({ page, href }: { page: AuditPage; href: (p: number) => string }) {
  if (page.pages <= 1) return null;
  return (
    <nav aria-label={a.pagination} class="actions-row">
      {page.page > 1 && (
        <a href={href(page.page - 1)} rel="prev">
          {a.previous}
        </a>
      )}
      <span>{a.page(page.page, page.pages)}</span>
      {page.page < page.pages && (
        <a href={href(page.page + 1)} rel="next">
          {a.next}
        </a>
      )}
    </nav>
  );
}

export interface AuditFilterValues {
  entity: string;
  user: string;
  from: string;
  to: string;
}

export function AuditAdminPage(p: {
  page: AuditPage;
  values: AuditFilterValues;
  entities: string[];
  users: { id: string; name: string; email: string }[];
  dateError?: string;
  href: (p: number) => string;
}) {
  const v = p.values;
  return (
    <section>
      <h1>{a.title}</h1>
      <p class="lead">{a.intro}</p>
      <form method="get" action="/admin/audit" class="panel filters" aria-label={a.title}>
        <div class="filters__fields">
          <div class="field">
            <label for="f-entity">{a.filterEntity}</label>
            <select id="f-entity" name="entity">
              <option value="">{a.filterAll}</option>
              {p.entities.map((e) => (
                <option value={e} selected={v.entity === e}>
                  {a.entities[e] ?? e}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="f-user">{a.filterUser}</label>
            <select id="f-user" name="user">
              <option value="">{a.filterAll}</option>
              {p.users.map((u) => (
                <option value={u.id} selected={v.user === u.id}>
                  {u.name} ({u.email})
                </option>
              ))}
            </select>
          </div>
          <div class={p.dateError ? 'field field--error' : 'field'}>
            <label for="f-from">{a.filterFrom}</label>
            <input type="date" id="f-from" name="from" value={v.from} aria-describedby={p.dateError ? 'f-dates-error' : undefined} />
          </div>
          <div class={p.dateError ? 'field field--error' : 'field'}>
            <label for="f-to">{a.filterTo}</label>
            <input type="date" id="f-to" name="to" value={v.to} aria-describedby={p.dateError ? 'f-dates-error' : undefined} />
          </div>
        </div>
        {p.dateError && (
          <p class="field-error" id="f-dates-error" role="alert">
            {p.dateError}
          </p>
        )}
        <div class="actions-row">
          <button type="submit" class="button">
            {a.filterApply}
          </button>
          <a href="/admin/audit">{a.filterReset}</a>
        </div>
      </form>
      <p>
        <strong>{a.count(p.page.total)}</strong>
      </p>
      <AuditTable page={p.page} withLinks />
      <Pagination page={p.page} href={p.href} />
    </section>
  );
}

export function HistoryPage(p: { page: AuditPage; diagnosticId: string; organisationName: string; dateLabel: string; href: (p: number) => string }) {
  return (
    <section>
      <p class="breadcrumb">
        <a href={`/diagnostics/${p.diagnosticId}`}>{t.federation.review.backToDiagnostic}</a>
      </p>
      <h1>
        {a.historyTitle} <span class="muted">— {p.organisationName}, {p.dateLabel}</span>
      </h1>
      <p class="lead">{a.historyIntro}</p>
      {p.page.total === 0 ? <p>{a.historyEmpty}</p> : <AuditTable page={p.page} withLinks={false} />}
      <Pagination page={p.page} href={p.href} />
    </section>
  );
}
