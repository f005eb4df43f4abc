// First-run setup, login and logout.
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.ts';
import { t } from '../i18n/index.ts';
import { page } from '../web/render.tsx';
import { redirectWith } from '../web/flash.ts';
import { fields, fieldErrors, formObject, readForm } from '../validation/forms.ts';
import { hashPassword, verifyPassword, DUMMY_HASH, MIN_PASSWORD_LENGTH } from '../auth/password.ts';
import { deleteSession } from '../auth/sessions.ts';
import { startSession } from '../web/session.ts';
import { passwordRules } from '../validation/user.ts';
import { clearCookie, readCookie } from '../web/cookies.ts';
import { MAX_LENGTH } from '../validation/limits.ts';
import { findUserByEmail, hasAnyUser, insertUser } from '../db/users.ts';
import { audit } from '../db/audit.ts';
import { LoginPage, SetupPage } from '../../views/auth.tsx';
import { clientAddress } from '../web/client-address.ts';

export const authRoutes = new Hono<AppEnv>();

const setupSchema = z
  .object({
    name: fields.requiredText(MAX_LENGTH.personName),
    email: fields.email,
    password: z.string({ error: t.common.validation.required }).min(MIN_PASSWORD_LENGTH, t.auth.passwordTooShort).max(MAX_LENGTH.password, t.common.validation.tooLong(MAX_LENGTH.password)),
    passwordConfirm: z.string(),
  })
  .refine((v) => v.password === v.passwordConfirm, { path: ['passwordConfirm'], message: t.auth.passwordMismatch })
  .superRefine((v, ctx) => passwordRules(v, ctx));

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
    // The password is never sent back in the page.
    const values = { name: form.name, email: form.email };
    return page(c, t.auth.setupTitle, <SetupPage csrf={c.get('csrf')} values={values} errors={fieldErrors(parsed.error)} />, { status: 422 });
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
  const email = (form.get('email') ?? '').trim().toLowerCase().slice(0, MAX_LENGTH.email);
  const password = (form.get('password') ?? '').slice(0, MAX_LENGTH.password);
  const user = email ? findUserByEmail(db, email) : undefined;
  // Counted before the hash; unknown e-mails are checked against a dummy hash, so that timing does
  // not tell which exist.
  const verdict = await throttle.attempt({ account: email, address: clientAddress(c) }, clock().getTime(), async () => {
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    return ok && !!user && user.active && !user.deleted;
  });
  if (verdict.kind === 'throttled') {
    c.header('Retry-After', String(Math.ceil(verdict.retryAfterMs / 1000)));
    return page(c, t.auth.loginTitle, <LoginPage csrf={c.get('csrf')} email={email} error={t.auth.throttled(Math.ceil(verdict.retryAfterMs / 60_000))} />, { status: 429 });
  }
  if (!verdict.ok || !user) {
    return page(c, t.auth.loginTitle, <LoginPage csrf={c.get('csrf')} email={email} error={t.auth.loginFailed} />, { status: 401 });
  }
  startSession(c, user.id);
  const next = c.req.query('next');
  return c.redirect(next && /^\/(?!\/)[\w\-/?=&%.]*$/.test(next) ? next : '/', 303);
});

authRoutes.post('/logout', (c) => {
  const token = readCookie(c, 'cap_session');
  if (token) deleteSession(c.get('deps').db, token);
  clearCookie(c, 'cap_session');
  return redirectWith(c, '/login', { kind: 'info', message: t.auth.loggedOut });
});
