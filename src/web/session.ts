// Opening a session for a person who just proved who they are: by password (login, first set-up),
// by an invitation link, or by a password reset link.
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../context.ts';
import { ABSOLUTE_MS, createSession, deleteSession, SESSION_COOKIE } from '../auth/sessions.ts';

export function startSession(c: Context<AppEnv>, userId: string): void {
  const deps = c.get('deps');
  // A new id at every login: a token planted before login is worthless after it.
  const old = getCookie(c, SESSION_COOKIE);
  if (old) deleteSession(deps.db, old);
  const { token } = createSession(deps.db, userId, deps.clock());
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: deps.secureCookies,
    path: '/',
    maxAge: Math.floor(ABSOLUTE_MS / 1000),
  });
}
