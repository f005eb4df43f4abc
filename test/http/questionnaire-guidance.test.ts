// The questionnaire guides: « Commencer » then « Reprendre », what is left per theme on the tabs
// and cards, the no-JavaScript theme page that saves before going anywhere, a submit that says what
// is left (grouped by theme when refused) and asks first, confirming a theme's carried-over answers
// at once with an undo, and the htmx answer: a polite announcement, and progress bars only when
// they move.
import { describe, it, expect, beforeEach } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { Client, makeApp, org, user, text, type TestContext } from '../support/app.ts';
import { answers, auditEvents, diagnostics } from '../../src/db/schema.ts';
import { builtinReferential } from '../../src/referential/store.ts';
import { isApplicable } from '../../src/scoring/index.ts';

const HX = { 'HX-Request': 'true' };
const ref = builtinReferential();
const byTheme = new Map(ref.themes.map((th) => [th.slug, th.criteria.flatMap((c) => c.questions).filter((q) => isApplicable(q, ['AI']))]));
const applicable = [...byTheme.values()].flat();
const identite = byTheme.get('identite')!;

interface World {
  ctx: TestContext;
  orgId: string;
  member: Client;
  id: string;
}

async function world(): Promise<World> {
  const ctx = makeApp();
  const orgId = org(ctx.db, { name: 'Garonne Services', types: ['AI'], region: 'Occitanie' });
  await user(ctx.db, 'member', 'sophie@cap.test', { organisationIds: [orgId] });
  await user(ctx.db, 'member', 'marc@cap.test', { organisationIds: [orgId] });
  const member = new Client(ctx);
  await member.login('sophie@cap.test');
  const id = await start(member, orgId);
  return { ctx, orgId, member, id };
}

async function start(c: Client, orgId: string, from = ''): Promise<string> {
  await c.get(`/organisations/${orgId}`);
  const res = await c.post(`/organisations/${orgId}/diagnostics`, { mode: 'autodiagnostic', participantName: ['Sophie Durand'], participantRole: ['direction'], from });
  expect(res.status).toBe(303);
  return res.headers.get('Location')!.split('/').pop()!;
}

async function answer(c: Client, id: string, codes: readonly { code: string }[], level = '2') {
  for (const q of codes) expect((await c.post(`/diagnostics/${id}/answers/${q.code}`, { level, comment: '', revision: '0' })).status).toBe(303);
}

const stored = (ctx: TestContext, id: string, code: string) => ctx.db.select().from(answers).where(and(eq(answers.diagnosticId, id), eq(answers.questionCode, code))).get();

