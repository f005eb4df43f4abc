// Password reset links: single use, one hour, stored as the SHA-256 of their token. Using one
// marks every pending link of the account used, so an older e-mail cannot be replayed afterwards.
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { DbOrTx } from './actions.ts';
import { passwordResets } from './schema.ts';
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
