// Issue 14 in a real browser, on the demo's Chantier des Terrils answered at low levels (with an
// earlier diagnostic, and a draft started from it): the plan opens on its priorities, filters and
// the compact table work without JavaScript, results open on « L’essentiel »; axe-core reports
// nothing at 1280 and 375 px; screenshots of the pages and of the PDF's pages (pdftoppm) are left
// in /tmp/cap-screens for a look.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { checkA11y, DEMO, fetchAsUser, firstPage, launchBrowser, login, mainText, pdfText, plain, screenshot, SCREEN_DIR, startServer, watchErrors, type TestServer } from './support/harness.ts';
import { insertTerrilsDiagnostic } from '../support/terrils.ts';

const WIDTHS = [1280, 375] as const;

describe('Chantier des Terrils: plan, results and PDF', () => {
  let srv: TestServer;
  let ctx: BrowserContext;
  let page: Page;
  let watched: { errors: string[] };
  let id: string;
  let draft: string;

  beforeAll(async () => {
    srv = await startServer({ demo: true });
    const prev = insertTerrilsDiagnostic(srv.db, { createdAt: '2025-02-01T09:00:00.000Z', level: (i, legal) => (legal ? 1 : i % 3) });
    id = insertTerrilsDiagnostic(srv.db, { previousId: prev });
    draft = insertTerrilsDiagnostic(srv.db, { status: 'draft', previousId: id, createdAt: new Date(Date.now() - 86_400_000).toISOString(), prefilled: 40 });
    ctx = await launchBrowser();
    page = await firstPage(ctx);
    watched = watchErrors(page);
    await login(page, srv.url, DEMO.member5);
  });
  afterAll(async () => {
    await ctx?.close();
    await srv?.close();
  });

  for (const width of WIDTHS) {
    test(`plan at ${width} px: priorities first, whole titles, axe-core clean in both views`, async () => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${srv.url}/diagnostics/${id}/plan`);
      expect(await page.locator('section.plan-focus article.plan-action').count()).toBe(5);
      const titles = await page.locator('article.plan-action h3').allInnerTexts();
      expect(titles.length).toBeGreaterThan(60);
      for (const t of titles) expect(t).not.toMatch(/…$/);
      expect(await checkA11y(page)).toEqual([]);
      await screenshot(page, `terrils-plan-${width}`);
      // One theme unfolded, then the compact table.
      await page.locator('details.plan-theme summary').first().click();
      expect(await checkA11y(page)).toEqual([]);
      await page.goto(`${srv.url}/diagnostics/${id}/plan?vue=tableau`);
      expect(await page.locator('table.plan-table tbody tr').count()).toBe(titles.length);
      expect(await checkA11y(page)).toEqual([]);
      await screenshot(page, `terrils-plan-table-${width}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });

    test(`results at ${width} px: « L’essentiel » first, axe-core clean, no page overflow`, async () => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${srv.url}/diagnostics/${id}/results`);
      const text = plain(await mainText(page));
      expect(text.indexOf('L’essentiel')).toBeLessThan(text.indexOf('Scores par thème et par critère'));
      expect(text).toContain('Aucune réponse au niveau 3');
      expect(await checkA11y(page)).toEqual([]);
      if (width === 375) {
        // Long lists fold (progress by kind, the obligations past three in « L’essentiel »): the
        // page measured 29,000 px with everything open, 12,300 px folded.
        expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(15_000);
        expect(await page.locator('.results-legal li:visible').count()).toBe(3);
        expect(await page.getByRole('link', { name: /^Les \d+ obligations, avec leur niveau$/ }).getAttribute('href')).toBe('#obligations');
      }
      await screenshot(page, `terrils-results-${width}`, { maxHeight: 16_000 });
      for (const d of await page.locator('details').all()) await d.evaluate((el) => ((el as HTMLDetailsElement).open = true));
      expect(await checkA11y(page)).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.goto(`${srv.url}/diagnostics/${draft}/results`);
      expect(plain(await mainText(page))).toContain('40 réponses reprises du diagnostic précédent restent à confirmer');
      expect(await checkA11y(page)).toEqual([]);
      await screenshot(page, `terrils-results-draft-${width}`);
    });
  }

  test('the gap analysis on a phone: the questions of each requirement fold, the page stays a reasonable length', async () => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(`${srv.url}/diagnostics/${id}/iso9001`);
    // 118,000 px with every table open (40,000 once the plan has its actions); about 23,000 folded.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(30_000);
    const first = page.locator('article.gap details').first();
    expect(await first.locator('table').isVisible()).toBe(false);
    await first.locator('summary').click();
    expect(await first.locator('td[data-label="Niveau"]').first().isVisible()).toBe(true);
    expect(await checkA11y(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, 'terrils-iso9001-375', { maxHeight: 6_000 });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test('the PDF: every title whole, pages turned into images for a look', async () => {
    const pdf = await fetchAsUser(page, `${srv.url}/diagnostics/${id}/plan.pdf`);
    expect(pdf.status).toBe(200);
    const text = pdfText(pdf.body);
    expect(text).toContain('Plan d’actions');
    mkdirSync(SCREEN_DIR, { recursive: true });
    writeFileSync(`${SCREEN_DIR}/terrils-plan.pdf`, pdf.body);
    execFileSync('pdftoppm', ['-r', '60', '-png', `${SCREEN_DIR}/terrils-plan.pdf`, `${SCREEN_DIR}/terrils-pdf`]);
    expect(watched.errors.slice(0, 3)).toEqual([]);
  }, 90_000);
});

describe('plan filters without JavaScript', () => {
  let srv: TestServer;
  let ctx: BrowserContext;
  let page: Page;
  let id: string;

  beforeAll(async () => {
    srv = await startServer({ demo: true });
    id = insertTerrilsDiagnostic(srv.db);
    ctx = await launchBrowser({ javaScriptEnabled: false });
    page = await firstPage(ctx);
    await login(page, srv.url, DEMO.member5);
  });
  afterAll(async () => {
    await ctx?.close();
    await srv?.close();
  });

  test('a plain GET form: the filtered address can be shared and shows the same list', async () => {
    await page.goto(`${srv.url}/diagnostics/${id}/plan`);
    await page.locator('#filtre-theme').selectOption('services');
    await page.locator('#filtre-vue').selectOption('tableau');
    await Promise.all([page.waitForURL(/theme=services/, { waitUntil: 'domcontentloaded' }), page.locator('form.plan-filters button[type="submit"]').click()]);
    expect(page.url()).toContain('vue=tableau');
    const rows = await page.locator('table.plan-table tbody tr').count();
    expect(rows).toBeGreaterThan(5);
    expect(plain(await mainText(page))).toContain(`${rows} actions correspondent aux filtres`);
    const shared = page.url();
    await page.goto(`${srv.url}/`);
    await page.goto(shared);
    expect(await page.locator('table.plan-table tbody tr').count()).toBe(rows);
  }, 120_000);
});
