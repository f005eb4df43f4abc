import { describe, it, expect, beforeEach } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { Client, makeApp, org, user, text, type TestContext } from '../support/app.ts';
import { insertDiagnostic } from '../support/plan.ts';
import { actions, answers, auditEvents, services } from '../../src/db/schema.ts';
import { carryOverActions, listActions } from '../../src/db/actions.ts';
import { withRevision } from '../support/plan.ts';

const ORG_NAME = 'Cœur d’Écluse — Ça pousse à Bézières';

interface World {
  ctx: TestContext;
  orgId: string;
  otherOrgId: string;
  diagId: string;
  otherDiagId: string;
  weakCodes: string[];
}

async function world(opts: { status?: 'draft' | 'submitted' } = {}): Promise<World> {
  const ctx = makeApp();
  const orgId = org(ctx.db, { name: ORG_NAME, region: 'Occitanie', types: ['ACI'] });
  const otherOrgId = org(ctx.db, { name: 'Autre structure', siret: '40483304800022', region: 'Bretagne', types: ['EI'] });
  await user(ctx.db, 'member', 'membre@cap.test', { organisationIds: [orgId] });
  await user(ctx.db, 'member', 'autre@cap.test', { organisationIds: [otherOrgId] });
  await user(ctx.db, 'consultant', 'occitanie@cap.test', { regions: ['Occitanie'] });
  await user(ctx.db, 'consultant', 'bretagne@cap.test', { regions: ['Bretagne'] });
  const d = insertDiagnostic(ctx.db, { organisationId: orgId, types: ['ACI'], weak: 12, status: opts.status ?? 'submitted' });
  const other = insertDiagnostic(ctx.db, { organisationId: otherOrgId, types: ['EI'], weak: 5 });
  return { ctx, orgId, otherOrgId, diagId: d.id, otherDiagId: other.id, weakCodes: d.weakCodes };
}

async function login(w: World, email: string) {
  const c = new Client(w.ctx);
  await c.login(email);
  return c;
}

/**
 * Opens the plan and, when it shows proposed actions not stored yet, stores them as a member does
 * (« Mettre le plan à jour »); returns the page and the stored actions.
 */
async function openPlan(w: World, c: Client, diagId = w.diagId) {
  const url = `/diagnostics/${diagId}/plan`;
  let res = await c.get(url);
  expect(res.status).toBe(200);
  let html = await res.text();
  if (html.includes(`action="${url}/sync"`)) {
    expect((await c.post(`${url}/sync`)).status).toBe(303);
    res = await c.get(url);
    html = await res.text();
  }
  return { html, rows: listActions(w.ctx.db, diagId) };
}

