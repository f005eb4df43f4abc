// Sessions beyond the basics of foundation.test.ts: throttling per address, logout and password
// reset ending sessions on the server, absolute expiry, tokens stored hashed, safe redirects.
import { describe, it, expect, beforeEach } from 'vitest';
import { eq } from 'drizzle-orm';
import { Client, makeApp, org, user, text, PASSWORD, type TestContext } from '../support/app.ts';
import { createApp } from '../../src/app.ts';
import { LoginThrottle } from '../../src/auth/throttle.ts';
import { sessions } from '../../src/db/schema.ts';
import { ABSOLUTE_MS } from '../../src/auth/sessions.ts';

/** The same app seen from one socket address, as @hono/node-server passes it in the env. */
function fromAddress(ctx: TestContext, address: string): TestContext {
  const env = { incoming: { socket: { remoteAddress: address, remotePort: 40000, remoteFamily: 'IPv4' } } };
  return { ...ctx, app: { request: (path: string, init?: RequestInit) => ctx.app.request(path, init, env) } as TestContext['app'] };
}

async function failFrom(c: Client, times: number, offset = 0) {
  for (let i = 0; i < times; i++) {
    const res = await c.post('/login', { email: `inconnu${offset + i}@exemple.fr`, password: 'au-hasard-123' });
    expect(res.status).toBe(401);
  }
}

describe('login throttling per address', () => {
  let ctx: TestContext;
  beforeEach(async () => {
    ctx = makeApp();
    await user(ctx.db, 'admin', 'admin@cap.test');
  });

  it('locks an address after 20 failures on different emails, with a French message and a retry time', async () => {
    const attacker = new Client(fromAddress(ctx, '203.0.113.7'));
    await attacker.get('/login');
    await failFrom(attacker, 19);
    // 19 failures: still allowed, and a success does not wipe the address's record.
    expect((await attacker.post('/login', { email: 'admin@cap.test', password: PASSWORD })).status).toBe(303);
    await attacker.get('/');
    await attacker.post('/logout');
    await attacker.get('/login');
    await failFrom(attacker, 1, 19);

    const locked = await attacker.post('/login', { email: 'admin@cap.test', password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('Retry-After'))).toBe(15 * 60);
    expect(text(await locked.text())).toContain('Trop de tentatives de connexion. Par sécurité, attendez 15 minutes avant de réessayer.');
    expect(locked.headers.getSetCookie().some((h) => h.startsWith('cap_session='))).toBe(false);

    // Another address is not affected by this one's failures.
    const colleague = new Client(fromAddress(ctx, '198.51.100.20'));
    expect((await colleague.login('admin@cap.test')).status).toBe(303);

    // The minutes shown count down, and the lock ends.
    ctx.now.value = new Date(ctx.now.value.getTime() + 10 * 60_000);
    const later = await attacker.post('/login', { email: 'admin@cap.test', password: PASSWORD });
    expect(later.status).toBe(429);
    expect(text(await later.text())).toContain('attendez 5 minutes');
    ctx.now.value = new Date(ctx.now.value.getTime() + 6 * 60_000);
    expect((await attacker.post('/login', { email: 'admin@cap.test', password: PASSWORD })).status).toBe(303);
  });

  it('counts every request without a socket address as one address, « local »', async () => {
    const c = new Client(ctx);
    await c.get('/login');
    await failFrom(c, 20);
    const other = new Client(ctx);
    await other.get('/login');
    expect((await other.post('/login', { email: 'admin@cap.test', password: PASSWORD })).status).toBe(429);
  });

  it('behind a trusted proxy, counts per X-Forwarded-For client, not per proxy', async () => {
    const app = createApp({ db: ctx.db, clock: () => ctx.now.value, throttle: new LoginThrottle(), trustProxy: true });
    const proxied = fromAddress({ ...ctx, app }, '127.0.0.1');
    const attacker = new Client(proxied);
    await attacker.get('/login');
    const spoof = { 'X-Forwarded-For': '10.9.9.9, 203.0.113.7' };
    for (let i = 0; i < 20; i++) await attacker.post('/login', { email: `x${i}@exemple.fr`, password: 'au-hasard-123' }, { headers: spoof });
    // The attacker's forged first entry does not matter: the proxy's own entry is the last one.
    expect((await attacker.post('/login', { email: 'admin@cap.test', password: PASSWORD }, { headers: { 'X-Forwarded-For': '10.1.1.1, 203.0.113.7' } })).status).toBe(429);
    const colleague = new Client(proxied);
    await colleague.get('/login');
    expect((await colleague.post('/login', { email: 'admin@cap.test', password: PASSWORD }, { headers: { 'X-Forwarded-For': '198.51.100.20' } })).status).toBe(303);
  });

  it('ignores X-Forwarded-For unless the proxy is trusted', async () => {
    const c = new Client(fromAddress(ctx, '203.0.113.7'));
    await c.get('/login');
    for (let i = 0; i < 20; i++) await c.post('/login', { email: `x${i}@exemple.fr`, password: 'au-hasard-123' }, { headers: { 'X-Forwarded-For': `10.0.0.${i}` } });
    expect((await c.post('/login', { email: 'admin@cap.test', password: PASSWORD }, { headers: { 'X-Forwarded-For': '10.0.0.99' } })).status).toBe(429);
  });
});

