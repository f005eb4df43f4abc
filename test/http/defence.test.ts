// Defence in depth: signed-in pages are never cached, a request from an opaque origin (« null »)
// changes nothing, production cookies carry the __Host- prefix, and every form that sets a
// password applies the password policy.
import { describe, it, expect } from 'vitest';
import { Client, makeApp, org, user, text, PASSWORD } from '../support/app.ts';
import { appRoutes, concretePath, routeFixture } from '../support/routes.ts';
import { createSession } from '../../src/auth/sessions.ts';
import { insertDiagnostic } from '../support/plan.ts';
import { t } from '../../src/i18n/index.ts';

describe('Cache-Control: no-store', () => {
  it('on every page of a signed-in person, whatever its type, and on the response that opens a session', async () => {
    const ctx = makeApp();
    const orgId = org(ctx.db);
    await user(ctx.db, 'member', 'membre@cap.test', { organisationIds: [orgId] });
    const diag = insertDiagnostic(ctx.db, { organisationId: orgId, types: ['ACI'], weak: 3 }).id;
    const c = new Client(ctx);
    await c.get('/login');
    const login = await c.post('/login', { email: 'membre@cap.test', password: PASSWORD });
    expect(login.headers.get('Cache-Control')).toBe('no-store');
    for (const path of ['/', '/organisations', `/organisations/${orgId}`, `/diagnostics/${diag}`, `/diagnostics/${diag}/results`, `/diagnostics/${diag}/plan`, `/diagnostics/${diag}/plan.pdf`, `/diagnostics/${diag}/export.csv`, '/account', '/account/export.json']) {
      const res = await c.get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('Cache-Control'), path).toMatch(/no-store/);
    }
    // Static files stay cacheable.
    expect((await c.get('/static/app.css')).headers.get('Cache-Control')).not.toMatch(/no-store/);
  });
});

describe('Origin: null', () => {
  it('is refused (403) on every state-changing route, even with a valid token, and changes nothing', async () => {
    const f = await routeFixture();
    const posts = appRoutes(f.ctx).filter((r) => r.startsWith('POST '));
    expect(posts.length).toBeGreaterThan(20);
    const count = () => f.ctx.db.$client.prepare('SELECT count(*) AS n FROM audit_events').get() as { n: number };
    const before = count().n;
    for (const route of posts) {
      const { cookie, csrf } = f.session('admin');
      const path = concretePath(route.slice(5), f.params);
      const res = await f.ctx.app.request(path, {
        method: 'POST',
        headers: { Cookie: cookie, Origin: 'null', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf, active: '0', name: 'X', reason: 'x', body: 'x' }).toString(),
      });
      // The one-click unsubscribe takes no session nor token (its signed link is the proof, RFC 8058):
      // a link that does not verify is unknown.
      expect(res.status, route).toBe(route === 'POST /unsubscribe/:token' ? 404 : 403);
    }
    expect(count().n).toBe(before);
  });
});

