// Review by the federation: comments on a diagnostic, a theme or a question, and the two review
// decisions (request changes, validate). Status changes are conditional updates, so two consultants
// clicking at once cannot both win, and each write is audited in its transaction.
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Db } from './open.ts';
import { diagnostics, reviewComments, users } from './schema.ts';
import type { DiagnosticRow } from './diagnostics.ts';
import { audit } from './audit.ts';
import { newId } from '../ids.ts';
import type { TargetKind } from '../diagnostics/remarks.ts';
import { TRANSITIONS } from '../diagnostics/status.ts';

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
}

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
    })
    .from(reviewComments)
    .leftJoin(users, eq(users.id, reviewComments.authorId))
    .where(eq(reviewComments.diagnosticId, diagnosticId))
    .orderBy(asc(reviewComments.createdAt), asc(reviewComments.id))
    .all()
    .map(({ deleted, ...c }) => ({ ...c, authorDeleted: !!deleted }));
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
      .set({ status: TRANSITIONS.requestChanges.to, reviewMessage: message })
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
    return { ok: true };
  });
}

function currentStatus(db: Pick<Db, 'select'>, id: string): DiagnosticRow['status'] | undefined {
  return db.select({ s: diagnostics.status }).from(diagnostics).where(eq(diagnostics.id, id)).get()?.s;
}

/** Who validated a diagnostic, for « Validé avec <consultant> le <date> ». */
