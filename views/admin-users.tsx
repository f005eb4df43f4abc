import { t } from '../src/i18n/index.ts';
import type { UserRow } from '../src/db/users.ts';
import type { Organisation } from '../src/db/organisations.ts';
import { REGIONS } from '../src/regions.ts';
import { ActiveToggle, CheckboxGroup, CsrfField, ErrorSummary, SelectField, SubmitButton, TextField, type FieldErrors } from './forms.tsx';
import { TableRegion } from './table.tsx';

export function UserList({ users, orgNames }: { users: UserRow[]; orgNames: Map<string, string> }) {
  return (
    <section>
      <h1>{t.admin.usersTitle}</h1>
      <p class="actions-row">
        <a class="button" href="/admin/invitations">
          {t.invitations.inviteTitle}
        </a>
        <a class="button button--secondary" href="/admin/users/new">
          {t.admin.newUser}
        </a>
      </p>
      <TableRegion label={t.admin.usersTitle}>
        <table class="stack">
          <caption class="visually-hidden">{t.admin.usersTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{t.admin.name}</th>
              <th scope="col">{t.admin.email}</th>
              <th scope="col">{t.admin.role}</th>
              <th scope="col">{t.admin.scope}</th>
              <th scope="col">{t.admin.status}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr>
                <th scope="row">
                  <a href={`/admin/users/${u.id}/edit`}>{u.name}</a>
                </th>
                <td data-label={t.admin.email}>{u.email}</td>
                <td data-label={t.admin.role}>{t.common.roles[u.role]}</td>
                <td data-label={t.admin.scope}>{[...u.organisationIds.map((id) => orgNames.get(id) ?? id), ...u.regions].join(', ') || t.admin.none}</td>
                <td data-label={t.admin.status}>{u.active ? t.admin.active : <span class="badge badge--muted">{t.admin.inactive}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}

export function UserForm(p: {
  csrf: string;
  action: string;
  title: string;
  values: Record<string, unknown>;
  errors: FieldErrors;
  orgs: Organisation[];
  isNew: boolean;
  activeToggle?: { active: boolean; action: string };
  deleteHref?: string;
}) {
  const v = (k: string) => (typeof p.values[k] === 'string' ? (p.values[k] as string) : '');
  const list = (k: string) => (Array.isArray(p.values[k]) ? (p.values[k] as string[]) : []);
  return (
    <section class="narrow">
      <h1>{p.title}</h1>
      <ErrorSummary errors={p.errors} />
      <form method="post" action={p.action} class="form" novalidate>
        <CsrfField token={p.csrf} />
        <TextField name="name" label={t.admin.name} value={v('name')} error={p.errors.name} required />
        <TextField name="email" label={t.admin.email} type="email" value={v('email')} error={p.errors.email} required />
        <SelectField
          name="role"
          label={t.admin.role}
          value={v('role')}
          error={p.errors.role}
          required
          options={(['member', 'consultant', 'admin'] as const).map((r) => [r, t.common.roles[r] ?? r] as const)}
        />
        <TextField
          name="password"
          type="password"
          label={p.isNew ? t.admin.password : t.admin.newPassword}
          hint={p.isNew ? t.admin.passwordHint : t.admin.newPasswordHint}
          error={p.errors.password}
          required={p.isNew}
          autocomplete="new-password"
        />
        <CheckboxGroup name="organisationIds" legend={t.admin.memberships} options={p.orgs.map((o) => [o.id, o.name] as const)} values={list('organisationIds')} error={p.errors.organisationIds} />
        <CheckboxGroup name="regions" legend={t.admin.regions} options={REGIONS.map((r) => [r, r] as const)} values={list('regions')} error={p.errors.regions} />
        <SubmitButton>{t.common.save}</SubmitButton>
      </form>
      {p.activeToggle && <ActiveToggle csrf={p.csrf} {...p.activeToggle} deactivate={t.admin.deactivate} reactivate={t.admin.reactivate} />}
      {p.deleteHref && (
        <p>
          <a href={p.deleteHref}>{t.account.deleteLink}</a>
        </p>
      )}
    </section>
  );
}
