// The audit trail: every write records who, when, what, and the values before and after.
import type { Db } from './open.ts';
import { auditEvents } from './schema.ts';

export interface AuditEntry {
  userId: string | null;
  action: string;
  entity: string;
  entityId: string;
  organisationId?: string | null;
  diagnosticId?: string | null;
  before?: unknown;
  after?: unknown;
}

export function audit(db: Pick<Db, 'insert'>, entry: AuditEntry, now: Date): void {
  db.insert(auditEvents)
    .values({
      at: now.toISOString(),
      userId: entry.userId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      organisationId: entry.organisationId ?? null,
      diagnosticId: entry.diagnosticId ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
    })
    .run();
}

/** Strips secrets before a row goes into the trail. */
export function withoutSecrets<T extends Record<string, unknown>>(row: T): Omit<T, 'passwordHash'> {
  const { passwordHash: _ignored, ...rest } = row as T & { passwordHash?: unknown };
  return rest;
}
