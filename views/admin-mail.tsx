// The support page of e-mail: where messages go, what waits, what left, what failed (resend).
import { t } from '../src/i18n/index.ts';
import { frenchDateTime, frenchDay } from '../src/dates.ts';
import type { MailListRow, MailStatus } from '../src/db/mail-queue.ts';
import { CsrfField } from './forms.tsx';
import { TableRegion } from './table.tsx';

const m = t.adminMail;

export interface AdminMailView {
  csrf: string;
  transport: { kind: 'smtp' | 'outbox'; where: string };
  counts: Record<MailStatus, number>;
  status: MailStatus | null;
  rows: MailListRow[];
  page: number;
  more: boolean;
  lastReminders: { week: string; queued: number } | null;
}

function link(status: MailStatus | null, page = 1): string {
  const q = new URLSearchParams();
  if (status) q.set('status', status);
  if (page > 1) q.set('page', String(page));
  const s = q.toString();
  return s ? `/admin/mail?${s}` : '/admin/mail';
}

const BADGE: Record<MailStatus, string> = { pending: 'badge--brand', sending: 'badge--brand', sent: 'badge--ok', failed: 'badge--danger', cancelled: 'badge--muted' };

export function AdminMailPage(p: AdminMailView) {
  const statuses = Object.keys(p.counts) as MailStatus[];
  const total = statuses.reduce((n, s) => n + p.counts[s], 0);
  return (
    <section>
      <h1>{m.title}</h1>
      <p>{m.intro}</p>
      <p>{p.transport.kind === 'smtp' ? m.transportSmtp(p.transport.where) : m.transportOutbox(p.transport.where)}</p>
      <p>{p.lastReminders ? m.lastReminders(frenchDay(p.lastReminders.week), p.lastReminders.queued) : m.noReminders}</p>
      <nav aria-label={m.filter}>
        <ul class="inline-links">
          <li>
            <a href={link(null)} aria-current={p.status === null ? 'page' : undefined}>
              {m.all} ({total})
            </a>
          </li>
          {statuses.map((s) => (
            <li>
              <a href={link(s)} aria-current={p.status === s ? 'page' : undefined}>
                {m.statuses[s]} ({p.counts[s]})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {p.rows.length === 0 ? (
        <p>{m.empty}</p>
      ) : (
        <TableRegion label={m.title}>
          <table class="stack">
            <caption class="visually-hidden">{m.title}</caption>
            <thead>
              <tr>
                <th scope="col">{m.queuedAt}</th>
                <th scope="col">{m.recipient}</th>
                <th scope="col">{m.kind}</th>
                <th scope="col">{m.subject}</th>
                <th scope="col">{m.status}</th>
                <th scope="col">{m.error}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr>
                  <td class="nowrap" data-label={m.queuedAt}>{frenchDateTime(new Date(r.createdAt))}</td>
                  <td data-label={m.recipient}>{r.recipient}</td>
                  <td data-label={m.kind}>{m.kinds[r.kind] ?? r.kind}</td>
                  <th scope="row">{r.subject}</th>
                  <td data-label={m.status}>
                    <span class={`badge ${BADGE[r.status]}`}>{m.statuses[r.status]}</span>
                    {r.sentAt && (
                      <>
                        <br />
                        <span class="muted">{frenchDateTime(new Date(r.sentAt))}</span>
                      </>
                    )}
                    {r.status === 'pending' && r.attempts > 0 && (
                      <>
                        <br />
                        <span class="muted">{m.nextTry(r.nextAttemptAt)}</span>
                      </>
                    )}
                  </td>
                  <td data-label={m.error}>
                    {r.lastError && (
                      <>
                        <span class="muted">
                          {m.attempts}&nbsp;: {r.attempts}.
                        </span>{' '}
                        {r.lastError}
                      </>
                    )}
                    {r.status === 'failed' && (
                      <form method="post" action={`/admin/mail/${r.id}/resend`}>
                        <CsrfField token={p.csrf} />
                        <button type="submit" class="button button--secondary button--small" aria-label={`${m.resend} — ${r.subject}`}>
                          {m.resend}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <ul class="inline-links">
        {p.page > 1 && (
          <li>
            <a href={link(p.status, p.page - 1)}>{m.previous}</a>
          </li>
        )}
        {p.more && (
          <li>
            <a href={link(p.status, p.page + 1)}>{m.next}</a>
          </li>
        )}
      </ul>
    </section>
  );
}
