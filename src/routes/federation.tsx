// The federation's dashboard for consultants (their regions) and admins (everything, with a region
// filter): organisations and their latest diagnostic, the picture of the selection, CSV export.
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.ts';
import type { Db } from '../db/open.ts';
import { t } from '../i18n/index.ts';
import { page } from '../web/render.tsx';
import { currentUser, requireFederation } from '../web/guards.ts';
import { federationDashboard, SORT_KEYS, STATUS_FILTERS, type FederationQuery } from '../db/federation.ts';
import { defaultReferentialId, getReferential } from '../referential/store.ts';
import { THEME_SLUGS } from '../referential/schema.ts';
import { FederationPage, type ThemeHead } from '../../views/federation.tsx';

export const federationRoutes = new Hono<AppEnv>();
federationRoutes.use(requireFederation);

// Unknown filter values are ignored rather than refused: these are links people edit and share.
const querySchema = z.object({
  region: z.string().trim().max(100).optional().catch(undefined),
  type: z.string().trim().max(20).optional().catch(undefined),
  status: z.enum(STATUS_FILTERS as [string, ...string[]]).optional().catch(undefined),
  sort: z.enum(SORT_KEYS).catch('name'),
  dir: z.enum(['asc', 'desc']).catch('asc'),
});

export function parseFederationQuery(params: Record<string, string>): FederationQuery {
  const q = querySchema.parse(params);
  return {
    region: q.region || undefined,
    type: q.type || undefined,
    status: (q.status || undefined) as FederationQuery['status'],
    sort: q.sort,
    dir: q.dir,
  };
}

/** Theme titles of the default referential, in order, for table headings. */
export function themeHeads(db: Db): ThemeHead[] {
  const id = defaultReferentialId(db);
  const ref = id ? getReferential(db, id) : undefined;
  return THEME_SLUGS.map((slug) => ({ slug, title: ref?.themes.find((th) => th.slug === slug)?.title ?? slug }));
}

federationRoutes.get('/', (c) => {
  const { db, clock } = c.get('deps');
  const user = currentUser(c);
  const q = parseFederationQuery(c.req.query());
  const data = federationDashboard(db, user, q, clock());
  return page(c, t.federation.title, <FederationPage data={data} q={q} themes={themeHeads(db)} isAdmin={user.role === 'admin'} />, { wide: true });
});
