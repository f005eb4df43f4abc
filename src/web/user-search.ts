// The administration's list of accounts, as its links carry it: words of a name or an address, a
// role, active or deactivated. Unknown values are ignored rather than refused (links are shared).
import { z } from 'zod';
import type { UserRow } from '../db/users.ts';
import { byName, matches, parseSearch } from '../search.ts';
import { MAX_LENGTH } from '../validation/limits.ts';

export interface UserListQuery {
  q?: string;
  role?: 'member' | 'consultant' | 'admin';
  state?: 'active' | 'inactive';
}

const schema = z.object({
  q: z.string().trim().max(MAX_LENGTH.filter).optional().catch(undefined),
  role: z.enum(['member', 'consultant', 'admin']).optional().catch(undefined),
  state: z.enum(['active', 'inactive']).optional().catch(undefined),
});

export function parseUserListQuery(params: Record<string, string>): UserListQuery {
  const q = schema.parse(params);
  return { q: q.q || undefined, role: q.role, state: q.state };
}

/** The accounts that answer the query, in French name order, at most `limit` with the total. */
export function filterUsers(rows: UserRow[], q: UserListQuery, limit: number): { rows: UserRow[]; total: number } {
  const search = parseSearch(q.q);
  const kept = rows.filter(
    (u) =>
      (!q.role || u.role === q.role) &&
      (!q.state || u.active === (q.state === 'active')) &&
      (!search || matches(search, u.name) || matches(search, u.email.replace(/@/g, ' '))),
  );
  kept.sort(byName);
  return { rows: kept.slice(0, limit), total: kept.length };
}
