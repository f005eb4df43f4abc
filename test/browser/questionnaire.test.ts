// The questionnaire in a real browser (issue 4): a member answers a whole theme with the keyboard
// only, reloads and finds every answer, then submits; a second session editing the same question
// gets the conflict display; the same theme works without JavaScript; axe-core clean.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { and, eq } from 'drizzle-orm';
import { checkA11y, DEMO, firstPage, htmxIdle, htmxRequest, launchBrowser, login, mainText, newContext, screenshot, startServer, watchErrors, type TestServer } from './support/harness.ts';
import { answers, diagnostics, users } from '../../src/db/schema.ts';
import { listOrganisationDiagnostics, getDiagnosticContext } from '../../src/db/diagnostics.ts';
import { saveAnswer } from '../../src/db/diagnostic-writes.ts';
import { applicableQuestions, domId } from '../../src/questionnaire/progress.ts';

/** The focused control as `name=value` (what a keyboard user is on), or its tag. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    if (!el || el === document.body) return 'body';
    const name = el.getAttribute('name');
    return name ? `${name}=${el.type === 'textarea' ? '' : (el.getAttribute('value') ?? '')}` : el.tagName.toLowerCase();
  });
}

/** Presses Tab until the focused element matches `selector` (keyboard only, like a person would). */
async function tabTo(page: Page, selector: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => !!document.activeElement?.matches(s), selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe('questionnaire', () => {
  let srv: TestServer;
  let ctx: BrowserContext;
  let page: Page;
  let watched: { errors: string[] };
  let diagId: string;

  beforeAll(async () => {
    srv = await startServer({ demo: true });
    // Les Jardins du Lauragais (membre2): a draft with the first theme answered.
    diagId = listOrganisationDiagnostics(srv.db, srv.demo!.organisations[1]!)[0]!.id;
    ctx = await launchBrowser();
    page = await firstPage(ctx);
    watched = watchErrors(page);
    await login(page, srv.url, DEMO.member2);
  });
  afterAll(async () => {
    await ctx?.close();
    await srv?.close();
  });

  test('overview and theme pages are axe-core clean', async () => {
    await page.goto(`${srv.url}/diagnostics/${diagId}`);
    expect(await mainText(page)).toContain('Avancement du questionnaire');
    expect(await checkA11y(page)).toEqual([]);
    await screenshot(page, 'questionnaire-overview');
    await page.goto(`${srv.url}/diagnostics/${diagId}/themes/identite`);
    expect(await checkA11y(page)).toEqual([]);
    await page.goto(`${srv.url}/organisations/${srv.demo!.organisations[1]}`);
    expect(await checkA11y(page)).toEqual([]);
    expect(watched.errors).toEqual([]);
  });

  test('a member answers a whole theme with the keyboard only, reloads and finds everything, then submits', async () => {
    const dctx = getDiagnosticContext(srv.db, diagId)!;
    const theme = dctx.referential.themes.find((t) => t.slug === 'amelioration-continue')!;
    const questions = applicableQuestions(theme, dctx.organisation.types).flatMap((g) => g.questions);
    await page.goto(`${srv.url}/diagnostics/${diagId}/themes/amelioration-continue`);
    const expected = new Map<string, { level: number; comment: string }>();
    for (const [i, q] of questions.entries()) {
      const level = i % 5;
      const comment = `Noté en séance (${q.code}) : niveau ${level}.`;
      expected.set(q.code, { level, comment });
      // No radio of the group is checked yet: Tab lands on level 0; Space checks it, arrows move.
      await tabTo(page, `input[name="level.${q.code}"]`);
      await htmxRequest(page, () => page.keyboard.press('Space'), `/answers/${q.code}`);
      // After the swap the focus is still on the radio the person used, and the save is said once,
      // in the page's polite live region; the theme's tab counts down.
      expect(await focused(page)).toBe(`level.${q.code}=0`);
      await expect.poll(() => page.locator('#live-region').innerText()).toBe(`Réponse ${q.code} enregistrée.`);
      const left = questions.length - i - 1;
      await expect.poll(() => page.locator('#tab-left-amelioration-continue').innerText()).toContain(left ? `${left} restante` : '✓');
      for (let k = 0; k < level; k++) {
        await htmxRequest(page, () => page.keyboard.press('ArrowDown'), `/answers/${q.code}`);
        expect(await focused(page)).toBe(`level.${q.code}=${k + 1}`);
      }
      await tabTo(page, `textarea[name="comment.${q.code}"]`);
      await htmxRequest(page, () => page.keyboard.type(comment), `/answers/${q.code}`);
      expect(await focused(page)).toBe(`comment.${q.code}=`);
      await page.keyboard.press('Tab');
      await htmxIdle(page);
      await expect.poll(() => page.locator(`#st-${domId(q.code)} .save-status`).innerText()).toMatch(/^Enregistré à \d\d:\d\d$/);
    }
    await expect.poll(() => page.locator('#progress-theme-amelioration-continue').innerText()).toContain(`${questions.length} / ${questions.length} questions répondues`);
    expect(await page.locator('#live-region').getAttribute('aria-live')).toBe('polite');
    // Nothing else speaks: the status areas are not live regions of their own.
    expect(await page.locator('.question__status[aria-live]').count()).toBe(0);

    await page.reload();
    for (const q of questions) {
      const e = expected.get(q.code)!;
      expect(await page.locator(`input[name="level.${q.code}"][value="${e.level}"]`).isChecked(), q.code).toBe(true);
      expect(await page.locator(`textarea[name="comment.${q.code}"]`).inputValue()).toBe(e.comment);
    }
    expect(await mainText(page)).toContain('Répondu par Karim Benali (membre)');
    expect(await checkA11y(page)).toEqual([]);

    // The other themes are filled in directly, then the member submits from the overview.
    const karim = srv.db.select().from(users).where(eq(users.email, DEMO.member2)).get()!;
    for (const th of dctx.referential.themes) {
      for (const q of applicableQuestions(th, dctx.organisation.types).flatMap((g) => g.questions)) {
        const row = srv.db.select().from(answers).where(and(eq(answers.diagnosticId, diagId), eq(answers.questionCode, q.code))).get();
        if (row && (row.level !== null || row.na)) continue;
        saveAnswer(srv.db, { diagnosticId: diagId, questionCode: q.code, level: 2, na: false, comment: '', revision: row?.revision ?? 0, userId: karim.id, role: 'member' }, new Date());
      }
    }
    await page.goto(`${srv.url}/diagnostics/${diagId}`);
    expect(await mainText(page)).toContain('Soumettre le diagnostic Toutes les questions applicables ont une réponse.');
    // Submitting asks first, in a dialog that opens on the safer choice; Escape closes it and
    // gives the focus back to the button.
    await tabTo(page, 'form[action$="/submit"] button');
    await page.keyboard.press('Enter');
    const dialog = page.locator('#confirm-submit');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Non, revenir au diagnostic');
    expect(await checkA11y(page)).toEqual([]);
    await screenshot(page, 'questionnaire-submit-dialog');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.closest('form')?.getAttribute('action'))).toBe(`/diagnostics/${diagId}/submit`);
    expect(srv.db.select().from(diagnostics).where(eq(diagnostics.id, diagId)).get()!.status).toBe('draft');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Oui, soumettre le diagnostic');
    // The answer comes back to the page already open (same URL): wait for its message, not the URL.
    await page.keyboard.press('Enter');
    await expect.poll(() => mainText(page).catch(() => ''), { timeout: 15_000 }).toContain('Le diagnostic est soumis.');
    expect(srv.db.select().from(diagnostics).where(eq(diagnostics.id, diagId)).get()!.status).toBe('submitted');
    expect(watched.errors).toEqual([]);
  });

  test('a second session editing the same question gets the conflict display and can keep their own', async () => {
    // A fresh draft of Garonne (membre1) edited by Sophie and by Inès, the consultant.
    const garonneDraft = listOrganisationDiagnostics(srv.db, srv.demo!.organisations[0]!).find((d) => d.status === 'draft')!;
    const url = `${srv.url}/diagnostics/${garonneDraft.id}/themes/identite`;
    const sophieCtx = await newContext();
    const inesCtx = await newContext();
    try {
      const sophie = await firstPage(sophieCtx);
      const ines = await firstPage(inesCtx);
      const sophieErrors = watchErrors(sophie);
      await login(sophie, srv.url, DEMO.member1);
      await login(ines, srv.url, DEMO.consultantOccitanie);
      await sophie.goto(url);
      await ines.goto(url);
      const stored = () => srv.db.select().from(answers).where(and(eq(answers.diagnosticId, garonneDraft.id), eq(answers.questionCode, 'ID-1.2'))).get()!;
      const before = stored().level;
      const inesLevel = before === 0 ? 1 : 0;
      const sophieLevel = [2, 3, 4].find((l) => l !== before)!;
      // Inès saves first…
      const first = await htmxRequest(ines, () => ines.locator(`input[name="level.ID-1.2"][value="${inesLevel}"]`).check(), '/answers/ID-1.2');
      expect(first.status()).toBe(200);
      // …Sophie's page was built before: her save is refused and both versions are shown.
      const refused = await htmxRequest(sophie, () => sophie.locator(`input[name="level.ID-1.2"][value="${sophieLevel}"]`).check(), '/answers/ID-1.2');
      expect(refused.status()).toBe(409);
      const block = sophie.locator('#q-ID-1_2 .conflict');
      await expect.poll(() => block.isVisible()).toBe(true);
      const text = (await block.innerText()).replace(/\s+/g, ' ');
      expect(text).toContain('Quelqu’un a modifié cette réponse pendant que vous la remplissiez');
      expect(text).toMatch(/par Inès Martin \(conseiller·ère fédéral·e\) le .* à \d\d:\d\d/);
      expect(text).toContain(`Niveau ${inesLevel} —`);
      expect(text).toContain(`Niveau ${sophieLevel} —`);
      expect(await checkA11y(sophie)).toEqual([]);
      await screenshot(sophie, 'questionnaire-conflict');
      expect(stored().level).toBe(inesLevel);

      // The whole question is replaced: the focus, on the button that went with the conflict,
      // comes back to the question (its chosen level), not to the top of the page.
      await sophie.getByRole('button', { name: 'Garder ma saisie' }).focus();
      await htmxRequest(sophie, () => sophie.keyboard.press('Enter'), '/answers/ID-1.2');
      await expect.poll(() => sophie.locator('#q-ID-1_2 .conflict').count()).toBe(0);
      expect(await focused(sophie)).toBe(`level.ID-1.2=${sophieLevel}`);
      await expect.poll(() => sophie.locator('#live-region').innerText()).toBe('Réponse ID-1.2 enregistrée.');
      expect(stored()).toMatchObject({ level: sophieLevel, updatedByRole: 'member', prefilledFrom: null });
      expect(await sophie.locator('#st-ID-1_2').innerText()).toContain('Répondu par Sophie Durand (membre)');
      // The refused save itself is the 409 the test provoked; nothing else may fail.
      expect(sophieErrors.errors.filter((e) => !e.startsWith('http 409:'))).toEqual([]);
    } finally {
      await sophieCtx.close();
      await inesCtx.close();
    }
  });

  test('without JavaScript the theme is one form: answers are saved and the page comes back with a summary', async () => {
    const noJs = await launchBrowser({ javaScriptEnabled: false });
    try {
      const p = await firstPage(noJs);
      await login(p, srv.url, DEMO.member1);
      const draft = listOrganisationDiagnostics(srv.db, srv.demo!.organisations[0]!).find((d) => d.status === 'draft')!;
      await p.goto(`${srv.url}/diagnostics/${draft.id}/themes/services`);
      const button = p.getByRole('button', { name: 'Enregistrer', exact: true });
      expect(await button.isVisible()).toBe(true);
      const code = (await p.locator('input[type="radio"]').first().getAttribute('name'))!.slice('level.'.length);
      await p.locator(`input[name="level.${code}"][value="4"]`).check();
      await p.locator(`textarea[name="comment.${code}"]`).fill('Vérifié sans JavaScript');
      await Promise.all([p.waitForURL(/\/themes\/services$/), button.click()]);
      expect(await mainText(p)).toContain('1 réponse enregistrée');
      expect(await p.locator(`textarea[name="comment.${code}"]`).inputValue()).toBe('Vérifié sans JavaScript');
      expect(await p.locator(`input[name="level.${code}"][value="4"]`).isChecked()).toBe(true);
    } finally {
      await noJs.close();
    }
  });
  test('the level guide opens in place, a glossary link leads to its definition and the legal sources unfold, with and without JavaScript', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const browser = await launchBrowser({ javaScriptEnabled });
      try {
        const p = await firstPage(browser);
        await login(p, srv.url, DEMO.member2);
        await p.goto(`${srv.url}/diagnostics/${diagId}/themes/fonctions-support`);
        const guide = p.locator('details.level-guide');
        expect(await guide.getAttribute('open')).toBeNull();
        await guide.locator('summary').click();
        expect(await guide.getAttribute('open')).toBe('');
        expect(await guide.innerText()).toContain('Niveau 4');
        const sources = p.locator('#q-FS-2_1 details.legal-refs');
        await sources.locator('summary').click();
        expect(await sources.innerText()).toContain('Code du travail, art. R4121-1');
        if (javaScriptEnabled) {
          expect(await checkA11y(p)).toEqual([]);
          await screenshot(p, 'questionnaire-guide-legal');
        }
        await p.locator('#q-FS-2_1 a.term', { hasText: 'DUERP' }).first().click();
        await p.waitForURL(/#glossaire-duerp$/);
        const term = p.locator('#glossaire-duerp');
        expect(await term.evaluate((el) => el.matches(':target'))).toBe(true);
        expect(await term.isVisible()).toBe(true);
        const box = await term.boundingBox();
        expect(box!.y).toBeGreaterThanOrEqual(0);
        expect(box!.y).toBeLessThan(p.viewportSize()!.height);
        if (javaScriptEnabled) await screenshot(p, 'questionnaire-glossary');
      } finally {
        await browser.close();
      }
    }
    expect(watched.errors).toEqual([]);
  });
});
