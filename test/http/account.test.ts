// « Mon compte »: the page, changing one's password, downloading one's data.
import { describe, it, expect, beforeEach } from 'vitest';
import { eq } from 'drizzle-orm';
import { Client, makeApp, org, user, text, PASSWORD, type TestContext } from '../support/app.ts';
import { insertDiagnostic } from '../support/datadir.ts';
import { answers, auditEvents, reviewComments, sessions, users } from '../../src/db/schema.ts';
import { audit } from '../../src/db/audit.ts';

describe('my account', () => {
  let ctx: TestContext;
  let orgId: string;
  let memberId: string;
  let member: Client;
  beforeEach(async () => {
    ctx = makeApp();
    orgId = org(ctx.db, { name: 'Les Jardins d’Oc' });
    await user(ctx.db, 'admin', 'admin@cap.test');
    memberId = await user(ctx.db, 'member', 'membre@cap.test', { organisationIds: [orgId] });
    member = new Client(ctx);
    await member.login('membre@cap.test');
  });

  it('sends anonymous visitors to the login page', async () => {
    const anon = new Client(ctx);
    for (const path of ['/account', '/account/export.json']) {
      const res = await anon.get(path);
      expect(res.status).toBe(303);
      expect(res.headers.get('Location')).toBe(`/login?next=${encodeURIComponent(path)}`);
    }
  });

  it('shows who I am, the password form and the data download', async () => {
    const res = await member.get('/account');
    expect(res.status).toBe(200);
    const html = await res.text();
    const body = text(html);
    expect(body).toContain('Mon compte');
    expect(body).toContain('membre@cap.test');
    expect(body).toContain('Membre');
    expect(body).toContain('Les Jardins d’Oc');
    expect(body).toContain('Changer mon mot de passe');
    expect(body).toContain('Vos autres sessions (sur un autre appareil ou un autre navigateur) seront fermées');
    expect(html).toContain('action="/account/password"');
    expect(html).toContain('autocomplete="current-password"');
    expect(html).toContain('href="/account/export.json"');
    expect(html).toMatch(/<a href="\/account" aria-current="page">Mon compte<\/a>/);
  });

  it('refuses a wrong current password, a mismatch, a short or unchanged password, in French', async () => {
    for (const [fields, message] of [
      [{ current: 'pas-le-bon-mot', password: 'nouveau-mot-de-passe', passwordConfirm: 'nouveau-mot-de-passe' }, 'Le mot de passe actuel n’est pas le bon.'],
      [{ current: PASSWORD, password: 'nouveau-mot-de-passe', passwordConfirm: 'autre-mot-de-passe' }, 'Les deux mots de passe ne sont pas identiques.'],
      [{ current: PASSWORD, password: 'court', passwordConfirm: 'court' }, 'Le mot de passe doit compter 12 caractères au moins.'],
      [{ current: PASSWORD, password: PASSWORD, passwordConfirm: PASSWORD }, 'Le nouveau mot de passe doit être différent de l’actuel.'],
      [{ password: 'nouveau-mot-de-passe', passwordConfirm: 'nouveau-mot-de-passe' }, 'Ce champ est obligatoire.'],
    ] as const) {
      const res = await member.post('/account/password', fields);
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(text(html)).toContain(message);
      // Passwords are never sent back into the form.
      expect(html).not.toContain('nouveau-mot-de-passe');
    }
    expect((await new Client(ctx).login('membre@cap.test')).status).toBe(303);
  });

  it('changes the password, keeps this session and ends the others', async () => {
    const otherDevice = new Client(ctx);
    await otherDevice.login('membre@cap.test');
    const res = await member.post('/account/password', { current: PASSWORD, password: 'une phrase de passe', passwordConfirm: 'une phrase de passe' });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/account');
    const after = await member.get('/account');
    expect(after.status).toBe(200);
    expect(text(await after.text())).toContain('Votre mot de passe est changé. Vos autres sessions sont fermées.');
    expect((await otherDevice.get('/')).headers.get('Location')).toBe('/login?next=%2F');
    expect(ctx.db.select().from(sessions).where(eq(sessions.userId, memberId)).all()).toHaveLength(1);

    expect((await new Client(ctx).login('membre@cap.test')).status).toBe(401);
    expect((await new Client(ctx).login('membre@cap.test', 'une phrase de passe')).status).toBe(303);
    const event = ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'password-change')).get()!;
    expect(event.userId).toBe(memberId);
    expect(JSON.stringify(event)).not.toContain('scrypt');
  });

  it('refuses a forged password change (no CSRF token)', async () => {
    const res = await member.post('/account/password', { current: PASSWORD, password: 'une phrase de passe', passwordConfirm: 'une phrase de passe' }, { csrf: null });
    expect(res.status).toBe(403);
    expect((await new Client(ctx).login('membre@cap.test')).status).toBe(303);
  });

  it('throttles guesses of the current password like login attempts', async () => {
    for (let i = 0; i < 5; i++) await member.post('/account/password', { current: `essai-${i}-xxxx`, password: 'une phrase de passe', passwordConfirm: 'une phrase de passe' });
    const res = await member.post('/account/password', { current: PASSWORD, password: 'une phrase de passe', passwordConfirm: 'une phrase de passe' });
    expect(res.status).toBe(429);
    expect(res.headers.get('Retry-After')).toBe('60');
    expect(text(await res.text())).toContain('Trop de tentatives de connexion. Par sécurité, attendez 1 minute');
    // Same account, same address: the login form is locked too (another address would not be).
    expect((await new Client(ctx).login('membre@cap.test')).status).toBe(429);
  });
});

