// Evidence files in the database: one row per file attached to the answer to a question. The bytes
// are on disk (src/evidence/store.ts); the functions that touch both take a callback that moves or
// removes the file inside the same synchronous step as the row, so the folder and the table never
// disagree (see the header of store.ts).
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from './open.ts';
import { diagnostics, evidenceFiles, organisations, users } from './schema.ts';
import { audit } from './audit.ts';
import { newId } from '../ids.ts';
import { isEditable, type DiagnosticStatus } from '../diagnostics/status.ts';

export type EvidenceRow = typeof evidenceFiles.$inferSelect;

/** A database or an open transaction. */
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type DbOrTx = Db | Tx;

export interface EvidenceWithUploader extends EvidenceRow {
  uploaderName: string | null;
  uploaderDeleted: boolean;
}

function withUploader(r: { e: EvidenceRow; name: string | null; deleted: boolean | null }): EvidenceWithUploader {
  return { ...r.e, uploaderName: r.name, uploaderDeleted: r.deleted ?? false };
}

/** Every file of a diagnostic, by question then upload time. */
export function listEvidence(db: DbOrTx, diagnosticId: string): EvidenceWithUploader[] {
  return db
    .select({ e: evidenceFiles, name: users.name, deleted: users.deleted })
    .from(evidenceFiles)
    .leftJoin(users, eq(users.id, evidenceFiles.uploadedBy))
    .where(eq(evidenceFiles.diagnosticId, diagnosticId))
    .orderBy(asc(evidenceFiles.questionCode), asc(evidenceFiles.uploadedAt), asc(evidenceFiles.id))
    .all()
    .map(withUploader);
}

/** The files of one answer. */
export function listAnswerEvidence(db: DbOrTx, diagnosticId: string, questionCode: string): EvidenceWithUploader[] {
  return db
    .select({ e: evidenceFiles, name: users.name, deleted: users.deleted })
    .from(evidenceFiles)
    .leftJoin(users, eq(users.id, evidenceFiles.uploadedBy))
    .where(and(eq(evidenceFiles.diagnosticId, diagnosticId), eq(evidenceFiles.questionCode, questionCode)))
    .orderBy(asc(evidenceFiles.uploadedAt), asc(evidenceFiles.id))
    .all()
    .map(withUploader);
}

/** Files of a diagnostic grouped by question code (views, PDF, CSV, gap analysis). */
export function evidenceByQuestion(rows: readonly EvidenceWithUploader[]): Map<string, EvidenceWithUploader[]> {
  const m = new Map<string, EvidenceWithUploader[]>();
  for (const r of rows) m.set(r.questionCode, [...(m.get(r.questionCode) ?? []), r]);
  return m;
}

/** One file of this diagnostic; a file of another diagnostic is as good as unknown. */
export function getEvidence(db: DbOrTx, diagnosticId: string, id: string): EvidenceRow | undefined {
  return db.select().from(evidenceFiles).where(and(eq(evidenceFiles.id, id), eq(evidenceFiles.diagnosticId, diagnosticId))).get();
}

/**
 * Bytes an organisation's files take, all diagnostics together. A content stored once counts once
 * (the same document on two answers, or carried over to the next diagnostic, is one file on disk).
 */
export function evidenceUsage(db: DbOrTx, organisationId: string): number {
  const row = db
    .select({ bytes: sql<number>`coalesce(sum(size), 0)` })
    .from(
      db
        .selectDistinct({ hash: evidenceFiles.hash, size: evidenceFiles.size })
        .from(evidenceFiles)
        .innerJoin(diagnostics, eq(diagnostics.id, evidenceFiles.diagnosticId))
        .where(eq(diagnostics.organisationId, organisationId))
        .as('distinct_files'),
    )
    .get();
  return Number(row?.bytes ?? 0);
}

export interface NewEvidence {
  diagnosticId: string;
  questionCode: string;
  hash: string;
  size: number;
  mime: string;
  name: string;
  userId: string | null;
}

export interface EvidenceLimits {
  quotaBytes: number;
  maxPerAnswer: number;
}

export type AttachResult =
  | { kind: 'attached'; row: EvidenceRow; usage: number }
  | { kind: 'missing' }
  | { kind: 'locked'; status: DiagnosticStatus }
  | { kind: 'over-quota'; usage: number; quota: number; size: number }
  | { kind: 'too-many'; max: number };


