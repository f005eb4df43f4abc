// The leads (« référent·e·s ») of a structure: members who may invite colleagues to it. Kept apart
// from memberships, so that editing someone's structures keeps the mark; a mark counts only while
// the person is still a member of the structure.
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from './actions.ts';
import { memberships, organisationLeads } from './schema.ts';

/** Structures where a user is the lead and still a member. */
export function leadOf(db: DbOrTx, userId: string): string[] {
  return db
    .select({ id: organisationLeads.organisationId })
    .from(organisationLeads)
    .innerJoin(memberships, and(eq(memberships.userId, organisationLeads.userId), eq(memberships.organisationId, organisationLeads.organisationId)))
    .where(eq(organisationLeads.userId, userId))
    .all()
    .map((r) => r.id);
}

/** Members of a structure marked as its leads. */
export function leadsOf(db: DbOrTx, organisationId: string): Set<string> {
  const rows = db
    .select({ id: organisationLeads.userId })
    .from(organisationLeads)
    .innerJoin(memberships, and(eq(memberships.userId, organisationLeads.userId), eq(memberships.organisationId, organisationLeads.organisationId)))
    .where(eq(organisationLeads.organisationId, organisationId))
    .all();
  return new Set(rows.map((r) => r.id));
}

/** Marks or unmarks a member as lead; true when something changed. */
export function setLead(db: DbOrTx, userId: string, organisationId: string, lead: boolean): boolean {
  if (!lead) return db.delete(organisationLeads).where(and(eq(organisationLeads.userId, userId), eq(organisationLeads.organisationId, organisationId))).run().changes === 1;
  return db.insert(organisationLeads).values({ userId, organisationId }).onConflictDoNothing().run().changes === 1;
}
