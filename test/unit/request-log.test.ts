// The request log on a bare Hono app: one JSON line per request, nothing from the query, the body
// or the headers.
import { describe, it, expect } from 'vitest';
import { Writable } from 'node:stream';
import { Hono } from 'hono';
import type { AppEnv } from '../../src/context.ts';
import { createLogger, loggedPath, requestLog } from '../../src/web/request-log.ts';

function collector() {
  const lines: Record<string, unknown>[] = [];
  let raw = '';
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      raw += chunk.toString();
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      cb();
    },
  });
  return { lines, stream, raw: () => raw };
}

describe('requestLog', () => {
  it('writes method, path without query, status, duration and user id, and nothing the request carried', async () => {
    const out = collector();
    const logger = createLogger('info', out.stream);
    const app = new Hono<AppEnv>();
    app.use(requestLog(logger));
    app.use(async (c, next) => {
      c.set('user', c.req.header('X-Test-User') ? ({ id: 'u-123' } as never) : null);
      await next();
    });
    app.post('/login', (c) => c.text('non', 401));
    app.get('/invitations/:token', (c) => c.text('ok'));
    app.get('/boom', () => {
      throw new Error('boom');
    });
    app.onError((_e, c) => c.text('erreur', 500));

    await app.request('/login?next=%2Fsecret', { method: 'POST', body: 'email=a%40b.fr&password=Tr0mpette-Verte', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: 'cap_session=jeton-de-session', 'X-CSRF-Token': 'jeton-csrf' } });
    const token = 'A'.repeat(43);
    await app.request(`/invitations/${token}`, { headers: { 'X-Test-User': '1' } });
    await app.request('/boom');
    await new Promise((r) => setImmediate(r));

    expect(out.lines).toHaveLength(3);
    const [login, invitation, boom] = out.lines;
    expect(login).toMatchObject({ level: 30, method: 'POST', path: '/login', status: 401, user: null, msg: 'requête' });
    expect(typeof login!.ms).toBe('number');
    expect(typeof login!.time).toBe('string');
    expect(invitation).toMatchObject({ path: '/invitations/:token', status: 200, user: 'u-123' });
    expect(boom).toMatchObject({ level: 50, path: '/boom', status: 500 });
    for (const secret of ['Tr0mpette', 'password', 'secret', 'jeton', token, 'a@b.fr']) expect(out.raw()).not.toContain(secret);
  });

  it('keeps ids in paths and hides what looks like a token', () => {
    expect(loggedPath('/diagnostics/AbCdEfGhIjKlMnOp/plan')).toBe('/diagnostics/AbCdEfGhIjKlMnOp/plan');
    expect(loggedPath(`/password-reset/${'x_-9'.repeat(10)}`)).toBe('/password-reset/:token');
  });

  it('writes nothing at level silent', async () => {
    const out = collector();
    const app = new Hono<AppEnv>();
    app.use(requestLog(createLogger('silent', out.stream)));
    app.get('/', (c) => c.text('ok'));
    await app.request('/');
    expect(out.raw()).toBe('');
  });
});
