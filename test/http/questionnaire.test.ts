// The questionnaire through HTTP: start, overview, theme pages, saving (plain, htmx, whole theme),
// concurrent edits, bad input, submit, read-only after submit, prefill from a previous diagnostic.
import { describe, it, expect, beforeEach } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { Client, makeApp, org, user, text, type TestContext } from '../support/app.ts';
import { actions, answers, diagnostics } from '../../src/db/schema.ts';
import { builtinReferential, setDefaultReferential } from '../../src/referential/store.ts';
import { isApplicable } from '../../src/scoring/index.ts';
import type { StructureType } from '../../src/referential/schema.ts';
import { MAX_LENGTH } from '../../src/validation/limits.ts';

const HX = { 'HX-Request': 'true' };
const ref = builtinReferential();
const allQuestions = ref.themes.flatMap((th) => th.criteria.flatMap((c) => c.questions.map((q) => ({ ...q, theme: th.slug }))));
const applicableTo = (types: StructureType[]) => allQuestions.filter((q) => isApplicable(q, types));

interface World {
  ctx: TestContext;
  orgId: string;
  otherOrgId: string;
  member: Client;
}

async function world(types: StructureType[] = ['AI']): Promise<World> {
  const ctx = makeApp();
  const orgId = org(ctx.db, { name: 'Garonne Services', types, region: 'Occitanie' });
  const otherOrgId = org(ctx.db, { name: 'Autre structure', types: ['EI'], region: 'Bretagne', siret: '44306184100047' });
  await user(ctx.db, 'member', 'sophie@cap.test', { organisationIds: [orgId] });
  await user(ctx.db, 'member', 'autre@cap.test', { organisationIds: [otherOrgId] });
  await user(ctx.db, 'consultant', 'ines@cap.test', { regions: ['Occitanie'] });
  await user(ctx.db, 'consultant', 'yann@cap.test', { regions: ['Bretagne'] });
  const member = new Client(ctx);
  await member.login('sophie@cap.test');
  return { ctx, orgId, otherOrgId, member };
}

async function startDiagnostic(c: Client, orgId: string, fields: Record<string, string | string[]> = {}): Promise<string> {
  await c.get(`/organisations/${orgId}`);
  const res = await c.post(`/organisations/${orgId}/diagnostics`, { mode: 'autodiagnostic', participantName: ['Sophie Durand', 'Marc Petit'], participantRole: ['direction', 'parcours'], ...fields });
  expect(res.status).toBe(303);
  const loc = res.headers.get('Location')!;
  expect(loc).toMatch(/^\/diagnostics\/[\w-]+$/);
  return loc.split('/').pop()!;
}

function stored(ctx: TestContext, diagnosticId: string, code: string) {
  return ctx.db.select().from(answers).where(and(eq(answers.diagnosticId, diagnosticId), eq(answers.questionCode, code))).get();
}

/** Hidden input values of a page (revision.X, orig.X) as the browser would post them. */
function hiddenInputs(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) out[m[1]!] = m[2]!;
  return out;
}

async function answerAll(c: Client, diagId: string, types: StructureType[], level = '2') {
  for (const q of applicableTo(types)) {
    const res = await c.post(`/diagnostics/${diagId}/answers/${q.code}`, { level, comment: '', revision: '0' });
    expect(res.status, q.code).toBe(303);
  }
}

