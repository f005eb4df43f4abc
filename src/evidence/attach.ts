// From a received upload to a recorded evidence file: the type proven by the content, the cleaned
// name, then the row and the file placed together (src/db/evidence.ts). Whatever the outcome, the
// temporary file is gone when this returns, and files/ holds a file only if a row points at it.
import type { Db } from '../db/open.ts';
import { attachEvidence, isReferenced, removeEvidence, type AttachResult, type EvidenceLimits, type RemoveResult } from '../db/evidence.ts';
import { detectEvidenceType, type EvidenceType } from './content-type.ts';
import { cleanFilename } from './filename.ts';
import type { FileStore, Received } from './store.ts';

export type AttachOutcome = AttachResult | { kind: 'forbidden-type' };

export interface AttachRequest {
  diagnosticId: string;
  questionCode: string;
  /** The name the browser sent (a label only). */
  filename: string;
  userId: string | null;
}

export async function attachReceived(db: Db, store: FileStore, file: Received, req: AttachRequest, limits: EvidenceLimits, now: Date): Promise<AttachOutcome & { type?: EvidenceType }> {
  const type = await detectEvidenceType(file.tempPath);
  if (!type) {
    store.discard(file);
    return { kind: 'forbidden-type' };
  }
  let placed = false;
  let result: AttachResult;
  try {
    result = attachEvidence(
      db,
      { diagnosticId: req.diagnosticId, questionCode: req.questionCode, hash: file.hash, size: file.size, mime: type.mime, name: cleanFilename(req.filename, type), userId: req.userId },
      limits,
      () => {
        store.commit(file);
        placed = true;
      },
      now,
    );
  } catch (e) {
    // The rename happened but the commit did not: take the file back unless another row has it.
    if (placed && !isReferenced(db, file.hash)) store.remove(file.hash);
    store.discard(file);
    throw e;
  }
  if (result.kind !== 'attached') store.discard(file);
  return { ...result, type };
}

/** Removes one evidence file (audited); its bytes go when no other row points at them. */
export function removeEvidenceFile(db: Db, store: FileStore, diagnosticId: string, id: string, userId: string | null, now: Date): RemoveResult {
  return removeEvidence(db, diagnosticId, id, userId, (hash) => store.remove(hash), now);
}
