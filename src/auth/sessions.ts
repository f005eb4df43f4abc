// Sessions stored in the database. The cookie holds a random token; the table holds its SHA-256,
// so a copy of the database cannot be replayed as live sessions.
import { createHash } from 'node:crypto';
import { eq, and, sql } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { sessions, users, memberships, consultantRegions } from '../db/schema.ts';
import { newToken } from '../ids.ts';
import { preparedFor } from '../db/prepared.ts';
import type { CurrentUser } from '../context.ts';

export const SESSION_COOKIE = 'cap_session';
/** A session ends after this much inactivity… */
export const IDLE_MS = 8 * 60 * 60_000;
/** …and in any case after this long. */
export const ABSOLUTE_MS = 7 * 24 * 60 * 60_000;
/** lastSeenAt is written at most this often, so reading a page does not always write. */
const TOUCH_MS = 5 * 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function createSession(db: Db, userId: string, now: Date): { token: string; csrf: string } {
  const token = newToken();
  const csrf = newToken();
  db.insert(sessions)
    .values({
      id: hashToken(token),
      userId,
      csrfToken: csrf,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + ABSOLUTE_MS).toISOString(),
    })
    .run();
  return { token, csrf };
}

export function deleteSession(db: Db, token: string): void {
  db.delete(sessions).where(eq(sessions.id, hashToken(token))).run();
}

export function deleteUserSessions(db: Db, userId: string): void {
  db.delete(sessions).where(eq(sessions.userId, userId)).run();
}

// Every request resolves its session: these run prepared (src/db/prepared.ts).
const membershipsOf = preparedFor((db) => db.select({ id: memberships.organisationId }).from(memberships).where(eq(memberships.userId, sql.placeholder('userId'))).prepare());
const regionsOf = preparedFor((db) => db.select({ r: consultantRegions.region }).from(consultantRegions).where(eq(consultantRegions.userId, sql.placeholder('userId'))).prepare());
const sessionById = preparedFor((db) =>
  db
    .select({
      s: sessions,
      u: { id: users.id, email: users.email, name: users.name, role: users.role, active: users.active },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare(),
);

export function loadActor(db: Db, userId: string): Pick<CurrentUser, 'organisationIds' | 'regions'> {
  const orgs = membershipsOf(db).all({ userId });
  const regions = regionsOf(db).all({ userId });
  return { organisationIds: orgs.map((o) => o.id), regions: regions.map((r) => r.r) };
}

/** The user behind a cookie token, or null when unknown, expired, idle too long or deactivated. */
export function resolveSession(db: Db, token: string, now: Date): { user: CurrentUser; csrf: string; id: string } | null {
  const id = hashToken(token);
  const row = sessionById(db).get({ id });
  if (!row) return null;
  const t = now.getTime();
  if (!row.u.active || Date.parse(row.s.expiresAt) <= t || Date.parse(row.s.lastSeenAt) + IDLE_MS <= t) {
    db.delete(sessions).where(eq(sessions.id, id)).run();
    return null;
  }
  if (t - Date.parse(row.s.lastSeenAt) > TOUCH_MS) {
    db.update(sessions).set({ lastSeenAt: now.toISOString() }).where(and(eq(sessions.id, id))).run();
  }
  const user: CurrentUser = { id: row.u.id, email: row.u.email, name: row.u.name, role: row.u.role, ...loadActor(db, row.u.id) };
  return { user, csrf: row.s.csrfToken, id };
}