describe('sessions end on the server', () => {
  let ctx: TestContext;
  let orgId: string;
  let memberId: string;
  beforeEach(async () => {
    ctx = makeApp();
    orgId = org(ctx.db);
    await user(ctx.db, 'admin', 'admin@cap.test');
    memberId = await user(ctx.db, 'member', 'membre@cap.test', { organisationIds: [orgId] });
  });

  it('logout deletes the session: a copied cookie no longer works', async () => {
    const c = new Client(ctx);
    await c.login('membre@cap.test');
    const copied = c.cookies.get('cap_session')!;
    expect(ctx.db.select().from(sessions).where(eq(sessions.userId, memberId)).all()).toHaveLength(1);

    const out = await c.post('/logout');
    expect(out.status).toBe(303);
    expect(out.headers.getSetCookie().some((h) => h.startsWith('cap_session=;') || /cap_session=.*Max-Age=0/i.test(h))).toBe(true);
    expect(ctx.db.select().from(sessions).where(eq(sessions.userId, memberId)).all()).toHaveLength(0);

    const replay = new Client(ctx);
    replay.cookies.set('cap_session', copied);
    const res = await replay.get(`/organisations/${orgId}`);
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe(`/login?next=${encodeURIComponent(`/organisations/${orgId}`)}`);
  });

  it('a forged logout (no CSRF token) is refused and the session lives on', async () => {
    const c = new Client(ctx);
    await c.login('membre@cap.test');
    expect((await c.post('/logout', {}, { csrf: null })).status).toBe(403);
    expect((await c.get('/')).status).toBe(200);
  });

  it('stores only a hash of the session token', async () => {
    const c = new Client(ctx);
    await c.login('membre@cap.test');
    const token = c.cookies.get('cap_session')!;
    const rows = ctx.db.select().from(sessions).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).not.toBe(token);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('an admin resetting a password ends every session of that user; the new password works', async () => {
    const phone = new Client(ctx);
    const laptop = new Client(ctx);
    await phone.login('membre@cap.test');
    await laptop.login('membre@cap.test');
    const admin = new Client(ctx);
    await admin.login('admin@cap.test');

    // Editing the name only leaves sessions alone.
    const rename = await admin.post(`/admin/users/${memberId}`, { name: 'Membre Renommé', email: 'membre@cap.test', role: 'member', organisationIds: [orgId], password: '' });
    expect(rename.status).toBe(303);
    expect((await phone.get('/')).status).toBe(200);

    const reset = await admin.post(`/admin/users/${memberId}`, { name: 'Membre Renommé', email: 'membre@cap.test', role: 'member', organisationIds: [orgId], password: 'nouveau-mot-de-passe' });
    expect(reset.status).toBe(303);
    for (const c of [phone, laptop]) expect((await c.get('/')).headers.get('Location')).toBe('/login?next=%2F');
    expect((await admin.get('/')).status).toBe(200);

    const old = new Client(ctx);
    expect((await old.login('membre@cap.test')).status).toBe(401);
    expect((await new Client(ctx).login('membre@cap.test', 'nouveau-mot-de-passe')).status).toBe(303);
  });

  it('ends a session after 7 days even when it is used all the time', async () => {
    const c = new Client(ctx);
    await c.login('membre@cap.test');
    const start = ctx.now.value.getTime();
    for (let h = 6; h * 3_600_000 < ABSOLUTE_MS; h += 6) {
      ctx.now.value = new Date(start + h * 3_600_000);
      expect((await c.get('/')).status).toBe(200);
    }
    ctx.now.value = new Date(start + ABSOLUTE_MS + 1000);
    expect((await c.get('/')).headers.get('Location')).toBe('/login?next=%2F');
  });

  it('redirects after login only to a path of CAP', async () => {
    for (const [next, expected] of [
      [`/organisations/${orgId}`, `/organisations/${orgId}`],
      ['//evil.example/x', '/'],
      ['https://evil.example/', '/'],
      ['/\\evil.example', '/'],
    ] as const) {
      const c = new Client(ctx);
      await c.get('/login');
      const res = await c.post(`/login?next=${encodeURIComponent(next)}`, { email: 'membre@cap.test', password: PASSWORD });
      expect(res.status).toBe(303);
      expect(res.headers.get('Location')).toBe(expected);
    }
  });
});
