import { t } from '../src/i18n/index.ts';
import type { UserRow } from '../src/db/users.ts';
import type { UserListQuery } from '../src/web/user-search.ts';
import { REGIONS } from '../src/regions.ts';
import { ActiveToggle, CheckboxGroup, CsrfField, ErrorSummary, SelectField, SubmitButton, TextField, type FieldErrors } from './forms.tsx';
import { TableRegion } from './table.tsx';
import { FilterSearch, FilterSelect, ListFilters } from './list-filters.tsx';
import { OrganisationPicker, type PickerState } from './organisation-picker.tsx';

const ROLES = ['member', 'consultant', 'admin'] as const;

export function UserList({ users, total, orgNames, query: q }: { users: UserRow[]; total: number; orgNames: Map<string, string>; query: UserListQuery }) {
  const a = t.admin;
  return (
    <section>
      <h1>{a.usersTitle}</h1>
      <p class="actions-row">
        <a class="button" href="/admin/invitations">
          {t.invitations.inviteTitle}
        </a>
        <a class="button button--secondary" href="/admin/users/new">
          {a.newUser}
        </a>
      </p>
      <ListFilters action="/admin/users" title={a.filtersTitle} apply={a.filterApply} reset={a.filterReset}>
        <FilterSearch name="q" label={a.search} value={q.q} />
        <FilterSelect name="role" label={a.role} all={a.filterAll} value={q.role} options={ROLES.map((r) => [r, a.rolesPlural[r]!] as const)} />
        <FilterSelect name="state" label={a.status} all={a.filterAll} value={q.state} options={[['active', a.states.active!], ['inactive', a.states.inactive!]]} />
      </ListFilters>
      <p class="list-count" role="status">
        <strong>{a.count(total)}</strong>
        {total > users.length && <> — {a.truncated(users.length)}</>}
      </p>
      {users.length === 0 ? (
        <p>{a.noMatch}</p>
      ) : (
        <TableRegion label={a.usersTitle}>
          <table class="stack">
            <caption class="visually-hidden">{a.usersTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{a.name}</th>
                <th scope="col">{a.email}</th>
                <th scope="col">{a.role}</th>
                <th scope="col">{a.scope}</th>
                <th scope="col">{a.status}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr>
                  <th scope="row">
                    <a href={`/admin/users/${u.id}/edit`}>{u.name}</a>
                  </th>
                  <td data-label={a.email}>{u.email}</td>
                  <td data-label={a.role}>{t.common.roles[u.role]}</td>
                  <td data-label={a.scope}>{[...u.organisationIds.map((id) => orgNames.get(id) ?? id), ...u.regions].join(', ') || a.none}</td>
                  <td data-label={a.status}>{u.active ? a.active : <span class="badge badge--muted">{a.inactive}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}

export function UserForm(p: {
  csrf: string;
  action: string;
  title: string;
  values: Record<string, unknown>;
  errors: FieldErrors;
  picker: PickerState;
  isNew: boolean;
  activeToggle?: { active: boolean; action: string };
  deleteHref?: string;
}) {
  const a = t.admin;
  const v = (k: string) => (typeof p.values[k] === 'string' ? (p.values[k] as string) : '');
  const list = (k: string) => (Array.isArray(p.values[k]) ? (p.values[k] as string[]) : []);
  const passwordLabel = p.isNew ? a.password : a.newPassword;
  return (
    <section class="narrow">
      <h1>{p.title}</h1>
      <ErrorSummary
        errors={p.errors}
        labels={{ name: a.name, email: a.email, role: a.role, organisationIds: a.memberships, regions: a.regions, password: passwordLabel }}
        targets={{ organisationIds: 'f-orgSearch' }}
      />
      <form method="post" action={p.action} class="form user-form" novalidate>
        {/* Enter in a field saves the form: this first submit button is the form's default one,
            before the picker's « Rechercher » (hidden: the visible « Enregistrer » ends the form). */}
        <button type="submit" class="visually-hidden" tabindex={-1} aria-hidden="true">
          {t.common.save}
        </button>
        <CsrfField token={p.csrf} />
        <TextField name="name" label={a.name} value={v('name')} error={p.errors.name} required autocomplete="off" />
        <TextField name="email" label={a.email} type="email" value={v('email')} error={p.errors.email} required autocomplete="off" />
        <SelectField name="role" label={a.role} value={v('role')} error={p.errors.role} required options={ROLES.map((r) => [r, t.common.roles[r] ?? r] as const)} />
        <OrganisationPicker state={p.picker} legend={a.memberships} error={p.errors.organisationIds} action={p.action} roleScope="member" />
        <CheckboxGroup name="regions" legend={a.regions} options={REGIONS.map((r) => [r, r] as const)} values={list('regions')} error={p.errors.regions} columns roleScope="consultant" />
        <TextField
          name="password"
          type="password"
          label={passwordLabel}
          hint={p.isNew ? a.passwordHint : a.newPasswordHint}
          error={p.errors.password}
          required={p.isNew}
          autocomplete="new-password"
        />
        <SubmitButton>{t.common.save}</SubmitButton>
      </form>
      {p.activeToggle && <ActiveToggle csrf={p.csrf} {...p.activeToggle} deactivate={a.deactivate} reactivate={a.reactivate} />}
      {p.deleteHref && (
        <p>
          <a href={p.deleteHref}>{t.account.deleteLink}</a>
        </p>
      )}
    </section>
  );
}