describe('plan page', () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });

  it('proposes one action per weak answer, grouped by theme and priority, with their services', async () => {
    const c = await login(w, 'membre@cap.test');
    const { html, rows } = await openPlan(w, c);
    expect(rows).toHaveLength(12);
    expect(new Set(rows.map((r) => r.questionCode))).toEqual(new Set(w.weakCodes));
    const page = text(html);
    expect(page).toContain(`Plan de progrès — ${ORG_NAME}`);
    expect(page).toContain('0 action faite sur 12');
    for (const theme of ['Identité et projet', 'Services aux personnes en parcours et aux clients', 'Fonctions support et ressources', 'Amélioration continue']) {
      expect(page).toContain(theme);
    }
    for (const r of rows) expect(page).toContain(r.title);
    expect(page).toMatch(/Obligation légale|Haute|Moyenne|Basse/);
    // Each action lists its services from the catalogue, with their contact line.
    const first = rows[0]!;
    const svc = w.ctx.db.select().from(services).where(eq(services.code, first.services[0]!)).get()!;
    const block = html.slice(html.indexOf(`id="action-${first.id}"`));
    expect(text(block.slice(0, block.indexOf('</article>')))).toContain(svc.name);
    expect(text(block.slice(0, block.indexOf('</article>')))).toContain(svc.contact);
    expect(html).toContain(`href="/diagnostics/${w.diagId}/plan.pdf"`);
    // The question behind an action links to its place in the questionnaire.
    expect(html).toContain(`/themes/${first.themeSlug}#q-${first.questionCode!.replace('.', '_')}"`);
    // Refused edits are swapped in by htmx's responseHandling (layout); other failures post plainly.
    expect(html).toContain('(404|409|422)');
  });

  it('shows the proposed actions without storing them, and stores them once when asked', async () => {
    const c = await login(w, 'membre@cap.test');
    const view = await c.get(`/diagnostics/${w.diagId}/plan`);
    const shown = text(await view.text());
    expect(shown).toContain('12 actions proposées d’après les réponses ne sont pas encore enregistrées dans le plan.');
    expect(shown).toContain('à enregistrer');
    expect(listActions(w.ctx.db, w.diagId)).toHaveLength(0);
    await openPlan(w, c);
    const events = () => w.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.diagnosticId, w.diagId), eq(auditEvents.action, 'sync'))).all().length;
    expect(events()).toBe(1);
    const again = await openPlan(w, c);
    expect(again.rows).toHaveLength(12);
    expect(events()).toBe(1);
  });

  it('shows overdue actions, marked and counted, from the injected clock', async () => {
    const c = await login(w, 'membre@cap.test');
    const { rows } = await openPlan(w, c);
    const [late, doneLate, future] = rows;
    await c.post(`/diagnostics/${w.diagId}/actions/${late!.id}`, withRevision(w.ctx.db, late!.id, { dueDate: '2026-03-01' }));
    await c.post(`/diagnostics/${w.diagId}/actions/${doneLate!.id}`, withRevision(w.ctx.db, doneLate!.id, { dueDate: '2026-02-01', status: 'done' }));
    await c.post(`/diagnostics/${w.diagId}/actions/${future!.id}`, withRevision(w.ctx.db, future!.id, { dueDate: '2026-03-02' }));
    const html = (await openPlan(w, c)).html;
    const article = (id: string) => html.slice(html.indexOf(`<article id="action-${id}"`), html.indexOf('</article>', html.indexOf(`<article id="action-${id}"`)));
    expect(article(late!.id)).toContain('is-overdue');
    expect(text(article(late!.id))).toContain('en retard');
    expect(text(article(late!.id))).toContain('1er mars 2026');
    expect(article(doneLate!.id)).not.toContain('is-overdue');
    expect(article(future!.id)).not.toContain('is-overdue');
    expect(text(html)).toContain('1 action faite sur 12');
    expect(text(html)).toContain('1 action en retard');
    // Time passes: tomorrow the action due today is late too.
    w.ctx.now.value = new Date('2026-03-03T09:00:00Z');
    expect(text((await openPlan(w, await login(w, 'membre@cap.test'))).html)).toContain('2 actions en retard');
  });

  it('is read-only for nobody it should not be: other members and other regions get 404', async () => {
    for (const email of ['autre@cap.test', 'bretagne@cap.test']) {
      const c = await login(w, email);
      expect((await c.get(`/diagnostics/${w.diagId}/plan`)).status).toBe(404);
      expect((await c.get(`/diagnostics/${w.diagId}/plan.pdf`)).status).toBe(404);
    }
    const anonymous = new Client(w.ctx);
    const res = await anonymous.get(`/diagnostics/${w.diagId}/plan`);
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toMatch(/^\/login/);
    const unknown = await login(w, 'membre@cap.test');
    expect((await unknown.get('/diagnostics/inconnu/plan')).status).toBe(404);
  });

  it('still shows a deactivated service on an existing plan', async () => {
    const c = await login(w, 'membre@cap.test');
    const { rows } = await openPlan(w, c);
    const code = rows[0]!.services[0]!;
    w.ctx.db.update(services).set({ active: false }).where(eq(services.code, code)).run();
    const name = w.ctx.db.select().from(services).where(eq(services.code, code)).get()!.name;
    const page = text((await openPlan(w, c)).html);
    expect(page).toContain(name);
    expect(page).toContain('service retiré du catalogue');
  });
});