describe('orientation', () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });

  it('says on each theme tab and card what is left: « n restantes », « n à confirmer » or ✓', async () => {
    await answer(w.member, w.id, identite);
    await answer(w.member, w.id, byTheme.get('services')!.slice(0, 3));
    const page = await (await w.member.get(`/diagnostics/${w.id}/themes/services`)).text();
    const tabs = page.slice(page.indexOf("<ul class=\"theme-nav\">"), page.indexOf('</nav>', page.indexOf('class="theme-nav"')));
    expect(text(tabs)).toBe(
      `Identité et projet ✓ (toutes les questions ont une réponse) Services aux personnes en parcours et aux clients ${byTheme.get('services')!.length - 3} restantes (${byTheme.get('services')!.length - 3} questions restantes) Fonctions support et ressources ${byTheme.get('fonctions-support')!.length} restantes (${byTheme.get('fonctions-support')!.length} questions restantes) Amélioration continue ${byTheme.get('amelioration-continue')!.length} restantes (${byTheme.get('amelioration-continue')!.length} questions restantes)`,
    );
    const overview = text(await (await w.member.get(`/diagnostics/${w.id}`)).text());
    expect(overview).toContain(`Identité et projet Avancement : Identité et projet ${identite.length} / ${identite.length} questions répondues ✓ (toutes les questions ont une réponse) Relire`);
    expect(overview).toContain(`Reprendre à la question ${byTheme.get('services')![3]!.code} (Services aux personnes en parcours et aux clients)`);
  });

  it('answers an autosave with a polite announcement, and with the progress bars only when the question gains or loses an answer', async () => {
    const first = await w.member.post(`/diagnostics/${w.id}/answers/ID-1.1`, { 'level.ID-1.1': '2', 'comment.ID-1.1': '', 'revision.ID-1.1': '0' }, { headers: HX });
    const html = await first.text();
    expect(html).toContain('<div id="live-region" hx-swap-oob="innerHTML">Réponse ID-1.1 enregistrée.</div>');
    expect(html).toMatch(/id="progress-theme-identite" hx-swap-oob="true"/);
    expect(html).toMatch(/id="progress-overall" hx-swap-oob="true"/);
    expect(html).toContain(`<span class="theme-left" id="tab-left-identite" hx-swap-oob="true"><span aria-hidden="true">${identite.length - 1} restantes</span>`);
    expect(text(html)).toContain(`1 / ${applicable.length} questions répondues`);

    // A new level, a comment: the question had an answer and still has one; the bars do not move.
    for (const [level, comment, revision] of [['3', '', '1'], ['3', 'Charte votée', '2']] as const) {
      const again = await (await w.member.post(`/diagnostics/${w.id}/answers/ID-1.1`, { 'level.ID-1.1': level, 'comment.ID-1.1': comment, 'revision.ID-1.1': revision }, { headers: HX })).text();
      expect(again).toContain('Réponse ID-1.1 enregistrée.');
      expect(again).toContain('Répondu par sophie (membre)');
      expect(again).not.toContain('progress-overall');
      expect(again).not.toContain('tab-left-');
    }
    expect(stored(w.ctx, w.id, 'ID-1.1')).toMatchObject({ level: 3, comment: 'Charte votée', revision: 3 });

    // A comment alone is no answer; choosing a level then is.
    const note = await (await w.member.post(`/diagnostics/${w.id}/answers/ID-1.2`, { 'comment.ID-1.2': 'À voir', 'revision.ID-1.2': '0' }, { headers: HX })).text();
    expect(note).not.toContain('progress-overall');
    const level = await (await w.member.post(`/diagnostics/${w.id}/answers/ID-1.2`, { 'level.ID-1.2': '1', 'comment.ID-1.2': 'À voir', 'revision.ID-1.2': '1' }, { headers: HX })).text();
    expect(text(level)).toContain(`2 / ${applicable.length} questions répondues`);

    const refused = await w.member.post(`/diagnostics/${w.id}/answers/ID-1.4`, { 'level.ID-1.4': '9', 'revision.ID-1.4': '0' }, { headers: HX });
    expect(refused.status).toBe(422);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toContain('<div id="live-region" hx-swap-oob="innerHTML">Question ID-1.4');
    expect(text(refusedHtml.slice(refusedHtml.indexOf('id="live-region"') - 5))).toBe('Question ID-1.4 : Choisissez un niveau de 0 à 4, ou « Non applicable ».');
    const conflict = await w.member.post(`/diagnostics/${w.id}/answers/ID-1.1`, { 'level.ID-1.1': '4', 'revision.ID-1.1': '1' }, { headers: HX });
    expect(conflict.status).toBe(409);
    expect(text(await conflict.text())).toContain('Question ID-1.1 : quelqu’un l’a modifiée pendant que vous la remplissiez ; rien n’a été enregistré.');
  });
});

