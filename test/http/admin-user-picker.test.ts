// The user form at the scale of a network: the organisation picker — a search step without
// JavaScript, suggestions with htmx — instead of a box per organisation; error summaries name
// each field and link to it. (The lists themselves, their search, filters and pages:
// test/http/admin-lists.test.ts.)
import { beforeAll, describe, expect, it } from 'vitest';
import { Client, makeApp, org, text, user, PASSWORD, type TestContext } from '../support/app.ts';
import { demoSiret } from '../../src/demo/siret.ts';
import { insertOrganisation, updateOrganisation } from '../../src/db/organisations.ts';
import { findUserByEmail } from '../../src/db/users.ts';
import { loadActor } from '../../src/auth/sessions.ts';

/** Ids and names of the `<input type="checkbox" name="organisationIds">` of a part of a page. */
function boxes(html: string): { id: string; checked: boolean }[] {
  return [...html.matchAll(/<input type="checkbox" name="organisationIds" value="([^"]+)"( checked="")?/g)].map((m) => ({ id: m[1]!, checked: !!m[2] }));
}

function part(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  expect(start, id).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</div>', start));
}

describe('a network of 600 organisations', () => {
  let ctx: TestContext;
  let admin: Client;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ctx = makeApp();
    const now = ctx.now.value;
    const regions = ['Occitanie', 'Bretagne', 'Hauts-de-France', 'Normandie'] as const;
    const types = [['AI'], ['ACI'], ['EI'], ['ETTI', 'EI']] as const;
    for (let i = 1; i <= 596; i++) {
      insertOrganisation(ctx.db, { name: `Structure du réseau n° ${i}`, siret: demoSiret(String(3_000_000_000_000 + i)), types: [...types[i % 4]!], region: regions[i % 4]!, ftePermanent: 1, ftePathway: 5, ges: false }, now);
    }
    ids.jardins = org(ctx.db, { name: 'Les Jardins du Lauragais', siret: demoSiret('4000000000001'), region: 'Occitanie', types: ['ACI'] });
    ids.armor = org(ctx.db, { name: 'Armor Intérim Solidaire', siret: demoSiret('4000000000002'), region: 'Bretagne', types: ['ETTI'] });
    ids.coeur = org(ctx.db, { name: 'L’Atelier « Cœur de Garonne »', siret: '73282932000074', region: 'Occitanie', types: ['ACI', 'EI'] });
    ids.closed = org(ctx.db, { name: 'Jardins fermés', siret: demoSiret('4000000000003'), region: 'Occitanie', types: ['ACI'] });
    updateOrganisation(ctx.db, ids.closed, { active: false });
    await user(ctx.db, 'admin', 'admin@cap.test');
    await user(ctx.db, 'member', 'marie@jardins.test', { organisationIds: [ids.jardins!] });
    await user(ctx.db, 'consultant', 'conseil.bzh@cap.test', { regions: ['Bretagne'] });
    admin = new Client(ctx);
    await admin.login('admin@cap.test');
  });

  it('creates a member of one of 600 organisations by typing a part of its name, without JavaScript', async () => {
    await admin.get('/admin/users/new');
    const form = { name: 'Zoé Martin', email: 'zoe@jardins.test', role: 'member', password: '' };
    // « Rechercher »: the form comes back with what was typed, and the organisations found to tick.
    const step = await admin.post('/admin/users', { ...form, orgSearch: 'jardins', _step: 'orgSearch' });
    expect(step.status).toBe(200);
    const html = await step.text();
    expect(html).toContain('value="Zoé Martin"');
    expect(html).toContain('value="zoe@jardins.test"');
    expect(text(part(html, 'picker-status'))).toContain('Une structure trouvée pour « jardins » : cochez-la pour l’ajouter.');
    // The deactivated « Jardins fermés » is not proposed.
    expect(boxes(part(html, 'picker-found'))).toEqual([{ id: ids.jardins, checked: false }]);
    expect(html).toContain('name="orgSearchDone" value="jardins"');
    expect(findUserByEmail(ctx.db, 'zoe@jardins.test')).toBeUndefined();

    // Tick it and save: the search already made does not run again.
    const saved = await admin.post('/admin/users', { ...form, password: 'un-mot-de-passe-solide-2026', orgSearch: 'jardins', orgSearchDone: 'jardins', organisationIds: [ids.jardins!] });
    expect(saved.status).toBe(303);
    const zoe = findUserByEmail(ctx.db, 'zoe@jardins.test')!;
    expect(zoe.role).toBe('member');
    expect(loadActor(ctx.db, zoe.id)).toMatchObject({ organisationIds: [ids.jardins] });
  });

  it('searches when Enter is pressed in the search field (a search typed, not yet made), and keeps the boxes ticked', async () => {
    await admin.get('/admin/users/new');
    const res = await admin.post('/admin/users', { name: 'Yves', email: 'yves@cap.test', role: 'member', orgSearch: 'n° 12', orgSearchDone: '', organisationIds: [ids.armor!] });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(boxes(part(html, 'picker-chosen'))).toEqual([{ id: ids.armor, checked: true }]);
    const found = part(html, 'picker-found');
    expect(text(found)).toContain('Structure du réseau n° 12 ');
    expect(text(found)).toContain('Structure du réseau n° 120 ');
    expect(text(part(html, 'picker-status'))).toContain('structures trouvées pour « n° 12 »');
    expect(findUserByEmail(ctx.db, 'yves@cap.test')).toBeUndefined();
  });

  it('says when the search finds too many, and when it finds nothing', async () => {
    await admin.get('/admin/users/new');
    const many = await (await admin.post('/admin/users', { role: 'member', orgSearch: 'réseau', _step: 'orgSearch' })).text();
    expect(text(part(many, 'picker-status'))).toContain('596 structures trouvées pour « réseau » ; voici les 20 premières');
    expect(boxes(part(many, 'picker-found'))).toHaveLength(20);
    const none = await (await admin.post('/admin/users', { role: 'member', orgSearch: 'zzz', _step: 'orgSearch' })).text();
    expect(text(part(none, 'picker-status'))).toContain('Aucune structure trouvée pour « zzz »');
  });

  it('suggests organisations as one types (htmx), within what the person may see, the chosen ones moved up', async () => {
    const res = await admin.get(`/organisations/suggestions?orgSearch=jard&organisationIds=${ids.armor}`, { 'HX-Request': 'true' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain('<html');
    expect(boxes(html.slice(0, html.indexOf('id="picker-chosen"')))).toEqual([{ id: ids.jardins, checked: false }]);
    expect(html).toMatch(/id="picker-chosen"[^>]*hx-swap-oob="true"/);
    expect(boxes(part(html, 'picker-chosen'))).toEqual([{ id: ids.armor, checked: true }]);
    expect(html).toMatch(/<input type="hidden" id="picker-done" name="orgSearchDone" value="jard" hx-swap-oob="true"/);

    const consultant = new Client(ctx);
    await consultant.login('conseil.bzh@cap.test');
    const bzh = await (await consultant.get('/organisations/suggestions?orgSearch=jard')).text();
    expect(boxes(bzh)).toEqual([]);
    expect(text(bzh)).toContain('Aucune structure trouvée pour « jard »');
    const interim = await (await consultant.get(`/organisations/suggestions?orgSearch=interim&organisationIds=${ids.jardins}`)).text();
    // Armor is in Bretagne; the Jardins, out of this consultant's regions, are not even named back.
    expect(boxes(interim)).toEqual([{ id: ids.armor, checked: false }]);
    expect(interim).not.toContain('Lauragais');

    const anonymous = new Client(ctx);
    expect((await anonymous.get('/organisations/suggestions?orgSearch=jard')).status).toBe(303);
  });

  it('opens the edit form with the user’s organisations chosen, and saves a change made with the picker', async () => {
    const marie = findUserByEmail(ctx.db, 'marie@jardins.test')!;
    const html = await (await admin.get(`/admin/users/${marie.id}/edit`)).text();
    expect(boxes(part(html, 'picker-chosen'))).toEqual([{ id: ids.jardins, checked: true }]);
    const res = await admin.post(`/admin/users/${marie.id}`, { name: marie.name, email: marie.email, role: 'member', organisationIds: [ids.jardins!, ids.coeur!, 'inconnue'] });
    expect(res.status).toBe(303);
    expect(new Set(loadActor(ctx.db, marie.id)!.organisationIds)).toEqual(new Set([ids.jardins, ids.coeur]));
  });

  it('names each field in the error summary and links to it', async () => {
    await admin.get('/admin/users/new');
    const res = await admin.post('/admin/users', { name: '', email: 'pas-une-adresse', role: 'member', password: '' });
    expect(res.status).toBe(422);
    const html = await res.text();
    const summary = html.slice(html.indexOf('class="error-summary"'), html.indexOf('</ul>', html.indexOf('class="error-summary"')));
    const links = [...summary.matchAll(/<a href="#([^"]+)">([^<]+)<\/a>/g)].map((m) => [m[1], m[2]!.replace(/\u00a0/g, ' ')]);
    expect(links).toEqual([
      ['f-name', 'Nom affiché : Ce champ est obligatoire.'],
      ['f-email', 'Adresse électronique : Saisissez une adresse électronique valide, par exemple nom@structure.fr.'],
      ['f-orgSearch', 'Structures (pour un membre) : Un membre doit être rattaché à au moins une structure.'],
      ['f-password', expect.stringMatching(/^Mot de passe initial : /)],
    ]);
    // Every link lands on a field of the page.
    for (const [id] of links) expect(html).toContain(`id="${id}"`);
  });

  it('refuses more organisations than an account may have, in French', async () => {
    await admin.get('/admin/users/new');
    const many = Array.from({ length: 201 }, (_, i) => `id-${i}`);
    const res = await admin.post('/admin/users', { name: 'Trop', email: 'trop@cap.test', role: 'member', password: PASSWORD, organisationIds: many });
    // Unknown ids are dropped before counting: what is counted is what would be saved.
    expect(res.status).toBe(422);
    expect(text(await res.text())).toContain('Structures (pour un membre) : Un membre doit être rattaché à au moins une structure.');
  });
});
