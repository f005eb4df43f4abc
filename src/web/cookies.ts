// CAP's three cookies (session, anonymous CSRF token, one-shot message), always HttpOnly,
// SameSite=Lax and for the whole site. Served over HTTPS (production), they are Secure and named
// with the __Host- prefix: a browser accepts such a cookie only from HTTPS, for this exact host and
// path /, so that a sibling subdomain or a plain-HTTP page cannot plant or overwrite one.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../context.ts';

export type CookieName = 'cap_session' | 'cap_csrf' | 'cap_flash';

function prefixOf(c: Context<AppEnv>): 'host' | undefined {
  return c.get('deps').secureCookies ? 'host' : undefined;
}

/** The name the browser sees: `__Host-cap_session` in production, `cap_session` otherwise. */
export function cookieName(name: CookieName, secure: boolean): string {
  return secure ? `__Host-${name}` : name;
}

export function readCookie(c: Context<AppEnv>, name: CookieName): string | undefined {
  return getCookie(c, name, prefixOf(c));
}

export function writeCookie(c: Context<AppEnv>, name: CookieName, value: string, opts: { maxAge?: number } = {}): void {
  const secure = c.get('deps').secureCookies;
  setCookie(c, name, value, { httpOnly: true, sameSite: 'Lax', path: '/', secure, maxAge: opts.maxAge, prefix: prefixOf(c) });
}

export function clearCookie(c: Context<AppEnv>, name: CookieName): void {
  deleteCookie(c, name, { path: '/', secure: c.get('deps').secureCookies, prefix: prefixOf(c) });
}