describe('starting a diagnostic', () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });

  it('shows the list and the start form on the organisation page, with five empty participant rows', async () => {
    const page = await w.member.get(`/organisations/${w.orgId}`);
    const html = await page.text();
    expect(text(html)).toContain('Aucun diagnostic pour l’instant');
    expect(html).toContain(`action="/organisations/${w.orgId}/diagnostics"`);
    expect(html.match(/name="participantName"/g)).toHaveLength(5);
    expect(text(html)).toContain('Autodiagnostic');
    expect(text(html)).toContain('Accompagné par la fédération');
    // No previous diagnostic: no starting point to choose.
    expect(html).not.toContain('name="from"');
  });

  it('creates a draft with the default referential, mode and participants, and redirects to it', async () => {
    const id = await startDiagnostic(w.member, w.orgId);
    const res = await w.member.get(`/diagnostics/${id}`);
    expect(res.status).toBe(200);
    const body = text(await res.text());
    expect(body).toContain('Le diagnostic est créé');
    expect(body).toContain('Brouillon');
    expect(body).toContain('Autodiagnostic');
    expect(body).toContain('Sophie Durand — Direction');
    expect(body).toContain('Marc Petit — Salarié·e en parcours');
    expect(body).toContain(`0 / ${applicableTo(['AI']).length} questions répondues`);
    expect(body).toContain('Identité et projet');
    expect(body).toContain('Amélioration continue');
    const row = w.ctx.db.select().from(diagnostics).where(eq(diagnostics.id, id)).get()!;
    expect(row.referentialId).toBe('cap-2026');
    expect(row.status).toBe('draft');
    const list = text(await (await w.member.get(`/organisations/${w.orgId}`)).text());
    expect(list).toContain('Diagnostic du 2 mars 2026');
    expect(list).toContain('Brouillon');
  });

  it('links the overview to results and plan, and to where to continue', async () => {
    const id = await startDiagnostic(w.member, w.orgId);
    const html = await (await w.member.get(`/diagnostics/${id}`)).text();
    expect(html).toContain(`href="/diagnostics/${id}/results"`);
    expect(html).toContain(`href="/diagnostics/${id}/plan"`);
    expect(html).toContain(`href="/diagnostics/${id}/themes/identite#q-ID-1_1"`);
    // Nothing answered yet: the way in says « Commencer », then « Reprendre » where it stopped.
    expect(text(html)).toContain('Commencer le questionnaire Première question : ID-1.1, thème « Identité et projet ».');
    expect(text(html)).not.toContain('Reprendre à la question');
    await w.member.post(`/diagnostics/${id}/answers/ID-1.1`, { level: '2', comment: '', revision: '0' });
    const after = await (await w.member.get(`/diagnostics/${id}`)).text();
    expect(text(after)).toContain('Reprendre à la question ID-1.2 (Identité et projet)');
    expect(after).toContain(`href="/diagnostics/${id}/themes/identite#q-ID-1_2"`);
  });

  it('refuses a start without mode or participant (422) and keeps what was typed', async () => {
    await w.member.get(`/organisations/${w.orgId}`);
    const res = await w.member.post(`/organisations/${w.orgId}/diagnostics`, { mode: '', participantName: ['', ''], participantRole: ['', ''] });
    expect(res.status).toBe(422);
    const body = text(await res.text());
    expect(body).toContain('Choisissez le mode du diagnostic.');
    expect(body).toContain('Indiquez au moins un participant');

    const res2 = await w.member.post(`/organisations/${w.orgId}/diagnostics`, { mode: 'accompagne', participantName: ['Jeanne Lambert'], participantRole: [''] });
    expect(res2.status).toBe(422);
    const html2 = await res2.text();
    expect(text(html2)).toContain('Choisissez la fonction de chaque participant.');
    expect(html2).toContain('value="Jeanne Lambert"');
    expect(html2).toMatch(/value="accompagne" checked/);

    const res3 = await w.member.post(`/organisations/${w.orgId}/diagnostics`, { mode: 'invente', participantName: ['A'], participantRole: ['direction'] });
    expect(res3.status).toBe(422);
    expect(w.ctx.db.select().from(diagnostics).all()).toHaveLength(0);
  });

  it('refuses a starting point from another organisation', async () => {
    const other = new Client(w.ctx);
    await other.login('autre@cap.test');
    const foreign = await startDiagnostic(other, w.otherOrgId);
    await w.member.get(`/organisations/${w.orgId}`);
    const res = await w.member.post(`/organisations/${w.orgId}/diagnostics`, { mode: 'autodiagnostic', participantName: ['A'], participantRole: ['direction'], from: foreign });
    expect(res.status).toBe(422);
    expect(text(await res.text())).toContain('Ce diagnostic de départ n’existe pas pour cette structure.');
  });

  it('lets a consultant of the region start one, and answers 404 to outsiders', async () => {
    const ines = new Client(w.ctx);
    await ines.login('ines@cap.test');
    await startDiagnostic(ines, w.orgId, { mode: 'accompagne' });
    for (const email of ['autre@cap.test', 'yann@cap.test']) {
      const c = new Client(w.ctx);
      await c.login(email);
      const res = await c.post(`/organisations/${w.orgId}/diagnostics`, { mode: 'autodiagnostic', participantName: ['X'], participantRole: ['direction'] });
      expect(res.status, email).toBe(404);
    }
    expect(w.ctx.db.select().from(diagnostics).all()).toHaveLength(1);
  });
});

