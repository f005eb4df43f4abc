// « Mot de passe oublié ? »: a link by e-mail, single use, one hour; using it sets the new password
// and ends every session of the account. Asking for an unknown address does the same visible
// thing (nothing is sent): the route answers alike either way.
import type { Db } from '../db/open.ts';
import { audit } from '../db/audit.ts';
import { consumeReset, findUsableReset, insertReset, resettableUser, setPasswordEndingSessions } from '../db/password-resets.ts';
import { queueMail } from '../mail/queue.ts';

/** Queues a reset link if the address belongs to an active account; says whether it did. */
export function requestPasswordReset(db: Db, email: string, now: Date): boolean {
  return db.transaction((tx) => {
    const user = resettableUser(tx, { email });
    if (!user) return false;
    const { token, expiresAt } = insertReset(tx, user.id, now);
    queueMail(tx, { kind: 'password_reset', to: { email: user.email, userId: user.id }, payload: { recipientName: user.name, expiresAt }, secret: token }, now);
    audit(tx, { userId: user.id, action: 'password-reset-request', entity: 'user', entityId: user.id }, now);
    return true;
  });
}

/** The account behind a usable link, for the page that asks for the new password. */
export function resetTarget(db: Db, token: string, now: Date): { userId: string; email: string; name: string } | undefined {
  const reset = findUsableReset(db, token, now);
  const user = reset && resettableUser(db, { id: reset.userId });
  return user ? { userId: user.id, email: user.email, name: user.name } : undefined;
}

/** Sets the new password (hashed by the caller) and ends every session; null if the link is spent. */
export function resetPassword(db: Db, token: string, passwordHash: string, now: Date): { userId: string } | null {
  return db.transaction((tx) => {
    const reset = findUsableReset(tx, token, now);
    const user = reset && resettableUser(tx, { id: reset.userId });
    if (!reset || !user || !consumeReset(tx, reset.tokenHash, user.id, now)) return null;
    setPasswordEndingSessions(tx, user.id, passwordHash);
    audit(tx, { userId: user.id, action: 'password-reset', entity: 'user', entityId: user.id }, now);
    return { userId: user.id };
  });
}
