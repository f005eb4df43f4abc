// Review by the federation: comments on a diagnostic, a theme or a question, and the two review
// decisions (request changes, validate). Status changes are conditional updates, so two consultants
// clicking at once cannot both win, and each write is audited in its transaction.
import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from './open.ts';
import { diagnostics, reviewComments, users } from './schema.ts';
import type { DiagnosticRow } from './diagnostics.ts';
import { audit } from './audit.ts';
import { newId } from '../ids.ts';
import type { TargetKind } from '../diagnostics/remarks.ts';
import { TRANSITIONS } from '../diagnostics/status.ts';
import { refreshOrganisationPeers } from './peer-statistics.ts';
import { refreshServiceFollowUp } from './service-follow-up.ts';

export interface ReviewComment {
  id: string;
  targetKind: TargetKind;
  target: string;
  body: string;
  createdAt: string;
  /** The author's stored name and role; src/people.ts names them for display. */
  authorName: string | null;
  authorRole: string | null;
  authorDeleted: boolean;
  /** The remark a reply answers; null for a remark. */
  parentId: string | null;
  /** A remark marked as dealt with: when and by whom (null while open). */
  resolvedAt: string | null;
  resolverName: string | null;
  resolverDeleted: boolean;
  /** A member replied since a reviewer last replied or closed it: the reviewer's turn. */
  memberRepliedAt: string | null;
}

const resolvers = alias(users, 'resolvers');

/** Every remark and reply of a diagnostic, oldest first. */
export function listComments(db: Db, diagnosticId: string): ReviewComment[] {
  return db
    .select({
      id: reviewComments.id,
      targetKind: reviewComments.targetKind,
      target: reviewComments.target,
      body: reviewComments.body,
      createdAt: reviewComments.createdAt,
      authorName: users.name,
      authorRole: users.role,
      deleted: users.deleted,
      parentId: reviewComments.parentId,
      resolvedAt: reviewComments.resolvedAt,
      resolverName: resolvers.name,
      resolverDeleted: resolvers.deleted,
      memberRepliedAt: reviewComments.memberRepliedAt,
    })
    .from(reviewComments)
    .leftJoin(users, eq(users.id, reviewComments.authorId))
    .leftJoin(resolvers, eq(resolvers.id, reviewComments.resolvedBy))
    .where(eq(reviewComments.diagnosticId, diagnosticId))
    .orderBy(asc(reviewComments.createdAt), asc(reviewComments.id))
    .all()
    .map(({ deleted, resolverDeleted, ...c }) => ({ ...c, authorDeleted: !!deleted, resolverDeleted: !!resolverDeleted }));
}

/** A remark (not a reply) of this diagnostic; another diagnostic's is as good as unknown. */
export function getRemark(db: Db, diagnosticId: string, remarkId: string) {
  return db
    .select()
    .from(reviewComments)
    .where(and(eq(reviewComments.id, remarkId), eq(reviewComments.diagnosticId, diagnosticId), isNull(reviewComments.parentId)))
    .get();
}

export type RemarkRow = NonNullable<ReturnType<typeof getRemark>>;

/** Replies to a remark so far (they are bounded: src/validation/limits.ts). */
export function countReplies(db: Db, remarkId: string): number {
  return db.select({ n: count() }).from(reviewComments).where(eq(reviewComments.parentId, remarkId)).get()?.n ?? 0;
}

/** Who writes in a thread: the structure's team, or the federation (a reviewer). */
export type ThreadSide = 'member' | 'reviewer';

export interface NewReply {
  diagnostic: Pick<DiagnosticRow, 'id' | 'organisationId'>;
  remark: RemarkRow;
  body: string;
  userId: string;
  side: ThreadSide;
}

/**
 * A reply to a remark, by the team or by a reviewer. A member's reply puts the remark on the
 * reviewer's list (« À faire »: remarks answered by members); a reviewer's reply takes it off.
 */
export function addReply(db: Db, r: NewReply, now: Date): string {
  const id = newId();
  const at = now.toISOString();
  db.transaction((tx) => {
    tx.insert(reviewComments)
      .values({ id, diagnosticId: r.diagnostic.id, targetKind: r.remark.targetKind, target: r.remark.target, authorId: r.userId, body: r.body, createdAt: at, parentId: r.remark.id })
      .run();
    tx.update(reviewComments)
      .set({ memberRepliedAt: r.side === 'member' ? at : null })
      .where(eq(reviewComments.id, r.remark.id))
      .run();
    audit(
      tx,
      { userId: r.userId, action: 'reply', entity: 'review_comment', entityId: id, organisationId: r.diagnostic.organisationId, diagnosticId: r.diagnostic.id, after: { parentId: r.remark.id, body: r.body } },
      now,
    );
  });
  return id;
}

/**
 * Marks a remark as dealt with, or open again. A reviewer doing either has read the team's
 * replies: the remark leaves their list. Nothing is written when it is already so.
 */
