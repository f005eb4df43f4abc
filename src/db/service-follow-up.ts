// The region's services followed by progress (/federation/progres) at the scale of the network:
// each organisation's share — what its latest submitted or validated diagnostic says of the
// services of the actions completed since its predecessor (src/scoring/actions-progress.ts) — is
// stored in service_follow_up where the data changes, and the page adds up the rows of its
// selection in one query. Scoring two diagnostics per structure on every view took seven seconds
// for a region and a minute for the whole network at the national size (bench/RESULTS.md).
//
// Written: a diagnostic submitted, sent back or validated, an organisation retyped (the same places
// as the peer statistics), an action of a plan changed (src/routes/plan.tsx), and for data written
// outside the app (demo, bench, test fixtures, a first start after the migration) by
// `rebuildServiceFollowUp`. Which diagnostic counts is the pointer organisations.settled_diagnostic_id
// (kept by triggers): the same structures as the peer statistics, a draft under way leaving last
// year's comparison in place.
import { eq, sql } from 'drizzle-orm';
import type { Db } from './open.ts';
import { organisations, serviceFollowUp } from './schema.ts';
import { getDiagnosticContext, scoreDiagnosticById } from './diagnostics.ts';
import { progressSincePrevious } from './certification.ts';
import { hasRun, recordRun } from './job-runs.ts';
import { actorRegions } from './federation.ts';
import { serviceCountsOf, servicesFollowUpOf, type ServicesFollowUp } from '../scoring/actions-progress.ts';
import type { FederationQuery } from '../federation/query.ts';
import type { Actor } from '../auth/permissions.ts';

const JOB = 'service-follow-up';
const PERIOD = 'built';

/**
 * Recomputes one organisation's row from its latest submitted or validated diagnostic and that
 * one's predecessor; no row when there is no such pair. `now` only matters for a diagnostic not
 * submitted, which the pointer never names.
 */
export function refreshServiceFollowUp(db: Db, organisationId: string, now = new Date()): void {
  const settled = db.select({ id: organisations.settledDiagnosticId }).from(organisations).where(eq(organisations.id, organisationId)).get()?.id;
  const ctx = settled ? getDiagnosticContext(db, settled) : undefined;
  const since = ctx ? progressSincePrevious(db, ctx, scoreDiagnosticById(db, ctx), now) : null;
  if (!ctx || !since) {
    db.delete(serviceFollowUp).where(eq(serviceFollowUp.organisationId, organisationId)).run();
    return;
  }
  const row = { organisationId, diagnosticId: ctx.diagnostic.id, services: serviceCountsOf(since.progress) };
  db.insert(serviceFollowUp).values(row).onConflictDoUpdate({ target: serviceFollowUp.organisationId, set: { diagnosticId: row.diagnosticId, services: row.services } }).run();
}

/** Every organisation's row again (bulk loaders, and once on a database written before the table). */
export function rebuildServiceFollowUp(db: Db, now = new Date()): number {
  const ids = db.all<{ id: string }>(sql`SELECT id FROM organisations WHERE settled_diagnostic_id IS NOT NULL`).map((r) => r.id);
  db.transaction(() => {
    db.delete(serviceFollowUp).run();
    for (const id of ids) refreshServiceFollowUp(db, id, now);
    recordRun(db, JOB, PERIOD, ids.length, now, now);
  });
  return ids.length;
}

/** Whether the table was ever built on this database (a first start after the migration builds it). */
export function serviceFollowUpMissing(db: Db): boolean {
  return !hasRun(db, JOB, PERIOD);
}

/**
 * The picture over the active structures of the actor's scope, in the chosen region and of the
 * chosen type (the dashboard's other filters do not apply): one indexed read of the stored rows.
 */
export function servicesFollowUpFor(db: Db, actor: Actor, q: Pick<FederationQuery, 'region' | 'type'>, minStructures: number): ServicesFollowUp {
  const regions = actorRegions(actor);
  const rows = db.all<{ organisationId: string; services: string }>(sql`
    SELECT f.organisation_id AS organisationId, f.services
    FROM service_follow_up f JOIN organisations o ON o.id = f.organisation_id AND o.settled_diagnostic_id = f.diagnostic_id
    WHERE o.active = 1
      ${regions !== null ? sql`AND o.region IN (SELECT value FROM json_each(${JSON.stringify(regions)}))` : sql``}
      ${q.region ? sql`AND o.region = ${q.region}` : sql``}
      ${q.type ? sql`AND EXISTS (SELECT 1 FROM json_each(o.types) t WHERE t.value = ${q.type})` : sql``}`);
  return servicesFollowUpOf(
    rows.map((r) => ({ organisationId: r.organisationId, services: JSON.parse(r.services) as Record<string, [number, number]> })),
    minStructures,
  );
}
