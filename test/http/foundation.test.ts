import { describe, it, expect, beforeEach } from 'vitest';
import { Client, makeApp, org, user, text, PASSWORD, type TestContext } from '../support/app.ts';
import { IDLE_MS } from '../../src/auth/sessions.ts';

describe('first run', () => {
  it('sends every page to /setup until the first admin exists, then closes /setup', async () => {
    const ctx = makeApp();
    const c = new Client(ctx);
    const home = await c.get('/');
    expect(home.status).toBe(303);
    expect(home.headers.get('Location')).toBe('/setup');
    const setup = await c.get('/setup');
    expect(setup.status).toBe(200);
    expect(text(await setup.text())).toContain('Première installation');

    const bad = await c.post('/setup', { name: 'Admin', email: 'admin@exemple.fr', password: 'court', passwordConfirm: 'court' });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(text(badHtml)).toContain('12 caractères au moins');
    expect(badHtml).toContain('value="admin@exemple.fr"');

    const ok = await c.post('/setup', { name: 'Admin', email: 'Admin@Exemple.fr', password: PASSWORD, passwordConfirm: PASSWORD });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('Location')).toBe('/');
    const after = await c.get('/');
    expect(after.status).toBe(200);
    expect(text(await after.text())).toContain('Bonjour Admin');
    expect((await new Client(ctx).get('/setup')).status).toBe(404);
  });
});

