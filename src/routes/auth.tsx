// First-run setup, login and logout.
import { Hono } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { z } from 'zod';
import type { AppEnv } from '../context.ts';
import { t } from '../i18n/index.ts';
import { page } from '../web/render.tsx';
import { redirectWith } from '../web/flash.ts';
import { fields, fieldErrors, formObject, readForm } from '../validation/forms.ts';
import { hashPassword, verifyPassword, DUMMY_HASH, MIN_PASSWORD_LENGTH } from '../auth/password.ts';
import { deleteSession, SESSION_COOKIE } from '../auth/sessions.ts';
import { startSession } from '../web/session.ts';
import { findUserByEmail, hasAnyUser, insertUser } from '../db/users.ts';
import { audit } from '../db/audit.ts';
import { LoginPage, SetupPage } from '../../views/auth.tsx';
import { clientAddress } from '../web/client-address.ts';

export const authRoutes = new Hono<AppEnv>();

const setupSchema = z
  .object({
    name: fields.requiredText(120),
    email: fields.email,
    password: z.string().min(MIN_PASSWORD_LENGTH, t.auth.passwordTooShort).max(200),
    passwordConfirm: z.string(),
  })
  .refine((v) => v.password === v.passwordConfirm, { path: ['passwordConfirm'], message: t.auth.passwordMismatch });

authRoutes.get('/setup', (c) => {
  if (hasAnyUser(c.get('deps').db)) return c.notFound();
  return page(c, t.auth.setupTitle, <SetupPage csrf={c.get('csrf')} values={{}} errors={{}} />);
});

authRoutes.post('/setup', async (c) => {
  const { db, clock } = c.get('deps');
  if (hasAnyUser(db)) return c.notFound();
  const form = formObject(await readForm(c));
  const parsed = setupSchema.safeParse(form);
  if (!parsed.success) {
    return page(c, t.auth.setupTitle, <SetupPage csrf={c.get('csrf')} values={form} errors={fieldErrors(parsed.error)} />, { status: 422 });
  }
  const now = clock();
  const id = insertUser(db, { email: parsed.data.email, name: parsed.data.name, passwordHash: await hashPassword(parsed.data.password), role: 'admin' }, now);
  audit(db, { userId: id, action: 'create', entity: 'user', entityId: id, after: { email: parsed.data.email, name: parsed.data.name, role: 'admin' } }, now);
  startSession(c, id);
  return redirectWith(c, '/', { kind: 'success', message: t.auth.setupDone });
});

authRoutes.get('/login', (c) => {
  if (c.get('user')) return c.redirect('/', 303);
  return page(c, t.auth.loginTitle, <LoginPage csrf={c.get('csrf')} email="" />);
});

authRoutes.post('/login', async (c) => {
  const { db, clock, throttle } = c.get('deps');
  const form = await readForm(c);
  const email = (form.get('email') ?? '').trim().toLowerCase().slice(0, 254);
  const password = (form.get('password') ?? '').slice(0, 200);
  const keys = { account: email, address: clientAddress(c) };
  const now = clock().getTime();
  const wait = throttle.retryAfter(keys, now);
  if (wait > 0) {
    const minutes = Math.ceil(wait / 60_000);
    c.header('Retry-After', String(Math.ceil(wait / 1000)));
    return page(c, t.auth.loginTitle, <LoginPage csrf={c.get('csrf')} email={email} error={t.auth.throttled(minutes)} />, { status: 429 });
  }
  const user = email ? findUserByEmail(db, email) : undefined;
  // Verify against a dummy hash for unknown emails so timing does not reveal which exist.
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || !user.active || user.deleted) {
    throttle.recordFailure(keys, now);
    return page(c, t.auth.loginTitle, <LoginPage csrf={c.get('csrf')} email={email} error={t.auth.loginFailed} />, { status: 401 });
  }
  throttle.recordSuccess(keys);
  startSession(c, user.id);
  const next = c.req.query('next');
  return c.redirect(next && /^\/(?!\/)[\w\-/?=&%.]*$/.test(next) ? next : '/', 303);
});

authRoutes.post('/logout', (c) => {
  const token = getCookie(c, SESSION_COOKIE);
  if (token) deleteSession(c.get('deps').db, token);
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
  return redirectWith(c, '/login', { kind: 'info', message: t.auth.loggedOut });
});