/**
 * Records a received file on an answer, in one IMMEDIATE transaction: the diagnostic is still open,
 * the answer has room, the organisation's quota holds (checked here, so two uploads at once cannot
 * both squeeze past it), the row and its audit event are written, and `placeFile` (the rename of
 * the temporary file, synchronous) runs last inside the transaction: if it throws, nothing is
 * recorded.
 */
export function attachEvidence(db: Db, input: NewEvidence, limits: EvidenceLimits, placeFile: () => void, now: Date): AttachResult {
  return db.transaction(
    (tx): AttachResult => {
      const diag = tx.select({ status: diagnostics.status, organisationId: diagnostics.organisationId }).from(diagnostics).where(eq(diagnostics.id, input.diagnosticId)).get();
      if (!diag) return { kind: 'missing' };
      if (!isEditable(diag.status)) return { kind: 'locked', status: diag.status };
      const onAnswer = tx
        .select({ n: sql<number>`count(*)` })
        .from(evidenceFiles)
        .where(and(eq(evidenceFiles.diagnosticId, input.diagnosticId), eq(evidenceFiles.questionCode, input.questionCode)))
        .get();
      if ((onAnswer?.n ?? 0) >= limits.maxPerAnswer) return { kind: 'too-many', max: limits.maxPerAnswer };
      const usage = evidenceUsage(tx, diag.organisationId);
      const known = tx
        .select({ id: evidenceFiles.id })
        .from(evidenceFiles)
        .innerJoin(diagnostics, eq(diagnostics.id, evidenceFiles.diagnosticId))
        .where(and(eq(diagnostics.organisationId, diag.organisationId), eq(evidenceFiles.hash, input.hash)))
        .get();
      const added = known ? 0 : input.size;
      if (usage + added > limits.quotaBytes) return { kind: 'over-quota', usage, quota: limits.quotaBytes, size: input.size };
      const row: EvidenceRow = {
        id: newId(),
        diagnosticId: input.diagnosticId,
        questionCode: input.questionCode,
        hash: input.hash,
        size: input.size,
        mime: input.mime,
        name: input.name,
        uploadedBy: input.userId,
        uploadedAt: now.toISOString(),
        carriedFromId: null,
      };
      tx.insert(evidenceFiles).values(row).run();
      audit(
        tx,
        {
          userId: input.userId,
          action: 'attach',
          entity: 'evidence',
          entityId: row.id,
          organisationId: diag.organisationId,
          diagnosticId: input.diagnosticId,
          after: { questionCode: row.questionCode, name: row.name, size: row.size, mime: row.mime, hash: row.hash },
        },
        now,
      );
      placeFile();
      return { kind: 'attached', row, usage: usage + added };
    },
    { behavior: 'immediate' },
  );
}

export type RemoveResult = { kind: 'removed'; row: EvidenceRow; lastCopy: boolean } | { kind: 'missing' } | { kind: 'locked'; status: DiagnosticStatus };

/**
 * Removes one file from an answer (audited). When no row points at its content any more,
 * `removeFile` deletes the bytes, in the same synchronous step.
 */
export function removeEvidence(db: Db, diagnosticId: string, id: string, userId: string | null, removeFile: (hash: string) => void, now: Date): RemoveResult {
  const result = db.transaction(
    (tx): RemoveResult => {
      const row = getEvidence(tx, diagnosticId, id);
      if (!row) return { kind: 'missing' };
      const diag = tx.select({ status: diagnostics.status, organisationId: diagnostics.organisationId }).from(diagnostics).where(eq(diagnostics.id, diagnosticId)).get();
      if (!diag) return { kind: 'missing' };
      if (!isEditable(diag.status)) return { kind: 'locked', status: diag.status };
      tx.delete(evidenceFiles).where(eq(evidenceFiles.id, id)).run();
      audit(
        tx,
        {
          userId,
          action: 'remove',
          entity: 'evidence',
          entityId: id,
          organisationId: diag.organisationId,
          diagnosticId,
          before: { questionCode: row.questionCode, name: row.name, size: row.size, mime: row.mime, hash: row.hash, uploadedBy: row.uploadedBy, uploadedAt: row.uploadedAt },
        },
        now,
      );
      return { kind: 'removed', row, lastCopy: !isReferenced(tx, row.hash) };
    },
    { behavior: 'immediate' },
  );
  // After the commit (a rolled-back delete must not lose the bytes); nothing runs in between.
  if (result.kind === 'removed' && result.lastCopy) removeFile(result.row.hash);
  return result;
}