describe('login and sessions', () => {
  let ctx: TestContext;
  beforeEach(async () => {
    ctx = makeApp();
    await user(ctx.db, 'admin', 'admin@cap.test');
  });

  it('logs in, sets a safe cookie, and logs out', async () => {
    const c = new Client(ctx);
    await c.get('/login');
    const res = await c.post('/login', { email: 'ADMIN@cap.test', password: PASSWORD });
    expect(res.status).toBe(303);
    const cookie = res.headers.getSetCookie().find((h) => h.startsWith('cap_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    await c.get('/');
    const out = await c.post('/logout');
    expect(out.headers.get('Location')).toBe('/login');
    expect((await c.get('/')).headers.get('Location')).toMatch(/^\/login/);
  });

  it('marks the cookie Secure and names it __Host- in production', async () => {
    const prod = makeApp({ secureCookies: true });
    await user(prod.db, 'admin', 'a@cap.test');
    const c = new Client(prod);
    await c.get('/login');
    const res = await c.post('/login', { email: 'a@cap.test', password: PASSWORD });
    expect(res.headers.getSetCookie().find((h) => h.startsWith('__Host-cap_session='))).toMatch(/Secure/);
  });

  it('says the same thing for a wrong password and an unknown email', async () => {
    const c = new Client(ctx);
    await c.get('/login');
    const wrong = await c.post('/login', { email: 'admin@cap.test', password: 'pas-le-bon-mot' });
    const unknown = await c.post('/login', { email: 'personne@cap.test', password: PASSWORD });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(text(await wrong.text())).toContain('Adresse électronique ou mot de passe incorrect.');
    expect(text(await unknown.text())).toContain('Adresse électronique ou mot de passe incorrect.');
  });

  it('throttles repeated failures for one email with a French message', async () => {
    const c = new Client(ctx);
    await c.get('/login');
    for (let i = 0; i < 5; i++) await c.post('/login', { email: 'admin@cap.test', password: 'mauvais-mot-de-passe' });
    const locked = await c.post('/login', { email: 'admin@cap.test', password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.headers.get('Retry-After')).toBeTruthy();
    expect(text(await locked.text())).toMatch(/Trop de tentatives de connexion.*attendez 1 minute/);
    ctx.now.value = new Date(ctx.now.value.getTime() + 60_000);
    expect((await c.post('/login', { email: 'admin@cap.test', password: PASSWORD })).status).toBe(303);
  });

  it('ends a session after inactivity', async () => {
    const c = new Client(ctx);
    await c.login('admin@cap.test');
    expect((await c.get('/')).status).toBe(200);
    ctx.now.value = new Date(ctx.now.value.getTime() + IDLE_MS + 1000);
    const res = await c.get('/');
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toMatch(/^\/login/);
  });

  it('renews the session id at login (no fixation)', async () => {
    const c = new Client(ctx);
    c.cookies.set('cap_session', 'jeton-plante-par-un-attaquant');
    await c.login('admin@cap.test');
    expect(c.cookies.get('cap_session')).not.toBe('jeton-plante-par-un-attaquant');
  });
});

describe('CSRF and headers', () => {
  it('refuses a POST without the token (403) and changes nothing', async () => {
    const ctx = makeApp();
    await user(ctx.db, 'admin', 'admin@cap.test');
    const c = new Client(ctx);
    await c.login('admin@cap.test');
    const res = await c.post('/admin/organisations', { name: 'Forgée', siret: '73282932000074', types: 'AI', region: 'Bretagne' }, { csrf: null });
    expect(res.status).toBe(403);
    expect(text(await res.text())).toContain('jeton de sécurité');
    const list = await c.get('/organisations');
    expect(text(await list.text())).not.toContain('Forgée');
    const cross = await c.post('/admin/organisations', { name: 'Forgée', siret: '73282932000074', types: 'AI', region: 'Bretagne' }, { headers: { Origin: 'https://evil.example', Host: 'localhost' } });
    expect(cross.status).toBe(403);
  });

  it('sends a CSP without inline scripts and the usual security headers', async () => {
    const ctx = makeApp();
    await user(ctx.db, 'admin', 'admin@cap.test');
    const res = await new Client(ctx).get('/login');
    const csp = res.headers.get('Content-Security-Policy')!;
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('X-Frame-Options')).toBe('SAMEORIGIN');
  });
});

describe('healthz and static', () => {
  it('answers ok and serves static files with caching, but nothing outside static/', async () => {
    const ctx = makeApp();
    const h = await ctx.app.request('/healthz');
    expect(h.status).toBe(200);
    expect(await h.json()).toEqual({ status: 'ok' });
    const css = await ctx.app.request('/static/app.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('Cache-Control')).toContain('max-age');
    expect((await ctx.app.request('/static/..%2Fpackage.json')).status).toBe(404);
    // The URL parser resolves dot segments first: this never reaches static/ at all.
    const escape = await ctx.app.request('/static/%2e%2e/%2e%2e/etc/passwd');
    expect(escape.status).not.toBe(200);
    expect(await escape.text()).not.toContain('root:');
  });
});

describe('organisations by role', () => {
  it('shows each role only its scope; others get 404', async () => {
    const ctx = makeApp();
    const occ = org(ctx.db, { name: 'Jardins d’Oc', region: 'Occitanie' });
    const bzh = org(ctx.db, { name: 'Ti Breizh', region: 'Bretagne', siret: '44306184100047' });
    await user(ctx.db, 'member', 'm1@cap.test', { organisationIds: [occ] });
    await user(ctx.db, 'consultant', 'c.occ@cap.test', { regions: ['Occitanie'] });
    await user(ctx.db, 'admin', 'admin@cap.test');

    const m = new Client(ctx);
    await m.login('m1@cap.test');
    const mList = text(await (await m.get('/organisations')).text());
    expect(mList).toContain('Jardins d’Oc');
    expect(mList).not.toContain('Ti Breizh');
    expect((await m.get(`/organisations/${occ}`)).status).toBe(200);
    expect((await m.get(`/organisations/${bzh}`)).status).toBe(404);
    expect((await m.get('/admin/users')).status).toBe(404);

    const cons = new Client(ctx);
    await cons.login('c.occ@cap.test');
    expect((await cons.get(`/organisations/${occ}`)).status).toBe(200);
    expect((await cons.get(`/organisations/${bzh}`)).status).toBe(404);

    const a = new Client(ctx);
    await a.login('admin@cap.test');
    const aList = text(await (await a.get('/organisations')).text());
    expect(aList).toContain('Jardins d’Oc');
    expect(aList).toContain('Ti Breizh');

    const anon = await new Client(ctx).get(`/organisations/${occ}`);
    expect(anon.status).toBe(303);
  });

  it('keeps what was typed when an admin enters an invalid SIRET', async () => {
    const ctx = makeApp();
    await user(ctx.db, 'admin', 'admin@cap.test');
    const a = new Client(ctx);
    await a.login('admin@cap.test');
    const res = await a.post('/admin/organisations', { name: 'Les Ateliers du Lez', siret: '12345678901234', types: ['ACI', 'EI'], region: 'Occitanie', ftePermanent: '3,5' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(text(html)).toContain('Ce SIRET n’est pas valide');
    expect(html).toContain('value="Les Ateliers du Lez"');
    expect(html).toContain('value="12345678901234"');
    expect(html).toMatch(/aria-describedby="f-siret-hint f-siret-error"/);
    const ok = await a.post('/admin/organisations', { name: 'Les Ateliers du Lez', siret: '732 829 320 00074', types: ['ACI', 'EI'], region: 'Occitanie', ftePermanent: '3,5' });
    expect(ok.status).toBe(303);
    const page = text(await (await a.get(ok.headers.get('Location')!)).text());
    expect(page).toContain('Les Ateliers du Lez');
    expect(page).toContain('3,5 ETP permanents');
  });

  it('ends the sessions of a deactivated user', async () => {
    const ctx = makeApp();
    const o = org(ctx.db);
    await user(ctx.db, 'admin', 'admin@cap.test');
    const mid = await user(ctx.db, 'member', 'm@cap.test', { organisationIds: [o] });
    const m = new Client(ctx);
    await m.login('m@cap.test');
    const a = new Client(ctx);
    await a.login('admin@cap.test');
    expect((await a.post(`/admin/users/${mid}/active`, { active: '0' })).status).toBe(303);
    expect((await m.get('/')).headers.get('Location')).toMatch(/^\/login/);
    const again = await new Client(ctx).login('m@cap.test');
    expect(again.status).toBe(401);
  });
});
