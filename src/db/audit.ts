// The audit trail: every write records who, when, what, and the values before and after.
import type { Db } from './open.ts';
import { sql } from 'drizzle-orm';
import { auditEvents } from './schema.ts';
import { preparedFor } from './prepared.ts';

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

// Given the database itself (not a transaction object: same connection, but no `$client`), the
// insert runs prepared (src/db/prepared.ts). `null` must stay SQL NULL, as the query builder
// writes it, not the JSON text 'null': one prepared insert per combination.
const ph = sql.placeholder;
const prepared = [false, true].map((hasBefore) =>
  [false, true].map((hasAfter) =>
    preparedFor((db) =>
      db
        .insert(auditEvents)
        .values({
          at: ph('at'),
          userId: ph('userId'),
          action: ph('action'),
          entity: ph('entity'),
          entityId: ph('entityId'),
          organisationId: ph('organisationId'),
          diagnosticId: ph('diagnosticId'),
          before: hasBefore ? ph('before') : null,
          after: hasAfter ? ph('after') : null,
        })
        .prepare(),
    ),
  ),
);

/** Records one event; returns its id (an undo can name the event it undoes). */
export function audit(db: Pick<Db, 'insert'>, entry: AuditEntry, now: Date): number {
  const values = {
    at: now.toISOString(),
    userId: entry.userId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    organisationId: entry.organisationId ?? null,
    diagnosticId: entry.diagnosticId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  };
  if ('$client' in db) {
    return Number(prepared[values.before === null ? 0 : 1]![values.after === null ? 0 : 1]!(db as Db).run(values).lastInsertRowid);
  }
  return Number(db.insert(auditEvents).values(values).run().lastInsertRowid);
}

/** Strips secrets before a row goes into the trail. */
export function withoutSecrets<T extends Record<string, unknown>>(row: T): Omit<T, 'passwordHash'> {
  const { passwordHash: _ignored, ...rest } = row as T & { passwordHash?: unknown };
  return rest;
}
