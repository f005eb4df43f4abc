// Personal data: what CAP holds about one account (for « Mes données »), and the deletion of an
// account that keeps the diagnostics whole — answers stay, attributed to « utilisateur supprimé ».
import { and, asc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { Db } from './open.ts';
import { actions, answers, auditEvents, consultantRegions, diagnostics, evidenceFiles, invitations, mailOptOuts, mailQueue, memberships, organisationLeads, organisations, passwordResets, reviewComments, sessions, users } from './schema.ts';
import { evidenceUploadedBy } from './evidence.ts';
import { audit } from './audit.ts';
import { sortKey } from '../sort-key.ts';


/** The name a deleted account keeps in the database (personal data erased); pages name it with src/people.ts. */
export const DELETED_USER_NAME = 'utilisateur supprimé';

/** The address a deleted account keeps: unique, and in a domain that can never receive mail. */
export function deletedEmail(userId: string): string {
  return `supprime-${userId}@invalid`;
}

/** A stored hash no password can match (verifyPassword only accepts scrypt$…). */
const UNUSABLE_HASH = '!supprime';

function strip(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const { passwordHash: _h, password: _p, ...rest } = value as Record<string, unknown>;
  return rest;
}

export function exportUserData(db: Db, userId: string, now: Date) {
  const u = db.select().from(users).where(eq(users.id, userId)).get();
  if (!u) return undefined;
  const orgs = db
    .select({ organisationId: organisations.id, name: organisations.name, region: organisations.region })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organisations.name))
    .all();
  const regions = db.select({ r: consultantRegions.region }).from(consultantRegions).where(eq(consultantRegions.userId, userId)).all().map((r) => r.r);
  const written = db
    .select({ a: answers, organisation: organisations.name })
    .from(answers)
    .innerJoin(diagnostics, eq(diagnostics.id, answers.diagnosticId))
    .innerJoin(organisations, eq(organisations.id, diagnostics.organisationId))
    .where(eq(answers.updatedBy, userId))
    .orderBy(asc(answers.updatedAt))
    .all()
    .map(({ a, organisation }) => ({
      diagnosticId: a.diagnosticId,
      organisation,
      questionCode: a.questionCode,
      level: a.na ? 'non applicable' : a.level,
      comment: a.comment,
      at: a.updatedAt,
    }));
  const remarks = db
    .select()
    .from(reviewComments)
    .where(eq(reviewComments.authorId, userId))
    .orderBy(asc(reviewComments.createdAt))
    .all()
    .map((r) => ({ diagnosticId: r.diagnosticId, target: r.targetKind === 'diagnostic' ? 'diagnostic' : `${r.targetKind} ${r.target}`, comment: r.body, at: r.createdAt }));
  const edited = db
    .select()
    .from(actions)
    .where(eq(actions.updatedBy, userId))
    .orderBy(asc(actions.updatedAt))
    .all()
    .map((a) => ({ diagnosticId: a.diagnosticId, title: a.title, owner: a.owner, status: a.status, notes: a.notes, at: a.updatedAt }));
  const diagnosticRoles = db
    .select()
    .from(diagnostics)
    .where(or(eq(diagnostics.createdBy, userId), eq(diagnostics.submittedBy, userId), eq(diagnostics.validatedBy, userId)))
    .all()
    .flatMap((d) => [
      ...(d.createdBy === userId ? [{ diagnosticId: d.id, what: 'créé', at: d.createdAt }] : []),
      ...(d.submittedBy === userId ? [{ diagnosticId: d.id, what: 'soumis', at: d.submittedAt }] : []),
      ...(d.validatedBy === userId ? [{ diagnosticId: d.id, what: 'validé', at: d.validatedAt }] : []),
    ]);
  const openSessions = db
    .select({ createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .all();
  const events = db
    .select()
    .from(auditEvents)
    .where(or(eq(auditEvents.userId, userId), and(eq(auditEvents.entity, 'user'), eq(auditEvents.entityId, userId))))
    .orderBy(asc(auditEvents.id))
    .all()
    .map((e) => {
      // What an admin did to other accounts is those people's data, not this one's.
      const aboutOtherAccount = e.entity === 'user' && e.entityId !== userId;
      return {
        at: e.at,
        byMe: e.userId === userId,
        action: e.action,
        entity: e.entity,
        entityId: e.entityId,
        organisationId: e.organisationId,
        diagnosticId: e.diagnosticId,
        ...(aboutOtherAccount ? {} : { before: strip(e.before), after: strip(e.after) }),
      };
    });
  // Messages sent to this person (their subjects name structures the person belongs to or follows).
  const mail = db
    .select({ kind: mailQueue.kind, subject: mailQueue.subject, status: mailQueue.status, queuedAt: mailQueue.createdAt, sentAt: mailQueue.sentAt })
    .from(mailQueue)
    .where(eq(mailQueue.userId, userId))
    .orderBy(asc(mailQueue.createdAt))
    .all();
  const noticesOff = db.select({ topic: mailOptOuts.kind, since: mailOptOuts.createdAt }).from(mailOptOuts).where(eq(mailOptOuts.userId, userId)).all();
  const invitedAs = db
    .select({ createdAt: invitations.createdAt, acceptedAt: invitations.acceptedAt, role: invitations.role, lead: invitations.lead })
    .from(invitations)
    .where(eq(invitations.acceptedUserId, userId))
    .all();
  return {
    exportedAt: now.toISOString(),
    account: { id: u.id, email: u.email, name: u.name, role: u.role, active: u.active, createdAt: u.createdAt },
    memberships: orgs,
    regions,
    answers: written,
    reviewComments: remarks,
    actions: edited,
    // What the person attached: the list, not the files (they belong to the structure's diagnostic).
    evidence: evidenceUploadedBy(db, userId),
    diagnostics: diagnosticRoles,
    sessions: openSessions,
    mail,
    noticesTurnedOff: noticesOff,
    invitation: invitedAs[0] ?? null,
    auditEvents: events,
  };
}

export type UserDataExport = NonNullable<ReturnType<typeof exportUserData>>;

/** How much the account wrote, shown before deleting it. */
export function writtenCounts(db: Db, userId: string): { answers: number; comments: number; files: number } {
  const n = (q: { n: number } | undefined) => q?.n ?? 0;
  return {
    answers: n(db.select({ n: sql<number>`count(*)` }).from(answers).where(eq(answers.updatedBy, userId)).get()),
    comments: n(db.select({ n: sql<number>`count(*)` }).from(reviewComments).where(eq(reviewComments.authorId, userId)).get()),
    files: n(db.select({ n: sql<number>`count(*)` }).from(evidenceFiles).where(eq(evidenceFiles.uploadedBy, userId)).get()),
  };
}

function scrubIdentity(value: unknown, userId: string): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const v = { ...(value as Record<string, unknown>) };
  if ('email' in v) v.email = deletedEmail(userId);
  if ('name' in v) v.name = DELETED_USER_NAME;
  return v;
}

