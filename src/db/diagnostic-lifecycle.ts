// A diagnostic's life outside the questionnaire: the structure's open diagnostic (at most one is
// started at a time), deleting a draft with everything it holds, archiving an old diagnostic and
// bringing it back. Each write runs in one IMMEDIATE transaction with its audit event.
import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from './open.ts';
import { actions, answers, diagnostics, evidenceFiles, reviewComments } from './schema.ts';
import { diagnosticHashes, releaseUnreferenced } from './evidence.ts';
import { audit } from './audit.ts';
import type { DiagnosticRow } from './diagnostics.ts';
import { EDITABLE_STATUSES, isArchivable, isDeletable, isEditable, type DiagnosticStatus } from '../diagnostics/status.ts';
import { refreshOrganisationPeers } from './peer-statistics.ts';
import { refreshServiceFollowUp } from './service-follow-up.ts';

/**
 * The open diagnostics (draft or sent back for changes) of some organisations, newest first. Since
 * starting a diagnostic checks it, each organisation has at most one; databases from before that
 * rule may hold several, which the pages show side by side so that the team can delete the extra.
 */
export function openDiagnostics(db: Pick<Db, 'select'>, organisationIds: readonly string[]): DiagnosticRow[] {
  if (!organisationIds.length) return [];
  return db
    .select()
    .from(diagnostics)
    .where(and(inArray(diagnostics.organisationId, [...organisationIds]), inArray(diagnostics.status, [...EDITABLE_STATUSES])))
    .orderBy(desc(diagnostics.createdAt), desc(diagnostics.id))
    .all();
}

/** What deleting a draft took with it, for the message and the audit trail. */
export interface DeletedDraft {
  diagnostic: DiagnosticRow;
  answers: number;
  actions: number;
  remarks: number;
  files: number;
}

type Counted = typeof answers | typeof actions | typeof reviewComments | typeof evidenceFiles;
const countIn = (db: Pick<Db, 'select'>, table: Counted, diagnosticId: string) => db.select({ n: count() }).from(table).where(eq(table.diagnosticId, diagnosticId)).get()?.n ?? 0;

/** What deleting a diagnostic would take with it: said on the confirmation before anything goes. */
export function diagnosticContents(db: Pick<Db, 'select'>, diagnosticId: string): { answers: number; actions: number; remarks: number; files: number } {
  return { answers: countIn(db, answers, diagnosticId), actions: countIn(db, actions, diagnosticId), remarks: countIn(db, reviewComments, diagnosticId), files: countIn(db, evidenceFiles, diagnosticId) };
}

export type DeleteResult = { kind: 'deleted'; deleted: DeletedDraft } | { kind: 'locked'; status: DiagnosticStatus } | { kind: 'missing' };

/**
 * Deletes a draft and everything that belongs to it: answers, remarks, plan actions, evidence rows
 * (the foreign keys cascade), then — after the commit, so that a rolled-back deletion loses no
 * bytes — the evidence files no other diagnostic points at (`removeFile`). The one place a
 * diagnostic is deleted: whatever else comes to hang on a diagnostic is removed here. The audit
 * event keeps what was deleted (date, creator, participants, counts); the answers themselves go.
 */
export function deleteDraft(db: Db, input: { diagnosticId: string; userId: string | null }, now: Date, removeFile: (hash: string) => void = () => {}): DeleteResult {
  let hashes: string[] = [];
  const result = db.transaction(
    (tx): DeleteResult => {
      const d = tx.select().from(diagnostics).where(eq(diagnostics.id, input.diagnosticId)).get();
      if (!d) return { kind: 'missing' };
      if (!isDeletable(d.status)) return { kind: 'locked', status: d.status };
      const deleted: DeletedDraft = { diagnostic: d, ...diagnosticContents(tx, d.id) };
      hashes = diagnosticHashes(tx, d.id);
      tx.delete(diagnostics).where(eq(diagnostics.id, d.id)).run();
      audit(
        tx,
        {
          userId: input.userId,
          action: 'delete',
          entity: 'diagnostic',
          entityId: d.id,
          organisationId: d.organisationId,
          diagnosticId: d.id,
          before: { status: d.status, mode: d.mode, participants: d.participants, createdAt: d.createdAt, createdBy: d.createdBy, answerCount: deleted.answers, actionCount: deleted.actions, remarkCount: deleted.remarks, fileCount: deleted.files },
          after: { deleted: true },
        },
        now,
      );
      return { kind: 'deleted', deleted };
    },
    { behavior: 'immediate' },
  );
  if (result.kind === 'deleted') releaseUnreferenced(db, hashes, removeFile);
  return result;
}

