// The progress plan in the database: proposed actions are materialised from the scores, then
// members edit, add, drop and track them. Every write is audited in the same transaction.
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from './open.ts';
import { actions, diagnostics } from './schema.ts';
import { audit } from './audit.ts';
import { newId } from '../ids.ts';
import type { DiagnosticContext } from './diagnostics.ts';
import { isEditable } from '../diagnostics/status.ts';
import { proposeActions } from '../plan/prioritise.ts';
import { PENDING_PREFIX } from '../plan/format.ts';
import { activeServiceCodes, withActiveServices } from '../referential/store.ts';
import type { ProposedAction } from '../plan/types.ts';
import type { Successor } from '../referential/mapping.ts';
import type { DiagnosticScores } from '../scoring/types.ts';
import { LIMITS } from '../validation/limits.ts';

export type ActionRow = typeof actions.$inferSelect;
export type ActionStatus = ActionRow['status'];
export const ACTION_STATUSES = ['todo', 'in_progress', 'done'] as const satisfies readonly ActionStatus[];

/** A database or an open transaction: the questionnaire calls carryOverActions inside its own. */
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

/** Fields a member edits on an action. */
export interface ActionEdit {
  title: string;
  description: string;
  owner: string;
  dueDate: string | null;
  status: ActionStatus;
  notes: string;
}

export interface ActionInput extends ActionEdit {
  themeSlug: string;
  priority: string;
  services: string[];
}

export function listActions(db: DbOrTx, diagnosticId: string): ActionRow[] {
  return db.select().from(actions).where(eq(actions.diagnosticId, diagnosticId)).orderBy(asc(actions.rank), asc(actions.createdAt), asc(actions.id)).all();
}

/** An action of this diagnostic; an action of another diagnostic is as good as unknown. */
export function getAction(db: DbOrTx, diagnosticId: string, actionId: string): ActionRow | undefined {
  return db.select().from(actions).where(and(eq(actions.id, actionId), eq(actions.diagnosticId, diagnosticId))).get();
}

/** A proposed action nobody has touched: sync may still refresh or remove it. */
function untouched(a: ActionRow): boolean {
  return a.origin === 'proposed' && a.updatedBy === null && a.droppedReason === null && a.status === 'todo' && a.owner === '' && a.dueDate === null && a.notes === '';
}

export interface SyncResult {
  added: number;
  removed: number;
  updated: number;
}

interface PlanChanges {
  toAdd: ProposedAction[];
  toRemove: ActionRow[];
  toUpdate: { row: ActionRow; set: Pick<ActionRow, 'priority' | 'rank' | 'quickWin'> }[];
}

/**
 * What bringing the stored plan in line with the scores would change: one proposed action per
 * ProposedAction whose question has no stored action yet (an edited, dropped or carried-over
 * action for that question stays as it is), priorities and ranks of proposed and carried actions
 * refreshed, and — only while answers may still change — untouched proposed actions removed once
 * their question reaches the target. Reads only.
 */
function planChanges(db: Db, ctx: DiagnosticContext, scores: DiagnosticScores, stored: ActionRow[]): PlanChanges {
  // A deactivated service, or one reserved to other structure types, is not proposed; stored actions keep theirs.
  const proposed = withActiveServices(proposeActions(ctx.referential, scores), activeServiceCodes(db, ctx.organisation.types));
  const byQuestion = new Map<string, ProposedAction>(proposed.map((p) => [p.questionCode, p]));
  const storedQuestions = new Set(stored.flatMap((a) => (a.questionCode ? [a.questionCode] : [])));
  const toRemove = isEditable(ctx.diagnostic.status) ? stored.filter((a) => untouched(a) && a.questionCode && !byQuestion.has(a.questionCode)) : [];
  // A plan holds LIMITS.actionsPerDiagnostic actions at most: proposals come in priority order, so
  // the most important ones get the room left (a referential has fewer questions than that).
  const room = Math.max(0, LIMITS.actionsPerDiagnostic - (stored.length - toRemove.length));
  const toAdd = proposed.filter((p) => !storedQuestions.has(p.questionCode)).slice(0, room);
  const toUpdate: PlanChanges['toUpdate'] = [];
  for (const a of stored) {
    // Priority, rank and quick win are derived from the answer, for carried actions too: one
    // carried from an earlier version may meet a question that is now a legal obligation.
    const p = (a.origin === 'proposed' || a.origin === 'carried') && a.questionCode ? byQuestion.get(a.questionCode) : undefined;
    if (p && (a.priority !== p.priority || a.rank !== p.rank || a.quickWin !== p.quickWin)) {
      toUpdate.push({ row: a, set: { priority: p.priority, rank: p.rank, quickWin: p.quickWin } });
    }
  }
  return { toAdd, toRemove, toUpdate };
}

export interface PlanProjection {
  /** The plan as it will be once brought in line: stored actions (ranks refreshed) and the proposed ones to add. */
  actions: ActionRow[];
  /** What storing it would change; zeros when the stored plan is up to date. */
  pending: SyncResult;
}