describe('editing an action', () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });

  it('saves through a plain form, redirects with a flash, and audits the change', async () => {
    const c = await login(w, 'membre@cap.test');
    const a = (await openPlan(w, c)).rows[0]!;
    const res = await c.post(`/diagnostics/${w.diagId}/actions/${a.id}`, withRevision(w.ctx.db, a.id, {
      title: 'Réécrire la procédure d’accueil',
      description: 'Avec l’équipe, ça presse.',
      owner: 'Hélène Garçon',
      dueDate: '2026-11-26',
      status: 'in_progress',
      notes: 'Première réunion faite en février.',
    }));
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe(`/diagnostics/${w.diagId}/plan#action-${a.id}`);
    const page = text(await (await c.get(`/diagnostics/${w.diagId}/plan`)).text());
    expect(page).toContain('L’action « Réécrire la procédure d’accueil » est enregistrée.');
    expect(page).toContain('Hélène Garçon');
    expect(page).toContain('26 novembre 2026');
    expect(page).toContain('en cours');
    expect(page).toContain('Première réunion faite en février.');
    const stored = listActions(w.ctx.db, w.diagId).find((r) => r.id === a.id)!;
    expect(stored).toMatchObject({ owner: 'Hélène Garçon', dueDate: '2026-11-26', status: 'in_progress' });
    const event = w.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, a.id), eq(auditEvents.action, 'update'))).get()!;
    expect(event.after).toMatchObject({ owner: 'Hélène Garçon' });
    expect(event.before).toMatchObject({ owner: '' });
  });

  it('accepts a French date and an empty one', async () => {
    const c = await login(w, 'membre@cap.test');
    const a = (await openPlan(w, c)).rows[0]!;
    expect((await c.post(`/diagnostics/${w.diagId}/actions/${a.id}`, withRevision(w.ctx.db, a.id, { dueDate: '26/11/2026' }))).status).toBe(303);
    expect(listActions(w.ctx.db, w.diagId).find((r) => r.id === a.id)!.dueDate).toBe('2026-11-26');
    expect((await c.post(`/diagnostics/${w.diagId}/actions/${a.id}`, withRevision(w.ctx.db, a.id, { dueDate: '' }))).status).toBe(303);
    expect(listActions(w.ctx.db, w.diagId).find((r) => r.id === a.id)!.dueDate).toBeNull();
  });

  it('answers htmx with the updated action and the summary out of band', async () => {
    const c = await login(w, 'membre@cap.test');
    const a = (await openPlan(w, c)).rows[0]!;
    const res = await c.post(`/diagnostics/${w.diagId}/actions/${a.id}`, withRevision(w.ctx.db, a.id, { status: 'done', owner: 'Loïc' }), { headers: { 'HX-Request': 'true' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.startsWith(`<article id="action-${a.id}"`)).toBe(true);
    expect(html).not.toContain('<html');
    expect(text(html)).toContain('Loïc');
    expect(html).toMatch(/id="plan-summary"[^>]*hx-swap-oob="true"/);
    expect(text(html)).toContain('1 action faite sur 12');
  });

  it('the edit form posts with and without JavaScript to the same URL', async () => {
    const c = await login(w, 'membre@cap.test');
    const { html, rows } = await openPlan(w, c);
    const url = `/diagnostics/${w.diagId}/actions/${rows[0]!.id}`;
    expect(html).toContain(`<form method="post" action="${url}" hx-post="${url}" hx-target="#action-${rows[0]!.id}" hx-swap="outerHTML" data-fallback-submit="true">`);
    expect(html).toContain(`action="${url}/drop"`);
    expect(html).toContain('<option value="in_progress">en cours</option>');
  });

  it('refuses a due date that is not a date, with a French message, keeping what was typed', async () => {
    const c = await login(w, 'membre@cap.test');
    const a = (await openPlan(w, c)).rows[0]!;
    const res = await c.post(`/diagnostics/${w.diagId}/actions/${a.id}`, withRevision(w.ctx.db, a.id, { title: 'Titre retouché à la main', owner: 'Zoé', dueDate: '2026-02-30', status: 'todo' }));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(text(html)).toContain('Saisissez une date d’échéance valide : jour, mois et année (JJ/MM/AAAA).');
    expect(html).toContain('value="Titre retouché à la main"');
    expect(html).toContain('value="2026-02-30"');
    expect(html).toContain('value="Zoé"');
    const stored = listActions(w.ctx.db, w.diagId).find((r) => r.id === a.id)!;
    expect(stored.title).toBe(a.title);
    expect(stored.owner).toBe('');
    expect((await c.post(`/diagnostics/${w.diagId}/actions/${a.id}`, withRevision(w.ctx.db, a.id, { dueDate: 'demain' }))).status).toBe(422);
  });

  it('refuses a status outside à faire / en cours / fait', async () => {
    const c = await login(w, 'membre@cap.test');
    const a = (await openPlan(w, c)).rows[0]!;
    const res = await c.post(`/diagnostics/${w.diagId}/actions/${a.id}`, withRevision(w.ctx.db, a.id, { status: 'annulee' }));
    expect(res.status).toBe(422);
    expect(text(await res.text())).toContain('Choisissez un statut : à faire, en cours ou fait.');
    expect(listActions(w.ctx.db, w.diagId).find((r) => r.id === a.id)!.status).toBe('todo');
  });

  it('shows the errors in the htmx fragment too', async () => {
    const c = await login(w, 'membre@cap.test');
    const a = (await openPlan(w, c)).rows[0]!;
    const res = await c.post(`/diagnostics/${w.diagId}/actions/${a.id}`, withRevision(w.ctx.db, a.id, { title: '', dueDate: 'bientôt' }), { headers: { 'HX-Request': 'true' } });
    const html = await res.text();
    expect(res.status).toBe(422);
    expect(html.startsWith(`<article id="action-${a.id}"`)).toBe(true);
    expect(text(html)).toContain('Donnez un intitulé à l’action.');
    expect(html).toContain('value="bientôt"');
    expect(html).toMatch(/<details class="plan-action__form" open/);
  });

  it('answers 404 for an unknown action and for an action of another diagnostic', async () => {
    const c = await login(w, 'membre@cap.test');
    await openPlan(w, c);
    expect((await c.post(`/diagnostics/${w.diagId}/actions/inconnue`, { status: 'done' })).status).toBe(404);
    const admin = w.ctx.db; // the other organisation's plan, stored by its own member
    const otherAction = (await (async () => {
      const oc = await login(w, 'autre@cap.test');
      await openPlan(w, oc, w.otherDiagId);
      return listActions(admin, w.otherDiagId)[0]!;
    })());
    expect((await c.post(`/diagnostics/${w.diagId}/actions/${otherAction.id}`, withRevision(w.ctx.db, otherAction.id, { status: 'done' }))).status).toBe(404);
    expect((await c.post(`/diagnostics/${w.diagId}/actions/${otherAction.id}/drop`, { reason: 'x' })).status).toBe(404);
    expect((await c.post(`/diagnostics/${w.otherDiagId}/actions/${otherAction.id}`, withRevision(w.ctx.db, otherAction.id, { status: 'done' }))).status).toBe(404);
    expect(listActions(admin, w.otherDiagId)[0]!.status).toBe('todo');
  });

  it('lets the consultant of the region edit, not the one of another region', async () => {
    const member = await login(w, 'membre@cap.test');
    const a = (await openPlan(w, member)).rows[0]!;
    const ok = await login(w, 'occitanie@cap.test');
    await ok.get(`/diagnostics/${w.diagId}/plan`);
    expect((await ok.post(`/diagnostics/${w.diagId}/actions/${a.id}`, withRevision(w.ctx.db, a.id, { owner: 'Inès (déléguée)' }))).status).toBe(303);
    const ko = await login(w, 'bretagne@cap.test');
    await ko.get('/');
    expect((await ko.post(`/diagnostics/${w.diagId}/actions/${a.id}`, withRevision(w.ctx.db, a.id, { owner: 'Yann' }))).status).toBe(404);
    expect(listActions(w.ctx.db, w.diagId).find((r) => r.id === a.id)!.owner).toBe('Inès (déléguée)');
  });

  it('refuses a forged request without the CSRF token', async () => {
    const c = await login(w, 'membre@cap.test');
    const a = (await openPlan(w, c)).rows[0]!;
    expect((await c.post(`/diagnostics/${w.diagId}/actions/${a.id}`, withRevision(w.ctx.db, a.id, { owner: 'Pirate' }), { csrf: null })).status).toBe(403);
  });
});

