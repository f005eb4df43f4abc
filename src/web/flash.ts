// One-shot messages carried across a redirect in a short-lived cookie.
import type { Context } from 'hono';
import type { AppEnv, Flash } from '../context.ts';
import { clearCookie, readCookie, writeCookie } from './cookies.ts';

export function setFlash(c: Context<AppEnv>, flash: Flash): void {
  writeCookie(c, 'cap_flash', encodeURIComponent(JSON.stringify(flash)), { maxAge: 60 });
}

export function takeFlash(c: Context<AppEnv>): Flash | null {
  const raw = readCookie(c, 'cap_flash');
  if (!raw) return null;
  clearCookie(c, 'cap_flash');
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
