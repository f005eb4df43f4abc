// Data for the results tests, inserted directly with drizzle: organisations, diagnostics, answers.
// Diagnostics use CAP 2023 unless a seed names another version: the hand-worked figures of the
// tests are on its questions; what CAP 2026 changes (compliance levels, the comparison across
// versions) is tested with `referentialId: REF_2026.id`.
import type { Db } from '../../src/db/open.ts';
import { answers, diagnostics } from '../../src/db/schema.ts';
import { builtinReferentials } from '../../src/referential/store.ts';
import type { Question, Referential, StructureType, ThemeSlug } from '../../src/referential/schema.ts';
import { isApplicable, type Level } from '../../src/scoring/index.ts';
import { rebuildDerivedData } from '../../src/db/derived-data.ts';

export const REF: Referential = builtinReferentials().find((r) => r.id === 'cap-2023')!;
export const REF_2026: Referential = builtinReferentials().find((r) => r.id === 'cap-2026')!;

export function questionsOf(types: StructureType[], theme?: ThemeSlug, ref: Referential = REF): (Question & { themeSlug: ThemeSlug })[] {
  return ref.themes
    .filter((th) => !theme || th.slug === theme)
    .flatMap((th) => th.criteria.flatMap((c) => c.questions.map((q) => ({ ...q, themeSlug: th.slug }))))
    .filter((q) => isApplicable(q, types));
}

let counter = 0;

export interface DiagnosticSeed {
  organisationId: string;
  status?: 'draft' | 'submitted' | 'changes_requested' | 'validated';
  createdAt?: string;
  answers?: Record<string, Level>;
  overallScore?: number | null;
  themeScores?: Record<string, number | null> | null;
  previousId?: string | null;
  /** Default CAP 2023. */
  referentialId?: string;
  validatedBy?: string | null;
  validatedAt?: string | null;
}

export function insertDiagnostic(db: Db, seed: DiagnosticSeed): string {
  counter += 1;
  const id = `diag-${counter}-${Math.random().toString(36).slice(2, 8)}`;
  const createdAt = seed.createdAt ?? '2026-02-01T10:00:00.000Z';
  const status = seed.status ?? 'submitted';
  db.insert(diagnostics)
    .values({
      id,
      organisationId: seed.organisationId,
      referentialId: seed.referentialId ?? REF.id,
      status,
      mode: 'autodiagnostic',
      participants: [],
      previousId: seed.previousId ?? null,
      createdAt,
      submittedAt: status === 'draft' ? null : createdAt,
      validatedAt: seed.validatedAt ?? null,
      validatedBy: seed.validatedBy ?? null,
      overallScore: seed.overallScore ?? null,
      themeScores: seed.themeScores ?? null,
    })
    .run();
  const rows = Object.entries(seed.answers ?? {}).map(([code, level]) => ({
    diagnosticId: id,
    questionCode: code,
    level: level === 'na' ? null : level,
    na: level === 'na',
    updatedAt: createdAt,
  }));
  if (rows.length) db.insert(answers).values(rows).run();
  // Written by hand: the scores, statistics and pointers the app keeps follow, as at start-up.
  rebuildDerivedData(db);
  return id;
}

/** Every applicable question of the given themes answered with `level(q, i)`. */
export function answersFor(types: StructureType[], level: (q: Question, i: number) => Level, themes?: ThemeSlug[], ref: Referential = REF): Record<string, Level> {
  const out: Record<string, Level> = {};
  questionsOf(types, undefined, ref)
    .filter((q) => !themes || themes.includes(q.themeSlug))
    .forEach((q, i) => {
      out[q.code] = level(q, i);
    });
  return out;
}
