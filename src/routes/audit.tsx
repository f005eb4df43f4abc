// The audit trail: `GET /admin/audit` for admins (filter by object, user, dates; 100 per page) and
// `GET /diagnostics/:id/history` for anyone who may view the diagnostic.
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { t } from '../i18n/index.ts';
import { page } from '../web/render.tsx';
import { requireAdmin } from '../web/guards.ts';
import { loadDiagnostic } from '../web/load.ts';
import { auditEntities, auditUsers, diagnosticHistory, listAuditEvents } from '../db/audit-log.ts';
import { AuditAdminPage, HistoryPage, type AuditFilterValues } from '../../views/audit.tsx';

export const auditRoutes = new Hono<AppEnv>();

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The instant a calendar day starts in France (CET or CEST), as an ISO string. */
export function parisDayStart(day: string): string | null {
  if (!DAY.test(day)) return null;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const utc = Date.UTC(y, m - 1, d);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  const fmt = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', hourCycle: 'h23' });
  for (const offset of [1, 2, 0, 3, 4, -4, -5]) {
    const at = new Date(utc - offset * 3600_000);
    if (fmt.format(at) === '00') return at.toISOString();
  }
  return new Date(utc).toISOString();
}

function nextDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function pageNumber(v: string | undefined): number {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 && n < 1_000_000 ? n : 1;
}

auditRoutes.get('/admin/audit', requireAdmin, (c) => {
  const { db } = c.get('deps');
  const q = c.req.query();
  const values: AuditFilterValues = {
    entity: (q.entity ?? '').slice(0, 40),
    user: (q.user ?? '').slice(0, 40),
    from: (q.from ?? '').trim(),
    to: (q.to ?? '').trim(),
  };
  const from = values.from ? parisDayStart(values.from) : undefined;
  const to = values.to ? parisDayStart(values.to) && parisDayStart(nextDay(values.to)) : undefined;
  const dateError = from === null || to === null ? t.federation.audit.dateInvalid : undefined;
  const result = listAuditEvents(
    db,
    { entity: values.entity || undefined, userId: values.user || undefined, from: from ?? undefined, to: to ?? undefined },
    pageNumber(q.page),
  );
  const href = (p: number) => {
    const s = new URLSearchParams();
    for (const [k, v] of Object.entries(values)) if (v) s.set(k, v);
    if (p > 1) s.set('page', String(p));
    const str = s.toString();
    return str ? `/admin/audit?${str}` : '/admin/audit';
  };
  return page(
    c,
    t.federation.audit.title,
    <AuditAdminPage page={result} values={values} entities={auditEntities(db)} users={auditUsers(db)} dateError={dateError} href={href} />,
    { wide: true, status: dateError ? 422 : 200 },
  );
});

auditRoutes.get('/diagnostics/:id/history', loadDiagnostic('diagnostic.view'), (c) => {
  const { db } = c.get('deps');
  const { diagnostic, organisation } = c.var.diagnostic;
  const result = diagnosticHistory(db, diagnostic.id, pageNumber(c.req.query('page')));
  const href = (p: number) => (p > 1 ? `/diagnostics/${diagnostic.id}/history?page=${p}` : `/diagnostics/${diagnostic.id}/history`);
  return page(
    c,
    t.federation.audit.historyTitle,
    <HistoryPage page={result} diagnosticId={diagnostic.id} organisationName={organisation.name} dateLabel={t.federation.date(diagnostic.createdAt)} href={href} />,
    { wide: true },
  );
});
