// Static files: cached by browsers, compressed when the browser accepts it, confined to static/.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { makeApp } from '../support/app.ts';
import { STATIC_DIR } from '../../src/web/static.ts';

describe('static files', () => {
  it.each([
    ['/static/app.css', 'app.css', 'text/css'],
    ['/static/vendor/htmx.min.js', 'vendor/htmx.min.js', 'text/javascript'],
  ])('serves %s gzip-compressed with a Cache-Control header', async (url, file, type) => {
    const { app } = makeApp();
    const res = await app.request(url, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain(type);
    expect(res.headers.get('Cache-Control')).toMatch(/public, max-age=\d+/);
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    const body = Buffer.from(await res.arrayBuffer());
    const original = readFileSync(join(STATIC_DIR, file));
    expect(body.length).toBeLessThan(original.length);
    expect(gunzipSync(body).equals(original)).toBe(true);
  });

  it('sends the file as is to a client that does not accept compression', async () => {
    const { app } = makeApp();
    const res = await app.request('/static/app.css');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Encoding')).toBeNull();
    expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(join(STATIC_DIR, 'app.css')))).toBe(true);
  });

  it('refuses paths that leave static/ and unknown file types', async () => {
    const { app } = makeApp();
    expect((await app.request('/static/..%2Fpackage.json')).status).toBe(404);
    // Dot segments are resolved before routing: this one leaves /static and reaches the app instead.
    const dotted = await app.request('/static/%2e%2e/src/app.ts');
    expect(await dotted.text()).not.toContain('createApp');
    expect((await app.request('/static/nothing-here.css')).status).toBe(404);
  });
});
