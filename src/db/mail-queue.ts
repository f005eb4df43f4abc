// The mail queue in the database: what waits to be sent, what was sent, what failed. Every state
// change is one conditional UPDATE, so the worker, a resend from the support page and a restart
// cannot step on each other.
import { and, asc, desc, eq, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Db } from './open.ts';
import type { DbOrTx } from './actions.ts';
import { mailQueue } from './schema.ts';
import { newId } from '../ids.ts';

export type MailRow = typeof mailQueue.$inferSelect;
export type MailStatus = MailRow['status'];
export const MAIL_STATUSES: readonly MailStatus[] = ['pending', 'sending', 'sent', 'failed', 'cancelled'];

export interface NewMail {
  kind: string;
  recipient: string;
  userId: string | null;
  subject: string;
  payload: unknown;
  secret?: string | null;
  dedupeKey?: string | null;
  mergeKey?: string | null;
  /** Not before this instant (remarks wait a little so that a series goes out as one message). */
  notBefore?: Date;
}

/** Queues a message; null when its dedupe key was already queued (the sent-log said no). */
export function insertMail(db: DbOrTx, mail: NewMail, now: Date): string | null {
  const id = newId();
  const res = db
    .insert(mailQueue)
    .values({
      id,
      kind: mail.kind,
      recipient: mail.recipient,
      userId: mail.userId,
      subject: mail.subject,
      payload: mail.payload,
      secret: mail.secret ?? null,
      dedupeKey: mail.dedupeKey ?? null,
      mergeKey: mail.mergeKey ?? null,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: (mail.notBefore ?? now).toISOString(),
      createdAt: now.toISOString(),
    })
    .onConflictDoNothing({ target: mailQueue.dedupeKey })
    .run();
  return res.changes === 1 ? id : null;
}

/** A message with this merge key that has not been tried yet, to fold a new one into. */
export function findMergeable(db: DbOrTx, mergeKey: string): MailRow | undefined {
  return db
    .select()
    .from(mailQueue)
    .where(and(eq(mailQueue.mergeKey, mergeKey), eq(mailQueue.status, 'pending'), eq(mailQueue.attempts, 0)))
    .orderBy(desc(mailQueue.createdAt))
    .get();
}

export function updatePending(db: DbOrTx, id: string, subject: string, payload: unknown): boolean {
  return db.update(mailQueue).set({ subject, payload }).where(and(eq(mailQueue.id, id), eq(mailQueue.status, 'pending'), eq(mailQueue.attempts, 0))).run().changes === 1;
}

/** Cancels what still waits under a merge key (a revoked or re-sent invitation); secrets go. */
export function cancelPending(db: DbOrTx, mergeKey: string, reason: string): number {
  return db
    .update(mailQueue)
    .set({ status: 'cancelled', secret: null, lastError: reason })
    .where(and(eq(mailQueue.mergeKey, mergeKey), inArray(mailQueue.status, ['pending', 'failed'])))
    .run().changes;
}

/** Takes the next due message for sending: pending → sending, one more attempt counted. */
export function claimNext(db: Db, now: Date): MailRow | undefined {
  const due = db
    .select({ id: mailQueue.id })
    .from(mailQueue)
    .where(and(eq(mailQueue.status, 'pending'), lte(mailQueue.nextAttemptAt, now.toISOString())))
    .orderBy(asc(mailQueue.nextAttemptAt), asc(mailQueue.createdAt))
    .limit(1)
    .get();
  if (!due) return undefined;
  return db
    .update(mailQueue)
    .set({ status: 'sending', attempts: sql`${mailQueue.attempts} + 1` })
    .where(and(eq(mailQueue.id, due.id), eq(mailQueue.status, 'pending')))
    .returning()
    .get();
}

export function markSent(db: Db, id: string, now: Date): void {
  db.update(mailQueue).set({ status: 'sent', sentAt: now.toISOString(), secret: null, lastError: null }).where(and(eq(mailQueue.id, id), eq(mailQueue.status, 'sending'))).run();
}

