// Static files from static/ only, served by @hono/node-server's serveStatic (it refuses dot
// segments, doubled slashes and encoded characters in the path) for the kinds of file static/
// holds, compressed when the browser accepts it, with a Cache-Control header set by a small
// middleware.
import { Hono, type MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import { serveStatic } from '@hono/node-server/serve-static';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const STATIC_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'static');

/** Files change only with a new release; an hour is a safe compromise without hashed names. */
const cacheFor = (seconds: number): MiddlewareHandler => async (c, next) => {
  await next();
  if (c.res.status === 200) c.header('Cache-Control', `public, max-age=${seconds}`);
};

/** The kinds of file static/ holds; any other is not served. */
const KNOWN = /\.(js|css|svg|png|ico|woff2|ttf|txt)$/;

/** Mounted at /static; anything not served there is a plain 404, never the rest of the app. */
export function staticFiles() {
  const app = new Hono();
  app.use(compress(), cacheFor(3600));
  app.get('/*', async (c, next) => (KNOWN.test(c.req.path) ? next() : c.text('Introuvable', 404)));
  app.get('/*', serveStatic({ root: STATIC_DIR, rewriteRequestPath: (path) => path.replace(/^\/static/, '') }));
  app.get('/*', (c) => c.text('Introuvable', 404));
  return app;
}
