import { t } from '../src/i18n/index.ts';
import type { UserRow } from '../src/db/users.ts';
import { REGIONS } from '../src/regions.ts';
import { encodeCursor, type Cursor, type KeysetPage } from '../src/keyset.ts';
import { KeysetPager } from './pager.tsx';
import { ActiveToggle, CheckboxGroup, CsrfField, ErrorSummary, SelectField, SubmitButton, TextField, type FieldErrors } from './forms.tsx';
import { TableRegion } from './table.tsx';
import { OrganisationPicker, type PickerState } from './organisation-picker.tsx';

const ROLES = ['member', 'consultant', 'admin'] as const;

export interface UserFilters {
  q?: string;
  role?: 'member' | 'consultant' | 'admin';
  status?: 'active' | 'inactive';
}

/** The list's address with its search and filters, and optionally a page. */
function usersHref(f: UserFilters, page: { after?: Cursor; before?: Cursor } = {}): string {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  if (f.role) p.set('role', f.role);
  if (f.status) p.set('status', f.status);
  if (page.after) p.set('after', encodeCursor(page.after));
  else if (page.before) p.set('before', encodeCursor(page.before));
  const s = p.toString();
  return s ? `/admin/users?${s}` : '/admin/users';
}

export function UserList({ page, orgNames, filters }: { page: KeysetPage<UserRow>; orgNames: Map<string, string>; filters: UserFilters }) {
  const users = page.rows;
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
      <form method="get" action="/admin/users" class="panel filters" aria-labelledby="users-filters-title">
        <h2 id="users-filters-title" class="filters__title">
          {t.admin.usersFilters}
        </h2>
        <div class="filters__fields">
          <div class="field filters__search">
            <label for="u-q">{t.admin.usersSearch}</label>
            <input id="u-q" name="q" type="search" value={filters.q ?? ''} maxlength={100} autocomplete="off" />
          </div>
          <div class="field">
            <label for="u-role">{t.admin.role}</label>
            <select id="u-role" name="role">
              <option value="">{t.admin.allRoles}</option>
              {(['member', 'consultant', 'admin'] as const).map((r) => (
                <option value={r} selected={filters.role === r}>
                  {t.common.roles[r]}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="u-status">{t.admin.status}</label>
            <select id="u-status" name="status">
              <option value="">{t.admin.allStatuses}</option>
              <option value="active" selected={filters.status === 'active'}>
                {t.admin.active}
              </option>
              <option value="inactive" selected={filters.status === 'inactive'}>
                {t.admin.inactive}
              </option>
            </select>
          </div>
        </div>
        <div class="actions-row">
          <button type="submit" class="button">
            {t.admin.filterApply}
          </button>
          <a href="/admin/users">{t.admin.filterReset}</a>
        </div>
      </form>
      <p role="status">
        <strong>{users.length ? t.admin.usersRange(page.offset + 1, page.offset + users.length, page.total) : t.admin.usersCount(page.total)}</strong>
      </p>
      {users.length === 0 ? (
        <p>{t.admin.usersEmpty}</p>
      ) : (
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
      )}
      <KeysetPager label={t.admin.usersPager} first={page.prev ? usersHref(filters) : undefined} prev={page.prev ? usersHref(filters, { before: page.prev }) : undefined} next={page.next ? usersHref(filters, { after: page.next }) : undefined} />
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
