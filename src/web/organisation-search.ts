// Looking organisations up, for the administration's list and for the organisation picker of
// forms: the rows the actor may see (src/db/organisation-list.ts), filtered by the words typed
// (src/search.ts), in French name order, at most `limit` of them with the total found.
import { z } from 'zod';
import type { Db } from '../db/open.ts';
import type { Actor } from '../auth/permissions.ts';
import { organisationRows, type OrganisationRow, type OrganisationRowFilter } from '../db/organisation-list.ts';
import { byName, matches, parseSearch } from '../search.ts';
import { MAX_LENGTH } from '../validation/limits.ts';
import { REGIONS } from '../regions.ts';
import { STRUCTURE_TYPES } from '../referential/schema.ts';

export interface Found {
  rows: OrganisationRow[];
  /** How many matched, of which `rows` are the first. */
  total: number;
}

export function findOrganisations(db: Db, actor: Actor, query: OrganisationRowFilter & { q?: string }, limit: number, exclude: readonly string[] = []): Found {
  const search = parseSearch(query.q);
  const skip = new Set(exclude);
  const all = organisationRows(db, actor, query).filter((o) => !skip.has(o.id) && (!search || matches(search, o.name, o.siret)));
  all.sort(byName);
  return { rows: all.slice(0, limit), total: all.length };
}

/** The administration's list of organisations, as its links carry it. */
export interface OrganisationListQuery {
  q?: string;
  region?: string;
  type?: string;
  state?: 'active' | 'inactive';
}

// Links are edited and shared: an unknown value is ignored rather than refused.
const listQuerySchema = z.object({
  q: z.string().trim().max(MAX_LENGTH.filter).optional().catch(undefined),
  region: z.enum(REGIONS).optional().catch(undefined),
  type: z.enum(STRUCTURE_TYPES).optional().catch(undefined),
  state: z.enum(['active', 'inactive']).optional().catch(undefined),
});

export function parseOrganisationListQuery(params: Record<string, string>): OrganisationListQuery {
  const q = listQuerySchema.parse(params);
  return { q: q.q || undefined, region: q.region, type: q.type, state: q.state };
}

/** The row filter of a list query. */
export function listFilter(q: OrganisationListQuery): OrganisationRowFilter & { q?: string } {
  return { q: q.q, region: q.region, type: q.type, active: q.state === undefined ? undefined : q.state === 'active' };
}
