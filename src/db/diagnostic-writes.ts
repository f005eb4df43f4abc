// Writes of the questionnaire: start a diagnostic (optionally from a previous one), save one
// answer with its revision check, submit. Each runs in one transaction with its audit event.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from './open.ts';
import { answers, diagnostics } from './schema.ts';
import { audit } from './audit.ts';
import { getAnswer, getDiagnosticContext, scoresOf, type AnswerRow, type DiagnosticContext, type DiagnosticRow } from './diagnostics.ts';
import { isEditable, SETTLED_STATUSES, type DiagnosticMode, type DiagnosticStatus, type ParticipantRole } from '../diagnostics/status.ts';
import { carryOverActions } from './actions.ts';
import { carryOverEvidence } from './evidence.ts';
import { getReferential } from '../referential/store.ts';
import { indexOf } from '../referential/lookup.ts';
import { actionSuccessor, carryAnswers, mappingBetween } from '../referential/mapping.ts';
import { MAX_LENGTH } from '../validation/limits.ts';
import { newId } from '../ids.ts';
import type { Role } from '../auth/permissions.ts';
import type { DiagnosticScores } from '../scoring/index.ts';
import type { Referential, StructureType } from '../referential/schema.ts';
import { immediately, preparedFor } from './prepared.ts';
import { openDiagnostics } from './diagnostic-lifecycle.ts';
import { cacheDraftScores } from './scores.ts';
import { refreshOrganisationPeers } from './peer-statistics.ts';
import { refreshServiceFollowUp } from './service-follow-up.ts';

export interface Participant {
  name: string;
  role: ParticipantRole;
}

export interface NewDiagnostic {
  organisationId: string;
  referentialId: string;
  mode: DiagnosticMode;
  participants: Participant[];
  /** A previous diagnostic of the same organisation whose answers are copied as a starting point. */
  fromId?: string | null;
  userId: string | null;
}

/** Diagnostics a new one may start from: the organisation's, newest first. */
export function prefillCandidates(db: Db, organisationId: string): DiagnosticRow[] {
  return db.select().from(diagnostics).where(eq(diagnostics.organisationId, organisationId)).orderBy(desc(diagnostics.createdAt)).all();
}

/** The date a prefilled answer refers to: the source diagnostic's, as lists name it (« Diagnostic du … »). */
export function referenceDate(d: Pick<DiagnosticRow, 'createdAt'>): string {
  return d.createdAt;
}

export type CreateResult = { kind: 'created'; id: string; prefilled: number; from: DiagnosticRow | null } | { kind: 'open'; open: DiagnosticRow };

/**
 * Creates a diagnostic, unless the organisation already has an open one (draft, or sent back for
 * changes): then nothing is written and that one is returned, to lead the team to it — two drafts
 * side by side split the team's answers. With `fromId`, the answers and comments of that diagnostic
 * are copied (kept with their author and date, marked prefilled until someone touches them) and
 * its open actions carried over. When the new diagnostic uses a later version whose mapping starts
 * from the old one's (CAP 2026 from CAP 2023), answers and actions follow the mapping instead of the
 * codes (docs/referentiel.md). The previous diagnostic, for comparison, is `fromId` or else the
 * latest completed one.
 */
