// Static files from static/ only: the path is resolved and checked to stay inside the folder.
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const STATIC_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'static');

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function staticFiles() {
  const app = new Hono();
  const cache = new Map<string, { body: Uint8Array; type: string }>();
  app.use(compress());
  app.get('/*', async (c) => {
    let rel: string;
    try {
      rel = decodeURIComponent(c.req.path.replace(/^\/static\//, ''));
    } catch {
      // A broken escape (`%c0%ae`, `%u002e`) names no file: not found, not a server error.
      return c.text('Introuvable', 404);
    }
    const file = resolve(STATIC_DIR, rel);
    if (!file.startsWith(STATIC_DIR + sep) || rel.includes('\0')) return c.text('Introuvable', 404);
    const type = TYPES[extname(file)];
    if (!type) return c.text('Introuvable', 404);
    let entry = cache.get(file);
    if (!entry) {
      try {
        if (!(await stat(file)).isFile()) return c.text('Introuvable', 404);
        entry = { body: new Uint8Array(await readFile(file)), type };
      } catch {
        return c.text('Introuvable', 404);
      }
      cache.set(file, entry);
    }
    c.header('Content-Type', entry.type);
    // Files change only with a new release; an hour is a safe compromise without hashed names.
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(entry.body as never);
  });
  return app;
}

export { join };
