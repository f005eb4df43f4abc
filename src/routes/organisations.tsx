// Organisations as their members and consultants see them.
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { t } from '../i18n/index.ts';
import { page } from '../web/render.tsx';
import { currentUser, requireUser } from '../web/guards.ts';
import { loadOrganisation } from '../web/load.ts';
import { listVisibleOrganisations, organisationMembers } from '../db/organisations.ts';
import { OrganisationList, OrganisationPage } from '../../views/organisations.tsx';
import { organisationDiagnosticsSection } from '../web/organisation-diagnostics.tsx';

export const organisationRoutes = new Hono<AppEnv>();
organisationRoutes.use(requireUser);

organisationRoutes.get('/', (c) => {
  const user = currentUser(c);
  const orgs = listVisibleOrganisations(c.get('deps').db, user);
  const intro = user.role === 'admin' ? t.orgs.listIntroAdmin : user.role === 'consultant' ? t.orgs.listIntroConsultant : t.orgs.listIntroMember;
  return page(c, t.orgs.listTitle, <OrganisationList orgs={orgs} intro={intro} canCreate={user.role === 'admin'} />);
});

organisationRoutes.get('/:orgId', loadOrganisation('organisation.view'), (c) => {
  const { db } = c.get('deps');
  const org = c.var.organisation;
  const members = organisationMembers(db, org.id);
  return page(
    c,
    org.name,
    <OrganisationPage org={org} members={members} isAdmin={currentUser(c).role === 'admin'}>
      {organisationDiagnosticsSection(c, org)}
    </OrganisationPage>,
  );
});
