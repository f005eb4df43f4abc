// Invitations to create an account. The link's token is never stored, only its SHA-256; a link
// works once, for 7 days, until revoked. Accepting is a conditional update, so two clicks on the
// same link (or a click racing a revocation) cannot both create an account.
import { and, desc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from './open.ts';
import type { DbOrTx } from './actions.ts';
import { auditEvents, consultantRegions, invitations, memberships, organisationLeads, organisations, users } from './schema.ts';
import { newId, newToken } from '../ids.ts';
import { hashToken } from '../auth/sessions.ts';
import type { Role } from '../auth/permissions.ts';
import { sortKey } from '../sort-key.ts';

export const INVITATION_DAYS = 7;

export type InvitationRow = typeof invitations.$inferSelect;

export interface NewInvitation {
  email: string;
  name: string;
  role: Role;
  organisationIds: string[];
  regions: string[];
  lead: boolean;
  invitedBy: string | null;
}

function expiry(now: Date): string {
  return new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString();
}

/** Stores an invitation; returns its id and the token for the link (shown nowhere else). */
export function insertInvitation(db: DbOrTx, input: NewInvitation, now: Date): { id: string; token: string; expiresAt: string } {
  const id = newId();
  const token = newToken();
  const expiresAt = expiry(now);
  db.insert(invitations)
    .values({ id, tokenHash: hashToken(token), ...input, createdAt: now.toISOString(), expiresAt, sentCount: 1 })
    .run();
  return { id, token, expiresAt };
}

/** When the invitation's latest message was queued: its link lives 7 days from then. */
export function lastSentAt(inv: Pick<InvitationRow, 'expiresAt'>): Date {
  return new Date(new Date(inv.expiresAt).getTime() - INVITATION_DAYS * 86_400_000);
}

/**
 * A new link for a pending invitation (the old one stops working), valid 7 days from now, sent by
 * `by`: the link now carries the right of whoever sent it last.
 */
export function renewInvitation(db: DbOrTx, id: string, by: string, now: Date): { token: string; expiresAt: string } | null {
  const token = newToken();
  const expiresAt = expiry(now);
  const res = db
    .update(invitations)
    .set({ tokenHash: hashToken(token), expiresAt, invitedBy: by, sentCount: sql`${invitations.sentCount} + 1` })
    .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .run();
  return res.changes === 1 ? { token, expiresAt } : null;
}

export function revokeInvitation(db: DbOrTx, id: string, now: Date): boolean {
  return db
    .update(invitations)
    .set({ revokedAt: now.toISOString() })
    .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .run().changes === 1;
}

export function getInvitation(db: DbOrTx, id: string): InvitationRow | undefined {
  return db.select().from(invitations).where(eq(invitations.id, id)).get();
}

/** The invitation behind a link, if it can still be accepted. */
export function findUsableInvitation(db: DbOrTx, token: string, now: Date): InvitationRow | undefined {
  if (!token || token.length > 100) return undefined;
  return db
    .select()
    .from(invitations)
    .where(and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now.toISOString())))
    .get();
}

/** Marks the invitation used by `userId`; false if it was used, revoked or expired meanwhile. */
export function markAccepted(db: DbOrTx, id: string, userId: string, now: Date): boolean {
  return db
    .update(invitations)
    .set({ acceptedAt: now.toISOString(), acceptedUserId: userId })
    .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now.toISOString())))
    .run().changes === 1;
}

/** A pending (not accepted, not revoked, not expired) invitation for this address. */
export function pendingInvitationFor(db: DbOrTx, email: string, now: Date): InvitationRow | undefined {
  return db
    .select()
    .from(invitations)
    .where(and(eq(invitations.email, email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now.toISOString())))
    .get();
}

export interface InvitationListRow extends InvitationRow {
  inviterName: string | null;
  state: 'pending' | 'expired' | 'accepted' | 'revoked';
}