export function setRemarkResolved(db: Db, diagnostic: Pick<DiagnosticRow, 'id' | 'organisationId'>, remark: RemarkRow, resolved: boolean, userId: string, side: ThreadSide, now: Date): boolean {
  if (!!remark.resolvedAt === resolved && !(side === 'reviewer' && remark.memberRepliedAt)) return false;
  const at = now.toISOString();
  db.transaction((tx) => {
    tx.update(reviewComments)
      .set({ resolvedAt: resolved ? at : null, resolvedBy: resolved ? userId : null, ...(side === 'reviewer' ? { memberRepliedAt: null } : {}) })
      .where(eq(reviewComments.id, remark.id))
      .run();
    audit(
      tx,
      {
        userId,
        action: resolved ? 'resolve' : 'reopen',
        entity: 'review_comment',
        entityId: remark.id,
        organisationId: diagnostic.organisationId,
        diagnosticId: diagnostic.id,
        before: { resolvedAt: remark.resolvedAt },
        after: { resolvedAt: resolved ? at : null },
      },
      now,
    );
  });
  return true;
}

export interface NewComment {
  diagnostic: Pick<DiagnosticRow, 'id' | 'organisationId'>;
  targetKind: TargetKind;
  target: string;
  body: string;
  userId: string;
  /** Remarks a diagnostic may carry: past it, nothing is written and null comes back. */
  maxPerDiagnostic?: number;
}

export function addComment(db: Db, c: NewComment, now: Date): string | null {
  const id = newId();
  const row = {
    id,
    diagnosticId: c.diagnostic.id,
    targetKind: c.targetKind,
    target: c.targetKind === 'diagnostic' ? '' : c.target,
    authorId: c.userId,
    body: c.body,
    createdAt: now.toISOString(),
  };
  // Counted in the transaction that inserts: two remarks posted at once cannot both pass the limit.
  return db.transaction((tx) => {
    if (c.maxPerDiagnostic !== undefined) {
      const { n } = tx.select({ n: count() }).from(reviewComments).where(eq(reviewComments.diagnosticId, c.diagnostic.id)).get()!;
      if (n >= c.maxPerDiagnostic) return null;
    }
    tx.insert(reviewComments).values(row).run();
    audit(
      tx,
      {
        userId: c.userId,
        action: 'create',
        entity: 'review_comment',
        entityId: id,
        organisationId: c.diagnostic.organisationId,
        diagnosticId: c.diagnostic.id,
        after: { targetKind: row.targetKind, target: row.target, body: row.body },
      },
      now,
    );
    return id;
  });
}

type Decision = { ok: true } | { ok: false; status: DiagnosticRow['status'] };

/** submitted → changes_requested, with the consultant's message for the team. */
export function requestChanges(db: Db, d: DiagnosticRow, userId: string, message: string, now: Date): Decision {
  return db.transaction((tx) => {
    const res = tx
      .update(diagnostics)
      .set({ status: TRANSITIONS.requestChanges.to, reviewMessage: message, changesRequestedAt: now.toISOString() })
      .where(and(eq(diagnostics.id, d.id), inArray(diagnostics.status, [...TRANSITIONS.requestChanges.from])))
      .run();
    if (res.changes !== 1) return { ok: false, status: currentStatus(tx, d.id) ?? d.status };
    audit(
      tx,
      {
        userId,
        action: 'request-changes',
        entity: 'diagnostic',
        entityId: d.id,
        organisationId: d.organisationId,
        diagnosticId: d.id,
        before: { status: 'submitted', reviewMessage: d.reviewMessage },
        after: { status: 'changes_requested', reviewMessage: message },
      },
      now,
    );
    // Sent back, it no longer counts among the peers: its organisation's previous one may.
    refreshOrganisationPeers(db, d.organisationId);
    refreshServiceFollowUp(db, d.organisationId, now);
    return { ok: true };
  });
}

/** submitted → validated; who and when are kept for the stamp on the results and the PDF. */
export function validateDiagnostic(db: Db, d: DiagnosticRow, userId: string, now: Date): Decision {
  const at = now.toISOString();
  return db.transaction((tx) => {
    const res = tx
      .update(diagnostics)
      .set({ status: TRANSITIONS.validate.to, validatedBy: userId, validatedAt: at })
      .where(and(eq(diagnostics.id, d.id), inArray(diagnostics.status, [...TRANSITIONS.validate.from])))
      .run();
    if (res.changes !== 1) return { ok: false, status: currentStatus(tx, d.id) ?? d.status };
    audit(
      tx,
      {
        userId,
        action: 'validate',
        entity: 'diagnostic',
        entityId: d.id,
        organisationId: d.organisationId,
        diagnosticId: d.id,
        before: { status: 'submitted' },
        after: { status: 'validated', validatedAt: at },
      },
      now,
    );
    // Submitted diagnostics already count among the peers; refreshed anyway, as every status change.
    refreshOrganisationPeers(db, d.organisationId);
    refreshServiceFollowUp(db, d.organisationId, now);
    return { ok: true };
  });
}

function currentStatus(db: Pick<Db, 'select'>, id: string): DiagnosticRow['status'] | undefined {
  return db.select({ s: diagnostics.status }).from(diagnostics).where(eq(diagnostics.id, id)).get()?.s;
}

/** Who validated a diagnostic, for « Validé avec <consultant> le <date> ». */