describe('the theme page without JavaScript', () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });

  it('ends with « Enregistrer et continuer » and « Enregistrer », and has no plain link out of the page', async () => {
    const html = await (await w.member.get(`/diagnostics/${w.id}/themes/identite`)).text();
    expect(html).toContain('<button type="submit" class="button" name="goto" value="theme:services" aria-describedby="save-continue-hint">Enregistrer et continuer</button>');
    // Every link out of the questionnaire has its no-JavaScript twin: a button that saves first.
    const noJs = html.split('class="no-js-only"').length + html.split('no-js-only"').length;
    expect(noJs).toBeGreaterThan(3);
    for (const goto of ['organisation', 'overview', 'theme:services', 'theme:fonctions-support', 'theme:amelioration-continue']) expect(html).toContain(`form="theme-form" name="goto" value="${goto}"`);
    // The links are for pages with JavaScript (autosave) only.
    expect(html).toContain('<nav class="theme-pager no-print js-only"');
    expect(html).toContain('<p class="breadcrumb js-only">');
    // Enter on a radio button posts with the first submit button: a plain save.
    expect(html.indexOf('class="default-submit"')).toBeLessThan(html.indexOf('name="goto"'));
    const last = await (await w.member.get(`/diagnostics/${w.id}/themes/amelioration-continue`)).text();
    expect(last).toContain('name="goto" value="overview" aria-describedby="save-continue-hint">Enregistrer et continuer</button>');
    expect(text(last)).toContain('« Enregistrer et continuer » enregistre les réponses de ce thème puis ouvre la vue d’ensemble, d’où soumettre le diagnostic.');
  });

  it('saves what was typed, then goes where the button says', async () => {
    const res = await w.member.post(`/diagnostics/${w.id}/themes/identite`, { 'level.ID-1.1': '3', 'comment.ID-1.1': 'Charte votée', 'revision.ID-1.1': '0', goto: 'theme:services' });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe(`/diagnostics/${w.id}/themes/services`);
    expect(stored(w.ctx, w.id, 'ID-1.1')).toMatchObject({ level: 3, comment: 'Charte votée' });
    expect(text(await (await w.member.get(`/diagnostics/${w.id}/themes/services`)).text())).toContain('1 réponse enregistrée.');
    const overview = await w.member.post(`/diagnostics/${w.id}/themes/identite`, { 'level.ID-1.2': '1', 'revision.ID-1.2': '0', goto: 'overview' });
    expect(overview.headers.get('Location')).toBe(`/diagnostics/${w.id}`);
    expect((await w.member.post(`/diagnostics/${w.id}/themes/identite`, { goto: 'organisation' })).headers.get('Location')).toBe(`/organisations/${w.orgId}`);
    // Anything else stays on the theme: never outside the diagnostic.
    for (const goto of ['https://exemple.test/', '/admin/users', 'theme:inconnu']) {
      expect((await w.member.post(`/diagnostics/${w.id}/themes/identite`, { goto })).headers.get('Location')).toBe(`/diagnostics/${w.id}/themes/identite`);
    }
  });

  it('goes nowhere while an answer is refused: the page comes back with it and what was typed', async () => {
    const res = await w.member.post(`/diagnostics/${w.id}/themes/identite`, { 'level.ID-1.1': '7', 'comment.ID-1.1': 'Gardé', 'revision.ID-1.1': '0', 'level.ID-1.2': '2', 'revision.ID-1.2': '0', goto: 'theme:services' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(text(html)).toContain('Certaines réponses n’ont pas été enregistrées');
    expect(html).toContain('Gardé');
    expect(stored(w.ctx, w.id, 'ID-1.2')).toMatchObject({ level: 2 });
  });
});