describe('theme pages', () => {
  it('shows only the questions that apply to the structure types', async () => {
    const ai = await world(['AI']);
    const aiId = await startDiagnostic(ai.member, ai.orgId);
    const aiPage = text(await (await ai.member.get(`/diagnostics/${aiId}/themes/services`)).text());
    expect(aiPage).toContain('SV-7.1'); // AI only
    expect(aiPage).not.toContain('SV-7.2'); // ETTI only

    const etti = await world(['ETTI']);
    const ettiId = await startDiagnostic(etti.member, etti.orgId);
    const ettiPage = text(await (await etti.member.get(`/diagnostics/${ettiId}/themes/services`)).text());
    expect(ettiPage).toContain('SV-7.2');
    expect(ettiPage).not.toContain('SV-7.1');
    const overview = text(await (await etti.member.get(`/diagnostics/${ettiId}`)).text());
    expect(overview).toContain(`0 / ${applicableTo(['ETTI']).length} questions répondues`);

    // Saving a question that does not apply to the structure: 404, nothing stored.
    const res = await ai.member.post(`/diagnostics/${aiId}/answers/SV-7.2`, { level: '2', comment: '', revision: '0' });
    expect(res.status).toBe(404);
    expect(stored(ai.ctx, aiId, 'SV-7.2')).toBeUndefined();
  });

  it('renders every question as radios in a fieldset, N/A only where allowed, evidence and a comment box', async () => {
    const w = await world();
    const id = await startDiagnostic(w.member, w.orgId);
    const html = await (await w.member.get(`/diagnostics/${id}/themes/identite`)).text();
    const identite = applicableTo(['AI']).filter((q) => q.theme === 'identite');
    expect(html.match(/<fieldset class="question__levels"/g)).toHaveLength(identite.length);
    const first = identite[0]!;
    expect(html).toContain(`<input type="radio" name="level.${first.code}" value="4"`);
    expect(html).toContain(first.levels[3]!.replace(/’/g, '’'));
    expect(html).toContain('Exemples de preuves');
    expect(html).toContain(`name="comment.${first.code}"`);
    expect(html).toContain('maxlength="2000"');
    const withNa = allQuestions.find((q) => q.naAllowed && q.theme === 'identite' && isApplicable(q, ['AI']));
    const withoutNa = identite.find((q) => !q.naAllowed)!;
    if (withNa) expect(html).toContain(`name="level.${withNa.code}" value="na"`);
    expect(html).not.toContain(`name="level.${withoutNa.code}" value="na"`);
    // One form for the theme (works without JavaScript), htmx autosave per question.
    expect(html).toContain(`<form method="post" action="/diagnostics/${id}/themes/identite"`);
    expect(html).toContain(`hx-post="/diagnostics/${id}/answers/${first.code}"`);
    expect(text(html)).toContain('Enregistrer et continuer Enregistrer');
  });

  it('answers 404 for an unknown diagnostic, theme or question, and for another organisation', async () => {
    const w = await world();
    const id = await startDiagnostic(w.member, w.orgId);
    expect((await w.member.get('/diagnostics/inexistant')).status).toBe(404);
    expect((await w.member.get(`/diagnostics/${id}/themes/inconnu`)).status).toBe(404);
    const unknown = await w.member.post(`/diagnostics/${id}/answers/ZZ-9.9`, { level: '2', comment: '', revision: '0' });
    expect(unknown.status).toBe(404);
    expect(text(await unknown.text())).toContain('Cette page n’existe pas');
    expect((await w.member.post('/diagnostics/inexistant/answers/ID-1.1', { level: '2', comment: '', revision: '0' })).status).toBe(404);

    const other = new Client(w.ctx);
    await other.login('autre@cap.test');
    expect((await other.get(`/diagnostics/${id}`)).status).toBe(404);
    expect((await other.get(`/diagnostics/${id}/themes/identite`)).status).toBe(404);
    expect((await other.post(`/diagnostics/${id}/answers/ID-1.1`, { level: '2', comment: '', revision: '0' })).status).toBe(404);
    expect((await other.post(`/diagnostics/${id}/themes/identite`, { 'level.ID-1.1': '2' })).status).toBe(404);
    expect((await other.post(`/diagnostics/${id}/submit`, { confirm: '1' })).status).toBe(404);
    expect(stored(w.ctx, id, 'ID-1.1')).toBeUndefined();
  });
});

