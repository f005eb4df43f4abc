// The results page in a real browser (issue 5): the demo's Garonne Services Emploi with a
// validated diagnostic and an earlier one; radar drawn, axe-core clean, no CSP error, reflows at 320 px.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { checkA11y, DEMO, DEMO_ORGS, firstPage, launchBrowser, login, mainText, screenshot, startServer, watchErrors, type TestServer } from './support/harness.ts';
import { organisations, users } from '../../src/db/schema.ts';
import { answersFor, insertDiagnostic } from '../http/results-fixtures.ts';

describe('results page', () => {
  let srv: TestServer;
  let ctx: BrowserContext;
  let page: Page;
  let watched: { errors: string[] };
  let id: string;

  beforeAll(async () => {
    srv = await startServer({ demo: true });
    const garonne = srv.db.select().from(organisations).where(eq(organisations.name, DEMO_ORGS[0])).get()!;
    const consultant = srv.db.select().from(users).where(eq(users.email, DEMO.consultantOccitanie)).get()!;
    const prev = insertDiagnostic(srv.db, { organisationId: garonne.id, createdAt: '2025-03-10T09:00:00.000Z', answers: answersFor(['AI'], (_, i) => (i % 3) as 0 | 1 | 2) });
    id = insertDiagnostic(srv.db, {
      organisationId: garonne.id,
      status: 'validated',
      previousId: prev,
      createdAt: '2026-02-01T09:00:00.000Z',
      validatedBy: consultant.id,
      validatedAt: '2026-02-20T09:00:00.000Z',
      answers: answersFor(['AI'], (q, i) => (q.naAllowed && i % 7 === 0 ? 'na' : (((i * 7) % 5) as 0 | 1 | 2 | 3 | 4))),
    });
    ctx = await launchBrowser();
    page = await firstPage(ctx);
    watched = watchErrors(page);
    await login(page, srv.url, DEMO.member1);
  });
  afterAll(async () => {
    await ctx?.close();
    await srv?.close();
  });

  test('shows the radar, the band, readiness, the comparison and the benchmark; axe-core clean', async () => {
    await page.goto(`${srv.url}/diagnostics/${id}/results`);
    expect(await page.locator('svg.radar line.radar__axis').count()).toBe(4);
    const box = await page.locator('svg.radar').boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    // The ISO 9001 / RSE details and the criteria tables are folded: open them to read them.
    for (const d of await page.locator('main details').all()) await d.evaluate((el) => ((el as HTMLDetailsElement).open = true));
    const text = await mainText(page);
    expect(text).toContain('Niveau de maturité');
    expect(text).toContain('Validé avec Inès Martin le 20 février 2026');
    expect(text).toContain('ISO 9001 : chapitres 4 à 10');
    expect(text).toContain('Comparaison avec le diagnostic commencé le 10 mars 2025.');
    expect(text).toContain('Moyenne régionale (Occitanie)');
    expect(await checkA11y(page)).toEqual([]);
    await screenshot(page, 'results-garonne');
    expect(watched.errors).toEqual([]);
  });

  test('reflows at 320 px without horizontal scrolling of the page', async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(`${srv.url}/diagnostics/${id}/results`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('main *')]
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.closest('.table-wrap'))
        .slice(0, 5)
        .map((e) => `${e.tagName}.${e.className}`),
    );
    expect({ overflow, wide }).toEqual({ overflow: 0, wide: [] });
    await screenshot(page, 'results-garonne-320');
  });
});
