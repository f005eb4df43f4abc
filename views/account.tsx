// « Mon compte » (identity, password change, personal data download) and the admin's confirmation
// before deleting an account.
import { t } from '../src/i18n/index.ts';
import type { CurrentUser } from '../src/context.ts';
import type { Child } from 'hono/jsx';
import { CsrfField, ErrorSummary, SubmitButton, TextField, type FieldErrors } from './forms.tsx';

export function AccountPage(p: { user: CurrentUser; organisationNames: string[]; csrf: string; errors: FieldErrors; /** The e-mail notices section. */ notices?: Child }) {
  const a = t.account;
  return (
    <section class="narrow">
      <h1>{a.title}</h1>

      <h2>{a.identity}</h2>
      <dl class="details">
        <dt>{a.name}</dt>
        <dd>{p.user.name}</dd>
        <dt>{a.email}</dt>
        <dd>{p.user.email}</dd>
        <dt>{a.role}</dt>
        <dd>{t.common.roles[p.user.role]}</dd>
        {p.user.role === 'member' && (
          <>
            <dt>{a.organisations}</dt>
            <dd>{p.organisationNames.join(', ') || a.none}</dd>
          </>
        )}
        {p.user.role === 'consultant' && (
          <>
            <dt>{a.regions}</dt>
            <dd>{p.user.regions.join(', ') || a.none}</dd>
          </>
        )}
      </dl>
      <p class="hint">{a.identityHint}</p>

      <h2 id="mot-de-passe">{a.passwordTitle}</h2>
      <p>{a.passwordIntro}</p>
      <ErrorSummary errors={p.errors} labels={{ current: a.currentPassword, password: a.newPassword, passwordConfirm: a.newPasswordConfirm }} />
      <form method="post" action="/account/password" class="form" novalidate>
        <CsrfField token={p.csrf} />
        {/* The account's email lets password managers file the new password under it. */}
        <input type="hidden" name="username" value={p.user.email} autocomplete="username" />
        <TextField name="current" type="password" label={a.currentPassword} error={p.errors.current} required autocomplete="current-password" />
        <TextField name="password" type="password" label={a.newPassword} hint={a.newPasswordHint} error={p.errors.password} required autocomplete="new-password" />
        <TextField name="passwordConfirm" type="password" label={a.newPasswordConfirm} error={p.errors.passwordConfirm} required autocomplete="new-password" />
        <SubmitButton>{a.changePassword}</SubmitButton>
      </form>

      {p.notices}

      <h2>{a.dataTitle}</h2>
      <p>{a.dataIntro}</p>
      <p>
        <a class="button button--secondary" href="/account/export.json" download>
          {a.dataDownload}
        </a>
      </p>
      <p class="hint">{a.dataDeletion}</p>
    </section>
  );
}

export function DeleteUserPage(p: { name: string; userId: string; csrf: string; written: { answers: number; comments: number; files: number } }) {
  const a = t.account;
  return (
    <section class="narrow">
      <h1>{a.deleteTitle(p.name)}</h1>
      <p>{a.deleteIntro}</p>
      <ul>
        {a.deleteEffects.map((e) => (
          <li>{e}</li>
        ))}
      </ul>
      <p>{a.deleteWritten(p.written.answers, p.written.comments, p.written.files)}</p>
      <form method="post" action={`/admin/users/${p.userId}/delete`} class="form actions-row">
        <CsrfField token={p.csrf} />
        <button type="submit" class="button button--danger">
          {a.deleteConfirm}
        </button>
        <a href={`/admin/users/${p.userId}/edit`}>{a.deleteCancel}</a>
      </form>
    </section>
  );
}