export function createDiagnostic(db: Db, input: NewDiagnostic, now: Date): CreateResult {
  const ref = getReferential(db, input.referentialId);
  if (!ref) throw new Error(`referential ${input.referentialId} not found`);
  const id = newId();
  const at = now.toISOString();
  return db.transaction(
    (tx): CreateResult => {
      const open = openDiagnostics(tx, [input.organisationId])[0];
      if (open) return { kind: 'open', open };
      let from: DiagnosticRow | null = null;
      if (input.fromId) {
        from = tx.select().from(diagnostics).where(and(eq(diagnostics.id, input.fromId), eq(diagnostics.organisationId, input.organisationId))).get() ?? null;
        if (!from) throw new Error('diagnostic to start from not found in this organisation');
      }
      const previous =
        from ??
        tx
          .select()
          .from(diagnostics)
          .where(and(eq(diagnostics.organisationId, input.organisationId), inArray(diagnostics.status, [...SETTLED_STATUSES])))
          .orderBy(desc(diagnostics.submittedAt))
          .get() ??
        null;
      tx.insert(diagnostics)
        .values({
          id,
          organisationId: input.organisationId,
          referentialId: input.referentialId,
          status: 'draft',
          mode: input.mode,
          participants: input.participants,
          previousId: previous?.id ?? null,
          createdBy: input.userId,
          createdAt: at,
        })
        .run();
      let prefilled = 0;
      let evidence = 0;
      const mapping = from && from.referentialId !== input.referentialId ? mappingBetween(from.referentialId, ref) : undefined;
      if (from && mapping) {
        const since = referenceDate(from);
        const old = new Map(tx.select().from(answers).where(eq(answers.diagnosticId, from.id)).all().map((a) => [a.questionCode, a]));
        for (const [code, carried] of carryAnswers(mapping, ref, old, MAX_LENGTH.answerComment)) {
          // The answer keeps the author and date of its first source, like a copied answer.
          const source = old.get(carried.sources[0]!)!;
          tx.insert(answers)
            .values({ ...source, questionCode: code, level: carried.level, na: carried.na, comment: carried.comment, diagnosticId: id, revision: 1, prefilledFrom: since })
            .run();
          prefilled++;
        }
        // Actions and evidence go to the question that takes over theirs.
        const successor = actionSuccessor(from.referentialId, ref);
        carryOverActions(tx, from.id, id, input.userId, now, successor);
        evidence = carryOverEvidence(tx, from.id, id, new Set(indexOf(ref).questions.keys()), successor && ((code) => successor(code)?.questionCode ?? null));
      } else if (from) {
        const since = referenceDate(from);
        for (const a of tx.select().from(answers).where(eq(answers.diagnosticId, from.id)).all()) {
          const q = indexOf(ref).questions.get(a.questionCode)?.question;
          // A question gone from the new version, or an N/A it no longer allows, is left to answer afresh.
          if (!q || (a.na && !q.naAllowed)) continue;
          if (!a.na && a.level === null && !a.comment) continue;
          tx.insert(answers)
            .values({ ...a, diagnosticId: id, revision: 1, prefilledFrom: since })
            .run();
          prefilled++;
        }
        carryOverActions(tx, from.id, id, input.userId, now);
        // Evidence goes with its question (same bytes, new rows), for every question the new
        // version still has: a document proves a practice whatever the answer became.
        evidence = carryOverEvidence(tx, from.id, id, new Set(indexOf(ref).questions.keys()));
      }
      audit(
        tx,
        {
          userId: input.userId,
          action: 'create',
          entity: 'diagnostic',
          entityId: id,
          organisationId: input.organisationId,
          diagnosticId: id,
          after: { mode: input.mode, participants: input.participants, referentialId: input.referentialId, fromId: from?.id ?? null, previousId: previous?.id ?? null, prefilled, evidence },
        },
        now,
      );
      return { kind: 'created', id, prefilled, from };
    },
    { behavior: 'immediate' },
  );
}

/** For data loaders (demo, bench) that build a history: the created diagnostic, or an error. */
export function created(r: CreateResult): Extract<CreateResult, { kind: 'created' }> {
  if (r.kind === 'open') throw new Error(`organisation ${r.open.organisationId} already has an open diagnostic (${r.open.id})`);
  return r;
}

export interface AnswerInput {
  diagnosticId: string;
  questionCode: string;
  /** 0-4, or null (no level chosen yet, or N/A). */
  level: number | null;
  na: boolean;
  comment: string;
  /** The stored revision the form was built from; 0 when there was no answer. */
  revision: number;
  userId: string | null;
  role: Role;
  /**
   * What the diagnostic is scored with (its version, its organisation's types), which the caller
   * usually has at hand; read from the database otherwise. A saved change refreshes the cached
   * scores in the same transaction, so that lists show where a draft stands without scoring it.
   */
  scoring?: { referential: Referential; types: readonly StructureType[] };
}