describe('dropping and adding actions', () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });

  it('drops with a reason, lists the action apart with it, and puts it back', async () => {
    const c = await login(w, 'membre@cap.test');
    const a = (await openPlan(w, c)).rows[1]!;
    const refused = await c.post(`/diagnostics/${w.diagId}/actions/${a.id}/drop`, { reason: '  ' });
    expect(refused.status).toBe(422);
    expect(text(await refused.text())).toContain('Indiquez la raison de l’abandon.');
    expect(listActions(w.ctx.db, w.diagId).find((r) => r.id === a.id)!.droppedReason).toBeNull();

    const res = await c.post(`/diagnostics/${w.diagId}/actions/${a.id}/drop`, { reason: 'Déjà traité par le GES, pas prioritaire cette année.' });
    expect(res.status).toBe(303);
    const html = await (await c.get(`/diagnostics/${w.diagId}/plan`)).text();
    const dropped = text(html.slice(html.indexOf('id="plan-dropped-title"')));
    expect(dropped).toContain(a.title);
    expect(dropped).toContain('Déjà traité par le GES, pas prioritaire cette année.');
    expect(text(html)).toContain('0 action faite sur 11');
    // The sync does not bring a dropped proposal back.
    expect(listActions(w.ctx.db, w.diagId)).toHaveLength(12);

    expect((await c.post(`/diagnostics/${w.diagId}/actions/${a.id}/restore`)).status).toBe(303);
    expect(text(await (await c.get(`/diagnostics/${w.diagId}/plan`)).text())).toContain('0 action faite sur 12');
    const trail = w.ctx.db.select().from(auditEvents).where(eq(auditEvents.entityId, a.id)).all().map((e) => e.action);
    expect(trail).toEqual(['drop', 'restore']);
  });

  it('adds a custom action with its service, and refuses a bad one keeping the input', async () => {
    const c = await login(w, 'membre@cap.test');
    await openPlan(w, c);
    const bad = await c.post(`/diagnostics/${w.diagId}/actions`, { title: '', description: 'Œuvre collective', themeSlug: 'inconnu', priority: 'urgente', dueDate: '31/02/2026' });
    expect(bad.status).toBe(422);
    const badText = text(await bad.text());
    expect(badText).toContain('Donnez un intitulé à l’action.');
    expect(badText).toContain('Choisissez un des quatre thèmes.');
    expect(badText).toContain('Choisissez une priorité');
    expect(badText).toContain('Saisissez une date d’échéance valide');
    expect(badText).toContain('Œuvre collective');
    expect(listActions(w.ctx.db, w.diagId)).toHaveLength(12);

    const res = await c.post(`/diagnostics/${w.diagId}/actions`, {
      title: 'Organiser une journée portes ouvertes à l’atelier',
      description: 'Inviter élus et prescripteurs ; ça fera connaître l’œuvre.',
      themeSlug: 'identite',
      priority: 'haute',
      owner: 'Maëlle',
      dueDate: '2026-06-15',
      status: 'todo',
      service: 'FORM-COMMUNICATION',
    });
    expect(res.status).toBe(303);
    const created = listActions(w.ctx.db, w.diagId).find((r) => r.origin === 'custom')!;
    expect(res.headers.get('Location')).toBe(`/diagnostics/${w.diagId}/plan#action-${created.id}`);
    expect(created).toMatchObject({ themeSlug: 'identite', priority: 'haute', services: ['FORM-COMMUNICATION'], questionCode: null });
    const html = await (await c.get(`/diagnostics/${w.diagId}/plan`)).text();
    const identite = text(html.slice(html.indexOf('id="theme-identite"'), html.indexOf('id="theme-services"')));
    expect(identite).toContain('Organiser une journée portes ouvertes à l’atelier');
    expect(identite).toContain('Formations à la communication');
    expect(identite).toContain('ajoutée par la structure');
    expect(text(html)).toContain('0 action faite sur 13');
  });
});