/**
 * Deletes an account: personal fields erased (also in the audit trail of that account), access
 * removed, sessions closed. Rows it wrote keep pointing at it, so they read « utilisateur supprimé ».
 */
export function deleteUser(db: Db, userId: string, actorId: string, now: Date): void {
  db.transaction((tx) => {
    const u = tx.select().from(users).where(eq(users.id, userId)).get();
    if (!u || u.deleted) return;
    const orgIds = tx.select({ id: memberships.organisationId }).from(memberships).where(eq(memberships.userId, userId)).all().map((r) => r.id);
    const regions = tx.select({ r: consultantRegions.region }).from(consultantRegions).where(eq(consultantRegions.userId, userId)).all().map((r) => r.r);
    tx.update(users)
      .set({ deleted: true, active: false, email: deletedEmail(userId), name: DELETED_USER_NAME, sortName: sortKey(DELETED_USER_NAME), passwordHash: UNUSABLE_HASH })
      .where(eq(users.id, userId))
      .run();
    tx.delete(memberships).where(eq(memberships.userId, userId)).run();
    tx.delete(consultantRegions).where(eq(consultantRegions.userId, userId)).run();
    tx.delete(sessions).where(eq(sessions.userId, userId)).run();
    // What e-mail kept about the person: messages (their address), choices, links, the lead mark,
    // and the invitation that created the account (its address and name).
    tx.delete(mailQueue).where(eq(mailQueue.userId, userId)).run();
    tx.delete(mailOptOuts).where(eq(mailOptOuts.userId, userId)).run();
    tx.delete(passwordResets).where(eq(passwordResets.userId, userId)).run();
    tx.delete(organisationLeads).where(eq(organisationLeads.userId, userId)).run();
    const invitedWith = tx.select({ id: invitations.id }).from(invitations).where(eq(invitations.acceptedUserId, userId)).all().map((r) => r.id);
    tx.update(invitations).set({ email: deletedEmail(userId), name: DELETED_USER_NAME }).where(eq(invitations.acceptedUserId, userId)).run();
    const trail = tx
      .select()
      .from(auditEvents)
      .where(or(and(eq(auditEvents.entity, 'user'), eq(auditEvents.entityId, userId)), invitedWith.length ? and(eq(auditEvents.entity, 'invitation'), inArray(auditEvents.entityId, invitedWith)) : undefined))
      .all();
    for (const e of trail) {
      tx.update(auditEvents)
        .set({ before: scrubIdentity(e.before, userId), after: scrubIdentity(e.after, userId) })
        .where(eq(auditEvents.id, e.id))
        .run();
    }
    audit(tx, { userId: actorId, action: 'delete', entity: 'user', entityId: userId, before: { role: u.role, active: u.active, organisationIds: orgIds, regions }, after: { deleted: true } }, now);
  });
}

/** Ends every session of the user except the one in use. */
export function endOtherSessions(db: Db, userId: string, keepSessionId: string | null): void {
  db.delete(sessions)
    .where(keepSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)) : eq(sessions.userId, userId))
    .run();
}
