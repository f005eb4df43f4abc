import { t } from '../src/i18n/index.ts';
import { CsrfField, ErrorSummary, SubmitButton, TextField, type FieldErrors } from './forms.tsx';

export function LoginPage({ csrf, email, error }: { csrf: string; email: string; error?: string }) {
  return (
    <section class="narrow">
      <h1>{t.auth.loginTitle}</h1>
      <p>{t.auth.loginIntro}</p>
      {error && (
        <div class="error-summary" role="alert">
          <p>{error}</p>
        </div>
      )}
      <form method="post" action="/login" class="form">
        <CsrfField token={csrf} />
        <TextField name="email" label={t.auth.email} type="email" value={email} required autocomplete="username" />
        <TextField name="password" label={t.auth.password} type="password" required autocomplete="current-password" />
        <SubmitButton>{t.auth.submitLogin}</SubmitButton>
      </form>
      <p>
        <a href="/password-reset">{t.passwordReset.link}</a>
      </p>
    </section>
  );
}

export function SetupPage({ csrf, values, errors }: { csrf: string; values: Record<string, unknown>; errors: FieldErrors }) {
  const v = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : '');
  return (
    <section class="narrow">
      <h1>{t.auth.setupTitle}</h1>
      <p>{t.auth.setupIntro}</p>
      <ErrorSummary errors={errors} labels={{ name: t.auth.setupName, email: t.auth.email, password: t.auth.password, passwordConfirm: t.auth.passwordConfirm }} />
      <form method="post" action="/setup" class="form" novalidate>
        <CsrfField token={csrf} />
        <TextField name="name" label={t.auth.setupName} value={v('name')} error={errors.name} required autocomplete="name" />
        <TextField name="email" label={t.auth.email} type="email" value={v('email')} error={errors.email} required autocomplete="username" />
        <TextField name="password" label={t.auth.password} type="password" hint={t.auth.passwordHint} error={errors.password} required autocomplete="new-password" />
        <TextField name="passwordConfirm" label={t.auth.passwordConfirm} type="password" error={errors.passwordConfirm} required autocomplete="new-password" />
        <SubmitButton>{t.auth.setupSubmit}</SubmitButton>
      </form>
    </section>
  );
}