describe('keeping the plan in line with the answers', () => {
  it('while the diagnostic is open, removes untouched proposals that are no longer needed and keeps edited ones', async () => {
    const w = await world({ status: 'draft' });
    const c = await login(w, 'membre@cap.test');
    const rows = (await openPlan(w, c)).rows;
    const [edited, untouched] = [rows[0]!, rows[1]!];
    await c.post(`/diagnostics/${w.diagId}/actions/${edited.id}`, withRevision(w.ctx.db, edited.id, { owner: 'Hélène' }));
    for (const code of [edited.questionCode!, untouched.questionCode!]) {
      w.ctx.db.update(answers).set({ level: 4 }).where(and(eq(answers.diagnosticId, w.diagId), eq(answers.questionCode, code))).run();
    }
    const after = (await openPlan(w, c)).rows;
    expect(after.map((r) => r.id)).toContain(edited.id);
    expect(after.map((r) => r.id)).not.toContain(untouched.id);
    expect(after).toHaveLength(11);
  });

  it('once submitted, keeps every stored action', async () => {
    const w = await world({ status: 'submitted' });
    const c = await login(w, 'membre@cap.test');
    const rows = (await openPlan(w, c)).rows;
    w.ctx.db.update(answers).set({ level: 4 }).where(and(eq(answers.diagnosticId, w.diagId), eq(answers.questionCode, rows[0]!.questionCode!))).run();
    expect((await openPlan(w, c)).rows).toHaveLength(12);
  });
});