export function markRetry(db: Db, id: string, error: string, next: Date): void {
  db.update(mailQueue).set({ status: 'pending', lastError: error, nextAttemptAt: next.toISOString() }).where(and(eq(mailQueue.id, id), eq(mailQueue.status, 'sending'))).run();
}

export function markFailed(db: Db, id: string, error: string): void {
  db.update(mailQueue).set({ status: 'failed', lastError: error }).where(and(eq(mailQueue.id, id), eq(mailQueue.status, 'sending'))).run();
}

export function markCancelled(db: Db, id: string, reason: string): void {
  db.update(mailQueue).set({ status: 'cancelled', secret: null, lastError: reason }).where(and(eq(mailQueue.id, id), eq(mailQueue.status, 'sending'))).run();
}

/**
 * Messages left « sending » by a process that stopped mid-send go back to the queue. A clean stop
 * waits for the send in flight, so this only happens after a crash: the message may then leave
 * twice (same Message-ID), never zero times.
 */
export function recoverInterrupted(db: Db): number {
  return db.update(mailQueue).set({ status: 'pending' }).where(eq(mailQueue.status, 'sending')).run().changes;
}

/** A failed message goes back to the queue, as if new (the support page's « Renvoyer »). */
export function requeueFailed(db: DbOrTx, id: string, now: Date): boolean {
  return db
    .update(mailQueue)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: now.toISOString() })
    .where(and(eq(mailQueue.id, id), eq(mailQueue.status, 'failed')))
    .run().changes === 1;
}

export function getMail(db: Db, id: string): MailRow | undefined {
  return db.select().from(mailQueue).where(eq(mailQueue.id, id)).get();
}

/** The next instant a pending message falls due, to sleep until then. */
export function nextDue(db: Db): string | null {
  return db.select({ at: sql<string | null>`min(${mailQueue.nextAttemptAt})` }).from(mailQueue).where(eq(mailQueue.status, 'pending')).get()?.at ?? null;
}

export interface MailListQuery {
  status?: MailStatus;
  limit: number;
  offset: number;
}

export type MailListRow = Omit<MailRow, 'payload' | 'secret'>;

/** The support page's list, newest first; payloads and secrets stay in the database. */
export function listMail(db: Db, q: MailListQuery): MailListRow[] {
  return db
    .select({
      id: mailQueue.id,
      kind: mailQueue.kind,
      recipient: mailQueue.recipient,
      userId: mailQueue.userId,
      subject: mailQueue.subject,
      dedupeKey: mailQueue.dedupeKey,
      mergeKey: mailQueue.mergeKey,
      status: mailQueue.status,
      attempts: mailQueue.attempts,
      nextAttemptAt: mailQueue.nextAttemptAt,
      lastError: mailQueue.lastError,
      createdAt: mailQueue.createdAt,
      sentAt: mailQueue.sentAt,
    })
    .from(mailQueue)
    .where(q.status ? eq(mailQueue.status, q.status) : undefined)
    .orderBy(desc(mailQueue.createdAt), desc(mailQueue.id))
    .limit(q.limit)
    .offset(q.offset)
    .all();
}

export function countByStatus(db: Db): Record<MailStatus, number> {
  const out = Object.fromEntries(MAIL_STATUSES.map((s) => [s, 0])) as Record<MailStatus, number>;
  for (const r of db.select({ s: mailQueue.status, n: sql<number>`count(*)` }).from(mailQueue).groupBy(mailQueue.status).all()) out[r.s] = r.n;
  return out;
}

/** Forgets what was sent or cancelled before `before` (kept a year: support, and personal data). */
export function purgeOld(db: Db, before: Date): number {
  return db
    .delete(mailQueue)
    .where(and(inArray(mailQueue.status, ['sent', 'cancelled']), lt(mailQueue.createdAt, before.toISOString())))
    .run().changes;
}
