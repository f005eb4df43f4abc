// The log of periodic jobs: one row per job and period once it has run.
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from './actions.ts';
import { jobRuns } from './schema.ts';

export function hasRun(db: DbOrTx, job: string, period: string): boolean {
  return !!db.select({ job: jobRuns.job }).from(jobRuns).where(and(eq(jobRuns.job, job), eq(jobRuns.period, period), isNotNull(jobRuns.finishedAt))).get();
}

export function recordRun(db: DbOrTx, job: string, period: string, queued: number, startedAt: Date, finishedAt: Date): void {
  db.insert(jobRuns)
    .values({ job, period, queued, startedAt: startedAt.toISOString(), finishedAt: finishedAt.toISOString() })
    .onConflictDoUpdate({ target: [jobRuns.job, jobRuns.period], set: { queued, finishedAt: finishedAt.toISOString() } })
    .run();
}

/** The latest period a job ran for. */
export function lastRun(db: DbOrTx, job: string) {
  return db.select().from(jobRuns).where(eq(jobRuns.job, job)).orderBy(desc(jobRuns.period)).limit(1).get();
}