describe('carrying actions over to the next diagnostic', () => {
  it('copies the open actions only, linked to their original, and proposes nothing twice', async () => {
    const w = await world();
    const c = await login(w, 'membre@cap.test');
    const rows = (await openPlan(w, c)).rows;
    await c.post(`/diagnostics/${w.diagId}/actions/${rows[0]!.id}`, withRevision(w.ctx.db, rows[0]!.id, { status: 'done' }));
    await c.post(`/diagnostics/${w.diagId}/actions/${rows[1]!.id}/drop`, { reason: 'Hors sujet' });
    await c.post(`/diagnostics/${w.diagId}/actions/${rows[2]!.id}`, withRevision(w.ctx.db, rows[2]!.id, { status: 'in_progress', owner: 'Éloïse', dueDate: '2026-09-30', notes: 'À reprendre' }));

    const next = insertDiagnostic(w.ctx.db, { organisationId: w.orgId, types: ['ACI'], weak: 12, status: 'draft', previousId: w.diagId, createdAt: '2027-01-10T09:00:00.000Z' });
    const count = carryOverActions(w.ctx.db, w.diagId, next.id, null, w.ctx.now.value);
    expect(count).toBe(10);
    // Idempotent: a second call carries nothing more.
    expect(carryOverActions(w.ctx.db, w.diagId, next.id, null, w.ctx.now.value)).toBe(0);
    const carried = listActions(w.ctx.db, next.id);
    expect(carried.every((a) => a.origin === 'carried')).toBe(true);
    expect(carried.map((a) => a.carriedFromId).sort()).toEqual(rows.slice(2).map((r) => r.id).sort());
    expect(carried.find((a) => a.carriedFromId === rows[2]!.id)).toMatchObject({ status: 'in_progress', owner: 'Éloïse', dueDate: '2026-09-30', notes: 'À reprendre' });

    // Same weak questions in the new diagnostic: only the two not carried over are proposed again.
    const html = text((await openPlan(w, c, next.id)).html);
    const all = listActions(w.ctx.db, next.id);
    expect(all).toHaveLength(12);
    expect(all.filter((a) => a.origin === 'proposed').map((a) => a.questionCode).sort()).toEqual([rows[0]!.questionCode, rows[1]!.questionCode].sort());
    expect(html).toContain('reportée du diagnostic précédent');
    const trail = w.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.diagnosticId, next.id), eq(auditEvents.action, 'carry-over'))).all();
    expect(trail).toHaveLength(1);
    expect(w.ctx.db.select().from(actions).where(eq(actions.diagnosticId, w.diagId)).all()).toHaveLength(12);
  });
});