/**
 * The plan as the page and the PDF show it, without writing anything: the stored actions as
 * syncProposedActions would leave them, and the actions it would add (ids starting with
 * PENDING_PREFIX). Viewing a plan never writes; storing it is syncProposedActions, at submission
 * or when someone asks for it (« Mettre le plan à jour »).
 */
export function projectPlan(db: Db, ctx: DiagnosticContext, scores: DiagnosticScores): PlanProjection {
  const stored = listActions(db, ctx.diagnostic.id);
  const { toAdd, toRemove, toUpdate } = planChanges(db, ctx, scores, stored);
  const removed = new Set(toRemove.map((a) => a.id));
  const updates = new Map(toUpdate.map((u) => [u.row.id, u.set]));
  const at = ctx.diagnostic.createdAt;
  const actions = [
    ...stored.filter((a) => !removed.has(a.id)).map((a) => ({ ...a, ...updates.get(a.id) })),
    ...toAdd.map(
      (p): ActionRow => ({
        id: `${PENDING_PREFIX}${p.questionCode}`,
        diagnosticId: ctx.diagnostic.id,
        questionCode: p.questionCode,
        origin: 'proposed',
        carriedFromId: null,
        themeSlug: p.themeSlug,
        title: p.title,
        description: p.description,
        services: p.services,
        priority: p.priority,
        rank: p.rank,
        quickWin: p.quickWin,
        owner: '',
        dueDate: null,
        status: 'todo',
        notes: '',
        droppedReason: null,
        createdAt: at,
        updatedAt: at,
        updatedBy: null,
        revision: 1,
      }),
    ),
  ].sort((a, b) => a.rank - b.rank || (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0) || (a.id < b.id ? -1 : 1));
  return { actions, pending: { added: toAdd.length, removed: toRemove.length, updated: toUpdate.length } };
}

/**
 * Stores what projectPlan shows (see planChanges for the rules). Writes nothing when nothing
 * changed. Called where the plan must be in place — submission — and when a member asks for it.
 */
export function syncProposedActions(db: Db, ctx: DiagnosticContext, scores: DiagnosticScores, userId: string | null, now: Date): SyncResult {
  const diagnosticId = ctx.diagnostic.id;
  const { toAdd, toRemove, toUpdate } = planChanges(db, ctx, scores, listActions(db, diagnosticId));
  const result = { added: toAdd.length, removed: toRemove.length, updated: toUpdate.length };
  if (!toAdd.length && !toRemove.length && !toUpdate.length) return result;

  const at = now.toISOString();
  db.transaction((tx) => {
    for (const p of toAdd) {
      tx.insert(actions)
        .values({
          id: newId(),
          diagnosticId,
          questionCode: p.questionCode,
          origin: 'proposed',
          themeSlug: p.themeSlug,
          title: p.title,
          description: p.description,
          services: p.services,
          priority: p.priority,
          rank: p.rank,
          quickWin: p.quickWin,
          createdAt: at,
          updatedAt: at,
          updatedBy: null,
        })
        .run();
    }
    if (toRemove.length) tx.delete(actions).where(inArray(actions.id, toRemove.map((a) => a.id))).run();
    // Ranks are derived data: refreshing them is not an edit, so updatedAt/updatedBy stay.
    for (const u of toUpdate) tx.update(actions).set(u.set).where(eq(actions.id, u.row.id)).run();
    audit(
      tx,
      {
        userId,
        action: 'sync',
        entity: 'plan',
        entityId: diagnosticId,
        organisationId: ctx.organisation.id,
        diagnosticId,
        before: toRemove.length ? { removed: toRemove.map((a) => a.questionCode) } : null,
        after: { added: toAdd.map((p) => p.questionCode), reranked: toUpdate.length },
      },
      now,
    );
  });
  return result;
}

interface Scope {
  diagnosticId: string;
  organisationId: string;
}

function snapshot(a: ActionRow) {
  const { createdAt: _c, updatedAt: _u, updatedBy: _b, revision: _r, ...rest } = a;
  return rest;
}

export type ActionUpdate = { kind: 'saved'; row: ActionRow } | { kind: 'conflict'; current: ActionRow } | { kind: 'missing' };

/**
 * Saves an edit made on `revision` of the action: a conditional update, so that an edit built on
 * a version someone has changed since is refused as a conflict (with the stored version) instead
 * of silently reverting it.
 */
export function updateAction(db: Db, scope: Scope, actionId: string, edit: ActionEdit, revision: number, userId: string | null, now: Date): ActionUpdate {
  return db.transaction((tx): ActionUpdate => {
    const before = getAction(tx, scope.diagnosticId, actionId);
    if (!before) return { kind: 'missing' };
    const changed = tx
      .update(actions)
      .set({ ...edit, updatedAt: now.toISOString(), updatedBy: userId, revision: sql`${actions.revision} + 1` })
      .where(and(eq(actions.id, actionId), eq(actions.revision, revision)))
      .run().changes;
    if (!changed) return { kind: 'conflict', current: before };
    const after = getAction(tx, scope.diagnosticId, actionId)!;
    audit(tx, { userId, action: 'update', entity: 'action', entityId: actionId, organisationId: scope.organisationId, diagnosticId: scope.diagnosticId, before: snapshot(before), after: snapshot(after) }, now);
    return { kind: 'saved', row: after };
  });
}

