// Requests a browser would never send: oversized, malformed, wrongly typed, or carrying fields
// the forms do not have. Each gets a French answer and changes nothing it should not.
import { describe, it, expect, beforeEach } from 'vitest';
import { eq } from 'drizzle-orm';
import { Client, makeApp, user, text, PASSWORD, type TestContext } from '../support/app.ts';
import { organisations, users } from '../../src/db/schema.ts';

const VALID_ORG = { name: 'Les Ateliers du Lez', siret: '73282932000074', types: ['ACI'], region: 'Occitanie', ftePermanent: '3', ftePathway: '12' };

describe('request limits and malformed input', () => {
  let ctx: TestContext;
  let admin: Client;
  beforeEach(async () => {
    ctx = makeApp();
    await user(ctx.db, 'admin', 'admin@cap.test');
    admin = new Client(ctx);
    await admin.login('admin@cap.test');
  });

  function raw(path: string, body: BodyInit, contentType: string, extra: Record<string, string> = {}) {
    const cookie = [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return ctx.app.request(path, { method: 'POST', body, headers: { 'Content-Type': contentType, Cookie: cookie, 'X-CSRF-Token': admin.csrf, ...extra } });
  }

  it('answers 413 in French to a body over 1 MB, signed in or not, and saves nothing', async () => {
    const big = new URLSearchParams({ ...VALID_ORG, types: 'ACI', notes: 'x'.repeat(1024 * 1024) }).toString();
    const res = await raw('/admin/organisations', big, 'application/x-www-form-urlencoded');
    expect(res.status).toBe(413);
    expect(text(await res.text())).toContain('La requête est trop volumineuse (1 Mo au plus).');
    expect(ctx.db.select().from(organisations).all()).toHaveLength(0);

    // Announced by Content-Length: refused before the body is read.
    const anon = await ctx.app.request('/login', {
      method: 'POST',
      body: 'email=a%40b.fr&password=' + 'p'.repeat(1024 * 1024 + 1),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(1024 * 1024 + 30) },
    });
    expect(anon.status).toBe(413);
    expect(text(await anon.text())).toContain('1 Mo au plus');

    // Just under the limit is an ordinary (invalid) form, not a refusal.
    const under = await raw('/admin/organisations', new URLSearchParams({ name: 'x'.repeat(1000 * 1000) }).toString(), 'application/x-www-form-urlencoded');
    expect(under.status).toBe(422);
    expect(text(await under.text())).toContain('200 caractères au plus.');
  });

  it('answers 400 in French to a broken multipart body, with the token in the header or not', async () => {
    const withHeader = await raw('/admin/organisations', '--xyz\r\nnot a part', 'multipart/form-data; boundary=xyz');
    expect(withHeader.status).toBe(400);
    expect(text(await withHeader.text())).toContain('La requête est mal formée.');
    const cookie = [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const noHeader = await ctx.app.request('/admin/organisations', { method: 'POST', body: 'garbage', headers: { 'Content-Type': 'multipart/form-data', Cookie: cookie } });
    expect(noHeader.status).toBe(400);
    expect(text(await noHeader.text())).toContain('La requête est mal formée.');
    expect(ctx.db.select().from(organisations).all()).toHaveLength(0);
  });

  it('accepts a well-formed multipart form like an URL-encoded one', async () => {
    const fd = new FormData();
    for (const [k, v] of Object.entries(VALID_ORG)) for (const x of [v].flat()) fd.append(k, x);
    fd.append('_csrf', admin.csrf);
    const cookie = [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await ctx.app.request('/admin/organisations', { method: 'POST', body: fd, headers: { Cookie: cookie } });
    expect(res.status).toBe(303);
    expect(ctx.db.select().from(organisations).all().map((o) => o.name)).toEqual(['Les Ateliers du Lez']);
  });

  it('answers 422 with French messages to wrong types, keeping what was typed', async () => {
    const res = await admin.post('/admin/organisations', { name: 'Régie <b>Sud</b>', siret: 'quatorze chiffres', types: ['XYZ'], region: 'Atlantide', ftePermanent: 'beaucoup', ftePathway: '-3' });
    expect(res.status).toBe(422);
    const html = await res.text();
    const body = text(html);
    expect(body).toContain('Ce SIRET n’est pas valide');
    expect(body).toContain('Choisissez une valeur de la liste.');
    expect(body).toContain('Saisissez un nombre positif.');
    expect(html).toContain('value="Régie &lt;b&gt;Sud&lt;/b&gt;"');
    expect(ctx.db.select().from(organisations).all()).toHaveLength(0);

    const role = await admin.post('/admin/users', { name: 'X', email: 'pas-une-adresse', role: 'root', password: 'court' });
    expect(role.status).toBe(422);
    const roleText = text(await role.text());
    expect(roleText).toContain('Saisissez une adresse électronique valide');
    expect(roleText).toContain('Choisissez une valeur de la liste.');
    expect(roleText).toContain('Le mot de passe doit compter 12 caractères au moins.');
  });

  it('treats JSON, plain text and broken percent-encoding as a form with missing fields (422), not a crash', async () => {
    for (const [body, type] of [
      ['{"name":"JSON","siret":"73282932000074"}', 'application/json'],
      ['name=texte', 'text/plain'],
      ['name=%E0%A4%A&siret=%zz&types=%', 'application/x-www-form-urlencoded'],
    ] as const) {
      const res = await raw('/admin/organisations', body, type);
      expect(res.status, type).toBe(422);
      expect(text(await res.text())).toContain('Le formulaire contient des erreurs');
    }
    expect(ctx.db.select().from(organisations).all()).toHaveLength(0);
  });

  it('ignores fields the form does not have: ids, flags and hashes cannot be smuggled in', async () => {
    const res = await admin.post('/admin/organisations', { ...VALID_ORG, id: 'choisi-par-moi', active: '0', createdAt: '1999-01-01', isAdmin: '1' });
    expect(res.status).toBe(303);
    const [created] = ctx.db.select().from(organisations).all();
    expect(created!.id).not.toBe('choisi-par-moi');
    expect(created!.active).toBe(true);
    expect(created!.createdAt).toBe(ctx.now.value.toISOString());

    const u = await admin.post('/admin/users', {
      name: 'Nouvelle',
      email: 'nouvelle@cap.test',
      role: 'member',
      organisationIds: [created!.id],
      password: PASSWORD,
      id: 'mon-id',
      deleted: '1',
      active: '0',
      passwordHash: 'scrypt$1$AAAA$AAAA',
    });
    expect(u.status).toBe(303);
    const row = ctx.db.select().from(users).where(eq(users.email, 'nouvelle@cap.test')).get()!;
    expect(row.id).not.toBe('mon-id');
    expect(row.deleted).toBe(false);
    expect(row.active).toBe(true);
    expect((await new Client(ctx).login('nouvelle@cap.test')).status).toBe(303);
  });

  it('uses the first value when a single-valued field is sent twice', async () => {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(VALID_ORG)) for (const x of [v].flat()) body.append(k, x);
    body.append('name', 'Deuxième nom');
    body.set('_csrf', admin.csrf);
    const res = await raw('/admin/organisations', body.toString(), 'application/x-www-form-urlencoded');
    expect(res.status).toBe(303);
    expect(ctx.db.select().from(organisations).all().map((o) => o.name)).toEqual(['Les Ateliers du Lez']);
  });
});
