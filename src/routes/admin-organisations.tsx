// Admin pages for organisations: the list (search, region and status, 50 a page: the same list as
// /organisations, src/web/organisation-list.tsx), create, edit, deactivate.
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';
import { t } from '../i18n/index.ts';
import { page } from '../web/render.tsx';
import { redirectWith } from '../web/flash.ts';
import { currentUser, requireAdmin } from '../web/guards.ts';
import { loadOrganisation } from '../web/load.ts';
import { readForm } from '../validation/forms.ts';
import type { OrganisationForm as OrgFormData } from '../validation/organisation.ts';
import { insertOrganisation, updateOrganisation } from '../db/organisations.ts';
import { readOrganisationForm } from '../web/organisation-form.ts';
import { audit } from '../db/audit.ts';
import { OrganisationForm } from '../../views/organisations.tsx';
import { organisationListPage } from '../web/organisation-list.tsx';

export const adminOrganisationRoutes = new Hono<AppEnv>();
adminOrganisationRoutes.use(requireAdmin);
const managed = loadOrganisation('admin.manage');

adminOrganisationRoutes.get('/', (c) => organisationListPage(c, '/admin/organisations'));

adminOrganisationRoutes.get('/new', (c) =>
  page(c, t.orgs.createTitle, <OrganisationForm csrf={c.get('csrf')} action="/admin/organisations" title={t.orgs.createTitle} values={{}} errors={{}} />),
);

adminOrganisationRoutes.post('/', async (c) => {
  const { db, clock } = c.get('deps');
  const r = await readOrganisationForm(c);
  if (!r.data) {
    return page(c, t.orgs.createTitle, <OrganisationForm csrf={c.get('csrf')} action="/admin/organisations" title={t.orgs.createTitle} values={r.values} errors={r.errors} />, { status: 422 });
  }
  const now = clock();
  const data: OrgFormData = r.data;
  const id = insertOrganisation(db, data, now);
  audit(db, { userId: currentUser(c).id, action: 'create', entity: 'organisation', entityId: id, organisationId: id, after: data }, now);
  return redirectWith(c, `/organisations/${id}`, { kind: 'success', message: t.orgs.created(data.name) });
});

adminOrganisationRoutes.get('/:orgId/edit', managed, (c) => {
  const org = c.var.organisation;
  const title = t.orgs.editTitle(org.name);
  return page(
    c,
    title,
    <OrganisationForm
      csrf={c.get('csrf')}
      action={`/admin/organisations/${org.id}`}
      title={title}
      values={org}
      errors={{}}
      activeToggle={{ active: org.active, action: `/admin/organisations/${org.id}/active` }}
    />,
  );
});

adminOrganisationRoutes.post('/:orgId', managed, async (c) => {
  const { db, clock } = c.get('deps');
  const org = c.var.organisation;
  const r = await readOrganisationForm(c, { selfId: org.id });
  if (!r.data) {
    const title = t.orgs.editTitle(org.name);
    return page(c, title, <OrganisationForm csrf={c.get('csrf')} action={`/admin/organisations/${org.id}`} title={title} values={r.values} errors={r.errors} />, { status: 422 });
  }
  const now = clock();
  updateOrganisation(db, org.id, r.data);
  audit(db, { userId: currentUser(c).id, action: 'update', entity: 'organisation', entityId: org.id, organisationId: org.id, before: org, after: r.data }, now);
  return redirectWith(c, `/organisations/${org.id}`, { kind: 'success', message: t.orgs.updated(r.data.name) });
});

adminOrganisationRoutes.post('/:orgId/active', managed, async (c) => {
  const { db, clock } = c.get('deps');
  const org = c.var.organisation;
  const active = (await readForm(c)).get('active') === '1';
  updateOrganisation(db, org.id, { active });
  audit(db, { userId: currentUser(c).id, action: active ? 'reactivate' : 'deactivate', entity: 'organisation', entityId: org.id, organisationId: org.id, before: { active: org.active }, after: { active } }, clock());
  return redirectWith(c, `/organisations/${org.id}`, { kind: 'success', message: active ? t.orgs.reactivated(org.name) : t.orgs.deactivated(org.name) });
});
