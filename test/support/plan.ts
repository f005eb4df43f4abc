// Fixtures for the progress plan: a diagnostic written straight into the database (the plan does
// not care how answers got there), answered so that a chosen number of actions is proposed.
import type { Db } from '../../src/db/open.ts';
import { answers, diagnostics } from '../../src/db/schema.ts';
import { newId } from '../../src/ids.ts';
import { defaultReferentialId, getReferential } from '../../src/referential/store.ts';
import { isApplicable } from '../../src/scoring/index.ts';
import type { StructureType } from '../../src/referential/schema.ts';

export interface DiagnosticFixture {
  organisationId: string;
  types: string[];
  status?: 'draft' | 'submitted' | 'changes_requested' | 'validated';
  /** How many applicable questions get a level below 3 (hence a proposed action). */
  weak?: number;
  /** Answer every applicable question (default) or leave the rest unanswered. */
  complete?: boolean;
  createdAt?: string;
  validatedBy?: string | null;
  previousId?: string | null;
  userId?: string | null;
  /** Comment written on every answer (accents on purpose). */
  comment?: (code: string) => string;
}

/**
 * Inserts a diagnostic and its answers: `weak` applicable questions spread over the four themes
 * at levels 0-2, every other one at level 4 (or N/A for one in four of the questions that allow
 * it), so the plan proposes exactly `weak` actions.
 */
export function insertDiagnostic(db: Db, f: DiagnosticFixture): { id: string; weakCodes: string[] } {
  const refId = defaultReferentialId(db)!;
  const ref = getReferential(db, refId)!;
  const id = newId();
  const at = f.createdAt ?? '2026-01-15T09:00:00.000Z';
  const status = f.status ?? 'submitted';
  db.insert(diagnostics)
    .values({
      id,
      organisationId: f.organisationId,
      referentialId: refId,
      status,
      mode: 'accompagne',
      participants: [{ name: 'Françoise Lœvenbruck', role: 'directrice' }],
      previousId: f.previousId ?? null,
      createdBy: f.userId ?? null,
      createdAt: at,
      submittedAt: status === 'draft' ? null : '2026-02-10T10:00:00.000Z',
      submittedBy: null,
      validatedAt: status === 'validated' ? '2026-02-20T10:00:00.000Z' : null,
      validatedBy: status === 'validated' ? (f.validatedBy ?? null) : null,
    })
    .run();

  const questions = ref.themes.flatMap((th) => th.criteria.flatMap((c) => c.questions)).filter((q) => isApplicable(q, f.types as StructureType[]));
  const weak = Math.min(f.weak ?? 10, questions.length);
  // Spread the weak questions evenly so that every theme gets some.
  const step = questions.length / weak;
  const weakIdx = new Set(Array.from({ length: weak }, (_, i) => Math.floor(i * step)));
  const weakCodes: string[] = [];
  let naAllowedSeen = 0;
  questions.forEach((q, i) => {
    let level: number | null;
    let na = false;
    if (weakIdx.has(i)) {
      level = i % 3;
      weakCodes.push(q.code);
    } else if (f.complete === false) return;
    else if (q.naAllowed && naAllowedSeen++ % 4 === 1) {
      level = null;
      na = true;
    } else level = 4;
    db.insert(answers)
      .values({
        diagnosticId: id,
        questionCode: q.code,
        level,
        na,
        comment: f.comment ? f.comment(q.code) : '',
        updatedBy: f.userId ?? null,
        updatedByRole: 'member',
        updatedAt: at,
        revision: 1,
      })
      .run();
  });
  return { id, weakCodes };
}

/** An action edit as the plan page's form sends it: with the revision of the action it was made on. */
export function withRevision<T extends Record<string, string | string[]>>(db: Db, actionId: string, fields: T): T & { revision: string } {
  const row = db.$client.prepare('SELECT revision FROM actions WHERE id = ?').get(actionId) as { revision: number } | undefined;
  return { revision: String(row?.revision ?? 0), ...fields };
}
