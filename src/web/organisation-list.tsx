// The list of structures, shared by « Structures » (/organisations, everyone within their scope)
// and the administration's list (/admin/organisations): search by name or SIRET, region and status
// filters for admins, 50 a page read by keyset.
import type { Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.ts';
import { t } from '../i18n/index.ts';
import { page } from './render.tsx';
import { currentUser } from './guards.ts';
import { listOrganisationsPage } from '../db/organisations.ts';
import { pageCursor } from '../keyset.ts';
import { REGIONS } from '../regions.ts';
import { MAX_LENGTH } from '../validation/limits.ts';
import { OrganisationList, type OrganisationFilters } from '../../views/organisations.tsx';

// Unknown filter values are ignored rather than refused: these are links people edit and share.
const listQuery = z.object({
  q: z.string().optional().catch(undefined),
  region: z.enum(REGIONS).optional().catch(undefined),
  status: z.enum(['active', 'inactive']).optional().catch(undefined),
  after: z.string().optional().catch(undefined),
  before: z.string().optional().catch(undefined),
});

/** The list page at `base` for the signed-in user. */
export function organisationListPage(c: Context<AppEnv>, base: '/organisations' | '/admin/organisations') {
  const user = currentUser(c);
  const raw = listQuery.parse(c.req.query());
  const isAdmin = user.role === 'admin';
  const filters: OrganisationFilters = {
    q: raw.q?.slice(0, MAX_LENGTH.filter).trim() || undefined,
    region: isAdmin || user.regions.length > 1 ? raw.region : undefined,
    status: isAdmin ? raw.status : undefined,
  };
  const result = listOrganisationsPage(c.get('deps').db, user, {
    ...filters,
    active: filters.status === undefined ? undefined : filters.status === 'active',
    ...pageCursor(raw),
  });
  const intro = isAdmin ? t.orgs.listIntroAdmin : user.role === 'consultant' ? t.orgs.listIntroConsultant : t.orgs.listIntroMember;
  const regions = isAdmin ? [...REGIONS] : user.role === 'consultant' && user.regions.length > 1 ? [...user.regions] : [];
  // Admins create anywhere, consultants in their regions (/organisations/new).
  const createHref = isAdmin ? '/admin/organisations/new' : user.role === 'consultant' ? '/organisations/new' : undefined;
  return page(c, t.orgs.listTitle, <OrganisationList page={result} intro={intro} createHref={createHref} base={base} filters={filters} regions={regions} showStatus={isAdmin} />, { wide: true });
}