describe('saving an answer', () => {
  let w: World;
  let id: string;
  beforeEach(async () => {
    w = await world();
    id = await startDiagnostic(w.member, w.orgId);
    await w.member.get(`/diagnostics/${id}/themes/identite`);
  });

  it('stores level and comment without JavaScript, then shows who answered and when', async () => {
    const res = await w.member.post(`/diagnostics/${id}/answers/ID-1.1`, { level: '3', comment: 'Charte validée en CA le 12 mai.\r\nRelue chaque année.', revision: '0' });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe(`/diagnostics/${id}/themes/identite#q-ID-1_1`);
    const row = stored(w.ctx, id, 'ID-1.1')!;
    expect(row).toMatchObject({ level: 3, na: false, comment: 'Charte validée en CA le 12 mai.\nRelue chaque année.', revision: 1, updatedByRole: 'member', prefilledFrom: null });
    const html = await (await w.member.get(`/diagnostics/${id}/themes/identite`)).text();
    expect(html).toContain('<input type="radio" name="level.ID-1.1" value="3" checked=""');
    expect(html).toContain('Charte validée en CA le 12 mai.');
    expect(text(html)).toContain('Réponse ID-1.1 enregistrée.');
    expect(text(html)).toContain('Répondu par sophie (membre) le 2 mars 2026 à 10:00');
    expect(hiddenInputs(html)['revision.ID-1.1']).toBe('1');
  });

  it('answers htmx with the status fragment, the new revision and out-of-band progress bars', async () => {
    w.ctx.now.value = new Date('2026-03-02T13:32:00Z');
    const res = await w.member.post(`/diagnostics/${id}/answers/ID-1.1`, { 'level.ID-1.1': '2', 'comment.ID-1.1': 'En cours', 'revision.ID-1.1': '0' }, { headers: HX });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain('<html');
    expect(text(html)).toContain('Enregistré à 14:32');
    expect(html).toContain('<input type="hidden" name="revision.ID-1.1" value="1"');
    expect(html).toMatch(/id="progress-theme-identite" hx-swap-oob="true"/);
    expect(html).toMatch(/id="progress-overall" hx-swap-oob="true"/);
    expect(text(html)).toContain(`1 / ${applicableTo(['AI']).filter((q) => q.theme === 'identite').length} questions répondues`);

    const next = await w.member.post(`/diagnostics/${id}/answers/ID-1.1`, { 'level.ID-1.1': '3', 'comment.ID-1.1': 'En cours, charte votée', 'revision.ID-1.1': '1' }, { headers: HX });
    expect(next.status).toBe(200);
    expect(await next.text()).toContain('name="revision.ID-1.1" value="2"');
    expect(stored(w.ctx, id, 'ID-1.1')).toMatchObject({ level: 3, revision: 2, comment: 'En cours, charte votée' });
  });

  it('keeps a comment typed before any level is chosen', async () => {
    const res = await w.member.post(`/diagnostics/${id}/answers/ID-1.2`, { comment: 'À discuter avec le CA', revision: '0' }, { headers: HX });
    expect(res.status).toBe(200);
    expect(stored(w.ctx, id, 'ID-1.2')).toMatchObject({ level: null, na: false, comment: 'À discuter avec le CA' });
    const overview = text(await (await w.member.get(`/diagnostics/${id}`)).text());
    expect(overview).toContain(`0 / ${applicableTo(['AI']).length} questions répondues`);
  });

  it('stores « non applicable » where the question allows it', async () => {
    const q = applicableTo(['AI']).find((x) => x.naAllowed)!;
    const res = await w.member.post(`/diagnostics/${id}/answers/${q.code}`, { level: 'na', comment: 'Pas de salariés en CDI', revision: '0' });
    expect(res.status).toBe(303);
    expect(stored(w.ctx, id, q.code)).toMatchObject({ level: null, na: true });
  });

  it('refuses bad input with French messages (422) and loses nothing already saved', async () => {
    await w.member.post(`/diagnostics/${id}/answers/ID-1.1`, { level: '2', comment: 'Première réponse', revision: '0' });
    const before = stored(w.ctx, id, 'ID-1.1');
    const cases: [Record<string, string>, string][] = [
      [{ level: '5', comment: '', revision: '1' }, 'Choisissez un niveau de 0 à 4, ou « Non applicable ».'],
      [{ level: 'beaucoup', comment: '', revision: '1' }, 'Choisissez un niveau de 0 à 4, ou « Non applicable ».'],
      [{ level: 'na', comment: '', revision: '1' }, 'ne peut pas être déclarée « non applicable »'],
      [{ level: '3', comment: 'x'.repeat(2001), revision: '1' }, 'dépasse la limite de 2 000 caractères (2 001 saisis)'],
    ];
    expect(allQuestions.find((q) => q.code === 'ID-1.1')!.naAllowed).toBe(false);
    for (const [fields, message] of cases) {
      const res = await w.member.post(`/diagnostics/${id}/answers/ID-1.1`, fields);
      expect(res.status, JSON.stringify(fields).slice(0, 40)).toBe(422);
      const html = await res.text();
      expect(text(html)).toContain(message);
      // The page comes back with what was typed, so nothing is lost.
      if (fields.comment) expect(html).toContain('x'.repeat(2001));
      const hx = await w.member.post(`/diagnostics/${id}/answers/ID-1.1`, fields, { headers: HX });
      expect(hx.status).toBe(422);
      expect(text(await hx.text())).toContain(message);
    }
    expect(stored(w.ctx, id, 'ID-1.1')).toEqual(before);
    // A comment of exactly 2 000 characters is fine.
    const ok = await w.member.post(`/diagnostics/${id}/answers/ID-1.1`, { level: '3', comment: 'é'.repeat(2000), revision: '1' });
    expect(ok.status).toBe(303);
  });

  it('refuses a stale revision (409), stores nothing, and shows both versions with a way to keep either', async () => {
    const ines = new Client(w.ctx);
    await ines.login('ines@cap.test');
    await ines.get(`/diagnostics/${id}/themes/identite`);
    // Inès (consultant) and Sophie both start from revision 0; Inès saves first.
    w.ctx.now.value = new Date('2026-03-02T13:05:00Z');
    expect((await ines.post(`/diagnostics/${id}/answers/ID-1.1`, { level: '1', comment: 'Valeurs orales seulement', revision: '0' })).status).toBe(303);
    const afterInes = stored(w.ctx, id, 'ID-1.1');
    expect(afterInes).toMatchObject({ level: 1, revision: 1, updatedByRole: 'consultant' });

    const res = await w.member.post(`/diagnostics/${id}/answers/ID-1.1`, { level: '3', comment: 'Charte écrite', revision: '0' }, { headers: HX });
    expect(res.status).toBe(409);
    const html = await res.text();
    const body = text(html);
    expect(body).toContain('Quelqu’un a modifié cette réponse pendant que vous la remplissiez');
    expect(body).toContain('Réponse enregistrée par ines (conseiller·ère fédéral·e) le 2 mars 2026 à 14:05');
    expect(body).toContain('Valeurs orales seulement');
    expect(body).toContain('Votre saisie');
    expect(body).toContain('Charte écrite');
    expect(body).toContain('Garder la réponse enregistrée');
    expect(body).toContain('Garder ma saisie');
    expect(html).toContain('value="mine:ID-1.1:1"');
    // The hidden revision stays the old one: further autosaves keep asking instead of overwriting.
    expect(html).toContain('name="revision.ID-1.1" value="0"');
    expect(stored(w.ctx, id, 'ID-1.1')).toEqual(afterInes);

    // Without JavaScript: the theme page with the conflict, status 409.
    const plain = await w.member.post(`/diagnostics/${id}/answers/ID-1.1`, { level: '3', comment: 'Charte écrite', revision: '0' });
    expect(plain.status).toBe(409);
    const page = text(await plain.text());
    expect(page).toContain('Garder ma saisie');
    expect(page).toContain('Répondu par ines (conseiller·ère fédéral·e) le 2 mars 2026 à 14:05');
    expect(stored(w.ctx, id, 'ID-1.1')).toEqual(afterInes);

    // Keeping the stored answer changes nothing; keeping mine posts with the current revision.
    const keepStored = await w.member.post(`/diagnostics/${id}/answers/ID-1.1`, { keep: 'stored:ID-1.1' }, { headers: HX });
    expect(keepStored.status).toBe(200);
    expect(await keepStored.text()).toContain('<input type="radio" name="level.ID-1.1" value="1" checked=""');
    const keepMine = await w.member.post(`/diagnostics/${id}/answers/ID-1.1`, { 'level.ID-1.1': '3', 'comment.ID-1.1': 'Charte écrite', keep: 'mine:ID-1.1:1' }, { headers: HX });
    expect(keepMine.status).toBe(200);
    expect(text(await keepMine.text())).not.toContain('Garder ma saisie');
    expect(stored(w.ctx, id, 'ID-1.1')).toMatchObject({ level: 3, comment: 'Charte écrite', revision: 2, updatedByRole: 'member' });
  });

  it('lets only one of two saves built from the same revision through', async () => {
    const a = w.member.post(`/diagnostics/${id}/answers/ID-2.1`, { level: '1', comment: 'A', revision: '0' });
    const b = w.member.post(`/diagnostics/${id}/answers/ID-2.1`, { level: '4', comment: 'B', revision: '0' });
    const statuses = (await Promise.all([a, b])).map((r) => r.status).sort();
    expect(statuses).toEqual([303, 409]);
    expect(stored(w.ctx, id, 'ID-2.1')!.revision).toBe(1);
  });

  it('records a consultant as the author in an accompanied diagnostic', async () => {
    const ines = new Client(w.ctx);
    await ines.login('ines@cap.test');
    await ines.get(`/diagnostics/${id}`);
    await ines.post(`/diagnostics/${id}/answers/ID-1.4`, { level: '2', comment: 'Noté en séance', revision: '0' });
    const body = text(await (await w.member.get(`/diagnostics/${id}/themes/identite`)).text());
    expect(body).toContain('Répondu par ines (conseiller·ère fédéral·e) le 2 mars 2026 à 10:00');
  });
});