export type SaveResult =
  /** `before`: the stored answer the save replaced (none for a first answer). */
  | { kind: 'saved'; answer: AnswerRow; changed: boolean; before: AnswerRow | null }
  | { kind: 'conflict'; current: AnswerRow }
  | { kind: 'locked'; status: DiagnosticStatus }
  | { kind: 'missing' };

export function sameAnswer(a: Pick<AnswerRow, 'level' | 'na' | 'comment'>, b: Pick<AnswerRow, 'level' | 'na' | 'comment'>): boolean {
  return a.na === b.na && (a.na || a.level === b.level) && a.comment === b.comment;
}

// The autosave is the hottest write: its statements are prepared once (src/db/prepared.ts).
const ph = sql.placeholder;
/** The diagnostic's status and the stored answer, in one read. */
const stateOf = preparedFor((db) =>
  db
    .select({ status: diagnostics.status, organisationId: diagnostics.organisationId, answer: answers })
    .from(diagnostics)
    .leftJoin(answers, and(eq(answers.diagnosticId, diagnostics.id), eq(answers.questionCode, ph('code'))))
    .where(eq(diagnostics.id, ph('id')))
    .prepare(),
);
const answerColumns = {
  level: ph('level'),
  na: ph('na'),
  comment: ph('comment'),
  updatedBy: ph('updatedBy'),
  updatedByRole: ph('updatedByRole'),
  updatedAt: ph('updatedAt'),
  revision: ph('revision'),
  prefilledFrom: ph('prefilledFrom'),
};
/**
 * A stored answer rewritten by whoever wrote it last: the columns that move, and no others. The
 * columns naming the author stay out of SET, so their index is not rewritten: one page less in
 * every commit of a person answering on (bench/RESULTS.md).
 */
const rewriteAnswer = preparedFor((db) =>
  db
    .update(answers)
    // drizzle binds placeholders in SET like in VALUES (booleans mapped), but types SET without them.
    .set({ level: ph('level'), na: ph('na'), comment: ph('comment'), updatedAt: ph('updatedAt'), revision: ph('revision'), prefilledFrom: ph('prefilledFrom') } as unknown as Partial<AnswerRow>)
    .where(and(eq(answers.diagnosticId, ph('diagnosticId')), eq(answers.questionCode, ph('questionCode'))))
    .prepare(),
);
/** Insert, or replace every column of the stored answer (one statement for both cases). */
const upsertAnswer = preparedFor((db) =>
  db
    .insert(answers)
    .values({ diagnosticId: ph('diagnosticId'), questionCode: ph('questionCode'), ...answerColumns })
    .onConflictDoUpdate({
      target: [answers.diagnosticId, answers.questionCode],
      set: Object.fromEntries(Object.keys(answerColumns).map((k) => [k, sql.raw(`excluded.${answers[k as keyof typeof answerColumns].name}`)])),
    })
    .prepare(),
);

/**
 * Saves one answer. Read, check and write happen in one IMMEDIATE transaction, so of two saves
 * built from the same revision only the first is stored; the second gets the stored answer back.
 * Posting exactly the stored value is no conflict: it only confirms a prefilled answer.
 */
