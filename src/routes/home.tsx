// The home page, by role: members go to their structure, consultants and admins to their lists.
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { t } from '../i18n/index.ts';
import { page } from '../web/render.tsx';
import { currentUser, requireUser } from '../web/guards.ts';
import { listVisibleOrganisations } from '../db/organisations.ts';
import { latestDiagnostics } from '../db/diagnostics.ts';
import { HomePage } from '../../views/home.tsx';

export const homeRoutes = new Hono<AppEnv>();

homeRoutes.get('/', requireUser, (c) => {
  const user = currentUser(c);
  const orgs = listVisibleOrganisations(c.get('deps').db, user);
  // Members land on their structures with the way back into their latest diagnostic.
  const latest = user.role === 'member' ? latestDiagnostics(c.get('deps').db, orgs.map((o) => o.id)) : new Map();
  return page(c, t.common.nav.home, <HomePage user={user} orgs={orgs} latest={latest} />);
});