describe('saving a whole theme without JavaScript', () => {
  it('saves what changed, skips untouched questions, and comes back with a summary', async () => {
    const w = await world();
    const id = await startDiagnostic(w.member, w.orgId);
    await w.member.post(`/diagnostics/${id}/answers/ID-1.2`, { level: '1', comment: 'Ancien', revision: '0' });
    const page = await (await w.member.get(`/diagnostics/${id}/themes/identite`)).text();
    const hidden = hiddenInputs(page);
    // Meanwhile a colleague changes ID-1.2, which Sophie does not touch: no conflict.
    const ines = new Client(w.ctx);
    await ines.login('ines@cap.test');
    await ines.get(`/diagnostics/${id}`);
    await ines.post(`/diagnostics/${id}/answers/ID-1.2`, { level: '2', comment: 'Revu en séance', revision: '1' });

    const fields: Record<string, string> = { ...hidden, 'level.ID-1.1': '3', 'comment.ID-1.1': 'Charte', 'level.ID-1.2': '1', 'comment.ID-1.2': 'Ancien', 'level.ID-1.4': '4', 'comment.ID-1.4': '' };
    for (const q of applicableTo(['AI']).filter((x) => x.theme === 'identite')) fields[`comment.${q.code}`] ??= '';
    const res = await w.member.post(`/diagnostics/${id}/themes/identite`, fields);
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe(`/diagnostics/${id}/themes/identite`);
    const after = text(await (await w.member.get(res.headers.get('Location')!)).text());
    expect(after).toContain('2 réponses enregistrées');
    expect(stored(w.ctx, id, 'ID-1.1')).toMatchObject({ level: 3, comment: 'Charte' });
    expect(stored(w.ctx, id, 'ID-1.4')).toMatchObject({ level: 4 });
    expect(stored(w.ctx, id, 'ID-1.2')).toMatchObject({ level: 2, comment: 'Revu en séance', revision: 2 });
  });

  it('saves the valid questions, and re-shows the invalid or conflicting ones with what was typed', async () => {
    const w = await world();
    const id = await startDiagnostic(w.member, w.orgId);
    const hidden = hiddenInputs(await (await w.member.get(`/diagnostics/${id}/themes/identite`)).text());
    const ines = new Client(w.ctx);
    await ines.login('ines@cap.test');
    await ines.get(`/diagnostics/${id}`);
    await ines.post(`/diagnostics/${id}/answers/ID-1.4`, { level: '0', comment: 'Rien d’écrit', revision: '0' });

    const res = await w.member.post(`/diagnostics/${id}/themes/identite`, {
      ...hidden,
      'level.ID-1.1': '3',
      'comment.ID-1.1': 'Bon',
      'level.ID-1.2': '2',
      'comment.ID-1.2': 'y'.repeat(2001),
      'level.ID-1.4': '4',
      'comment.ID-1.4': 'Ma version',
    });
    expect(res.status).toBe(409);
    const html = await res.text();
    const body = text(html);
    expect(body).toContain('Certaines réponses n’ont pas été enregistrées');
    expect(body).toContain('ID-1.2 : Le commentaire dépasse la limite de 2 000 caractères');
    // The hint under each comment box gives the same limit as the refusal.
    expect(MAX_LENGTH.answerComment).toBe(2000);
    expect(body).toContain('2 000 caractères au plus.');
    expect(body).not.toContain('5 000 caractères');
    expect(body).toContain('ID-1.4 : Quelqu’un a modifié cette réponse');
    expect(html).toContain('y'.repeat(2001));
    expect(html).toContain('Ma version');
    expect(stored(w.ctx, id, 'ID-1.1')).toMatchObject({ level: 3, comment: 'Bon' });
    expect(stored(w.ctx, id, 'ID-1.2')).toBeUndefined();
    expect(stored(w.ctx, id, 'ID-1.4')).toMatchObject({ level: 0, comment: 'Rien d’écrit' });

    // Choosing « Garder ma saisie » submits the theme form with the current revision for ID-1.4.
    const again = hiddenInputs(html);
    const resolved = await w.member.post(`/diagnostics/${id}/themes/identite`, { ...again, 'level.ID-1.4': '4', 'comment.ID-1.4': 'Ma version', keep: 'mine:ID-1.4:1' });
    expect(resolved.status).toBe(303);
    expect(resolved.headers.get('Location')).toBe(`/diagnostics/${id}/themes/identite#q-ID-1_4`);
    expect(stored(w.ctx, id, 'ID-1.4')).toMatchObject({ level: 4, comment: 'Ma version', revision: 2 });
  });
});

