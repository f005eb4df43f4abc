// What a state-changing request may carry, checked once for every route before any of them reads
// it: a form (URL-encoded or multipart) or nothing. Anything else is 415; a body that is not UTF-8
// is 400; a form with more fields than any of CAP's forms has is 422, before a handler parses it.
// The body read here stays cached on the request for the handler.
import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../context.ts';
import { isStreamedUpload } from '../auth/csrf.ts';
import { LIMITS } from '../validation/limits.ts';
import { t } from '../i18n/index.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const FORM = 'application/x-www-form-urlencoded';
const MULTIPART = 'multipart/form-data';

function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Fields in a URL-encoded body, counted without decoding it. */
function countFields(body: string): number {
  if (!body) return 0;
  let n = 1;
  for (let i = body.indexOf('&'); i !== -1; i = body.indexOf('&', i + 1)) n++;
  return n;
}

export const checkBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (SAFE.has(c.req.method)) return next();
  // An evidence upload streams its one file through its own route (src/evidence/upload.ts), which
  // bounds it: reading it here would buffer up to 10 Mo.
  if (isStreamedUpload(c.req.method, c.req.path, c.req.header('Content-Type') ?? '')) return next();
  const type = mediaType(c.req.header('Content-Type'));
  if (type === FORM || type === '') {
    const bytes = await c.req.arrayBuffer();
    if (type === '' && bytes.byteLength) throw new HTTPException(415, { message: t.common.unsupportedType });
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new HTTPException(400, { message: t.common.notUtf8 });
    }
    if (countFields(text) > LIMITS.formFields) throw new HTTPException(422, { message: t.common.tooManyFields(LIMITS.formFields) });
    // The handler's c.req.text() reads this decoded text instead of decoding the bytes again
    // (hono caches bodies as promises, whatever its type says).
    (c.req.bodyCache as Record<string, unknown>).text = Promise.resolve(text);
    return next();
  }
  if (type === MULTIPART) {
    const form = await c.req.formData().catch(() => {
      throw new HTTPException(400, { message: t.common.badRequest });
    });
    let n = 0;
    for (const _ of form.keys()) if (++n > LIMITS.formFields) throw new HTTPException(422, { message: t.common.tooManyFields(LIMITS.formFields) });
    return next();
  }
  throw new HTTPException(415, { message: t.common.unsupportedType });
};
