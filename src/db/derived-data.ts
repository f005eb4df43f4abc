// Data derived from other data so that pages read it instead of computing it: names' sort keys,
// diagnostics' cached scores, peer statistics, the services followed by progress (written by
// src/db/ where the data changes) and the diagnostic pointers and plan figures (kept by triggers,
// drizzle/0010_derived_data_triggers.sql).
// At start-up, `ensureDerivedData` fills what a database written before these existed lacks —
// cheap checks when nothing is missing. Bulk loaders (demo, bench, test fixtures that insert rows
// by hand) call `rebuildDerivedData` once they are done.
import { sql } from 'drizzle-orm';
import type { Db } from './open.ts';
import { sortKey } from '../sort-key.ts';
import { fillMissingScoreCaches } from './scores.ts';
import { peerStatisticsMissing, rebuildPeerStatistics } from './peer-statistics.ts';
import { latestDiagnosticId } from './diagnostics.ts';
import { rebuildServiceFollowUp, serviceFollowUpMissing } from './service-follow-up.ts';

/** Names without a sort key (written before the column existed, or by hand): keyed now. */
function fillSortKeys(db: Db): number {
  let n = 0;
  for (const table of ['organisations', 'users'] as const) {
    const rows = db.all<{ id: string; name: string }>(sql`SELECT id, name FROM ${sql.identifier(table)} WHERE sort_name = ''`);
    if (!rows.length) continue;
    db.transaction(() => {
      for (const r of rows) db.run(sql`UPDATE ${sql.identifier(table)} SET sort_name = ${sortKey(r.name)} WHERE id = ${r.id}`);
    });
    n += rows.length;
  }
  return n;
}

export interface DerivedFill {
  sortKeys: number;
  scores: number;
  peerStatistics: boolean;
  /** Organisations whose services followed by progress were computed (a first start after the migration). */
  serviceFollowUp: number;
}

/** Fills what is missing; returns what it did (all zero on an up-to-date database). */
export function ensureDerivedData(db: Db): DerivedFill {
  const sortKeys = fillSortKeys(db);
  const scores = fillMissingScoreCaches(db);
  const missing = peerStatisticsMissing(db);
  // New scores change the sums: rebuilt then too.
  if (missing || scores > 0) rebuildPeerStatistics(db);
  const serviceFollowUp = serviceFollowUpMissing(db) || scores > 0 ? rebuildServiceFollowUp(db) : 0;
  return { sortKeys, scores, peerStatistics: missing || scores > 0, serviceFollowUp };
}

/**
 * After rows written by hand: sort keys and scores where missing, the pointers and plan figures
 * recomputed (the triggers keep them, unless a loader suspended them), the peer statistics rebuilt.
 */
export function rebuildDerivedData(db: Db): void {
  fillSortKeys(db);
  fillMissingScoreCaches(db);
  db.transaction(() => {
    db.run(sql`UPDATE organisations SET
      latest_diagnostic_id = ${latestDiagnosticId(sql`organisations.id`)},
      settled_diagnostic_id = ${latestDiagnosticId(sql`organisations.id`, { settled: true })}`);
    db.run(sql`DELETE FROM plan_stats`);
    db.run(sql`INSERT INTO plan_stats (diagnostic_id, total, done, first_open_due, open_dues, open_services)
      SELECT diagnostic_id, total, done, first_open_due, open_dues, open_services FROM plan_stats_source`);
  });
  rebuildPeerStatistics(db);
  rebuildServiceFollowUp(db);
}
