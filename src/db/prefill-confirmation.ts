// Confirming, in one go, every answer of a theme carried over from the previous diagnostic and
// still unreviewed — and undoing that while the page is open. One audit event records the batch
// (what each answer was before, so the undo restores exactly that); the undo is audited too.
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from './open.ts';
import { answers, auditEvents, diagnostics } from './schema.ts';
import { audit } from './audit.ts';
import { isEditable, type DiagnosticStatus } from '../diagnostics/status.ts';
import type { Role } from '../auth/permissions.ts';

export const CONFIRM_PREFILLED = 'confirm-prefilled';
export const UNDO_CONFIRM_PREFILLED = 'undo-confirm-prefilled';

/** An answer as it was before the batch confirmed it: what the undo puts back. */
interface Confirmed {
  code: string;
  prefilledFrom: string;
  revision: number;
  updatedBy: string | null;
  updatedByRole: string | null;
  updatedAt: string;
}

interface BatchBefore {
  theme: string;
  answers: Confirmed[];
}

export interface BatchInput {
  diagnosticId: string;
  themeSlug: string;
  /** The theme's applicable questions: only their prefilled answers are confirmed. */
  codes: readonly string[];
  userId: string | null;
  role: Role;
}

export type ConfirmResult = { kind: 'confirmed'; eventId: number; count: number } | { kind: 'none' } | { kind: 'locked'; status: DiagnosticStatus } | { kind: 'missing' };

export function confirmPrefilled(db: Db, input: BatchInput, now: Date): ConfirmResult {
  return db.transaction(
    (tx): ConfirmResult => {
      const d = tx.select({ status: diagnostics.status, organisationId: diagnostics.organisationId }).from(diagnostics).where(eq(diagnostics.id, input.diagnosticId)).get();
      if (!d) return { kind: 'missing' };
      if (!isEditable(d.status)) return { kind: 'locked', status: d.status };
      if (!input.codes.length) return { kind: 'none' };
      const rows = tx
        .select()
        .from(answers)
        .where(and(eq(answers.diagnosticId, input.diagnosticId), inArray(answers.questionCode, [...input.codes]), isNotNull(answers.prefilledFrom)))
        .all()
        // Only answers: a carried-over comment without a level stays to be answered.
        .filter((a) => a.na || a.level !== null);
      if (!rows.length) return { kind: 'none' };
      const at = now.toISOString();
      for (const a of rows) {
        tx.update(answers)
          .set({ prefilledFrom: null, updatedBy: input.userId, updatedByRole: input.role, updatedAt: at, revision: a.revision + 1 })
          .where(and(eq(answers.diagnosticId, a.diagnosticId), eq(answers.questionCode, a.questionCode)))
          .run();
      }
      const before: BatchBefore = {
        theme: input.themeSlug,
        answers: rows.map((a) => ({ code: a.questionCode, prefilledFrom: a.prefilledFrom!, revision: a.revision, updatedBy: a.updatedBy, updatedByRole: a.updatedByRole, updatedAt: a.updatedAt })),
      };
      const eventId = audit(
        tx,
        {
          userId: input.userId,
          action: CONFIRM_PREFILLED,
          entity: 'diagnostic',
          entityId: input.diagnosticId,
          organisationId: d.organisationId,
          diagnosticId: input.diagnosticId,
          before,
          after: { theme: input.themeSlug, count: rows.length, questions: rows.map((a) => a.questionCode).join(', ') },
        },
        now,
      );
      return { kind: 'confirmed', eventId, count: rows.length };
    },
    { behavior: 'immediate' },
  );
}

/** The batch an event id names, if it is a confirmation of this diagnostic's theme by this person. */
function batchOf(db: Pick<Db, 'select'>, eventId: number, diagnosticId: string, themeSlug: string, userId: string): BatchBefore | null {
  const e = db.select().from(auditEvents).where(eq(auditEvents.id, eventId)).get();
  if (!e || e.action !== CONFIRM_PREFILLED || e.diagnosticId !== diagnosticId || e.userId !== userId) return null;
  const before = e.before as BatchBefore | null;
  if (!before || before.theme !== themeSlug || !Array.isArray(before.answers)) return null;
  return before;
}

/** An answer the batch confirmed and nobody touched since: its revision is the confirmation's. */
function untouched(db: Pick<Db, 'select'>, diagnosticId: string, a: Confirmed, userId: string) {
  const now = db.select().from(answers).where(and(eq(answers.diagnosticId, diagnosticId), eq(answers.questionCode, a.code))).get();
  return !!now && now.revision === a.revision + 1 && now.prefilledFrom === null && now.updatedBy === userId ? now : null;
}

/** How many answers of a confirmation the person could still put back (0: no undo to offer). */
export function undoableCount(db: Db, input: { eventId: number; diagnosticId: string; themeSlug: string; userId: string }): number {
  const batch = batchOf(db, input.eventId, input.diagnosticId, input.themeSlug, input.userId);
  if (!batch) return 0;
  return batch.answers.filter((a) => untouched(db, input.diagnosticId, a, input.userId)).length;
}

export type UndoResult = { kind: 'undone'; restored: number; kept: number } | { kind: 'none' } | { kind: 'locked'; status: DiagnosticStatus } | { kind: 'missing' };

/**
 * Puts the answers of a confirmation back as they were (carried over, with their first author and
 * date), except those changed since, which stay as they are now. Only whoever confirmed may undo.
 */
export function undoConfirmPrefilled(db: Db, input: { eventId: number; diagnosticId: string; themeSlug: string; userId: string }, now: Date): UndoResult {
  return db.transaction(
    (tx): UndoResult => {
      const d = tx.select({ status: diagnostics.status, organisationId: diagnostics.organisationId }).from(diagnostics).where(eq(diagnostics.id, input.diagnosticId)).get();
      if (!d) return { kind: 'missing' };
      if (!isEditable(d.status)) return { kind: 'locked', status: d.status };
      const batch = batchOf(tx, input.eventId, input.diagnosticId, input.themeSlug, input.userId);
      if (!batch) return { kind: 'none' };
      let restored = 0;
      for (const a of batch.answers) {
        const current = untouched(tx, input.diagnosticId, a, input.userId);
        if (!current) continue;
        // The revision moves on (never back): a form built on the confirmed answer must conflict.
        tx.update(answers)
          .set({ prefilledFrom: a.prefilledFrom, updatedBy: a.updatedBy, updatedByRole: a.updatedByRole, updatedAt: a.updatedAt, revision: current.revision + 1 })
          .where(and(eq(answers.diagnosticId, input.diagnosticId), eq(answers.questionCode, a.code)))
          .run();
        restored++;
      }
      if (!restored) return { kind: 'none' };
      const kept = batch.answers.length - restored;
      audit(
        tx,
        {
          userId: input.userId,
          action: UNDO_CONFIRM_PREFILLED,
          entity: 'diagnostic',
          entityId: input.diagnosticId,
          organisationId: d.organisationId,
          diagnosticId: input.diagnosticId,
          before: { theme: batch.theme, count: batch.answers.length },
          after: { theme: batch.theme, restored, kept, event: input.eventId },
        },
        now,
      );
      return { kind: 'undone', restored, kept };
    },
    { behavior: 'immediate' },
  );
}
