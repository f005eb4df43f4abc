// Admin pages for accounts: create, edit (role, scope, password reset), deactivate.
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { t } from '../i18n/index.ts';
import { page } from '../web/render.tsx';
import { redirectWith } from '../web/flash.ts';
import { currentUser, notFound, requireAdmin } from '../web/guards.ts';
import { fieldErrors, formObject, readForm, type FieldErrors } from '../validation/forms.ts';
import { editUserForm, newUserForm, USER_MULTI } from '../validation/user.ts';
import { findUser, findUserByEmail, insertUser, listUsersPage, setUserActive, setUserScope, updateUser } from '../db/users.ts';
import { pickerFromForm, pickerOf, wantsSearch } from '../web/organisation-picker.ts';
import { pageCursor } from '../keyset.ts';
import { MAX_LENGTH } from '../validation/limits.ts';
import { z } from 'zod';
import { hashPassword } from '../auth/password.ts';
import { deleteUserSessions, loadActor } from '../auth/sessions.ts';
import { audit } from '../db/audit.ts';
import { UserForm, UserList } from '../../views/admin-users.tsx';
import { deleteUser, writtenCounts } from '../db/personal-data.ts';
import { DeleteUserPage } from '../../views/account.tsx';

export const adminUserRoutes = new Hono<AppEnv>();
adminUserRoutes.use(requireAdmin);

// Unknown filter values are ignored rather than refused: these are links people edit and share.
const listQuery = z.object({
  q: z.string().optional().catch(undefined),
  role: z.enum(['member', 'consultant', 'admin']).optional().catch(undefined),
  status: z.enum(['active', 'inactive']).optional().catch(undefined),
  after: z.string().optional().catch(undefined),
  before: z.string().optional().catch(undefined),
});

adminUserRoutes.get('/', (c) => {
  const { db } = c.get('deps');
  const raw = listQuery.parse(c.req.query());
  const filters = { q: raw.q?.slice(0, MAX_LENGTH.filter).trim() || undefined, role: raw.role, status: raw.status };
  const result = listUsersPage(db, { ...filters, active: filters.status === undefined ? undefined : filters.status === 'active', ...pageCursor(raw) });
  return page(c, t.admin.usersTitle, <UserList page={result} orgNames={result.orgNames} filters={filters} />, { wide: true });
});

adminUserRoutes.get('/new', (c) =>
  page(c, t.admin.createUserTitle, <UserForm csrf={c.get('csrf')} action="/admin/users" title={t.admin.createUserTitle} values={{ role: 'member' }} errors={{}} picker={pickerOf(c.get('deps').db, currentUser(c), [])} isNew />),
);

adminUserRoutes.post('/', async (c) => {
  const { db, clock } = c.get('deps');
  const form = await readForm(c);
  const values = formObject(form, USER_MULTI);
  // The organisation picker's search step (no JavaScript): the form comes back, nothing saved.
  const search = wantsSearch(form);
  const picker = pickerFromForm(db, currentUser(c), form, search);
  const again = (errors: FieldErrors, status: 200 | 422) =>
    page(c, t.admin.createUserTitle, <UserForm csrf={c.get('csrf')} action="/admin/users" title={t.admin.createUserTitle} values={values} errors={errors} picker={picker} isNew />, { status });
  if (search) return again({}, 200);
  const parsed = newUserForm.safeParse({ ...values, organisationIds: picker.chosen.map((o) => o.id) });
  const errors = parsed.success ? (findUserByEmail(db, parsed.data.email) ? { email: t.admin.emailTaken } : null) : fieldErrors(parsed.error);
  if (!parsed.success || errors) return again(errors ?? {}, 422);
  const d = parsed.data;
  const organisationIds = d.role === 'member' ? picker.chosen.map((o) => o.id) : [];
  const regions = d.role === 'consultant' ? d.regions : [];
  const now = clock();
  const id = insertUser(db, { email: d.email, name: d.name, role: d.role, passwordHash: await hashPassword(d.password), organisationIds, regions }, now);
  audit(db, { userId: currentUser(c).id, action: 'create', entity: 'user', entityId: id, after: { email: d.email, name: d.name, role: d.role, organisationIds, regions } }, now);
  return redirectWith(c, '/admin/users', { kind: 'success', message: t.admin.userCreated(d.name) });
});

adminUserRoutes.get('/:userId/edit', (c) => {
  const { db } = c.get('deps');
  const u = findUser(db, c.req.param('userId'));
  if (!u || u.deleted) notFound();
  const scope = loadActor(db, u.id);
  const title = t.admin.editUserTitle(u.name);
  return page(
    c,
    title,
    <UserForm
      csrf={c.get('csrf')}
      action={`/admin/users/${u.id}`}
      title={title}
      values={{ name: u.name, email: u.email, role: u.role, ...scope }}
      errors={{}}
      picker={pickerOf(db, currentUser(c), scope.organisationIds)}
      isNew={false}
      activeToggle={{ active: u.active, action: `/admin/users/${u.id}/active` }}
      deleteHref={u.id === currentUser(c).id ? undefined : `/admin/users/${u.id}/delete`}
    />,
  );
});

