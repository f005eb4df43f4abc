// Journeys through the questionnaire in Chromium (issue 15): a whole theme without JavaScript,
// with « Enregistrer et continuer » and the buttons that save before leaving; a warning before
// leaving while an answer is on its way; carried-over answers confirmed at once and the undo; a
// draft deleted by its creator after the confirmation; the new pages axe-core clean.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { and, eq } from 'drizzle-orm';
import { checkA11y, DEMO, firstPage, htmxIdle, htmxRequest, launchBrowser, login, mainText, screenshot, startServer, watchErrors, type TestServer } from './support/harness.ts';
import { answers, diagnostics } from '../../src/db/schema.ts';
import { getDiagnosticContext, listOrganisationDiagnostics } from '../../src/db/diagnostics.ts';
import { applicableQuestions, domId } from '../../src/questionnaire/progress.ts';

describe('questionnaire journeys', () => {
  let srv: TestServer;

  beforeAll(async () => {
    srv = await startServer({ demo: true });
  });
  afterAll(async () => {
    await srv?.close();
  });

  const stored = (diagId: string, code: string) => srv.db.select().from(answers).where(and(eq(answers.diagnosticId, diagId), eq(answers.questionCode, code))).get();

  test('without JavaScript, a whole theme is answered and saved by « Enregistrer et continuer », and no way out of the page loses what was typed', { timeout: 180_000 }, async () => {
    // Les Jardins du Lauragais (membre2): a draft, first theme answered, services half done.
    const diagId = listOrganisationDiagnostics(srv.db, srv.demo!.organisations[1]!)[0]!.id;
    const ctx = getDiagnosticContext(srv.db, diagId)!;
    const theme = ctx.referential.themes.find((th) => th.slug === 'fonctions-support')!;
    const questions = applicableQuestions(theme, ctx.organisation.types).flatMap((g) => g.questions);
    const noJs = await launchBrowser({ javaScriptEnabled: false });
    try {
      const p = await firstPage(noJs);
      const errors = watchErrors(p);
      await login(p, srv.url, DEMO.member2);
      await p.goto(`${srv.url}/diagnostics/${diagId}/themes/fonctions-support`);
      // Without JavaScript, the links out of the questionnaire are buttons that save first.
      expect(await p.locator('a[href*="/themes/"]:visible').count()).toBe(0);
      expect(await p.getByRole('button', { name: /Thème suivant : Amélioration continue/ }).isVisible()).toBe(true);
      for (const [i, q] of questions.entries()) {
        await p.locator(`input[name="level.${q.code}"][value="${i % 5}"]`).check();
        await p.locator(`textarea[name="comment.${q.code}"]`).fill(`Sans JavaScript (${q.code})`);
      }
      await screenshot(p, 'questionnaire-nojs-save-continue');
      await Promise.all([p.waitForURL(`${srv.url}/diagnostics/${diagId}/themes/amelioration-continue`), p.getByRole('button', { name: 'Enregistrer et continuer' }).click()]);
      expect(await mainText(p)).toContain(`${questions.length} réponses enregistrées.`);
      for (const [i, q] of questions.entries()) expect(stored(diagId, q.code), q.code).toMatchObject({ level: i % 5, comment: `Sans JavaScript (${q.code})` });
      // The theme's tab says it is done.
      expect(await p.locator('nav.no-js-only .theme-nav').getByRole('button', { name: /Fonctions support/ }).innerText()).toContain('✓');

      // Typed on the next theme, then a tab, the breadcrumb, the pager: each saves before going.
      const next = applicableQuestions(ctx.referential.themes.find((th) => th.slug === 'amelioration-continue')!, ctx.organisation.types).flatMap((g) => g.questions);
      const ways: [string, () => Promise<unknown>, RegExp][] = [
        ['onglet', () => p.locator('nav.no-js-only .theme-nav').getByRole('button', { name: /^Identité et projet/ }).click(), /\/themes\/identite$/],
        ['fil d’Ariane', () => p.locator('p.breadcrumb').getByRole('button', { name: /Diagnostic du/ }).click(), new RegExp(`/diagnostics/${diagId}$`)],
        ['thème précédent', () => p.getByRole('button', { name: /← Thème précédent/ }).click(), /\/themes\/fonctions-support$/],
      ];
      for (const [k, [way, go, to]] of ways.entries()) {
        await p.goto(`${srv.url}/diagnostics/${diagId}/themes/amelioration-continue`);
        const q = next[k]!;
        await p.locator(`input[name="level.${q.code}"][value="3"]`).check();
        await p.locator(`textarea[name="comment.${q.code}"]`).fill(`Gardé en quittant par ${way}`);
        await Promise.all([p.waitForURL(to), go()]);
        expect(stored(diagId, q.code), way).toMatchObject({ level: 3, comment: `Gardé en quittant par ${way}` });
        expect(await mainText(p)).toContain('1 réponse enregistrée');
      }
      expect(errors.errors).toEqual([]);
    } finally {
      await noJs.close();
    }
  });

  describe('with JavaScript', () => {
    let ctx: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      ctx = await launchBrowser();
      page = await firstPage(ctx);
      await login(page, srv.url, DEMO.member1);
    });
    afterAll(async () => {
      await ctx?.close();
    });

    test('the no-JavaScript twins of the theme page (buttons that save, then go) are axe-core clean too', async () => {
      const diagId = listOrganisationDiagnostics(srv.db, srv.demo!.organisations[0]!).find((d) => d.status === 'draft')!.id;
      await page.goto(`${srv.url}/diagnostics/${diagId}/themes/services`);
      // axe cannot run in a page without JavaScript: the same page, shown as without it.
      await page.evaluate(() => document.documentElement.classList.remove('js'));
      expect(await page.getByRole('button', { name: 'Enregistrer et continuer' }).isVisible()).toBe(true);
      expect(await page.locator('.theme-pager.js-only').isVisible()).toBe(false);
      expect(await checkA11y(page)).toEqual([]);
    });

    test('leaving while an answer is typed but not yet saved asks first; once saved, nothing asks', async () => {
      const draft = listOrganisationDiagnostics(srv.db, srv.demo!.organisations[0]!).find((d) => d.status === 'draft')!;
      await page.goto(`${srv.url}/diagnostics/${draft.id}/themes/identite`);
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.type());
        void d.dismiss();
      });
      // Typed, and the link followed before the autosave's pause is over: the browser asks.
      await page.locator('textarea[name="comment.ID-1.4"]').fill('En cours de frappe');
      await page.locator('textarea[name="comment.ID-1.4"]').press('End');
      await page.getByRole('link', { name: /Thème suivant/ }).click();
      await expect.poll(() => dialogs).toEqual(['beforeunload']);
      expect(page.url()).toContain('/themes/identite');
      // Staying, the save goes through; then leaving asks nothing.
      await expect.poll(() => stored(draft.id, 'ID-1.4')?.comment).toBe('En cours de frappe');
      await htmxIdle(page);
      await Promise.all([page.waitForURL(/\/themes\/services$/), page.getByRole('link', { name: /Thème suivant/ }).click()]);
      expect(dialogs).toEqual(['beforeunload']);
      page.removeAllListeners('dialog');
    });

    test('confirms the carried-over answers of a theme at once, and undoes it while the page is open', async () => {
      const draft = listOrganisationDiagnostics(srv.db, srv.demo!.organisations[0]!).find((d) => d.status === 'draft')!;
      const dctx = getDiagnosticContext(srv.db, draft.id)!;
      const theme = dctx.referential.themes.find((th) => th.slug === 'amelioration-continue')!;
      const codes = applicableQuestions(theme, dctx.organisation.types).flatMap((g) => g.questions.map((q) => q.code));
      const carried = codes.filter((c) => stored(draft.id, c)?.prefilledFrom);
      expect(carried.length).toBeGreaterThan(3);
      await page.goto(`${srv.url}/diagnostics/${draft.id}/themes/amelioration-continue`);
      expect(await checkA11y(page)).toEqual([]);
      await Promise.all([page.waitForURL(/confirme=\d+/), page.getByRole('button', { name: `Confirmer les ${carried.length} réponses reprises` }).click()]);
      for (const c of carried) expect(stored(draft.id, c)!.prefilledFrom, c).toBeNull();
      // The page opens on the undo, focused, and the tab shows what is left: the questions new in
      // CAP 2026 (the demo's draft was carried over from CAP 2023), or the theme done.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('prefill-panel');
      const unanswered = codes.filter((c) => { const a = stored(draft.id, c); return !a || (!a.na && a.level === null); });
      expect(await page.locator('#tab-left-amelioration-continue').innerText()).toContain(unanswered.length ? `${unanswered.length} restantes` : '✓');
      expect(await checkA11y(page)).toEqual([]);
      await screenshot(page, 'questionnaire-prefill-undo');
      await Promise.all([page.waitForURL(/\/themes\/amelioration-continue#prefill-panel$/), page.getByRole('button', { name: 'Annuler la confirmation' }).click()]);
      expect(await mainText(page)).toContain(`Confirmation annulée : ${carried.length} réponses sont de nouveau à confirmer.`);
      for (const c of carried) expect(stored(draft.id, c)!.prefilledFrom, c).not.toBeNull();
      // One by one, « Confirmer cette réponse » with the keyboard: the focus goes back to its question.
      const first = carried[0]!;
      await page.locator(`#st-${domId(first)} button`).focus();
      await htmxRequest(page, () => page.keyboard.press('Enter'), `/answers/${first}`);
      expect(await page.evaluate((c) => (document.activeElement as HTMLInputElement | null)?.name, first)).toBe(`level.${first}`);
      await expect.poll(() => page.locator('#live-region').innerText()).toBe(`Réponse ${first} enregistrée.`);
      expect(stored(draft.id, first)!.prefilledFrom).toBeNull();
    });

    test('the creator deletes an abandoned draft after a confirmation, and can start again', async () => {
      // Flandre Services Proximité (membre6) has no diagnostic: start one, then take it back.
      const m6 = await launchBrowser();
      try {
        const p = await firstPage(m6);
        const errors = watchErrors(p);
        await login(p, srv.url, DEMO.member6);
        const orgId = srv.demo!.organisations[5]!;
        await p.goto(`${srv.url}/organisations/${orgId}`);
        await p.locator('input[name="mode"][value="autodiagnostic"]').check();
        await p.locator('#f-pname-0').fill('Nadia Lefebvre');
        await p.locator('#f-prole-0').selectOption('direction');
        await Promise.all([p.waitForURL(/\/diagnostics\/[\w-]+$/), p.getByRole('button', { name: 'Démarrer le diagnostic' }).click()]);
        const id = new URL(p.url()).pathname.split('/').pop()!;
        expect(await mainText(p)).toContain('Commencer le questionnaire');
        // The structure's page now leads to it instead of offering a second one.
        await p.goto(`${srv.url}/organisations/${orgId}`);
        expect(await mainText(p)).toContain('Diagnostic en cours');
        expect(await p.getByRole('button', { name: 'Démarrer le diagnostic' }).count()).toBe(0);
        expect(await checkA11y(p)).toEqual([]);
        await Promise.all([p.waitForURL(`${srv.url}/diagnostics/${id}/delete`), p.getByRole('link', { name: /Supprimer le brouillon du/ }).click()]);
        expect(await mainText(p)).toContain('La suppression est définitive');
        expect(await checkA11y(p)).toEqual([]);
        await screenshot(p, 'draft-delete-confirmation');
        await Promise.all([p.waitForURL(`${srv.url}/organisations/${orgId}`), p.getByRole('button', { name: 'Oui, supprimer définitivement ce brouillon' }).click()]);
        expect(await mainText(p)).toContain('est supprimé.');
        expect(srv.db.select().from(diagnostics).where(eq(diagnostics.id, id)).get()).toBeUndefined();
        expect(await p.getByRole('button', { name: 'Démarrer le diagnostic' }).isVisible()).toBe(true);
        expect(errors.errors).toEqual([]);
      } finally {
        await m6.close();
      }
    });
  });
});
