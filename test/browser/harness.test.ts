// The browser harness itself: htmx runs under our CSP and htmxRequest waits for its swaps,
// axe-core finds violations when there are some, fetchAsUser carries the session, pdfText reads PDFs.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import PDFDocument from 'pdfkit';
import { checkA11y, DEMO, fetchAsUser, firstPage, htmxRequest, launchBrowser, login, pdfText, startServer, watchErrors, type TestServer } from './support/harness.ts';

describe('browser harness', () => {
  let srv: TestServer;
  let ctx: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    srv = await startServer({ demo: true });
    ctx = await launchBrowser();
    page = await firstPage(ctx);
    await login(page, srv.url, DEMO.member1);
  });
  afterAll(async () => {
    await ctx?.close();
    await srv?.close();
  });

  test('htmx is loaded under the CSP, and htmxRequest waits for the swap', async () => {
    const watched = watchErrors(page);
    await page.goto(`${srv.url}/`);
    expect(await page.evaluate(() => typeof (window as unknown as { htmx?: unknown }).htmx)).toBe('object');
    await page.evaluate(() => {
      const main = document.querySelector('main')!;
      main.insertAdjacentHTML('beforeend', '<button type="button" id="probe" hx-get="/healthz" hx-target="#probe-out">Sonde</button><p id="probe-out"></p>');
      (window as unknown as { htmx: { process: (e: Element) => void } }).htmx.process(main);
    });
    const res = await htmxRequest(page, () => page.locator('#probe').click(), '/healthz');
    expect(res.status()).toBe(200);
    expect(await page.locator('#probe-out').innerText()).toBe('{"status":"ok"}');
    expect(watched.errors).toEqual([]);
  });

  test('checkA11y reports violations with what to fix', async () => {
    await page.goto(`${srv.url}/`);
    await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<input type="text" name="sans-etiquette">'));
    const violations = await checkA11y(page);
    expect(violations.map((v) => v.id)).toContain('label');
    const targets = violations.find((v) => v.id === 'label')!.targets;
    expect(targets).toHaveLength(1);
    expect(await page.locator(targets[0]!).getAttribute('name')).toBe('sans-etiquette');
  });

  test('fetchAsUser carries the browser session; pdfText reads a PDF', async () => {
    const mine = await fetchAsUser(page, `${srv.url}/organisations/${srv.demo!.organisations[0]}`);
    expect(mine.status).toBe(200);
    expect(mine.body.toString('utf8')).toContain('Garonne Services Emploi (démo)');
    const other = await fetchAsUser(page, `${srv.url}/organisations/${srv.demo!.organisations[2]}`);
    expect(other.status).toBe(404);

    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
    doc.text('Plan de progrès 2026');
    doc.end();
    await done;
    expect(pdfText(Buffer.concat(chunks))).toContain('Plan de progrès 2026');
  });
});
