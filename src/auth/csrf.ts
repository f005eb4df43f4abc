// CSRF protection for every state-changing request. Signed-in users carry the token stored with
// their session; anonymous forms (login, setup) carry a random token also set in a cookie.
// htmx sends the token in the X-CSRF-Token header (from hx-headers on <body>).
import type { MiddlewareHandler } from 'hono';
import { timingSafeEqual } from 'node:crypto';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../context.ts';
import { newToken } from '../ids.ts';
import { t } from '../i18n/index.ts';
import { readCookie, writeCookie } from '../web/cookies.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export class CsrfError extends Error {}

/**
 * The evidence upload (POST /diagnostics/:id/evidence/:code) reads its multipart body as a stream
 * (src/evidence/upload.ts): buffering a 10 Mo file here to find the token would defeat that. For
 * it, this middleware checks the origin and a header token if there is one; otherwise the route
 * checks the form's token itself, before it keeps any byte of the file (tokenMatches).
 */
const STREAMED_UPLOAD = /^\/diagnostics\/[^/]+\/evidence\/[^/]+$/;

export function isStreamedUpload(method: string, path: string, contentType: string): boolean {
  return method === 'POST' && STREAMED_UPLOAD.test(path) && contentType.startsWith('multipart/form-data');
}

/** Whether `got` is the request's CSRF token (for the routes that read their own body). */
export function tokenMatches(c: Parameters<MiddlewareHandler<AppEnv>>[0], got: string): boolean {
  const expected = c.get('csrf');
  return !!expected && !!got && same(expected, got);
}

/** Sets the token for the request (session's, or the anonymous cookie's). Runs after sessions. */
export const csrfToken: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get('user')) {
    let token = readCookie(c, 'cap_csrf');
    if (!token || token.length < 20) {
      token = newToken();
      writeCookie(c, 'cap_csrf', token);
    }
    c.set('csrf', token);
  }
  await next();
};

/** Reads the submitted token from the header or the form body, without consuming the body. */
async function submittedToken(c: Parameters<MiddlewareHandler<AppEnv>>[0]): Promise<string> {
  const header = c.req.header('X-CSRF-Token');
  if (header) return header;
  const type = c.req.header('Content-Type') ?? '';
  if (type.startsWith('application/x-www-form-urlencoded')) {
    const body = await c.req.text();
    return new URLSearchParams(body).get('_csrf') ?? '';
  }
  if (type.startsWith('multipart/form-data')) {
    // A broken multipart body is a bad request, not a server error.
    const form = await c.req.formData().catch(() => {
      throw new HTTPException(400, { message: t.common.badRequest });
    });
    const v = form.get('_csrf');
    return typeof v === 'string' ? v : '';
  }
  return '';
}

export const csrfProtect: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (SAFE.has(c.req.method)) return next();
  // A cross-site browser request announces itself; refuse it before reading anything. « null » is
  // what a sandboxed frame, a data: page or a file opened locally sends: never CAP's own pages.
  const origin = c.req.header('Origin');
  if (origin === 'null') throw new CsrfError();
  if (origin) {
    const host = c.req.header('Host');
    let originHost = '';
    try {
      originHost = new URL(origin).host;
    } catch {
      /* unparsable origin: refused below */
    }
    if (!host || originHost !== host) throw new CsrfError();
  }
  const expected = c.get('csrf');
  if (!c.req.header('X-CSRF-Token') && isStreamedUpload(c.req.method, c.req.path, c.req.header('Content-Type') ?? '')) return next();
  const got = await submittedToken(c);
  if (!expected || !got || !same(expected, got)) throw new CsrfError();
  await next();
};