adminUserRoutes.post('/:userId', async (c) => {
  const { db, clock } = c.get('deps');
  const u = findUser(db, c.req.param('userId'));
  if (!u || u.deleted) notFound();
  const form = await readForm(c);
  const values = formObject(form, USER_MULTI);
  const search = wantsSearch(form);
  const picker = pickerFromForm(db, currentUser(c), form, search);
  const again = (errors: FieldErrors, status: 200 | 422) => {
    const title = t.admin.editUserTitle(u.name);
    return page(c, title, <UserForm csrf={c.get('csrf')} action={`/admin/users/${u.id}`} title={title} values={values} errors={errors} picker={picker} isNew={false} />, { status });
  };
  if (search) return again({}, 200);
  const parsed = editUserForm.safeParse({ ...values, organisationIds: picker.chosen.map((o) => o.id) });
  const clash = parsed.success ? findUserByEmail(db, parsed.data.email) : undefined;
  const errors = parsed.success ? (clash && clash.id !== u.id ? { email: t.admin.emailTaken } : null) : fieldErrors(parsed.error);
  if (!parsed.success || errors) return again(errors ?? {}, 422);
  const d = parsed.data;
  const organisationIds = d.role === 'member' ? picker.chosen.map((o) => o.id) : [];
  const regions = d.role === 'consultant' ? d.regions : [];
  const before = { name: u.name, email: u.email, role: u.role, ...loadActor(db, u.id) };
  const now = clock();
  const passwordHash = d.password ? await hashPassword(d.password) : undefined;
  updateUser(db, u.id, { name: d.name, email: d.email, role: d.role, ...(passwordHash ? { passwordHash } : {}) });
  setUserScope(db, u.id, organisationIds, regions);
  // A reset password, or a change of role, must not leave old sessions running.
  if (passwordHash || d.role !== u.role) deleteUserSessions(db, u.id);
  audit(db, { userId: currentUser(c).id, action: passwordHash ? 'update+password-reset' : 'update', entity: 'user', entityId: u.id, before, after: { name: d.name, email: d.email, role: d.role, organisationIds, regions } }, now);
  return redirectWith(c, '/admin/users', { kind: 'success', message: t.admin.userUpdated(d.name) });
});

adminUserRoutes.post('/:userId/active', async (c) => {
  const { db, clock } = c.get('deps');
  const u = findUser(db, c.req.param('userId'));
  if (!u || u.deleted) notFound();
  const active = (await readForm(c)).get('active') === '1';
  if (!active && u.id === currentUser(c).id) return redirectWith(c, `/admin/users/${u.id}/edit`, { kind: 'error', message: t.admin.cannotDeactivateSelf });
  setUserActive(db, u.id, active);
  if (!active) deleteUserSessions(db, u.id);
  audit(db, { userId: currentUser(c).id, action: active ? 'reactivate' : 'deactivate', entity: 'user', entityId: u.id, before: { active: u.active }, after: { active } }, clock());
  return redirectWith(c, '/admin/users', { kind: 'success', message: active ? t.admin.userReactivated(u.name) : t.admin.userDeactivated(u.name) });
});

// Deleting an account keeps what it wrote (see src/db/personal-data.ts); an admin cannot delete
// their own account, so at least one admin always remains.
adminUserRoutes.get('/:userId/delete', (c) => {
  const { db } = c.get('deps');
  const u = findUser(db, c.req.param('userId'));
  if (!u || u.deleted) notFound();
  if (u.id === currentUser(c).id) return redirectWith(c, `/admin/users/${u.id}/edit`, { kind: 'error', message: t.account.cannotDeleteSelf });
  return page(c, t.account.deleteTitle(u.name), <DeleteUserPage name={u.name} userId={u.id} csrf={c.get('csrf')} written={writtenCounts(db, u.id)} />);
});

adminUserRoutes.post('/:userId/delete', (c) => {
  const { db, clock } = c.get('deps');
  const u = findUser(db, c.req.param('userId'));
  if (!u || u.deleted) notFound();
  if (u.id === currentUser(c).id) return redirectWith(c, `/admin/users/${u.id}/edit`, { kind: 'error', message: t.account.cannotDeleteSelf });
  deleteUser(db, u.id, currentUser(c).id, clock());
  return redirectWith(c, '/admin/users', { kind: 'success', message: t.account.deleted });
});