describe('submitting', () => {
  it('refuses while applicable questions are unanswered, listing each with a link', async () => {
    const w = await world();
    const id = await startDiagnostic(w.member, w.orgId);
    await w.member.post(`/diagnostics/${id}/answers/ID-1.1`, { level: '2', comment: '', revision: '0' });
    const res = await w.member.post(`/diagnostics/${id}/submit`);
    expect(res.status).toBe(422);
    const html = await res.text();
    const n = applicableTo(['AI']).length - 1;
    expect(text(html)).toContain(`${n} questions applicables restent sans réponse`);
    expect(html).toContain(`href="/diagnostics/${id}/themes/identite#q-ID-1_2"`);
    expect(html).toContain(`href="/diagnostics/${id}/themes/amelioration-continue#q-AC-1_1"`);
    expect(html).not.toContain(`#q-SV-7_2"`);
    expect(w.ctx.db.select().from(diagnostics).where(eq(diagnostics.id, id)).get()!.status).toBe('draft');
  });

  it('submits once every applicable question is answered, stores the scores, then is read-only', async () => {
    const w = await world();
    const id = await startDiagnostic(w.member, w.orgId);
    await answerAll(w.member, id, ['AI'], '2');
    const res = await w.member.post(`/diagnostics/${id}/submit`, { confirm: '1' });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe(`/diagnostics/${id}`);
    const row = w.ctx.db.select().from(diagnostics).where(eq(diagnostics.id, id)).get()!;
    expect(row.status).toBe('submitted');
    expect(row.submittedAt).toBe('2026-03-02T09:00:00.000Z');
    expect(row.overallScore).toBe(50);
    expect(row.themeScores).toEqual({ identite: 50, services: 50, 'fonctions-support': 50, 'amelioration-continue': 50 });
    // The plan is in place at submission: one proposed action per applicable question (all at 2 < 3).
    const planned = w.ctx.db.select().from(actions).where(eq(actions.diagnosticId, id)).all();
    expect(planned).toHaveLength(applicableTo(['AI']).length);
    const overview = text(await (await w.member.get(`/diagnostics/${id}`)).text());
    expect(overview).toContain('Le diagnostic est soumis');
    expect(overview).toContain('Soumis le 2 mars 2026 par sophie');
    expect(overview).not.toContain('Soumettre le diagnostic');

    // Read-only: the theme page has no form to save, saving answers 409 with an explanation.
    const themeHtml = await (await w.member.get(`/diagnostics/${id}/themes/identite`)).text();
    expect(text(themeHtml)).toContain('Ce diagnostic est soumis : ses réponses ne sont plus modifiables.');
    expect(themeHtml).not.toContain('hx-post=');
    expect(themeHtml).not.toContain('Enregistrer les réponses de ce thème');
    const save = await w.member.post(`/diagnostics/${id}/answers/ID-1.1`, { level: '4', comment: '', revision: '1' });
    expect(save.status).toBe(409);
    expect(text(await save.text())).toContain('ce diagnostic est soumis, ses réponses ne sont plus modifiables');
    const hx = await w.member.post(`/diagnostics/${id}/answers/ID-1.1`, { level: '4', comment: '', revision: '1' }, { headers: HX });
    expect(hx.status).toBe(409);
    expect(text(await hx.text())).toContain('Un·e conseiller·ère de la fédération peut demander des modifications');
    expect((await w.member.post(`/diagnostics/${id}/themes/identite`, { 'level.ID-1.1': '4', 'revision.ID-1.1': '1' })).status).toBe(409);
    expect(stored(w.ctx, id, 'ID-1.1')).toMatchObject({ level: 2, revision: 1 });
    const twice = await w.member.post(`/diagnostics/${id}/submit`, { confirm: '1' });
    expect(twice.status).toBe(409);
    expect(text(await twice.text())).toContain('Ce diagnostic est déjà soumis.');
  });

  it('opens again when changes are requested', async () => {
    const w = await world();
    const id = await startDiagnostic(w.member, w.orgId);
    await answerAll(w.member, id, ['AI']);
    await w.member.post(`/diagnostics/${id}/submit`, { confirm: '1' });
    w.ctx.db.update(diagnostics).set({ status: 'changes_requested' }).where(eq(diagnostics.id, id)).run();
    const res = await w.member.post(`/diagnostics/${id}/answers/ID-1.1`, { level: '3', comment: '', revision: '1' });
    expect(res.status).toBe(303);
  });
});

