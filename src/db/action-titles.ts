// Plans stored before recommendations had titles hold action titles CAP cut from the
// recommendation's text (« …pour que les salariés en… »). Once, at start-up, every such title that
// nobody rewrote is replaced by the recommendation's own title; a title a member edited is left as
// it is. Run once per database (recorded in job_runs), in batches so that a national database does
// not sit in memory whole.
import { and, asc, eq, gt, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from './open.ts';
import { actions, diagnostics } from './schema.ts';
import { audit } from './audit.ts';
import { hasRun, recordRun } from './job-runs.ts';
import { getReferential, listReferentials } from '../referential/store.ts';
import { legacyActionTitle } from '../plan/legacy-titles.ts';

const JOB = 'action-titles';
const PERIOD = 'recommendation-titles';
const BATCH = 2000;

/**
 * Records the upgrade as done without looking: for a database written with today's titles only (the
 * bench's generated federation), where the search through every action would find nothing.
 */
export function markActionTitlesCurrent(db: Db, now: Date): void {
  if (!hasRun(db, JOB, PERIOD)) recordRun(db, JOB, PERIOD, 0, now, now);
}

/** Replaces the legacy titles of proposed and carried actions; returns how many were replaced. */
export function upgradeLegacyActionTitles(db: Db, now: Date): number {
  if (hasRun(db, JOB, PERIOD)) return 0;
  // Per version: question code → today's title; and every legacy title a code ever had.
  const titles = new Map<string, Map<string, string>>();
  const legacy = new Map<string, Set<string>>();
  for (const row of listReferentials(db)) {
    const ref = getReferential(db, row.id);
    if (!ref) continue;
    const byCode = new Map<string, string>();
    for (const th of ref.themes) for (const c of th.criteria) for (const q of c.questions) {
      byCode.set(q.code, q.recommendation.title);
      let set = legacy.get(q.code);
      if (!set) legacy.set(q.code, (set = new Set()));
      set.add(legacyActionTitle(q.recommendation.text));
    }
    titles.set(row.id, byCode);
  }

  let replaced = 0;
  let after = '';
  for (;;) {
    const rows = db
      .select({ id: actions.id, title: actions.title, code: actions.questionCode, diagnosticId: actions.diagnosticId, organisationId: diagnostics.organisationId, referentialId: diagnostics.referentialId })
      .from(actions)
      .innerJoin(diagnostics, eq(diagnostics.id, actions.diagnosticId))
      .where(and(gt(actions.id, after), isNotNull(actions.questionCode), inArray(actions.origin, ['proposed', 'carried'])))
      .orderBy(asc(actions.id))
      .limit(BATCH)
      .all();
    if (!rows.length) break;
    after = rows[rows.length - 1]!.id;
    const changes = rows.flatMap((r) => {
      const title = titles.get(r.referentialId)?.get(r.code!);
      return title && r.title !== title && legacy.get(r.code!)?.has(r.title) ? [{ ...r, next: title }] : [];
    });
    if (!changes.length) continue;
    db.transaction((tx) => {
      const byDiagnostic = new Map<string, typeof changes>();
      for (const ch of changes) {
        tx.update(actions).set({ title: ch.next }).where(eq(actions.id, ch.id)).run();
        byDiagnostic.set(ch.diagnosticId, [...(byDiagnostic.get(ch.diagnosticId) ?? []), ch]);
      }
      for (const [diagnosticId, list] of byDiagnostic) {
        audit(
          tx,
          { userId: null, action: 'retitle', entity: 'plan', entityId: diagnosticId, organisationId: list[0]!.organisationId, diagnosticId, before: { titles: list.map((c) => c.title) }, after: { titles: list.map((c) => c.next) } },
          now,
        );
      }
    });
    replaced += changes.length;
  }
  recordRun(db, JOB, PERIOD, replaced, now, now);
  return replaced;
}
