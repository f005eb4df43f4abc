// The audit trail: `GET /admin/audit` for admins (filter by object, user, dates; 100 per page) and
// `GET /diagnostics/:id/history` for anyone who may view the diagnostic.
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { t } from '../i18n/index.ts';
import { page } from '../web/render.tsx';
import { requireAdmin } from '../web/guards.ts';
import { loadDiagnostic } from '../web/load.ts';
import { auditEntities, auditUsers, diagnosticHistory, listAuditEvents } from '../db/audit-log.ts';
import { nextDay, parisDayStart } from '../dates.ts';
import { historyUrl } from '../web/urls.ts';
import { AuditAdminPage, HistoryPage, type AuditFilterValues } from '../../views/audit.tsx';

export const auditRoutes = new Hono<AppEnv>();

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
  const href = (p: number) => (p > 1 ? `${historyUrl(diagnostic.id)}?page=${p}` : historyUrl(diagnostic.id));
  return page(
    c,
    t.federation.audit.historyTitle,
    <HistoryPage page={result} diagnosticId={diagnostic.id} organisationName={organisation.name} dateLabel={t.federation.date(diagnostic.createdAt)} href={href} />,
    { wide: true },
  );
});
