// Core reads about diagnostics and their answers, shared by the questionnaire, results, plan and
// federation modules. Writes live with the module that owns them.
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from './open.ts';
import { answers, diagnostics, organisations, users } from './schema.ts';
import type { Organisation } from './organisations.ts';
import { getReferential } from '../referential/store.ts';
import type { Referential } from '../referential/schema.ts';
import { scoreDiagnostic, type DiagnosticScores, type Level } from '../scoring/index.ts';
import { SETTLED_STATUSES, type DiagnosticStatus } from '../diagnostics/status.ts';
import { preparedFor } from './prepared.ts';

export type DiagnosticRow = typeof diagnostics.$inferSelect;
export type AnswerRow = typeof answers.$inferSelect;
export type { DiagnosticStatus };

/** A diagnostic with what every page about it needs. */
export interface DiagnosticContext {
  diagnostic: DiagnosticRow;
  organisation: Organisation;
  referential: Referential;
}

// Read on every diagnostic page and every answer save: prepared once (src/db/prepared.ts).
const contextById = preparedFor((db) =>
  db.select({ d: diagnostics, o: organisations }).from(diagnostics).innerJoin(organisations, eq(organisations.id, diagnostics.organisationId)).where(eq(diagnostics.id, sql.placeholder('id'))).prepare(),
);
const answersOf = preparedFor((db) => db.select().from(answers).where(eq(answers.diagnosticId, sql.placeholder('id'))).prepare());
const answersWithAuthorsOf = preparedFor((db) =>
  db.select({ a: answers, name: users.name, deleted: users.deleted }).from(answers).leftJoin(users, eq(users.id, answers.updatedBy)).where(eq(answers.diagnosticId, sql.placeholder('id'))).prepare(),
);
const answerWithAuthor = preparedFor((db) =>
  db
    .select({ a: answers, name: users.name, deleted: users.deleted })
    .from(answers)
    .leftJoin(users, eq(users.id, answers.updatedBy))
    .where(and(eq(answers.diagnosticId, sql.placeholder('id')), eq(answers.questionCode, sql.placeholder('code'))))
    .prepare(),
);
const answerStatesOf = preparedFor((db) =>
  db
    .select({ questionCode: answers.questionCode, level: answers.level, na: answers.na, prefilledFrom: answers.prefilledFrom })
    .from(answers)
    .where(eq(answers.diagnosticId, sql.placeholder('id')))
    .prepare(),
);
const answerByCode = preparedFor((db) => db.select().from(answers).where(and(eq(answers.diagnosticId, sql.placeholder('id')), eq(answers.questionCode, sql.placeholder('code')))).prepare());

export function getDiagnosticContext(db: Db, id: string): DiagnosticContext | undefined {
  const row = contextById(db).get({ id });
  if (!row) return undefined;
  const referential = getReferential(db, row.d.referentialId);
  if (!referential) return undefined;
  return { diagnostic: row.d, organisation: row.o, referential };
}

/** The permission resource of a diagnostic: its organisation, and who created it. */
export function diagnosticScope(ctx: DiagnosticContext) {
  return { organisationId: ctx.organisation.id, region: ctx.organisation.region, createdBy: ctx.diagnostic.createdBy };
}

export function getDiagnostic(db: Db, id: string): DiagnosticRow | undefined {
  return db.select().from(diagnostics).where(eq(diagnostics.id, id)).get();
}

export function listOrganisationDiagnostics(db: Db, organisationId: string): DiagnosticRow[] {
  return db.select().from(diagnostics).where(eq(diagnostics.organisationId, organisationId)).orderBy(desc(diagnostics.createdAt)).all();
}

/**
 * The one definition of « the latest diagnostic of an organisation »: the id of the last one
 * created and not archived (ties broken by id, so it is stable), or of the last settled one
 * (submitted or validated) when `settled`. `organisationId` is the SQL of the organisation's id in
 * the outer query. One search of the index diagnostics_org_created per organisation. Lists over
 * many organisations read the pointers organisations.latest_diagnostic_id and settled_diagnostic_id
 * instead, which triggers keep with this same order (drizzle/0010_derived_data_triggers.sql).
 */
export function latestDiagnosticId(organisationId: SQL, opts: { settled?: boolean } = {}): SQL {
  const settled = opts.settled ? sql` AND l.status IN (${sql.join(SETTLED_STATUSES.map((s) => sql`${s}`), sql`, `)})` : sql` AND l.status <> 'archived'`;
  return sql`(SELECT l.id FROM diagnostics l WHERE l.organisation_id = ${organisationId}${settled} ORDER BY l.created_at DESC, l.id DESC LIMIT 1)`;
}

/** The latest diagnostic of each given organisation, in one query (no query per organisation). */
export function latestDiagnostics(db: Db, organisationIds: readonly string[]): Map<string, DiagnosticRow> {
  if (!organisationIds.length) return new Map();
  const rows = db
    .select()
    .from(diagnostics)
    .where(and(inArray(diagnostics.organisationId, [...organisationIds]), eq(diagnostics.id, latestDiagnosticId(sql`${diagnostics.organisationId}`))))
    .all();
  return new Map(rows.map((d) => [d.organisationId, d]));
}

export function loadAnswers(db: Db, diagnosticId: string): AnswerRow[] {
  return answersOf(db).all({ id: diagnosticId });
}

/** Only what progress needs (read after every autosave: four columns, not the whole rows). */
export function loadAnswerStates(db: Db, diagnosticId: string): Pick<AnswerRow, 'questionCode' | 'level' | 'na' | 'prefilledFrom'>[] {
  return answerStatesOf(db).all({ id: diagnosticId });
}

export interface AnswerWithAuthor extends AnswerRow {
  /** The stored name of whoever set the answer last; src/people.ts names them for display. */
  authorName: string | null;
  authorDeleted: boolean;
}

/** Answers with whoever set them last. */
export function loadAnswersWithAuthors(db: Db, diagnosticId: string): AnswerWithAuthor[] {
  return answersWithAuthorsOf(db)
    .all({ id: diagnosticId })
    .map((r) => ({ ...r.a, authorName: r.name, authorDeleted: !!r.deleted }));
}

/** One answer with its author (what an autosave answers with). */
export function getAnswerWithAuthor(db: Db, diagnosticId: string, code: string): AnswerWithAuthor | undefined {
  const r = answerWithAuthor(db).get({ id: diagnosticId, code });
  return r && { ...r.a, authorName: r.name, authorDeleted: !!r.deleted };
}

export function getAnswer(db: Db, diagnosticId: string, code: string): AnswerRow | undefined {
  return answerByCode(db).get({ id: diagnosticId, code });
}

export function answerLevel(a: Pick<AnswerRow, 'level' | 'na'>): Level | null {
  if (a.na) return 'na';
  return a.level === null ? null : (a.level as Level);
}

export function levelsOf(rows: readonly Pick<AnswerRow, 'questionCode' | 'level' | 'na'>[]): Map<string, Level> {
  const m = new Map<string, Level>();
  for (const r of rows) {
    const l = answerLevel(r);
    if (l !== null) m.set(r.questionCode, l);
  }
  return m;
}

export function scoresOf(ctx: DiagnosticContext, rows: readonly AnswerRow[]): DiagnosticScores {
  return scoreDiagnostic(ctx.referential, ctx.organisation.types, levelsOf(rows));
}

/** The full scores of one diagnostic (every theme, criterion and question), from its answers. */
export function scoreDiagnosticById(db: Db, ctx: DiagnosticContext): DiagnosticScores {
  return scoresOf(ctx, loadAnswers(db, ctx.diagnostic.id));
}
