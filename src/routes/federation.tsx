// The federation's dashboard for consultants (their regions) and admins (everything, with a region
// filter): organisations and their latest diagnostic, the picture of the selection, CSV export.
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { t } from '../i18n/index.ts';
import { page } from '../web/render.tsx';
import { currentUser, requireFederation } from '../web/guards.ts';
import { themeHeads } from '../web/federation.ts';
import { federationDashboard } from '../db/federation.ts';
import { parseFederationQuery } from '../federation/query.ts';
import { FederationPage } from '../../views/federation.tsx';

export const federationRoutes = new Hono<AppEnv>();
federationRoutes.use(requireFederation);

federationRoutes.get('/', (c) => {
  const { db, clock } = c.get('deps');
  const user = currentUser(c);
  const q = parseFederationQuery(c.req.query());
  const data = federationDashboard(db, user, q, clock());
  return page(c, t.federation.title, <FederationPage data={data} q={q} themes={themeHeads(db)} isAdmin={user.role === 'admin'} now={clock()} />, { wide: true });
});
