// Queries about organisations (SIAE members of the federation).
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from './open.ts';
import { memberships, organisations, users } from './schema.ts';
import { newId } from '../ids.ts';
import type { Actor } from '../auth/permissions.ts';

export type Organisation = typeof organisations.$inferSelect;
export type OrganisationInput = Omit<Organisation, 'id' | 'createdAt' | 'active'>;

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

export function insertOrganisation(db: Db, input: OrganisationInput, now: Date): string {
  const id = newId();
  db.insert(organisations).values({ ...input, id, active: true, createdAt: now.toISOString() }).run();
  return id;
}

export function updateOrganisation(db: Db, id: string, input: Partial<OrganisationInput> & { active?: boolean }): void {
  db.update(organisations).set(input).where(eq(organisations.id, id)).run();
}

export function findOrganisationBySiret(db: Db, siret: string) {
  return db.select().from(organisations).where(and(eq(organisations.siret, siret))).get();
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
