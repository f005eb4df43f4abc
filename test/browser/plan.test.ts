// The progress plan in a real browser (issue 6): the demo's Garonne Services Emploi and the plan of
// its submitted diagnostic. Edits with htmx (in place, errors beside the fields) and without
// JavaScript (plain forms, redirect and flash); axe-core clean; the PDF downloads.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { and, asc, eq } from 'drizzle-orm';
import { checkA11y, DEMO, DEMO_ORGS, fetchAsUser, firstPage, htmxRequest, launchBrowser, login, mainText, pdfText, screenshot, startServer, watchErrors, type TestServer } from './support/harness.ts';
import { diagnostics, organisations } from '../../src/db/schema.ts';
import { listActions } from '../../src/db/actions.ts';

describe('plan page', () => {
  let srv: TestServer;
  let ctx: BrowserContext;
  let page: Page;
  let watched: { errors: string[] };
  let id: string;
  let url: string;

  beforeAll(async () => {
    srv = await startServer({ demo: true });
    const garonne = srv.db.select().from(organisations).where(eq(organisations.name, DEMO_ORGS[0])).get()!;
    id = srv.db.select().from(diagnostics).where(and(eq(diagnostics.organisationId, garonne.id), eq(diagnostics.status, 'submitted'))).orderBy(asc(diagnostics.createdAt)).get()!.id;
    url = `${srv.url}/diagnostics/${id}/plan`;
    ctx = await launchBrowser();
    page = await firstPage(ctx);
    watched = watchErrors(page);
    await login(page, srv.url, DEMO.member1);
  });
  afterAll(async () => {
    await ctx?.close();
    await srv?.close();
  });

  test('groups actions by theme and priority, marks late ones; axe-core clean, no CSP error', async () => {
    await page.goto(url);
    const text = await mainText(page);
    expect(text).toContain(`Plan de progrès — ${DEMO_ORGS[0]}`);
    expect(text).toMatch(/\d+ actions faites sur \d+/);
    expect(text).toContain('Actions abandonnées');
    // « Vos priorités » first, then the other actions folded theme by theme.
    expect(await page.locator('section.plan-focus article.plan-action').count()).toBe(5);
    expect(await page.locator('details.plan-theme').count()).toBe(4);
    expect(await page.locator('article.plan-action.is-overdue').count()).toBeGreaterThan(0);
    expect(await page.locator('article.plan-action.is-overdue .overdue').first().innerText()).toBe('en retard');
    expect(await checkA11y(page)).toEqual([]);
    // The edit and drop forms, opened.
    for (const s of await page.locator('article.plan-action').first().locator('details').all()) await s.evaluate((d) => ((d as HTMLDetailsElement).open = true));
    await page.locator('#plan-create details').evaluate((d) => ((d as HTMLDetailsElement).open = true));
    for (const d of await page.locator('details.plan-theme').all()) await d.evaluate((el) => ((el as HTMLDetailsElement).open = true));
    expect(await checkA11y(page)).toEqual([]);
    await screenshot(page, 'plan-garonne');
    expect(watched.errors).toEqual([]);
  });

  test('edits an action in place with htmx and updates the summary line', async () => {
    await page.goto(url);
    const summary = async () => Number(/(\d+) actions? faites? sur/.exec(await page.locator('#plan-summary').innerText())?.[1]);
    const before = await summary();
    const article = page.locator('article.plan-action:not(.plan-action--done)').first();
    const articleId = (await article.getAttribute('id'))!;
    await article.getByText('Modifier l’action').click();
    await article.getByLabel('Responsable').fill('Fatou Diallo');
    await article.getByLabel('Statut').selectOption('done');
    const res = await htmxRequest(page, () => article.getByRole('button', { name: 'Enregistrer l’action' }).click(), /\/actions\//);
    expect(res.status()).toBe(200);
    expect(page.url()).toBe(url);
    const updated = page.locator(`#${articleId}`);
    expect(await updated.innerText()).toContain('Fatou Diallo');
    expect(await updated.getAttribute('class')).toContain('plan-action--done');
    expect(await summary()).toBe(before + 1);
    const stored = listActions(srv.db, id).find((a) => `action-${a.id}` === articleId)!;
    expect(stored).toMatchObject({ owner: 'Fatou Diallo', status: 'done' });
  });

  test('shows a refused due date beside the field, keeping what was typed', async () => {
    await page.goto(url);
    const article = page.locator('article.plan-action').nth(1);
    const articleId = (await article.getAttribute('id'))!;
    await article.getByText('Modifier l’action').click();
    await article.getByLabel('Intitulé de l’action').fill('Intitulé retouché à la main');
    // A browser without a date picker lets people type anything.
    await article.locator('input[name="dueDate"]').evaluate((el) => {
      (el as HTMLInputElement).type = 'text';
      (el as HTMLInputElement).value = 'fin mars';
    });
    const res = await htmxRequest(page, () => article.getByRole('button', { name: 'Enregistrer l’action' }).click(), /\/actions\//);
    expect(res.status()).toBe(422);
    const again = page.locator(`#${articleId}`);
    expect(await again.locator('.field-error').first().innerText()).toBe('Saisissez une date d’échéance valide\u00a0: jour, mois et année (JJ/MM/AAAA).');
    expect(await again.getByLabel('Intitulé de l’action').inputValue()).toBe('Intitulé retouché à la main');
    expect(page.url()).toBe(url);
    expect(listActions(srv.db, id).find((a) => `action-${a.id}` === articleId)!.title).not.toBe('Intitulé retouché à la main');
    // The refused request is the only error the page saw.
    expect(watched.errors.filter((e) => !e.startsWith('http 422') && !e.includes('422'))).toEqual([]);
  });

  test('downloads the PDF', async () => {
    const pdf = await fetchAsUser(page, `${srv.url}/diagnostics/${id}/plan.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/^attachment; filename="plan-de-progres-garonne-services-emploi-demo-\d{4}-\d{2}-\d{2}\.pdf"$/);
    const text = pdfText(pdf.body);
    expect(text).toContain(DEMO_ORGS[0]);
    expect(text).toContain('Fatou Diallo');
  });

  test('reflows at 320 px without horizontal scrolling of the page', async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(url);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});

describe('plan page without JavaScript', () => {
  let srv: TestServer;
  let ctx: BrowserContext;
  let page: Page;
  let url: string;

  beforeAll(async () => {
    srv = await startServer({ demo: true });
    const garonne = srv.db.select().from(organisations).where(eq(organisations.name, DEMO_ORGS[0])).get()!;
    const id = srv.db.select().from(diagnostics).where(and(eq(diagnostics.organisationId, garonne.id), eq(diagnostics.status, 'submitted'))).get()!.id;
    url = `${srv.url}/diagnostics/${id}/plan`;
    ctx = await launchBrowser({ javaScriptEnabled: false });
    page = await firstPage(ctx);
    await login(page, srv.url, DEMO.member1);
  });
  afterAll(async () => {
    await ctx?.close();
    await srv?.close();
  });

  test('edits, adds and drops actions with plain forms', async () => {
    await page.goto(url);
    const article = page.locator('article.plan-action').first();
    const articleId = (await article.getAttribute('id'))!;
    await article.getByText('Modifier l’action').click();
    await article.getByLabel('Responsable').fill('Bernard Lemaire');
    await Promise.all([page.waitForURL(`${url}#${articleId}`), article.getByRole('button', { name: 'Enregistrer l’action' }).click()]);
    expect(await mainText(page)).toMatch(/L’action « .+ » est enregistrée\./);
    expect(await page.locator(`#${articleId}`).innerText()).toContain('Bernard Lemaire');

    await page.locator('#plan-create summary').click();
    await page.locator('#f-new-title').fill('Présenter le plan au conseil d’administration');
    await page.locator('#f-new-themeSlug').selectOption('identite');
    await Promise.all([page.waitForURL((u) => u.pathname.endsWith('/plan')), page.locator('#plan-create').getByRole('button', { name: 'Ajouter une action' }).click()]);
    expect(await mainText(page)).toContain('L’action « Présenter le plan au conseil d’administration » est ajoutée au plan.');

    const target = page.locator(`#${articleId}`);
    const title = await target.locator('h3').innerText();
    await target.getByText('Abandonner l’action').click();
    await target.getByLabel('Raison de l’abandon').fill('Reprise par le GES');
    await Promise.all([page.waitForURL((u) => u.hash === '#plan-dropped-title'), target.getByRole('button', { name: 'Abandonner' }).click()]);
    const dropped = await page.locator('.plan-dropped').innerText();
    expect(dropped).toContain(title);
    expect(dropped).toContain('Reprise par le GES');
  });
});
