// « À faire »: what awaits the federation in a consultant's regions (every region for an admin),
// each list oldest first with its full count. The home page shows them; reminders by e-mail can
// read the same queries. Read-only, a handful of indexed queries whatever the size of the network.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from './open.ts';

/** A change request still unanswered after this many days is listed. */
export const CHANGES_UNANSWERED_DAYS = 30;
/** A structure without a diagnostic started for this many months is listed. */
export const STALE_MONTHS = 12;

export interface TodoList<T> {
  /** Every item of the list in the scope, not only those returned. */
  count: number;
  /** The oldest first, at most `limit`. */
  items: T[];
}

interface OrganisationRef {
  organisationId: string;
  organisationName: string;
  region: string;
}

export interface AwaitingReview extends OrganisationRef {
  diagnosticId: string;
  submittedAt: string;
}

export interface UnansweredChanges extends OrganisationRef {
  diagnosticId: string;
  requestedAt: string;
  message: string | null;
}

export interface StaleOrganisation extends OrganisationRef {
  /** The latest diagnostic, if any: when it was started. */
  lastDiagnosticId: string | null;
  lastStartedAt: string | null;
}

export interface AnsweredRemark extends OrganisationRef {
  diagnosticId: string;
  referentialId: string;
  remarkId: string;
  targetKind: 'diagnostic' | 'theme' | 'question';
  target: string;
  /** The beginning of the remark, for the list. */
  excerpt: string;
  repliedAt: string;
}

export interface ConsultantTodo {
  reviews: TodoList<AwaitingReview>;
  changes: TodoList<UnansweredChanges>;
  stale: TodoList<StaleOrganisation>;
  replies: TodoList<AnsweredRemark>;
}

const DAY = 86_400_000;

function monthsBefore(now: Date, months: number): string {
  const d = new Date(now.getTime());
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString();
}

/** `o` restricted to active organisations of the regions (`null`: all). */
function scope(regions: readonly string[] | null): SQL {
  return regions === null ? sql`o.active = 1` : sql`o.active = 1 AND o.region IN (SELECT value FROM json_each(${JSON.stringify(regions)}))`;
}

const EXCERPT = 160;

function listOf<T>(db: Db, from: SQL, columns: SQL, order: SQL, limit: number): TodoList<T> {
  const count = db.get<{ n: number }>(sql`SELECT count(*) AS n ${from}`)!.n;
  const items = count && limit > 0 ? db.all<T>(sql`SELECT ${columns} ${from} ORDER BY ${order} LIMIT ${limit}`) : [];
  return { count, items };
}

/** Diagnostics submitted and not yet reviewed, the longest waiting first (a newer draft does not hide one). */
export function awaitingReview(db: Db, regions: readonly string[] | null, limit = 10): TodoList<AwaitingReview> {
  return listOf(
    db,
    sql`FROM diagnostics d JOIN organisations o ON o.id = d.organisation_id WHERE d.status = 'submitted' AND ${scope(regions)}`,
    sql`d.id AS diagnosticId, d.submitted_at AS submittedAt, o.id AS organisationId, o.name AS organisationName, o.region`,
    sql`d.submitted_at, d.id`,
    limit,
  );
}

/** Diagnostics sent back for changes more than 30 days ago and not submitted again since. */
export function unansweredChanges(db: Db, regions: readonly string[] | null, now: Date, limit = 10): TodoList<UnansweredChanges> {
  const before = new Date(now.getTime() - CHANGES_UNANSWERED_DAYS * DAY).toISOString();
  return listOf(
    db,
    sql`FROM diagnostics d JOIN organisations o ON o.id = d.organisation_id
      WHERE d.status = 'changes_requested' AND COALESCE(d.changes_requested_at, d.submitted_at) < ${before} AND ${scope(regions)}`,
    sql`d.id AS diagnosticId, COALESCE(d.changes_requested_at, d.submitted_at) AS requestedAt, d.review_message AS message,
      o.id AS organisationId, o.name AS organisationName, o.region`,
    sql`requestedAt, d.id`,
    limit,
  );
}

/** Active structures whose latest diagnostic was started more than 12 months ago, or that have none (those first). */
export function staleOrganisations(db: Db, regions: readonly string[] | null, now: Date, limit = 10): TodoList<StaleOrganisation> {
  return listOf(
    db,
    sql`FROM organisations o LEFT JOIN diagnostics d ON d.id = o.latest_diagnostic_id
      WHERE (d.id IS NULL OR d.created_at < ${monthsBefore(now, STALE_MONTHS)}) AND ${scope(regions)}`,
    sql`o.id AS organisationId, o.name AS organisationName, o.region, d.id AS lastDiagnosticId, d.created_at AS lastStartedAt`,
    sql`d.created_at IS NOT NULL, d.created_at, o.sort_name, o.id`,
    limit,
  );
}

/** Remarks a member of the structure answered since a reviewer last replied or closed them. */
export function answeredRemarks(db: Db, regions: readonly string[] | null, limit = 10): TodoList<AnsweredRemark> {
  const list = listOf<AnsweredRemark>(
    db,
    sql`FROM review_comments c JOIN diagnostics d ON d.id = c.diagnostic_id JOIN organisations o ON o.id = d.organisation_id
      WHERE c.member_replied_at IS NOT NULL AND ${scope(regions)}`,
    sql`c.id AS remarkId, c.target_kind AS targetKind, c.target, substr(c.body, 1, ${EXCERPT + 1}) AS excerpt, c.member_replied_at AS repliedAt,
      d.id AS diagnosticId, d.referential_id AS referentialId, o.id AS organisationId, o.name AS organisationName, o.region`,
    sql`c.member_replied_at, c.id`,
    limit,
  );
  for (const r of list.items) if (r.excerpt.length > EXCERPT) r.excerpt = `${r.excerpt.slice(0, EXCERPT).trimEnd()}…`;
  return list;
}

/** The four lists for the home page of a consultant (their regions) or an admin (`null`: all). */
export function consultantTodo(db: Db, regions: readonly string[] | null, now: Date, limit = 10): ConsultantTodo {
  return {
    reviews: awaitingReview(db, regions, limit),
    changes: unansweredChanges(db, regions, now, limit),
    stale: staleOrganisations(db, regions, now, limit),
    replies: answeredRemarks(db, regions, limit),
  };
}
