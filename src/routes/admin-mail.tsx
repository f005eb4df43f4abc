// /admin/mail, for support: the queue and what was sent (recipient, kind, subject, status, error),
// filtered by state, 50 a page; a failed message can be put back in the queue.
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { t } from '../i18n/index.ts';
import { page } from '../web/render.tsx';
import { redirectWith } from '../web/flash.ts';
import { currentUser, notFound, requireAdmin } from '../web/guards.ts';
import { countByStatus, getMail, listMail, MAIL_STATUSES, requeueFailed, type MailStatus } from '../db/mail-queue.ts';
import { lastRun } from '../db/job-runs.ts';
import { audit } from '../db/audit.ts';
import { REMINDER_JOB } from '../mail/scheduler.ts';
import { AdminMailPage } from '../../views/admin-mail.tsx';

export const adminMailRoutes = new Hono<AppEnv>();
adminMailRoutes.use(requireAdmin);

const PAGE_SIZE = 50;
/** Pages beyond this are not offered: a year of messages fits well below. */
const MAX_PAGE = 1000;

adminMailRoutes.get('/', (c) => {
  const { db, mail } = c.get('deps');
  const asked = c.req.query('status');
  const status = (MAIL_STATUSES as readonly string[]).includes(asked ?? '') ? (asked as MailStatus) : null;
  const n = Number(c.req.query('page') ?? '1');
  const pageNo = Number.isInteger(n) && n >= 1 && n <= MAX_PAGE ? n : 1;
  const rows = listMail(db, { status: status ?? undefined, limit: PAGE_SIZE + 1, offset: (pageNo - 1) * PAGE_SIZE });
  const run = lastRun(db, REMINDER_JOB);
  return page(
    c,
    t.adminMail.title,
    <AdminMailPage
      csrf={c.get('csrf')}
      transport={mail.transport}
      counts={countByStatus(db)}
      status={status}
      rows={rows.slice(0, PAGE_SIZE)}
      page={pageNo}
      more={rows.length > PAGE_SIZE}
      lastReminders={run ? { week: run.period, queued: run.queued } : null}
    />,
    { wide: true },
  );
});

adminMailRoutes.post('/:mailId/resend', (c) => {
  const { db, clock, mail } = c.get('deps');
  const row = getMail(db, c.req.param('mailId'));
  if (!row) notFound();
  const now = clock();
  const done = db.transaction((tx) => {
    if (!requeueFailed(tx, row.id, now)) return false;
    audit(tx, { userId: currentUser(c).id, action: 'mail-resend', entity: 'mail', entityId: row.id, before: { status: row.status, attempts: row.attempts, lastError: row.lastError } }, now);
    return true;
  });
  if (!done) return redirectWith(c, '/admin/mail', { kind: 'error', message: t.adminMail.notFailed });
  mail.wake();
  return redirectWith(c, '/admin/mail', { kind: 'success', message: t.adminMail.resent });
});
