// « Mon compte »: who I am, changing my password (which closes my other sessions), and downloading
// the personal data CAP holds about me.
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.ts';
import { t } from '../i18n/index.ts';
import { page } from '../web/render.tsx';
import { redirectWith } from '../web/flash.ts';
import { currentUser, requireUser } from '../web/guards.ts';
import { fieldErrors, formObject, readForm, type FieldErrors } from '../validation/forms.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { passwordProblem } from '../auth/password-policy.ts';
import { MAX_LENGTH } from '../validation/limits.ts';
import { changePassword, findUser } from '../db/users.ts';
import { listVisibleOrganisations } from '../db/organisations.ts';
import { endOtherSessions, exportUserData } from '../db/personal-data.ts';
import { clientAddress } from '../web/client-address.ts';
import { AccountPage } from '../../views/account.tsx';
import { NoticePreferences } from '../../views/notices.tsx';
import { NOTICE_TOPICS, TOPIC_ROLES, type NoticeTopic } from '../mail/kinds.ts';
import { optedOutTopics, setTopics } from '../db/mail-preferences.ts';
import { audit } from '../db/audit.ts';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export const accountRoutes = new Hono<AppEnv>();
accountRoutes.use(requireUser);

const passwordForm = z
  .object({
    current: z.string({ error: t.common.validation.required }).min(1, t.common.validation.required).max(MAX_LENGTH.password),
    password: z.string({ error: t.common.validation.required }).min(1, t.common.validation.required).max(MAX_LENGTH.password, t.common.validation.tooLong(MAX_LENGTH.password)),
    passwordConfirm: z.string({ error: t.common.validation.required }),
  })
  .refine((v) => v.password === v.passwordConfirm, { path: ['passwordConfirm'], message: t.auth.passwordMismatch })
  .refine((v) => v.password !== v.current, { path: ['password'], message: t.account.samePassword });

function accountPage(c: Context<AppEnv>, errors: FieldErrors = {}, status: ContentfulStatusCode = 200) {
  const user = currentUser(c);
  const names = user.role === 'member' ? listVisibleOrganisations(c.get('deps').db, user).map((o) => o.name) : [];
  const topics = NOTICE_TOPICS.filter((topic) => TOPIC_ROLES[topic].includes(user.role));
  const notices = <NoticePreferences csrf={c.get('csrf')} topics={topics} off={optedOutTopics(c.get('deps').db, user.id)} />;
  return page(c, t.account.title, <AccountPage user={user} organisationNames={names} csrf={c.get('csrf')} errors={errors} notices={notices} />, { status });
}

accountRoutes.get('/', (c) => accountPage(c));

accountRoutes.post('/password', async (c) => {
  const { db, clock, throttle } = c.get('deps');
  const user = currentUser(c);
  const parsed = passwordForm.safeParse(formObject(await readForm(c)));
  if (!parsed.success) return accountPage(c, fieldErrors(parsed.error), 422);
  const problem = passwordProblem(parsed.data.password, user.email);
  if (problem) return accountPage(c, { password: problem }, 422);
  // The current password is the account's secret: guessing it here counts like guessing at login,
  // before the hash.
  const now = clock();
  const verdict = await throttle.attempt({ account: user.email, address: clientAddress(c) }, now.getTime(), async () => {
    const row = findUser(db, user.id);
    return !!row && (await verifyPassword(parsed.data.current, row.passwordHash));
  });
  if (verdict.kind === 'throttled') {
    c.header('Retry-After', String(Math.ceil(verdict.retryAfterMs / 1000)));
    return accountPage(c, { current: t.auth.throttled(Math.ceil(verdict.retryAfterMs / 60_000)) }, 429);
  }
  if (!verdict.ok) return accountPage(c, { current: t.account.currentPasswordWrong }, 422);
  const passwordHash = await hashPassword(parsed.data.password);
  changePassword(db, user.id, passwordHash, now);
  endOtherSessions(db, user.id, c.get('sessionId'));
  return redirectWith(c, '/account', { kind: 'success', message: t.account.passwordChanged });
});

accountRoutes.get('/export.json', (c) => {
  const { db, clock } = c.get('deps');
  const now = clock();
  const data = exportUserData(db, currentUser(c).id, now);
  const body = JSON.stringify({ notice: t.account.exportNotice, ...data }, null, 2);
  return c.body(body, 200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Disposition': `attachment; filename="cap-mes-donnees-${now.toISOString().slice(0, 10)}.json"`,
    'Cache-Control': 'no-store',
  });
});

accountRoutes.post('/notifications', async (c) => {
  const { db, clock } = c.get('deps');
  const user = currentUser(c);
  const form = await readForm(c);
  const offered = NOTICE_TOPICS.filter((topic) => TOPIC_ROLES[topic].includes(user.role));
  const on = new Set(form.getAll('topics').filter((v): v is NoticeTopic => (offered as readonly string[]).includes(v)));
  const now = clock();
  const changed = setTopics(db, user.id, on, offered, now);
  if (changed.length) audit(db, { userId: user.id, action: 'notices', entity: 'user', entityId: user.id, after: Object.fromEntries(changed.map((topic) => [topic, on.has(topic)])) }, now);
  return redirectWith(c, '/account#avis', { kind: 'success', message: t.notices.saved });
});
