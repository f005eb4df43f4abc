// « Mot de passe oublié ? »: a link by e-mail (single use, one hour), the same answer and about the
// same time whether or not the address has an account, throttled per address; using the link sets
// the new password under the password policy, ends every other session and signs the person in.
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';
import { t } from '../i18n/index.ts';
import { page } from '../web/render.tsx';
import { redirectWith } from '../web/flash.ts';
import { clientAddress } from '../web/client-address.ts';
import { startSession } from '../web/session.ts';
import { fieldErrors, formObject, readForm } from '../validation/forms.ts';
import { newPasswordForm, resetRequestForm } from '../validation/invitation.ts';
import { hashPassword } from '../auth/password.ts';
import { passwordProblem } from '../auth/password-policy.ts';
import { requestPasswordReset, resetPassword, resetTarget } from '../accounts/password-reset.ts';
import { ResetChoosePage, ResetRequestPage, ResetSentPage } from '../../views/password-reset.tsx';
import { NoticePage } from '../../views/invitations.tsx';

const r = t.passwordReset;

export const passwordResetRoutes = new Hono<AppEnv>();

passwordResetRoutes.get('/', (c) => page(c, r.requestTitle, <ResetRequestPage csrf={c.get('csrf')} email="" errors={{}} />));

/** Waits until `ms` have passed since `started`: known and unknown addresses answer alike. */
async function answerNoSoonerThan(started: number, ms: number): Promise<void> {
  const left = ms - (performance.now() - started);
  if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
}

passwordResetRoutes.post('/', async (c) => {
  const started = performance.now();
  const { db, clock, resetThrottle, mail } = c.get('deps');
  const values = formObject(await readForm(c));
  const parsed = resetRequestForm.safeParse(values);
  const email = typeof values.email === 'string' ? values.email.slice(0, 254) : '';
  if (!parsed.success) return page(c, r.requestTitle, <ResetRequestPage csrf={c.get('csrf')} email={email} errors={fieldErrors(parsed.error)} />, { status: 422 });
  const keys = { account: parsed.data.email, address: clientAddress(c) };
  const now = clock();
  const wait = resetThrottle.retryAfter(keys, now.getTime());
  if (wait > 0) {
    await answerNoSoonerThan(started, mail.resetAnswerMs);
    c.header('Retry-After', String(Math.ceil(wait / 1000)));
    return page(c, r.requestTitle, <ResetRequestPage csrf={c.get('csrf')} email={parsed.data.email} errors={{}} refusal={r.throttled(Math.ceil(wait / 60_000))} />, { status: 429 });
  }
  // Every request counts, for an account or not: the limit reveals nothing either.
  resetThrottle.recordFailure(keys, now.getTime());
  if (requestPasswordReset(db, parsed.data.email, now)) mail.wake();
  await answerNoSoonerThan(started, mail.resetAnswerMs);
  return page(c, r.sentTitle, <ResetSentPage email={parsed.data.email} />);
});

function unusable(c: Context<AppEnv>) {
  return page(c, r.unusableTitle, <NoticePage title={r.unusableTitle} paragraphs={[r.unusable]} links={[{ href: '/password-reset', label: r.askAgain }, { href: '/login', label: r.backToLogin }]} />, { status: 404 });
}

passwordResetRoutes.get('/:token', (c) => {
  const { db, clock } = c.get('deps');
  const target = resetTarget(db, c.req.param('token'), clock());
  if (!target) return unusable(c);
  return page(c, r.chooseTitle, <ResetChoosePage csrf={c.get('csrf')} token={c.req.param('token')} email={target.email} errors={{}} />);
});

passwordResetRoutes.post('/:token', async (c) => {
  const { db, clock } = c.get('deps');
  const token = c.req.param('token');
  const target = resetTarget(db, token, clock());
  if (!target) return unusable(c);
  const parsed = newPasswordForm.safeParse(formObject(await readForm(c)));
  const errors = parsed.success ? {} : fieldErrors(parsed.error);
  const problem = parsed.success ? await passwordProblem(parsed.data.password, target.email) : null;
  if (!parsed.success || problem) {
    return page(c, r.chooseTitle, <ResetChoosePage csrf={c.get('csrf')} token={token} email={target.email} errors={problem ? { password: problem } : errors} />, { status: 422 });
  }
  const done = resetPassword(db, token, await hashPassword(parsed.data.password), clock());
  if (!done) return unusable(c);
  startSession(c, done.userId);
  return redirectWith(c, '/', { kind: 'success', message: r.done });
});
