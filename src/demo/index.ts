// The whole demo dataset, in the order its parts depend on each other.
import type { Db } from '../db/open.ts';
import { ensureBuiltins } from '../referential/store.ts';
import { rebuildDerivedData } from '../db/derived-data.ts';
import { loadBaseDemo, type DemoIds } from './base.ts';
import { loadDiagnosticsDemo } from './diagnostics.ts';
import { loadPlanDemo } from './plan.ts';
import { loadBenchmarkDemo } from './benchmark.ts';
import { loadReviewsDemo } from './reviews.ts';
import { loadMailDemo } from './mail.ts';

export async function loadDemo(db: Db, now: Date): Promise<DemoIds> {
  ensureBuiltins(db, now);
  const ids = await loadBaseDemo(db, now);
  loadDiagnosticsDemo(db, ids, now);
  loadPlanDemo(db, ids, now);
  loadReviewsDemo(db, ids, now);
  loadBenchmarkDemo(db, now);
  // The generated peers are written directly: what the app derives from them is derived now.
  rebuildDerivedData(db);
  loadMailDemo(db, ids, now);
  return ids;
}