export function invitationState(i: Pick<InvitationRow, 'acceptedAt' | 'revokedAt' | 'expiresAt'>, now: Date): InvitationListRow['state'] {
  if (i.acceptedAt) return 'accepted';
  if (i.revokedAt) return 'revoked';
  return i.expiresAt <= now.toISOString() ? 'expired' : 'pending';
}

export interface InvitationScope {
  /** null: every invitation (admins). */
  organisationIds: readonly string[] | null;
  regions: readonly string[];
}

/**
 * Invitations not yet accepted nor revoked (pending or expired, which can be resent), newest
 * first: all of them for admins, else those naming one of the scope's organisations or regions.
 */
export function listOpenInvitations(db: Db, scope: InvitationScope, now: Date, limit = 200): InvitationListRow[] {
  const open = and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt));
  let where = open;
  if (scope.organisationIds !== null) {
    const orgs = JSON.stringify(scope.organisationIds);
    const inScope = or(
      sql`EXISTS (SELECT 1 FROM json_each(${invitations.organisationIds}) j WHERE j.value IN (SELECT value FROM json_each(${orgs})))`,
      scope.regions.length ? sql`EXISTS (SELECT 1 FROM json_each(${invitations.organisationIds}) j JOIN organisations o ON o.id = j.value WHERE o.region IN (SELECT value FROM json_each(${JSON.stringify(scope.regions)})))` : undefined,
    );
    where = and(open, inScope);
  }
  return db
    .select({ i: invitations, inviterName: users.name, inviterDeleted: users.deleted })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(where)
    .orderBy(desc(invitations.createdAt))
    .limit(limit)
    .all()
    .map((r) => ({ ...r.i, inviterName: r.inviterDeleted ? null : r.inviterName, state: invitationState(r.i, now) }));
}

/** Names of the organisations an invitation names, in its order (unknown ids left out). */
export function organisationNames(db: DbOrTx, ids: readonly string[]): string[] {
  if (!ids.length) return [];
  const rows = db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, [...ids])).all();
  const byId = new Map(rows.map((r) => [r.id, r.name]));
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

/** Active organisations among `ids`, in the order given (unknown or deactivated ones left out). */
export function activeOrganisations(db: DbOrTx, ids: readonly string[]): { id: string; name: string; region: string }[] {
  if (!ids.length) return [];
  const rows = db
    .select({ id: organisations.id, name: organisations.name, region: organisations.region })
    .from(organisations)
    .where(and(inArray(organisations.id, [...ids]), eq(organisations.active, true)))
    .all();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return [...new Set(ids)].flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

/** Invitations and resends `userId` sent since `since` (the audit trail records each one). */
export function invitationsSentBy(db: DbOrTx, userId: string, since: Date): number {
  const row = db
    .select({ n: sql<number>`count(*)` })
    .from(auditEvents)
    .where(and(eq(auditEvents.userId, userId), inArray(auditEvents.action, ['invite', 'invitation-resend']), gt(auditEvents.at, since.toISOString())))
    .get();
  return row?.n ?? 0;
}

export function emailTaken(db: DbOrTx, email: string): boolean {
  return !!db.select({ id: users.id }).from(users).where(eq(users.email, email.trim().toLowerCase())).get();
}

/** The account an accepted invitation creates: the user, their structures (and lead mark) or regions. */
export function insertInvitedUser(db: DbOrTx, inv: Pick<InvitationRow, 'email' | 'role' | 'regions' | 'lead'>, organisationIds: readonly string[], chosen: { name: string; passwordHash: string }, now: Date): string {
  const userId = newId();
  db.insert(users).values({ id: userId, email: inv.email, name: chosen.name, sortName: sortKey(chosen.name), passwordHash: chosen.passwordHash, role: inv.role, active: true, createdAt: now.toISOString() }).run();
  for (const organisationId of organisationIds) {
    db.insert(memberships).values({ userId, organisationId }).run();
    if (inv.lead) db.insert(organisationLeads).values({ userId, organisationId }).run();
  }
  for (const region of inv.regions) db.insert(consultantRegions).values({ userId, region }).run();
  return userId;
}
