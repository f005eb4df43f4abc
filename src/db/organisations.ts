// Queries about organisations (SIAE members of the federation).
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from './open.ts';
import { memberships, organisations, users } from './schema.ts';
import { newId } from '../ids.ts';
import type { Actor } from '../auth/permissions.ts';
import { siretPrefix, sortKey } from '../sort-key.ts';
import { namePage, nameMatches } from './name-pages.ts';
import type { Cursor, KeysetPage } from '../keyset.ts';
import { refreshOrganisationPeers } from './peer-statistics.ts';
import { rescoreOrganisation } from './scores.ts';
import { refreshServiceFollowUp } from './service-follow-up.ts';

export type Organisation = typeof organisations.$inferSelect;
/** What a form sets: the sort key follows the name, the diagnostic pointers follow the diagnostics. */
export type OrganisationInput = Omit<Organisation, 'id' | 'createdAt' | 'active' | 'sortName' | 'latestDiagnosticId' | 'settledDiagnosticId'>;

export function getOrganisation(db: Db, id: string): Organisation | undefined {
  return db.select().from(organisations).where(eq(organisations.id, id)).get();
}

/** Organisations the actor may see, in name order: members theirs, consultants their regions'. */
export function listVisibleOrganisations(db: Db, actor: Actor): Organisation[] {
  const q = db.select().from(organisations);
  if (actor.role === 'admin') return q.orderBy(asc(organisations.name)).all();
  if (actor.role === 'consultant') {
    if (!actor.regions.length) return [];
    return q.where(inArray(organisations.region, [...actor.regions])).orderBy(asc(organisations.name)).all();
  }
  if (!actor.organisationIds.length) return [];
  return q.where(inArray(organisations.id, [...actor.organisationIds])).orderBy(asc(organisations.name)).all();
}

export interface OrganisationQuery {
  /** Words of the name (starts of words), or the start of a SIRET. */
  q?: string;
  region?: string;
  /** Active ones only, inactive ones only, or both (undefined). */
  active?: boolean;
  after?: Cursor;
  before?: Cursor;
}

/**
 * A page of the organisations the actor may see, in the natural order of their names: members
 * theirs, consultants their regions', admins every one.
 */
export function listOrganisationsPage(db: Db, actor: Actor, q: OrganisationQuery, size?: number): KeysetPage<Organisation> {
  const where: SQL[] = [];
  if (actor.role === 'consultant') where.push(sql`x.region IN (SELECT value FROM json_each(${JSON.stringify(actor.regions)}))`);
  else if (actor.role === 'member') where.push(sql`x.id IN (SELECT value FROM json_each(${JSON.stringify(actor.organisationIds)}))`);
  if (q.region) where.push(sql`x.region = ${q.region}`);
  if (q.active !== undefined) where.push(sql`x.active = ${q.active ? 1 : 0}`);
  if (q.q) {
    const name = nameMatches('x', q.q);
    const siret = siretPrefix(q.q);
    const either = [...(name ? [sql`(${name})`] : []), ...(siret ? [sql`x.siret LIKE ${`${siret}%`}`] : [])];
    where.push(either.length ? sql`(${sql.join(either, sql` OR `)})` : sql`0`);
  }
  const page = namePage<{ name: string }>(db, { table: 'organisations', where, columns: sql`x.name`, after: q.after, before: q.before, size });
  // The row as drizzle maps it (types parsed, flags as booleans): read again by id, one query.
  const ids = page.rows.map((r) => r.id);
  const full = new Map(ids.length ? db.select().from(organisations).where(inArray(organisations.id, ids)).all().map((o) => [o.id, o]) : []);
  return { ...page, rows: ids.map((id) => full.get(id)!).filter(Boolean) };
}

export function insertOrganisation(db: Db, input: OrganisationInput, now: Date): string {
  const id = newId();
  db.insert(organisations).values({ ...input, sortName: sortKey(input.name), id, active: true, createdAt: now.toISOString() }).run();
  return id;
}

/**
 * Changes an organisation and what follows from it, in one transaction: its sort key with its
 * name; with its types, the cached scores of its diagnostics (what applies changes); with its
 * region, types or activity, the peer statistics of the groups it leaves and joins.
 */
export function updateOrganisation(db: Db, id: string, input: Partial<OrganisationInput> & { active?: boolean }): void {
  const state = () => db.get<{ region: string; types: string; active: number }>(sql`SELECT region, types, active FROM organisations WHERE id = ${id}`);
  // The helpers run on `db` inside the transaction: one connection, synchronous.
  db.transaction(() => {
    const before = state();
    db.update(organisations)
      .set({ ...input, ...(input.name !== undefined ? { sortName: sortKey(input.name) } : {}) })
      .where(eq(organisations.id, id))
      .run();
    const after = state();
    if (!before || !after) return;
    if (after.types !== before.types) {
      rescoreOrganisation(db, id);
      refreshServiceFollowUp(db, id);
    }
    if (after.types !== before.types || after.region !== before.region || after.active !== before.active) refreshOrganisationPeers(db, id, before);
  });
}

export function findOrganisationBySiret(db: Db, siret: string) {
  return db.select().from(organisations).where(and(eq(organisations.siret, siret))).get();
}

/** How many organisations the actor may see (the home page's count, without loading them). */
export function countVisibleOrganisations(db: Db, actor: Actor): number {
  if (actor.role === 'admin') return countOrganisations(db);
  if (actor.role === 'consultant') {
    if (!actor.regions.length) return 0;
    return db.select({ n: sql<number>`count(*)` }).from(organisations).where(inArray(organisations.region, [...actor.regions])).get()?.n ?? 0;
  }
  return actor.organisationIds.length;
}

export function countOrganisations(db: Db): number {
  return db.select({ n: sql<number>`count(*)` }).from(organisations).get()?.n ?? 0;
}

/** Names of the organisation's member accounts, in name order. */
export function organisationMembers(db: Db, organisationId: string): { id: string; name: string }[] {
  return db
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(users.name)
    .all();
}

/** The permission resource for an organisation. */
export function orgScope(org: Pick<Organisation, 'id' | 'region'>) {
  return { organisationId: org.id, region: org.region };
}