describe('__Host- cookies in production', () => {
  it('names the session, CSRF and message cookies __Host-…, Secure, Path=/, without Domain', async () => {
    const ctx = makeApp({ secureCookies: true });
    await user(ctx.db, 'admin', 'admin@cap.test');
    const c = new Client(ctx);
    const page = await c.get('/login');
    const csrfCookie = page.headers.getSetCookie().find((h) => h.startsWith('__Host-cap_csrf='));
    expect(csrfCookie).toMatch(/; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    const res = await c.post('/login', { email: 'admin@cap.test', password: PASSWORD });
    expect(res.status).toBe(303);
    const session = res.headers.getSetCookie().find((h) => h.startsWith('__Host-cap_session='))!;
    expect(session).toMatch(/Secure/);
    expect(session).toMatch(/Path=\//);
    expect(session).not.toMatch(/Domain/i);
    expect(res.headers.getSetCookie().some((h) => /^cap_(session|csrf|flash)=/.test(h))).toBe(false);
    expect((await c.get('/')).status).toBe(200);
    const out = await c.post('/logout');
    expect(out.headers.getSetCookie().some((h) => h.startsWith('__Host-cap_flash=') && /Secure/.test(h))).toBe(true);
  });

  it('ignores an unprefixed cookie in production: a cookie planted without HTTPS opens nothing', async () => {
    const ctx = makeApp({ secureCookies: true });
    const id = await user(ctx.db, 'admin', 'admin@cap.test');
    const { token } = createSession(ctx.db, id, ctx.now.value);
    const plain = await ctx.app.request('/', { headers: { Cookie: `cap_session=${token}` } });
    expect(plain.status).toBe(303);
    expect(plain.headers.get('Location')).toMatch(/^\/login/);
    const prefixed = await ctx.app.request('/', { headers: { Cookie: `__Host-cap_session=${token}` } });
    expect(prefixed.status).toBe(200);
  });
});

describe('the password policy on every form that sets a password', () => {
  const weak = [
    ['azertyuiop12', t.auth.policy.common],
    ['Motdepasse2026!', t.auth.policy.common],
    ['court', t.auth.passwordTooShort],
  ] as const;

  it('at first installation', async () => {
    const ctx = makeApp();
    const c = new Client(ctx);
    await c.get('/setup');
    for (const [password, message] of weak) {
      const res = await c.post('/setup', { name: 'Léa', email: 'lea.fontaine@coorace.test', password, passwordConfirm: password });
      expect(res.status, password).toBe(422);
      expect(text(await res.text())).toContain(text(message));
    }
    const own = await c.post('/setup', { name: 'Léa', email: 'lea.fontaine@coorace.test', password: 'lea.fontaine-2026', passwordConfirm: 'lea.fontaine-2026' });
    expect(own.status).toBe(422);
    const ownHtml = await own.text();
    expect(text(ownHtml)).toContain(text(t.auth.policy.containsEmail));
    // The password never comes back in the page.
    expect(ownHtml).not.toContain('lea.fontaine-2026');
    expect((await c.post('/setup', { name: 'Léa', email: 'lea.fontaine@coorace.test', password: PASSWORD, passwordConfirm: PASSWORD })).status).toBe(303);
  });

  it('when an administrator creates or edits an account, and on « Mon compte »', async () => {
    const ctx = makeApp();
    const orgId = org(ctx.db);
    await user(ctx.db, 'admin', 'admin@cap.test');
    const memberId = await user(ctx.db, 'member', 'claire.martin@cap.test', { organisationIds: [orgId] });
    const admin = new Client(ctx);
    await admin.login('admin@cap.test');
    await admin.get('/admin/users/new');
    const fields = { name: 'Jean Dupont', email: 'jean.dupont@cap.test', role: 'member', organisationIds: [orgId] };
    const created = await admin.post('/admin/users', { ...fields, password: 'JeanDupont#Lyon' });
    expect(created.status).toBe(422);
    expect(text(await created.text())).toContain(text(t.auth.policy.containsEmail));
    const common = await admin.post('/admin/users', { ...fields, password: 'qwertyuiop123' });
    expect(text(await common.text())).toContain(text(t.auth.policy.common));
    const edited = await admin.post(`/admin/users/${memberId}`, { name: 'Claire Martin', email: 'claire.martin@cap.test', role: 'member', organisationIds: [orgId], password: 'claire.martin!!' });
    expect(edited.status).toBe(422);
    expect(text(await edited.text())).toContain(text(t.auth.policy.containsEmail));

    const member = new Client(ctx);
    await member.login('claire.martin@cap.test');
    await member.get('/account');
    const mine = await member.post('/account/password', { current: PASSWORD, password: 'azertyuiop2026', passwordConfirm: 'azertyuiop2026' });
    expect(mine.status).toBe(422);
    expect(text(await mine.text())).toContain(text(t.auth.policy.common));
    expect((await member.post('/account/password', { current: PASSWORD, password: 'une phrase de passe solide', passwordConfirm: 'une phrase de passe solide' })).status).toBe(303);
  });
});
