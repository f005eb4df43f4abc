// Password reset links: single use, one hour, stored as the SHA-256 of their token. Using one
// marks every pending link of the account used, so an older e-mail cannot be replayed afterwards.
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { DbOrTx } from './actions.ts';
import { passwordResets, sessions, users } from './schema.ts';
import { newToken } from '../ids.ts';
import { hashToken } from '../auth/sessions.ts';

export const RESET_MINUTES = 60;

export function insertReset(db: DbOrTx, userId: string, now: Date): { token: string; expiresAt: string } {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + RESET_MINUTES * 60_000).toISOString();
  db.insert(passwordResets).values({ tokenHash: hashToken(token), userId, createdAt: now.toISOString(), expiresAt }).run();
  return { token, expiresAt };
}

/** The account a link resets, while the link is unused and fresh. */
export function findUsableReset(db: DbOrTx, token: string, now: Date): { userId: string; tokenHash: string } | undefined {
  if (!token || token.length > 100) return undefined;
  return db
    .select({ userId: passwordResets.userId, tokenHash: passwordResets.tokenHash })
    .from(passwordResets)
    .where(and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now.toISOString())))
    .get();
}

/** Uses the link (false if it was used or expired meanwhile) and retires the account's others. */
export function consumeReset(db: DbOrTx, tokenHash: string, userId: string, now: Date): boolean {
  const at = now.toISOString();
  const used = db
    .update(passwordResets)
    .set({ usedAt: at })
    .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, at)))
    .run().changes === 1;
  if (used) db.update(passwordResets).set({ usedAt: at }).where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt))).run();
  return used;
}

/** The new password of a reset: set, and every session of the account ended. */
export function setPasswordEndingSessions(db: DbOrTx, userId: string, passwordHash: string): void {
  db.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
  db.delete(sessions).where(eq(sessions.userId, userId)).run();
}

/** An account that may receive or use a reset link: active, not deleted. */
export function resettableUser(db: DbOrTx, by: { email: string } | { id: string }) {
  const user = db
    .select({ id: users.id, email: users.email, name: users.name, active: users.active, deleted: users.deleted })
    .from(users)
    .where('email' in by ? eq(users.email, by.email.trim().toLowerCase()) : eq(users.id, by.id))
    .get();
  return user && user.active && !user.deleted ? user : undefined;
}