describe('submitting', () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });

  it('says next to the button how many questions are left, and lists them by theme with counts when refused', async () => {
    await answer(w.member, w.id, identite);
    await answer(w.member, w.id, byTheme.get('services')!.slice(1));
    const overview = await (await w.member.get(`/diagnostics/${w.id}`)).text();
    const left = applicable.length - identite.length - byTheme.get('services')!.length + 1;
    expect(overview).toContain('<button type="submit" class="button" aria-describedby="submit-left">Soumettre le diagnostic</button>');
    expect(text(overview)).toContain(`Soumettre le diagnostic ${left} questions applicables restent sans réponse.`);

    const res = await w.member.post(`/diagnostics/${w.id}/submit`);
    expect(res.status).toBe(422);
    const html = await res.text();
    const summary = html.slice(html.indexOf('id="submit-refused"'), html.indexOf('</div>', html.indexOf('id="submit-refused"')));
    const headings = [...summary.matchAll(/<h3[^>]*>(.*?)<\/h3>/g)].map((m) => text(m[1]!));
    const sv = byTheme.get('services')![0]!;
    expect(headings).toEqual([
      'Services aux personnes en parcours et aux clients : 1 question sans réponse',
      `Fonctions support et ressources : ${byTheme.get('fonctions-support')!.length} questions sans réponse`,
      `Amélioration continue : ${byTheme.get('amelioration-continue')!.length} questions sans réponse`,
    ]);
    expect(summary).toContain(`href="/diagnostics/${w.id}/themes/services#q-${sv.code.replace('.', '_')}"`);
    expect(summary.match(/<li>/g)).toHaveLength(left);
    expect(w.ctx.db.select().from(diagnostics).where(eq(diagnostics.id, w.id)).get()!.status).toBe('draft');
  });

  it('asks before submitting (a dialog with JavaScript, a page without), and submits only when confirmed', async () => {
    await answer(w.member, w.id, applicable);
    const overview = await (await w.member.get(`/diagnostics/${w.id}`)).text();
    expect(overview).toContain(`<form method="post" action="/diagnostics/${w.id}/submit" data-confirm-dialog="confirm-submit" class="inline">`);
    expect(overview).toContain('<dialog id="confirm-submit" class="confirm-dialog" aria-labelledby="confirm-submit-title">');
    expect(text(overview)).toContain('Toutes les questions applicables ont une réponse.');
    const ask = await w.member.post(`/diagnostics/${w.id}/submit`);
    expect(ask.status).toBe(200);
    const page = text(await ask.text());
    expect(page).toContain('Soumettre le diagnostic ? Vous allez soumettre le diagnostic du 2 mars 2026. Une fois soumis, ses réponses ne sont plus modifiables');
    expect(page).toContain('Oui, soumettre le diagnostic Non, revenir au diagnostic');
    expect(w.ctx.db.select().from(diagnostics).where(eq(diagnostics.id, w.id)).get()!.status).toBe('draft');
    expect((await w.member.post(`/diagnostics/${w.id}/submit`, { confirm: '1' })).status).toBe(303);
    expect(w.ctx.db.select().from(diagnostics).where(eq(diagnostics.id, w.id)).get()!.status).toBe('submitted');
  });
});