describe('downloading my data', () => {
  it('gives a JSON file with my account, scope, what I wrote and the audit trail about me — nothing secret, nobody else’s', async () => {
    const ctx = makeApp();
    const orgId = org(ctx.db, { name: 'Les Jardins d’Oc' });
    const adminId = await user(ctx.db, 'admin', 'admin@cap.test');
    const me = await user(ctx.db, 'member', 'membre@cap.test', { organisationIds: [orgId] });
    const colleague = await user(ctx.db, 'member', 'collegue@cap.test', { organisationIds: [orgId] });
    const consultant = await user(ctx.db, 'consultant', 'conseil@cap.test', { regions: ['Occitanie'] });
    audit(ctx.db, { userId: adminId, action: 'create', entity: 'user', entityId: me, after: { email: 'membre@cap.test', name: 'membre', role: 'member' } }, ctx.now.value);
    audit(ctx.db, { userId: adminId, action: 'create', entity: 'user', entityId: colleague, after: { email: 'collegue@cap.test', name: 'collegue', role: 'member' } }, ctx.now.value);
    const diag = insertDiagnostic(ctx.db, orgId, me);
    const at = '2026-03-01T10:00:00.000Z';
    ctx.db.insert(answers).values({ diagnosticId: diag, questionCode: 'ID-1.1', level: 3, comment: 'Notre projet social est écrit.', updatedBy: me, updatedByRole: 'member', updatedAt: at }).run();
    ctx.db.insert(answers).values({ diagnosticId: diag, questionCode: 'ID-1.2', level: null, na: true, comment: '', updatedBy: me, updatedByRole: 'member', updatedAt: at }).run();
    ctx.db.insert(answers).values({ diagnosticId: diag, questionCode: 'ID-1.3', level: 1, comment: 'Texte de la collègue', updatedBy: colleague, updatedByRole: 'member', updatedAt: at }).run();
    audit(ctx.db, { userId: me, action: 'answer', entity: 'answer', entityId: `${diag}:ID-1.1`, organisationId: orgId, diagnosticId: diag, after: { level: 3 } }, ctx.now.value);
    ctx.db.insert(reviewComments).values({ id: 'rc1', diagnosticId: diag, targetKind: 'question', target: 'ID-1.1', authorId: consultant, body: 'Remarque du conseiller', createdAt: at }).run();

    const c = new Client(ctx);
    await c.login('membre@cap.test');
    const res = await c.get('/account/export.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('application/json');
    expect(res.headers.get('Content-Disposition')).toBe('attachment; filename="cap-mes-donnees-2026-03-02.json"');
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const raw = await res.text();
    const data = JSON.parse(raw);
    expect(data.notice).toContain('Données personnelles conservées par CAP');
    expect(data.account).toMatchObject({ id: me, email: 'membre@cap.test', name: 'membre', role: 'member', active: true });
    expect(data.memberships).toEqual([{ organisationId: orgId, name: 'Les Jardins d’Oc', region: 'Occitanie' }]);
    expect(data.regions).toEqual([]);
    expect(data.answers).toEqual([
      { diagnosticId: diag, organisation: 'Les Jardins d’Oc', questionCode: 'ID-1.1', level: 3, comment: 'Notre projet social est écrit.', at },
      { diagnosticId: diag, organisation: 'Les Jardins d’Oc', questionCode: 'ID-1.2', level: 'non applicable', comment: '', at },
    ]);
    expect(data.diagnostics).toEqual([{ diagnosticId: diag, what: 'créé', at: '2026-03-01T08:00:00.000Z' }]);
    expect(data.sessions).toHaveLength(1);
    const actions = data.auditEvents.map((e: { action: string; byMe: boolean; entityId: string }) => [e.action, e.byMe, e.entityId]);
    expect(actions).toEqual([
      ['create', false, me],
      ['answer', true, `${diag}:ID-1.1`],
    ]);
    expect(raw).not.toContain('Texte de la collègue');
    expect(raw).not.toContain('collegue@cap.test');
    expect(raw).not.toContain('Remarque du conseiller');
    expect(raw).not.toContain('scrypt');
    expect(raw).not.toContain(c.cookies.get('cap_session')!);

    // The consultant's own export holds their review remarks.
    const cc = new Client(ctx);
    await cc.login('conseil@cap.test');
    const theirs = JSON.parse(await (await cc.get('/account/export.json')).text());
    expect(theirs.regions).toEqual(['Occitanie']);
    expect(theirs.reviewComments).toEqual([{ diagnosticId: diag, target: 'question ID-1.1', comment: 'Remarque du conseiller', at }]);

    // An admin's export lists what they did to other accounts, without those people's details.
    const a = new Client(ctx);
    await a.login('admin@cap.test');
    const adminRaw = await (await a.get('/account/export.json')).text();
    const adminData = JSON.parse(adminRaw);
    expect(adminData.auditEvents.filter((e: { byMe: boolean }) => e.byMe)).toHaveLength(2);
    expect(adminRaw).not.toContain('collegue@cap.test');
    expect(adminRaw).not.toContain('membre@cap.test');
  });
});

describe('password storage', () => {
  it('stores a fresh scrypt hash on change', async () => {
    const ctx = makeApp();
    const id = await user(ctx.db, 'admin', 'admin@cap.test');
    const before = ctx.db.select().from(users).where(eq(users.id, id)).get()!.passwordHash;
    const c = new Client(ctx);
    await c.login('admin@cap.test');
    await c.post('/account/password', { current: PASSWORD, password: 'une phrase de passe', passwordConfirm: 'une phrase de passe' });
    const after = ctx.db.select().from(users).where(eq(users.id, id)).get()!.passwordHash;
    expect(after).not.toBe(before);
    expect(after).toMatch(/^scrypt\$16384\$/);
    expect(after).not.toContain('une phrase de passe');
  });
});