describe('helping to answer: level guide, glossary, legal note', () => {
  it('shows the guide at the top of each theme, links glossary terms to definitions on the page, and says from which level an obligation is met', async () => {
    const w = await world();
    const id = await startDiagnostic(w.member, w.orgId);
    const html = await (await w.member.get(`/diagnostics/${id}/themes/fonctions-support`)).text();
    // The guide: a native disclosure, closed, before the first question.
    expect(html).toMatch(/<details class="level-guide"><summary>Comment choisir un niveau\s\?<\/summary>/);
    expect(html.indexOf('class="level-guide"')).toBeLessThan(html.indexOf('class="question"'));
    expect(text(html)).toContain(text(`Niveau 4 — ${ref.levelGuide!.levels[4]}`));
    // Glossary: plain links to anchors of the same page, every one with its definition.
    expect(html).toContain('(<a class="term" href="#glossaire-duerp">DUERP</a>)');
    const targets = new Set([...html.matchAll(/<a class="term" href="#([^"]+)">/g)].map((m) => m[1]!));
    expect(targets.size).toBeGreaterThan(3);
    for (const anchor of targets) expect(html, anchor).toContain(`<dt id="${anchor}" tabindex="-1">`);
    const defined = [...html.matchAll(/<dt id="(glossaire-[^"]+)"/g)].map((m) => m[1]!);
    expect(new Set(defined)).toEqual(targets);
    // The legal note of FS-2.1 (met from level 3) with its sources.
    const fs21 = html.slice(html.indexOf('id="q-FS-2_1"'), html.indexOf('id="q-FS-2_2"'));
    expect(text(fs21)).toContain('Obligation remplie à partir du niveau 3 ; en dessous, elle est signalée « obligation légale à sécuriser »');
    expect(text(fs21)).toContain('Code du travail, art. R4121-2 (vérifié le 1er décembre 2026)');
  });

  it('gives a CAP 2023 diagnostic the general guide and no glossary', async () => {
    const w = await world();
    setDefaultReferential(w.ctx.db, 'cap-2023', null, w.ctx.now.value);
    const id = await startDiagnostic(w.member, w.orgId);
    const html = await (await w.member.get(`/diagnostics/${id}/themes/identite`)).text();
    expect(text(html)).toContain('Comment choisir un niveau ?');
    expect(text(html)).toContain('Niveau 4 — Évalué, amélioré et partagé.');
    expect(html).not.toContain('class="term"');
    expect(html).not.toContain('id="glossaire"');
    expect(html).not.toContain('Obligation remplie à partir du niveau');
  });
});

describe('starting from a previous diagnostic', () => {
  it('prefills answers and comments, marked « repris » until touched', async () => {
    const w = await world();
    w.ctx.now.value = new Date('2025-03-10T09:00:00Z');
    const first = await startDiagnostic(w.member, w.orgId);
    await answerAll(w.member, first, ['AI'], '1');
    await w.member.post(`/diagnostics/${first}/answers/ID-1.1`, { level: '2', comment: 'Charte adoptée en 2024', revision: '1' });
    await w.member.post(`/diagnostics/${first}/submit`, { confirm: '1' });

    w.ctx.now.value = new Date('2026-03-02T09:00:00Z');
    const orgPage = await (await w.member.get(`/organisations/${w.orgId}`)).text();
    expect(orgPage).toContain('name="from"');
    expect(text(orgPage)).toContain('Les réponses du diagnostic du 10 mars 2025 (soumis)');
    const second = await startDiagnostic(w.member, w.orgId, { from: first });
    const row = w.ctx.db.select().from(diagnostics).where(eq(diagnostics.id, second)).get()!;
    expect(row.previousId).toBe(first);
    const n = applicableTo(['AI']).length;
    const overview = text(await (await w.member.get(`/diagnostics/${second}`)).text());
    expect(overview).toContain(`${n} réponses reprises du diagnostic du 10 mars 2025`);
    expect(overview).toContain(`${n} / ${n} questions répondues dont ${n} réponses reprises à confirmer`);

    const theme = await (await w.member.get(`/diagnostics/${second}/themes/identite`)).text();
    expect(theme).toContain('<input type="radio" name="level.ID-1.1" value="2" checked=""');
    expect(theme).toContain('Charte adoptée en 2024');
    expect(text(theme)).toContain('Repris du diagnostic du 10 mars 2025');
    expect(stored(w.ctx, second, 'ID-1.1')).toMatchObject({ prefilledFrom: '2025-03-10T09:00:00.000Z', revision: 1 });

    // Touching an answer clears the mark; the others keep it.
    const res = await w.member.post(`/diagnostics/${second}/answers/ID-1.1`, { level: '3', comment: 'Charte relue en 2026', revision: '1' }, { headers: HX });
    expect(res.status).toBe(200);
    expect(text(await res.text())).not.toContain('Repris du diagnostic');
    expect(stored(w.ctx, second, 'ID-1.1')).toMatchObject({ prefilledFrom: null, level: 3 });
    expect(stored(w.ctx, second, 'ID-1.2')!.prefilledFrom).toBe('2025-03-10T09:00:00.000Z');
    // Confirming an answer as it is also counts as touching it.
    const confirm = await w.member.post(`/diagnostics/${second}/answers/ID-1.2`, { level: '1', comment: '', revision: '1' }, { headers: HX });
    expect(confirm.status).toBe(200);
    expect(stored(w.ctx, second, 'ID-1.2')).toMatchObject({ prefilledFrom: null, revision: 2 });
    // The previous diagnostic is untouched.
    expect(stored(w.ctx, first, 'ID-1.1')).toMatchObject({ level: 2, comment: 'Charte adoptée en 2024' });
    const after = text(await (await w.member.get(`/diagnostics/${second}`)).text());
    expect(after).toContain(`dont ${n - 2} réponses reprises à confirmer`);
  });

  it('starts empty when no starting point is chosen, but keeps the last submitted one for comparison', async () => {
    const w = await world();
    const first = await startDiagnostic(w.member, w.orgId);
    await answerAll(w.member, first, ['AI']);
    await w.member.post(`/diagnostics/${first}/submit`, { confirm: '1' });
    const second = await startDiagnostic(w.member, w.orgId, { from: '' });
    expect(w.ctx.db.select().from(answers).where(eq(answers.diagnosticId, second)).all()).toHaveLength(0);
    expect(w.ctx.db.select().from(diagnostics).where(eq(diagnostics.id, second)).get()!.previousId).toBe(first);
  });
});