/**
 * A member's own action, ranked after every proposed one; null when the plan already holds
 * LIMITS.actionsPerDiagnostic actions (counted in the inserting transaction: two additions at once
 * cannot both pass the limit).
 */
export function createAction(db: Db, scope: Scope, input: ActionInput, userId: string | null, now: Date): ActionRow | null {
  const at = now.toISOString();
  const id = newId();
  return db.transaction((tx) => {
    const { n } = tx.select({ n: count() }).from(actions).where(eq(actions.diagnosticId, scope.diagnosticId)).get()!;
    if (n >= LIMITS.actionsPerDiagnostic) return null;
    const last = listActions(tx, scope.diagnosticId).reduce((max, a) => Math.max(max, a.rank), 0);
    tx.insert(actions)
      .values({ id, diagnosticId: scope.diagnosticId, questionCode: null, origin: 'custom', ...input, rank: last + 1, quickWin: false, createdAt: at, updatedAt: at, updatedBy: userId })
      .run();
    const row = getAction(tx, scope.diagnosticId, id)!;
    audit(tx, { userId, action: 'create', entity: 'action', entityId: id, organisationId: scope.organisationId, diagnosticId: scope.diagnosticId, after: snapshot(row) }, now);
    return row;
  });
}

/** Dropping keeps the action (and its reason) on record; `reason` null puts it back in the plan. */
export function dropAction(db: Db, scope: Scope, actionId: string, reason: string | null, userId: string | null, now: Date): ActionRow | undefined {
  const before = getAction(db, scope.diagnosticId, actionId);
  if (!before) return undefined;
  return db.transaction((tx) => {
    // A drop or a restore is an edit: an edit form opened before it is now stale.
    tx.update(actions).set({ droppedReason: reason, updatedAt: now.toISOString(), updatedBy: userId, revision: sql`${actions.revision} + 1` }).where(eq(actions.id, actionId)).run();
    const after = getAction(tx, scope.diagnosticId, actionId)!;
    audit(
      tx,
      { userId, action: reason === null ? 'restore' : 'drop', entity: 'action', entityId: actionId, organisationId: scope.organisationId, diagnosticId: scope.diagnosticId, before: { droppedReason: before.droppedReason }, after: { droppedReason: reason } },
      now,
    );
    return after;
  });
}

/**
 * Copies the open actions (not done, not dropped) of a previous diagnostic into a new one, as
 * « carried » actions linked to their original. Their question stays attached (across versions, the
 * question that takes it over), so the plan of the new diagnostic proposes nothing twice. Returns
 * how many were carried over.
 */
export function carryOverActions(
  db: DbOrTx,
  fromDiagnosticId: string,
  toDiagnosticId: string,
  userId: string | null,
  now: Date,
  /**
   * Across referential versions: the question (and its theme) that takes over an old one, or null
   * when none does (the action is then carried without a question).
   */
  successor?: (questionCode: string) => Successor | null,
): number {
  // The new plan starts empty: it takes the first LIMITS.actionsPerDiagnostic open actions, by rank.
  const open = listActions(db, fromDiagnosticId).filter((a) => a.status !== 'done' && a.droppedReason === null).slice(0, LIMITS.actionsPerDiagnostic);
  const target = db.select({ organisationId: diagnostics.organisationId }).from(diagnostics).where(eq(diagnostics.id, toDiagnosticId)).get();
  if (!open.length || !target) return 0;
  const already = new Set(listActions(db, toDiagnosticId).flatMap((a) => (a.carriedFromId ? [a.carriedFromId] : [])));
  const at = now.toISOString();
  let count = 0;
  db.transaction((tx) => {
    for (const a of open) {
      if (already.has(a.id)) continue;
      const id = newId();
      const next = successor && a.questionCode ? successor(a.questionCode) : undefined;
      tx.insert(actions)
        .values({
          id,
          diagnosticId: toDiagnosticId,
          questionCode: next === undefined ? a.questionCode : (next?.questionCode ?? null),
          origin: 'carried',
          carriedFromId: a.id,
          themeSlug: next ? next.themeSlug : a.themeSlug,
          title: a.title,
          description: a.description,
          services: a.services,
          priority: a.priority,
          rank: a.rank,
          quickWin: a.quickWin,
          owner: a.owner,
          dueDate: a.dueDate,
          status: a.status,
          notes: a.notes,
          droppedReason: null,
          createdAt: at,
          updatedAt: at,
          updatedBy: userId,
        })
        .run();
      count++;
    }
    if (count) {
      audit(tx, { userId, action: 'carry-over', entity: 'plan', entityId: toDiagnosticId, organisationId: target.organisationId, diagnosticId: toDiagnosticId, after: { from: fromDiagnosticId, actions: count } }, now);
    }
  });
  return count;
}