export type ArchiveResult = { kind: 'archived' | 'restored'; diagnostic: DiagnosticRow } | { kind: 'locked'; status: DiagnosticStatus } | { kind: 'open'; open: DiagnosticRow } | { kind: 'missing' };

/** Archives a diagnostic: read-only, out of « the latest diagnostic » and of comparisons; its status is kept to restore. */
export function archiveDiagnostic(db: Db, input: { diagnosticId: string; userId: string | null }, now: Date): ArchiveResult {
  return db.transaction(
    (tx): ArchiveResult => {
      const d = tx.select().from(diagnostics).where(eq(diagnostics.id, input.diagnosticId)).get();
      if (!d) return { kind: 'missing' };
      if (!isArchivable(d.status)) return { kind: 'locked', status: d.status };
      const at = now.toISOString();
      tx.update(diagnostics).set({ status: 'archived', archivedAt: at, archivedBy: input.userId, archivedFrom: d.status }).where(eq(diagnostics.id, d.id)).run();
      audit(tx, { userId: input.userId, action: 'archive', entity: 'diagnostic', entityId: d.id, organisationId: d.organisationId, diagnosticId: d.id, before: { status: d.status }, after: { status: 'archived' } }, now);
      // Out of « the latest » and of comparisons: the peers' sums and the services followed by progress follow.
      refreshOrganisationPeers(db, d.organisationId);
      refreshServiceFollowUp(db, d.organisationId, now);
      return { kind: 'archived', diagnostic: { ...d, status: 'archived', archivedAt: at, archivedBy: input.userId, archivedFrom: d.status } };
    },
    { behavior: 'immediate' },
  );
}

/**
 * Brings an archived diagnostic back to the status it had. An open one (draft, changes requested)
 * comes back only if its structure has no other open diagnostic meanwhile.
 */
export function restoreDiagnostic(db: Db, input: { diagnosticId: string; userId: string | null }, now: Date): ArchiveResult {
  return db.transaction(
    (tx): ArchiveResult => {
      const d = tx.select().from(diagnostics).where(eq(diagnostics.id, input.diagnosticId)).get();
      if (!d) return { kind: 'missing' };
      if (d.status !== 'archived') return { kind: 'locked', status: d.status };
      // archivedFrom is always set by archiveDiagnostic; a row edited by hand comes back read-only.
      const status: DiagnosticStatus = d.archivedFrom && d.archivedFrom !== 'archived' ? d.archivedFrom : 'submitted';
      if (isEditable(status)) {
        const open = openDiagnostics(tx, [d.organisationId])[0];
        if (open) return { kind: 'open', open };
      }
      tx.update(diagnostics).set({ status, archivedAt: null, archivedBy: null, archivedFrom: null }).where(eq(diagnostics.id, d.id)).run();
      audit(tx, { userId: input.userId, action: 'unarchive', entity: 'diagnostic', entityId: d.id, organisationId: d.organisationId, diagnosticId: d.id, before: { status: 'archived' }, after: { status } }, now);
      refreshOrganisationPeers(db, d.organisationId);
      refreshServiceFollowUp(db, d.organisationId, now);
      return { kind: 'restored', diagnostic: { ...d, status, archivedAt: null, archivedBy: null, archivedFrom: null } };
    },
    { behavior: 'immediate' },
  );
}
