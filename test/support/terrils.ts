// The scenario: the demo's Chantier des Terrils (ACI, Hauts-de-France), whose director
// answers honestly at low levels — most answers at 0 or 1, a few at 2, the legal obligations below
// compliance. Written straight into the database, with an optional earlier diagnostic (for the
// comparison) and carried-over answers still to confirm (for a draft's « provisoire » results).
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/open.ts';
import { answers, diagnostics, organisations } from '../../src/db/schema.ts';
import { newId } from '../../src/ids.ts';
import { defaultReferentialId, getReferential } from '../../src/referential/store.ts';
import { isApplicable } from '../../src/scoring/index.ts';
import { rebuildDerivedData } from '../../src/db/derived-data.ts';
import { getDiagnosticContext, scoreDiagnosticById } from '../../src/db/diagnostics.ts';
import { syncProposedActions } from '../../src/db/actions.ts';

export const TERRILS = 'Chantier des Terrils (démo)';

export function terrilsId(db: Db): string {
  return db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, TERRILS)).get()!.id;
}

export interface TerrilsOptions {
  status?: 'draft' | 'submitted' | 'validated';
  createdAt?: string;
  previousId?: string | null;
  /** Answers copied from the previous diagnostic and not yet confirmed (the first N). */
  prefilled?: number;
  /** Level of the i-th applicable question (default: honest and low). */
  level?: (i: number, legal: boolean) => number;
}

/** Low and honest: legal obligations at 0 or 1, the rest mostly 1, every fifth at 0, every seventh at 2. */
export const lowLevel = (i: number, legal: boolean) => (legal ? i % 2 : i % 7 === 3 ? 2 : i % 5 === 0 ? 0 : 1);

export function insertTerrilsDiagnostic(db: Db, opts: TerrilsOptions = {}): string {
  const organisationId = terrilsId(db);
  const refId = defaultReferentialId(db)!;
  const ref = getReferential(db, refId)!;
  const id = newId();
  const at = opts.createdAt ?? '2026-02-02T09:00:00.000Z';
  const status = opts.status ?? 'submitted';
  db.insert(diagnostics)
    .values({
      id,
      organisationId,
      referentialId: refId,
      status,
      mode: 'autodiagnostic',
      participants: [{ name: 'Nadia Lefebvre', role: 'direction' }],
      previousId: opts.previousId ?? null,
      createdAt: at,
      submittedAt: status === 'draft' ? null : at,
    })
    .run();
  const level = opts.level ?? lowLevel;
  const questions = ref.themes.flatMap((th) => th.criteria.flatMap((c) => c.questions)).filter((q) => isApplicable(q, ['ACI']));
  questions.forEach((q, i) => {
    db.insert(answers)
      .values({ diagnosticId: id, questionCode: q.code, level: level(i, q.legal), na: false, comment: '', updatedAt: at, revision: 1, prefilledFrom: i < (opts.prefilled ?? 0) ? '2025-02-01T09:00:00.000Z' : null })
      .run();
  });
  // What the app derives from such rows; a submitted diagnostic's plan is put in place at submission.
  rebuildDerivedData(db);
  if (status !== 'draft') {
    const ctx = getDiagnosticContext(db, id)!;
    syncProposedActions(db, ctx, scoreDiagnosticById(db, ctx), null, new Date(at));
  }
  return id;
}
