// Looking organisations up for the organisation picker of forms (the lists themselves are read a
// page at a time: src/web/organisation-list.tsx): the rows the actor may see (src/db/organisation-list.ts), filtered by the words typed
// (src/search.ts), in French name order, at most `limit` of them with the total found.
import type { Db } from '../db/open.ts';
import type { Actor } from '../auth/permissions.ts';
import { organisationRows, type OrganisationRow, type OrganisationRowFilter } from '../db/organisation-list.ts';
import { byName, matches, parseSearch } from '../search.ts';

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