describe('confirming the carried-over answers of a theme', () => {
  let w: World;
  let second: string;
  beforeEach(async () => {
    w = await world();
    w.ctx.now.value = new Date('2026-03-02T09:00:00Z');
    await answer(w.member, w.id, applicable);
    await w.member.post(`/diagnostics/${w.id}/submit`, { confirm: '1' });
    w.ctx.now.value = new Date('2026-03-02T10:00:00Z');
    second = await start(w.member, w.orgId, w.id);
  });

  it('confirms them all at once, audited as one event, and offers to undo while the page is open', async () => {
    const theme = await (await w.member.get(`/diagnostics/${second}/themes/identite`)).text();
    expect(text(theme)).toContain(`${identite.length} réponses de ce thème sont reprises du diagnostic du 2 mars 2026.`);
    expect(theme).toContain(`<button type="submit" form="theme-form" name="confirmPrefilled" value="1" class="button button--secondary">Confirmer les ${identite.length} réponses reprises</button>`);
    // The post carries the theme's fields too: what was typed meanwhile is saved first.
    const res = await w.member.post(`/diagnostics/${second}/themes/identite`, { confirmPrefilled: '1', 'level.ID-1.1': '4', 'revision.ID-1.1': '1' });
    expect(res.status).toBe(303);
    const event = w.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'confirm-prefilled')).get()!;
    expect(res.headers.get('Location')).toBe(`/diagnostics/${second}/themes/identite?confirme=${event.id}#prefill-panel`);
    expect(event.after).toEqual({ theme: 'identite', count: identite.length - 1, questions: identite.slice(1).map((q) => q.code).join(', ') });
    for (const q of identite) expect(stored(w.ctx, second, q.code)!.prefilledFrom).toBeNull();
    expect(stored(w.ctx, second, 'ID-1.1')!.level).toBe(4);
    expect(stored(w.ctx, second, byTheme.get('services')![0]!.code)!.prefilledFrom).toBe('2026-03-02T09:00:00.000Z');

    const after = await (await w.member.get(res.headers.get('Location')!)).text();
    expect(text(after)).toContain(`1 réponse enregistrée. ${identite.length - 1} réponses reprises confirmées.`);
    expect(text(after)).toContain(`${identite.length - 1} réponses reprises viennent d’être confirmées. Une erreur ? Vous pouvez annuler tant que cette page est ouverte. Annuler la confirmation`);
    expect(after).toContain(`name="undoConfirm" value="${event.id}"`);
    // Someone else opening the same address is offered nothing.
    const marc = new Client(w.ctx);
    await marc.login('marc@cap.test');
    expect(await (await marc.get(`/diagnostics/${second}/themes/identite?confirme=${event.id}`)).text()).not.toContain('undoConfirm');

    // A question changed since keeps its change; the others go back to « repris », first author and date.
    const changed = identite[2]!.code;
    const rev = String(stored(w.ctx, second, changed)!.revision);
    await w.member.post(`/diagnostics/${second}/answers/${changed}`, { level: '0', comment: '', revision: rev });
    const undo = await w.member.post(`/diagnostics/${second}/themes/identite`, { undoConfirm: String(event.id) });
    expect(undo.headers.get('Location')).toBe(`/diagnostics/${second}/themes/identite#prefill-panel`);
    expect(text(await (await w.member.get(`/diagnostics/${second}/themes/identite`)).text())).toContain(
      `Confirmation annulée : ${identite.length - 2} réponses sont de nouveau à confirmer. 1 réponse modifiée depuis reste telle quelle.`,
    );
    expect(stored(w.ctx, second, identite[1]!.code)).toMatchObject({ prefilledFrom: '2026-03-02T09:00:00.000Z', updatedAt: '2026-03-02T09:00:00.000Z' });
    expect(stored(w.ctx, second, changed)).toMatchObject({ prefilledFrom: null, level: 0 });
    expect(w.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'undo-confirm-prefilled')).get()!.after).toMatchObject({ theme: 'identite', restored: identite.length - 2, kept: 1 });
    // Undone once: nothing left to undo.
    const twice = await w.member.post(`/diagnostics/${second}/themes/identite`, { undoConfirm: String(event.id) });
    expect(twice.headers.get('Location')).toBe(`/diagnostics/${second}/themes/identite`);

    const history = text(await (await w.member.get(`/diagnostics/${second}/history`)).text());
    expect(history).toContain('confirmation des réponses reprises : Diagnostic');
    expect(history).toContain(`Réponses : ${identite.length - 1}`);
    expect(history).toContain('annulation de la confirmation des réponses reprises');
    expect(history).not.toContain('(vide)');
  });
});

describe('small fixes', () => {
  it('shows a due-date example in the future, written as the date field shows it', async () => {
    const w = await world();
    await answer(w.member, w.id, applicable);
    await w.member.post(`/diagnostics/${w.id}/submit`, { confirm: '1' });
    const plan = text(await (await w.member.get(`/diagnostics/${w.id}/plan`)).text());
    // Today is 2 March 2026 in the test clock: 90 days later.
    expect(plan).toContain('Jour, mois et année, par exemple 31/05/2026.');
  });
});
