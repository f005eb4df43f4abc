// What the Monday reminders are made of, in a few set-based queries (never one per structure):
// the open actions of each structure's plan that are overdue or fall due soon, and for consultants
// the state of each structure of their regions. Who receives them: src/db/mail-recipients.ts.
import { sql } from 'drizzle-orm';
import type { Db } from './open.ts';
import { latestDiagnosticId } from './diagnostics.ts';
import type { DiagnosticStatus } from '../diagnostics/status.ts';

export interface DueActionRow {
  organisationId: string;
  organisationName: string;
  region: string;
  diagnosticId: string;
  diagnosticCreatedAt: string;
  title: string;
  owner: string;
  dueDate: string;
}

/**
 * Open actions (not done, not dropped) due on or before `horizon` (AAAA-MM-JJ), from each active
 * structure's plan: the latest diagnostic that has actions (a new diagnostic carries the open
 * ones over, so the older plan is not reminded twice).
 */
export function dueActions(db: Db, horizon: string): DueActionRow[] {
  // « Latest plan », not « latest diagnostic »: the latest diagnostic that has actions.
  return db.all<DueActionRow>(sql`
      WITH plans AS (
         SELECT d.id, d.organisation_id, d.created_at,
                ROW_NUMBER() OVER (PARTITION BY d.organisation_id ORDER BY d.created_at DESC, d.id DESC) AS rn
         FROM diagnostics d JOIN organisations o ON o.id = d.organisation_id AND o.active = 1
         WHERE EXISTS (SELECT 1 FROM actions x WHERE x.diagnostic_id = d.id AND x.dropped_reason IS NULL)
       )
       SELECT o.id AS organisationId, o.name AS organisationName, o.region, p.id AS diagnosticId, p.created_at AS diagnosticCreatedAt,
              a.title, a.owner, a.due_date AS dueDate
       FROM plans p
       JOIN organisations o ON o.id = p.organisation_id
       JOIN actions a ON a.diagnostic_id = p.id
       WHERE p.rn = 1 AND a.dropped_reason IS NULL AND a.status <> 'done'
         AND a.due_date IS NOT NULL AND a.due_date <> '' AND a.due_date <= ${horizon}
       ORDER BY o.name, o.id, a.due_date, a.rank, a.id`);
}

export interface FollowUpRow {
  organisationId: string;
  organisationName: string;
  region: string;
  diagnosticId: string | null;
  status: DiagnosticStatus | null;
  createdAt: string | null;
  submittedAt: string | null;
  /** When changes were last requested on that diagnostic (from the audit trail). */
  changesRequestedAt: string | null;
}

/** Every active structure with its latest diagnostic, for the consultants' weekly follow-up. */
export function followUpRows(db: Db): FollowUpRow[] {
  return db.all<FollowUpRow>(sql`
    SELECT o.id AS organisationId, o.name AS organisationName, o.region,
           d.id AS diagnosticId, d.status, d.created_at AS createdAt, d.submitted_at AS submittedAt,
           CASE WHEN d.status = 'changes_requested' THEN
             (SELECT MAX(e.at) FROM audit_events e WHERE e.entity = 'diagnostic' AND e.entity_id = d.id AND e.action = 'request-changes')
           END AS changesRequestedAt
    FROM organisations o LEFT JOIN diagnostics d ON d.id = ${latestDiagnosticId(sql`o.id`)}
    WHERE o.active = 1
    ORDER BY o.name, o.id`);
}
