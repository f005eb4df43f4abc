// Opening a session for a person who just proved who they are: by password (login, first set-up),
// by an invitation link, or by a password reset link.
import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';
import { ABSOLUTE_MS, createSession, deleteSession } from '../auth/sessions.ts';
import { readCookie, writeCookie } from './cookies.ts';

export function startSession(c: Context<AppEnv>, userId: string): void {
  const deps = c.get('deps');
  // A new id at every login: a token planted before login is worthless after it.
  const old = readCookie(c, 'cap_session');
  if (old) deleteSession(deps.db, old);
  const { token } = createSession(deps.db, userId, deps.clock());
  writeCookie(c, 'cap_session', token, { maxAge: Math.floor(ABSOLUTE_MS / 1000) });
}
