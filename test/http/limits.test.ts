// Requests a browser would never send: oversized, malformed, wrongly typed, or carrying fields
// the forms do not have. Each gets a French answer and changes nothing it should not.
import { describe, it, expect, beforeEach } from 'vitest';
import { eq } from 'drizzle-orm';
import { Client, makeApp, user, text, PASSWORD, type TestContext } from '../support/app.ts';
import { actions, diagnostics, organisations, reviewComments, users } from '../../src/db/schema.ts';
import { insertOrganisation } from '../../src/db/organisations.ts';
import { listActions } from '../../src/db/actions.ts';
import { insertDiagnostic } from '../support/plan.ts';
import { LIMITS, MAX_LENGTH } from '../../src/validation/limits.ts';
import { t } from '../../src/i18n/index.ts';

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

  it('answers 415 to JSON and plain text, 400 to bytes that are not UTF-8, 422 to broken percent-encoding', async () => {
    for (const [body, type] of [
      ['{"name":"JSON","siret":"73282932000074"}', 'application/json'],
      ['name=texte', 'text/plain'],
    ] as const) {
      const res = await raw('/admin/organisations', body, type);
      expect(res.status, type).toBe(415);
      expect(text(await res.text())).toContain(text(t.common.unsupportedType));
    }
    const latin1 = await raw('/admin/organisations', new Uint8Array([...Buffer.from('name=R'), 0xe9, ...Buffer.from('gie&siret=73282932000074')]), 'application/x-www-form-urlencoded');
    expect(latin1.status).toBe(400);
    expect(text(await latin1.text())).toContain(text(t.common.notUtf8));
    const broken = await raw('/admin/organisations', 'name=%E0%A4%A&siret=%zz&types=%', 'application/x-www-form-urlencoded');
    expect(broken.status).toBe(422);
    expect(text(await broken.text())).toContain('Le formulaire contient des erreurs');
    expect(ctx.db.select().from(organisations).all()).toHaveLength(0);
  });

  it('refuses more than 2,000 fields with 422 before any work', async () => {
    const body = `${'types=ACI&'.repeat(LIMITS.formFields)}name=x`;
    const res = await raw('/admin/organisations', body, 'application/x-www-form-urlencoded');
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(text(html)).toContain(text(t.common.tooManyFields(LIMITS.formFields)));
    expect(html.length).toBeLessThan(20_000);
    expect(ctx.db.select().from(organisations).all()).toHaveLength(0);
  });

  it('removes control characters other than tab and newline from what is stored', async () => {
    const res = await admin.post('/admin/organisations', { ...VALID_ORG, name: 'Les\u0000 Ateliers\u001b[31m du\u0007 Lez\u009b' });
    expect(res.status).toBe(303);
    expect(ctx.db.select().from(organisations).all().map((o) => o.name)).toEqual(['Les Ateliers[31m du Lez']);
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

describe('limits on what a member can grow', () => {
  async function memberWorld() {
    const ctx = makeApp();
    const orgId = insertOrganisation(ctx.db, { name: 'Atelier d’Oc', siret: '73282932000074', types: ['ACI'], region: 'Occitanie', ftePermanent: 3, ftePathway: 12, ges: false }, ctx.now.value);
    await user(ctx.db, 'member', 'membre@cap.test', { organisationIds: [orgId] });
    await user(ctx.db, 'consultant', 'conseil@cap.test', { regions: ['Occitanie'] });
    const diagId = insertDiagnostic(ctx.db, { organisationId: orgId, types: ['ACI'], weak: 3, status: 'submitted' }).id;
    const member = new Client(ctx);
    await member.login('membre@cap.test');
    return { ctx, orgId, diagId, member };
  }

  it('refuses more than 30 participants with 422 naming the limit, echoing 30 rows at most', async () => {
    const { ctx, orgId, member } = await memberWorld();
    await member.get(`/organisations/${orgId}`);
    const names = Array.from({ length: 500 }, (_, i) => `Participant ${i}`);
    const res = await member.post(`/organisations/${orgId}/diagnostics`, { mode: 'autodiagnostic', participantName: names, participantRole: names.map(() => 'direction') });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(text(html)).toContain(text(t.questionnaire.errors.tooManyParticipants(500)));
    expect(html).toContain('value="Participant 29"');
    expect(html).not.toContain('Participant 30');
    expect(ctx.db.select().from(diagnostics).all()).toHaveLength(1);
    // Exactly 30 is fine.
    const ok = await member.post(`/organisations/${orgId}/diagnostics`, { mode: 'autodiagnostic', participantName: names.slice(0, 30), participantRole: names.slice(0, 30).map(() => 'direction') });
    expect(ok.status).toBe(303);
  });

  it('refuses the action past the plan limit with 422 naming it, and saves nothing', async () => {
    const { ctx, diagId, member } = await memberWorld();
    await member.get(`/diagnostics/${diagId}/plan`);
    const at = ctx.now.value.toISOString();
    const existing = listActions(ctx.db, diagId).length;
    for (let i = existing; i < LIMITS.actionsPerDiagnostic; i++) {
      ctx.db.insert(actions).values({ id: `a${i}`, diagnosticId: diagId, origin: 'custom', themeSlug: 'identite', title: `Action ${i}`, services: [], priority: 'haute', createdAt: at, updatedAt: at }).run();
    }
    const res = await member.post(`/diagnostics/${diagId}/actions`, { title: 'Une de trop', themeSlug: 'identite', priority: 'haute' });
    expect(res.status).toBe(422);
    expect(text(await res.text())).toContain(text(t.plan.errors.tooManyActions));
    expect(listActions(ctx.db, diagId)).toHaveLength(LIMITS.actionsPerDiagnostic);
  });

  it('refuses the remark past the limit with 422 naming it', async () => {
    const { ctx, diagId } = await memberWorld();
    const at = ctx.now.value.toISOString();
    for (let i = 0; i < LIMITS.remarksPerDiagnostic; i++) ctx.db.insert(reviewComments).values({ id: `r${i}`, diagnosticId: diagId, targetKind: 'diagnostic', target: '', body: `Remarque ${i}`, createdAt: at }).run();
    const consultant = new Client(ctx);
    await consultant.login('conseil@cap.test');
    await consultant.get(`/diagnostics/${diagId}`);
    const res = await consultant.post(`/diagnostics/${diagId}/comments`, { targetKind: 'diagnostic', body: 'Une de trop' });
    expect(res.status).toBe(422);
    expect(text(await res.text())).toContain(text(t.federation.review.tooManyRemarks));
    expect(ctx.db.select().from(reviewComments).all()).toHaveLength(LIMITS.remarksPerDiagnostic);
  });

  it('checks every free text of the plan and the questionnaire against its maximum length', async () => {
    const { diagId, member } = await memberWorld();
    const plan = await member.get(`/diagnostics/${diagId}/plan`);
    const html = await plan.text();
    expect(html).toContain(`maxlength="${MAX_LENGTH.actionDescription}"`);
    expect(html).toContain(`maxlength="${MAX_LENGTH.actionNotes}"`);
    const tooLong = await member.post(`/diagnostics/${diagId}/actions`, { title: 'Action', themeSlug: 'identite', priority: 'haute', description: 'd'.repeat(MAX_LENGTH.actionDescription + 1) });
    expect(tooLong.status).toBe(422);
    expect(text(await tooLong.text())).toContain(text(t.common.validation.tooLong(MAX_LENGTH.actionDescription)));
  });
});
