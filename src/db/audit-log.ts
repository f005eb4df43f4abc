// Reading the audit trail: admins browse and filter all of it; anyone who may view a diagnostic
// reads that diagnostic's history. Writes go through `audit()` in audit.ts.
import { and, count, desc, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from './open.ts';
import { auditEvents, users } from './schema.ts';

export const AUDIT_PAGE_SIZE = 100;

export interface AuditRow {
  id: number;
  at: string;
  userId: string | null;
  userName: string | null;
  userRole: string | null;
  userDeleted: boolean;
  action: string;
  entity: string;
  entityId: string;
  organisationId: string | null;
  diagnosticId: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditFilter {
  entity?: string;
  userId?: string;
  /** ISO instants, inclusive start and exclusive end. */
  from?: string;
  to?: string;
}

export interface AuditPage {
  rows: AuditRow[];
  total: number;
  page: number;
  pages: number;
}

function select(db: Db, where: SQL | undefined, page: number): AuditPage {
  const total = db.select({ n: count() }).from(auditEvents).where(where).get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const p = Math.min(Math.max(1, page), pages);
  const rows = db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      userId: auditEvents.userId,
      userName: users.name,
      userRole: users.role,
      userDeleted: users.deleted,
      action: auditEvents.action,
      entity: auditEvents.entity,
      entityId: auditEvents.entityId,
      organisationId: auditEvents.organisationId,
      diagnosticId: auditEvents.diagnosticId,
      before: auditEvents.before,
      after: auditEvents.after,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .where(where)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((p - 1) * AUDIT_PAGE_SIZE)
    .all()
    .map((r) => ({ ...r, userDeleted: !!r.userDeleted }));
  return { rows, total, page: p, pages };
}

export function listAuditEvents(db: Db, f: AuditFilter, page: number): AuditPage {
  const conds: SQL[] = [];
  if (f.entity) conds.push(eq(auditEvents.entity, f.entity));
  if (f.userId) conds.push(eq(auditEvents.userId, f.userId));
  if (f.from) conds.push(gte(auditEvents.at, f.from));
  if (f.to) conds.push(lt(auditEvents.at, f.to));
  return select(db, conds.length ? and(...conds) : undefined, page);
}

/** Everything that happened to one diagnostic: its status, answers, plan actions, remarks. */
export function diagnosticHistory(db: Db, diagnosticId: string, page: number): AuditPage {
  // 'diagnostic' written as a literal, not bound: only then may SQLite use the partial index
  // audit_diagnostic_entity (schema.ts) for this branch of the OR.
  return select(db, or(eq(auditEvents.diagnosticId, diagnosticId), and(sql`${auditEvents.entity} = 'diagnostic'`, eq(auditEvents.entityId, diagnosticId))), page);
}

export function auditEntities(db: Db): string[] {
  return db
    .selectDistinct({ e: auditEvents.entity })
    .from(auditEvents)
    .orderBy(auditEvents.entity)
    .all()
    .map((r) => r.e);
}

/** Users who appear in the trail, for the filter (deleted ones too: their past acts remain). */
export function auditUsers(db: Db): { id: string; name: string; email: string }[] {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(sql`${users.id} IN (SELECT DISTINCT ${auditEvents.userId} FROM ${auditEvents} WHERE ${auditEvents.userId} IS NOT NULL)`)
    .orderBy(users.name)
    .all();
}
