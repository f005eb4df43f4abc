// Organisations as lists and pickers show them: one light row each (no diagnostics), within what
// the actor may see, filtered by region, type and activity in SQL. Names are matched by the pure
// search (src/search.ts) over these rows: a few thousand short rows at most, read in a few
// milliseconds, and a name search that ignores accents (SQLite's LIKE folds ASCII only).
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from './open.ts';
import { memberships, organisations, users } from './schema.ts';
import type { Actor } from '../auth/permissions.ts';
import type { StructureType } from '../referential/schema.ts';

export interface OrganisationRow {
  id: string;
  name: string;
  siret: string;
  region: string;
  types: StructureType[];
  active: boolean;
}

export interface OrganisationRowFilter {
  region?: string;
  type?: string;
  /** true: active ones only; false: deactivated ones only; absent: both. */
  active?: boolean;
}

const columns = { id: organisations.id, name: organisations.name, siret: organisations.siret, region: organisations.region, types: organisations.types, active: organisations.active };

/** The condition that keeps an actor's organisations, or null for none at all. */
function scope(actor: Actor): SQL | undefined | null {
  if (actor.role === 'admin') return undefined;
  if (actor.role === 'consultant') return actor.regions.length ? inArray(organisations.region, [...actor.regions]) : null;
  return actor.organisationIds.length ? inArray(organisations.id, [...actor.organisationIds]) : null;
}

/** The actor's organisations that pass the filter, in name order (byte order: the caller sorts for people). */
export function organisationRows(db: Db, actor: Actor, filter: OrganisationRowFilter = {}): OrganisationRow[] {
  const visible = scope(actor);
  if (visible === null) return [];
  const where = and(
    visible,
    filter.region ? eq(organisations.region, filter.region) : undefined,
    filter.type ? sql`EXISTS (SELECT 1 FROM json_each(${organisations.types}) t WHERE t.value = ${filter.type})` : undefined,
    filter.active === undefined ? undefined : eq(organisations.active, filter.active),
  );
  return db.select(columns).from(organisations).where(where).orderBy(asc(organisations.name)).all();
}

/** The actor's organisations among `ids` (unknown or out-of-scope ids are left out). */
export function organisationsByIds(db: Db, actor: Actor, ids: readonly string[]): OrganisationRow[] {
  const visible = scope(actor);
  if (visible === null || !ids.length) return [];
  return db
    .select(columns)
    .from(organisations)
    .where(and(visible, inArray(organisations.id, [...new Set(ids)])))
    .orderBy(asc(organisations.name))
    .all();
}
