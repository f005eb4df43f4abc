// Which notices a person turned off. No row means on: a new account receives everything that
// concerns it, and turning a topic off is one row.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from './open.ts';
import type { DbOrTx } from './actions.ts';
import { mailOptOuts } from './schema.ts';
import { NOTICE_TOPICS, type NoticeTopic } from '../mail/kinds.ts';

export function optedOutTopics(db: DbOrTx, userId: string): Set<NoticeTopic> {
  const rows = db.select({ kind: mailOptOuts.kind }).from(mailOptOuts).where(eq(mailOptOuts.userId, userId)).all();
  return new Set(rows.map((r) => r.kind).filter((k): k is NoticeTopic => (NOTICE_TOPICS as readonly string[]).includes(k)));
}

/** Of these users, those who turned `topic` off. */
export function optedOut(db: DbOrTx, userIds: readonly string[], topic: NoticeTopic): Set<string> {
  if (!userIds.length) return new Set();
  const rows = db
    .select({ userId: mailOptOuts.userId })
    .from(mailOptOuts)
    .where(and(eq(mailOptOuts.kind, topic), inArray(mailOptOuts.userId, [...userIds])))
    .all();
  return new Set(rows.map((r) => r.userId));
}

/** Turns one topic on or off; true when something changed. */
export function setTopic(db: DbOrTx, userId: string, topic: NoticeTopic, on: boolean, now: Date): boolean {
  if (on) return db.delete(mailOptOuts).where(and(eq(mailOptOuts.userId, userId), eq(mailOptOuts.kind, topic))).run().changes === 1;
  return db.insert(mailOptOuts).values({ userId, kind: topic, createdAt: now.toISOString() }).onConflictDoNothing().run().changes === 1;
}

/** Sets every topic at once (the « Mon compte » form); returns the topics that changed. */
export function setTopics(db: Db, userId: string, on: ReadonlySet<NoticeTopic>, topics: readonly NoticeTopic[], now: Date): NoticeTopic[] {
  return db.transaction((tx) => topics.filter((topic) => setTopic(tx, userId, topic, on.has(topic), now)));
}
