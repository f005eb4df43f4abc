// A plan's figures (plan_stats): actions, done ones, due dates and services of the open ones.
// Every write to a diagnostic's actions refreshes its row in the same transaction, so the
// federation's lists filter and sort on plan progress and overdue actions without reading actions.
import { sql } from 'drizzle-orm';
import type { Db } from './open.ts';

/** A database or an open transaction: both run drizzle's `sql` on the same connection. */
export type Runner = Pick<Db, 'all' | 'get' | 'run'>;

/** The figures of the diagnostics chosen by `where` (a condition on actions `a`), as plan_stats rows. */
const figures = (where: ReturnType<typeof sql>) => sql`
  SELECT a.diagnostic_id, count(*), COALESCE(sum(a.status = 'done'), 0),
    min(CASE WHEN a.status <> 'done' AND a.due_date <> '' THEN a.due_date END),
    (SELECT COALESCE(json_group_array(b.due_date ORDER BY b.due_date), '[]') FROM actions b
      WHERE b.diagnostic_id = a.diagnostic_id AND b.dropped_reason IS NULL AND b.status <> 'done' AND b.due_date <> ''),
    (SELECT COALESCE(json_group_object(s.code, s.n), '{}') FROM (
      SELECT j.value AS code, count(*) AS n FROM actions b, json_each(b.services) j
      WHERE b.diagnostic_id = a.diagnostic_id AND b.dropped_reason IS NULL AND b.status <> 'done' GROUP BY j.value ORDER BY j.value) s)
  FROM actions a WHERE a.dropped_reason IS NULL AND ${where} GROUP BY a.diagnostic_id`;

/** Recomputes one diagnostic's figures from its actions (a few dozen rows). */
export function refreshPlanStats(db: Runner, diagnosticId: string): void {
  db.run(sql`DELETE FROM plan_stats WHERE diagnostic_id = ${diagnosticId}`);
  db.run(sql`INSERT INTO plan_stats (diagnostic_id, total, done, first_open_due, open_dues, open_services) ${figures(sql`a.diagnostic_id = ${diagnosticId}`)}`);
}

/** Every plan's figures from scratch: after data written outside the app (demo, bench, fixtures). */
export function rebuildPlanStats(db: Runner): void {
  db.run(sql`DELETE FROM plan_stats`);
  db.run(sql`INSERT INTO plan_stats (diagnostic_id, total, done, first_open_due, open_dues, open_services) ${figures(sql`1`)}`);
}

export interface PlanFigures {
  total: number;
  done: number;
  firstOpenDue: string | null;
  openDues: string[];
  openServices: Record<string, number>;
}

/** The stored figures of a diagnostic's plan; zeros when it has no action. */
export function planFigures(db: Runner, diagnosticId: string): PlanFigures {
  const r = db.get<{ total: number; done: number; first_open_due: string | null; open_dues: string; open_services: string }>(
    sql`SELECT total, done, first_open_due, open_dues, open_services FROM plan_stats WHERE diagnostic_id = ${diagnosticId}`,
  );
  if (!r) return { total: 0, done: 0, firstOpenDue: null, openDues: [], openServices: {} };
  return { total: r.total, done: r.done, firstOpenDue: r.first_open_due, openDues: JSON.parse(r.open_dues) as string[], openServices: JSON.parse(r.open_services) as Record<string, number> };
}

/** Open actions due before `day` (AAAA-MM-JJ), from the sorted due dates. */
export function overdueOn(figures: Pick<PlanFigures, 'openDues'>, day: string): number {
  let n = 0;
  for (const due of figures.openDues) if (due < day) n++;
  return n;
}