export function isReferenced(db: DbOrTx, hash: string): boolean {
  return !!db.select({ id: evidenceFiles.id }).from(evidenceFiles).where(eq(evidenceFiles.hash, hash)).get();
}

/** Every content hash some row points at (the start-up sweep, the backup, the tests). */
export function referencedHashes(db: DbOrTx): Set<string> {
  return new Set(db.selectDistinct({ hash: evidenceFiles.hash }).from(evidenceFiles).all().map((r) => r.hash));
}

/** The hashes of a diagnostic's files, read before deleting it (its rows go with it by cascade). */
export function diagnosticHashes(db: DbOrTx, diagnosticId: string): string[] {
  return db.selectDistinct({ hash: evidenceFiles.hash }).from(evidenceFiles).where(eq(evidenceFiles.diagnosticId, diagnosticId)).all().map((r) => r.hash);
}

/**
 * After rows were deleted without removeEvidence (a draft deleted, an organisation removed): drops
 * the files of `hashes` that no row points at any more. Run it right after the commit.
 */
export function releaseUnreferenced(db: DbOrTx, hashes: Iterable<string>, removeFile: (hash: string) => void): number {
  let n = 0;
  for (const hash of new Set(hashes)) {
    if (isReferenced(db, hash)) continue;
    removeFile(hash);
    n++;
  }
  return n;
}

/**
 * Copies the files of the answers that were carried over to a new diagnostic (same bytes, new rows
 * that keep who attached them and when). Runs inside createDiagnostic's transaction. Across
 * referential versions, `successor` names the question that takes over an old one (null: none).
 */
export function carryOverEvidence(tx: DbOrTx, fromDiagnosticId: string, toDiagnosticId: string, questionCodes: ReadonlySet<string>, successor?: (questionCode: string) => string | null): number {
  const rows = tx.select().from(evidenceFiles).where(eq(evidenceFiles.diagnosticId, fromDiagnosticId)).orderBy(asc(evidenceFiles.uploadedAt), asc(evidenceFiles.id)).all();
  let n = 0;
  for (const r of rows) {
    const questionCode = successor ? successor(r.questionCode) : r.questionCode;
    if (questionCode === null || !questionCodes.has(questionCode)) continue;
    tx.insert(evidenceFiles)
      .values({ ...r, id: newId(), diagnosticId: toDiagnosticId, questionCode, carriedFromId: r.id })
      .run();
    n++;
  }
  return n;
}

/** What a person attached, for their personal-data export. */
export function evidenceUploadedBy(db: DbOrTx, userId: string) {
  return db
    .select({ e: evidenceFiles, organisation: organisations.name })
    .from(evidenceFiles)
    .innerJoin(diagnostics, eq(diagnostics.id, evidenceFiles.diagnosticId))
    .innerJoin(organisations, eq(organisations.id, diagnostics.organisationId))
    .where(eq(evidenceFiles.uploadedBy, userId))
    .orderBy(asc(evidenceFiles.uploadedAt), asc(evidenceFiles.id))
    .all()
    .map(({ e, organisation }) => ({
      diagnosticId: e.diagnosticId,
      organisation,
      questionCode: e.questionCode,
      name: e.name,
      size: e.size,
      type: e.mime,
      at: e.uploadedAt,
    }));
}

/** Number of files per diagnostic (lists). */
export function evidenceCounts(db: DbOrTx, diagnosticIds: readonly string[]): Map<string, number> {
  if (!diagnosticIds.length) return new Map();
  const rows = db
    .select({ id: evidenceFiles.diagnosticId, n: sql<number>`count(*)` })
    .from(evidenceFiles)
    .where(inArray(evidenceFiles.diagnosticId, [...diagnosticIds]))
    .groupBy(evidenceFiles.diagnosticId)
    .all();
  return new Map(rows.map((r) => [r.id, r.n]));
}
