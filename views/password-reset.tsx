// « Mot de passe oublié ? »: asking for a link, the answer (the same whether the address has an
// account or not), and choosing the new password from the link.
import { t } from '../src/i18n/index.ts';
import { CsrfField, ErrorSummary, SubmitButton, TextField, type FieldErrors } from './forms.tsx';

const r = t.passwordReset;

export function ResetRequestPage(p: { csrf: string; email: string; errors: FieldErrors; refusal?: string }) {
  return (
    <section class="narrow">
      <h1>{r.requestTitle}</h1>
      <p>{r.requestIntro}</p>
      {p.refusal && (
        <div class="error-summary" role="alert">
          <p>{p.refusal}</p>
        </div>
      )}
      <ErrorSummary errors={p.errors} labels={{ email: r.email }} />
      <form method="post" action="/password-reset" class="form" novalidate>
        <CsrfField token={p.csrf} />
        <TextField name="email" type="email" label={r.email} value={p.email} error={p.errors.email} required autocomplete="username" />
        <SubmitButton>{r.submit}</SubmitButton>
      </form>
      <p>
        <a href="/login">{r.backToLogin}</a>
      </p>
    </section>
  );
}

export function ResetSentPage({ email }: { email: string }) {
  return (
    <section class="narrow">
      <h1>{r.sentTitle}</h1>
      <p role="status">{r.sent(email)}</p>
      <p>{r.sentAgain}</p>
      <ul class="inline-links">
        <li>
          <a href="/password-reset">{r.askAgain}</a>
        </li>
        <li>
          <a href="/login">{r.backToLogin}</a>
        </li>
      </ul>
    </section>
  );
}

export function ResetChoosePage(p: { csrf: string; token: string; email: string; errors: FieldErrors }) {
  return (
    <section class="narrow">
      <h1>{r.chooseTitle}</h1>
      <p>{r.chooseIntro(p.email)}</p>
      <ErrorSummary errors={p.errors} labels={{ password: r.password, passwordConfirm: r.passwordConfirm }} />
      <form method="post" action={`/password-reset/${p.token}`} class="form" novalidate>
        <CsrfField token={p.csrf} />
        <input type="hidden" name="username" value={p.email} autocomplete="username" />
        <TextField name="password" type="password" label={r.password} hint={t.invitations.passwordHint} error={p.errors.password} required autocomplete="new-password" />
        <TextField name="passwordConfirm" type="password" label={r.passwordConfirm} error={p.errors.passwordConfirm} required autocomplete="new-password" />
        <SubmitButton>{r.save}</SubmitButton>
      </form>
    </section>
  );
}
