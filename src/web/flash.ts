// One-shot messages carried across a redirect in a short-lived cookie.
import type { Context } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import type { AppEnv, Flash } from '../context.ts';

const COOKIE = 'cap_flash';

export function setFlash(c: Context<AppEnv>, flash: Flash): void {
  setCookie(c, COOKIE, encodeURIComponent(JSON.stringify(flash)), {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: c.get('deps').secureCookies,
    maxAge: 60,
  });
}

export function takeFlash(c: Context<AppEnv>): Flash | null {
  const raw = getCookie(c, COOKIE);
  if (!raw) return null;
  deleteCookie(c, COOKIE, { path: '/' });
  try {
    const f = JSON.parse(decodeURIComponent(raw)) as Flash;
    if (typeof f.message === 'string' && ['success', 'error', 'info'].includes(f.kind)) return { kind: f.kind, message: f.message.slice(0, 500) };
  } catch {
    /* a tampered cookie is simply ignored */
  }
  return null;
}

export function redirectWith(c: Context<AppEnv>, to: string, flash?: Flash) {
  if (flash) setFlash(c, flash);
  return c.redirect(to, 303);
}