export function saveAnswer(db: Db, input: AnswerInput, now: Date): SaveResult {
  const value = { level: input.na ? null : input.level, na: input.na, comment: input.comment };
  // The prepared statements run on `db` inside the transaction: one connection, synchronous.
  return immediately(
    db,
    (): SaveResult => {
      const diag = stateOf(db).get({ id: input.diagnosticId, code: input.questionCode });
      if (!diag) return { kind: 'missing' };
      if (!isEditable(diag.status)) return { kind: 'locked', status: diag.status };
      const stored = diag.answer ?? undefined;
      if (stored && sameAnswer(stored, value) && !stored.prefilledFrom) return { kind: 'saved', answer: stored, changed: false, before: stored };
      if (!stored && value.level === null && !value.na && value.comment === '') {
        // Nothing to store for an untouched question.
        return { kind: 'saved', answer: { diagnosticId: input.diagnosticId, questionCode: input.questionCode, ...value, updatedBy: null, updatedByRole: null, updatedAt: now.toISOString(), revision: 0, prefilledFrom: null }, changed: false, before: null };
      }
      const storedRevision = stored?.revision ?? 0;
      if (storedRevision !== input.revision && !(stored && sameAnswer(stored, value))) return { kind: 'conflict', current: stored ?? missingAnswer(input, now) };
      const row: AnswerRow = {
        diagnosticId: input.diagnosticId,
        questionCode: input.questionCode,
        ...value,
        updatedBy: input.userId,
        updatedByRole: input.role,
        updatedAt: now.toISOString(),
        revision: storedRevision + 1,
        prefilledFrom: null,
      };
      if (stored && stored.updatedBy === row.updatedBy && stored.updatedByRole === row.updatedByRole) rewriteAnswer(db).run(row);
      else upsertAnswer(db).run(row);
      const scoring = input.scoring ?? scoringOf(db, input.diagnosticId);
      if (scoring) cacheDraftScores(db, input.diagnosticId, scoring.referential, scoring.types);
      audit(
        db,
        {
          userId: input.userId,
          action: 'answer',
          entity: 'answer',
          entityId: `${input.diagnosticId}/${input.questionCode}`,
          organisationId: diag.organisationId,
          diagnosticId: input.diagnosticId,
          before: stored ? { level: stored.level, na: stored.na, comment: stored.comment, revision: stored.revision, prefilledFrom: stored.prefilledFrom } : null,
          after: { ...value, revision: row.revision },
        },
        now,
      );
      return { kind: 'saved', answer: row, changed: true, before: stored ?? null };
    },
  );
}

function scoringOf(db: Db, diagnosticId: string): AnswerInput['scoring'] {
  const ctx = getDiagnosticContext(db, diagnosticId);
  return ctx && { referential: ctx.referential, types: ctx.organisation.types };
}

/** A revision > 0 sent for an answer that no longer exists (deleted row): shown as an empty answer. */
function missingAnswer(input: AnswerInput, now: Date): AnswerRow {
  return { diagnosticId: input.diagnosticId, questionCode: input.questionCode, level: null, na: false, comment: '', updatedBy: null, updatedByRole: null, updatedAt: now.toISOString(), revision: 0, prefilledFrom: null };
}

export type SubmitResult =
  | { kind: 'submitted'; scores: DiagnosticScores }
  | { kind: 'incomplete'; scores: DiagnosticScores }
  | { kind: 'locked'; status: DiagnosticStatus };

/**
 * Submits a diagnostic whose applicable questions all have an answer, and caches its overall and
 * theme scores (slug → score, unrounded) on the row for lists and dashboards.
 */
export function submitDiagnostic(db: Db, ctx: DiagnosticContext, userId: string | null, now: Date): SubmitResult {
  return db.transaction(
    (tx): SubmitResult => {
      const diag = tx.select().from(diagnostics).where(eq(diagnostics.id, ctx.diagnostic.id)).get();
      if (!diag || !isEditable(diag.status)) return { kind: 'locked', status: diag?.status ?? ctx.diagnostic.status };
      const scores = scoresOf(ctx, tx.select().from(answers).where(eq(answers.diagnosticId, diag.id)).all());
      if (scores.unanswered.length) return { kind: 'incomplete', scores };
      const themeScores = Object.fromEntries(scores.themes.map((t) => [t.slug, t.score]));
      const at = now.toISOString();
      tx.update(diagnostics)
        .set({ status: 'submitted', submittedAt: at, submittedBy: userId, overallScore: scores.overall, themeScores })
        .where(eq(diagnostics.id, diag.id))
        .run();
      audit(
        tx,
        {
          userId,
          action: 'submit',
          entity: 'diagnostic',
          entityId: diag.id,
          organisationId: diag.organisationId,
          diagnosticId: diag.id,
          before: { status: diag.status },
          after: { status: 'submitted', overallScore: scores.overall, themeScores },
        },
        now,
      );
      // Its organisation's latest submitted diagnostic may be this one now: the peers' sums follow.
      refreshOrganisationPeers(db, diag.organisationId);
      refreshServiceFollowUp(db, diag.organisationId, now);
      return { kind: 'submitted', scores };
    },
    { behavior: 'immediate' },
  );
}
