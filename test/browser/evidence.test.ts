// Evidence files in a real browser: without JavaScript, a member chooses a file on a question and
// attaches it with the plain form, sees it listed, is told in French why a renamed executable is
// refused, and removes a file; with JavaScript, the upload shows its progress and the block is
// replaced in place; the ISO 9001 page lists the file. axe-core checks (it needs JavaScript) run
// on the same pages in the JavaScript session.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { checkA11y, DEMO, fetchAsUser, firstPage, launchBrowser, login, mainText, plain, screenshot, startServer, watchErrors, type TestServer } from './support/harness.ts';
import { listOrganisationDiagnostics } from '../../src/db/diagnostics.ts';
import { evidenceFiles } from '../../src/db/schema.ts';
import { executable, samplePdf } from '../support/files.ts';

describe('evidence files', () => {
  let srv: TestServer;
  let diagId: string;

  beforeAll(async () => {
    srv = await startServer({ demo: true });
    // Les Jardins du Lauragais (membre2): a draft.
    diagId = listOrganisationDiagnostics(srv.db, srv.demo!.organisations[1]!)[0]!.id;
  });
  afterAll(async () => {
    await srv?.close();
  });

  describe('without JavaScript', () => {
    let ctx: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      ctx = await launchBrowser({ javaScriptEnabled: false });
      page = await firstPage(ctx);
      await login(page, srv.url, DEMO.member2);
    });
    afterAll(async () => {
      await ctx?.close();
    });

    test('a member attaches a PDF to an answer with the plain form, then removes it', async () => {
      const watched = watchErrors(page);
      const pdf = samplePdf('Charte des valeurs');
      await page.goto(`${srv.url}/diagnostics/${diagId}/themes/identite`);
      const block = page.locator('#ev-ID-1_1');
      await block.getByLabel('Fichier à joindre').setInputFiles({ name: 'Charte des valeurs.pdf', mimeType: 'application/pdf', buffer: pdf });
      await Promise.all([page.waitForURL(/\/themes\/identite#q-ID-1_1$/), block.getByRole('button', { name: 'Joindre le fichier' }).click()]);
      expect(plain(await mainText(page))).toContain('Justificatif « Charte des valeurs.pdf » joint.');
      expect(plain(await block.innerText())).toMatch(/Charte des valeurs\.pdf \(\d+ octets\) — joint par .+ le /);
      await screenshot(page, 'evidence-attached-nojs');

      // The consultant of the region downloads the very same bytes.
      const row = srv.db.select().from(evidenceFiles).where(eq(evidenceFiles.diagnosticId, diagId)).get()!;
      const consultant = await launchBrowser();
      const cpage = await firstPage(consultant);
      await login(cpage, srv.url, DEMO.consultantOccitanie);
      const dl = await fetchAsUser(cpage, `${srv.url}/diagnostics/${diagId}/evidence/fichier/${row.id}`);
      expect(dl.status).toBe(200);
      expect(dl.body.equals(pdf)).toBe(true);
      expect(dl.headers['content-disposition']).toContain('attachment;');
      await consultant.close();

      await Promise.all([page.waitForURL(/#q-ID-1_1$/), block.getByRole('button', { name: /^Retirer le justificatif/ }).click()]);
      expect(plain(await mainText(page))).toContain('Justificatif « Charte des valeurs.pdf » retiré.');
      expect(await block.innerText()).toContain('Aucun justificatif joint.');
      expect(watched.errors).toEqual([]);
    });

    test('a renamed executable is refused with a French explanation and a way back', async () => {
      await page.goto(`${srv.url}/diagnostics/${diagId}/themes/identite`);
      const block = page.locator('#ev-ID-1_2');
      await block.getByLabel('Fichier à joindre').setInputFiles({ name: 'rapport.pdf', mimeType: 'application/pdf', buffer: executable() });
      const [response] = await Promise.all([page.waitForResponse((r) => r.url().includes('/evidence/ID-1.2')), block.getByRole('button', { name: 'Joindre le fichier' }).click()]);
      expect(response.status()).toBe(415);
      await page.waitForLoadState();
      const text = plain(await mainText(page));
      expect(text).toContain('Le justificatif n’a pas été joint');
      expect(text).toContain('Ce type de fichier n’est pas accepté.');
      await screenshot(page, 'evidence-refused-nojs');
      await Promise.all([page.waitForURL(/#q-ID-1_2$/), page.getByRole('link', { name: 'Revenir à la question ID-1.2' }).click()]);
      expect(srv.db.select().from(evidenceFiles).where(eq(evidenceFiles.questionCode, 'ID-1.2')).all()).toEqual([]);
    });
  });

  describe('with JavaScript', () => {
    let ctx: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      ctx = await launchBrowser();
      page = await firstPage(ctx);
      await login(page, srv.url, DEMO.member2);
    });
    afterAll(async () => {
      await ctx?.close();
    });

    test('the upload shows its progress and the question’s list is replaced in place', async () => {
      const watched = watchErrors(page);
      await page.goto(`${srv.url}/diagnostics/${diagId}/themes/identite`);
      const url = page.url();
      const block = page.locator('#ev-ID-1_4');
      await block.getByLabel('Fichier à joindre').setInputFiles({ name: 'Projet associatif.pdf', mimeType: 'application/pdf', buffer: samplePdf('Projet') });
      // The server's answer is held back a moment: the progress bar shows meanwhile.
      let release: () => void = () => {};
      const held = new Promise<void>((r) => (release = r));
      await page.route('**/evidence/ID-1.4', async (route) => {
        await held;
        await route.continue();
      });
      await block.getByRole('button', { name: 'Joindre le fichier' }).click();
      await page.locator('#ev-ID-1_4 progress').waitFor();
      expect(plain(await page.locator('#ev-ID-1_4 .evidence-files__status').innerText())).toMatch(/Envoi en cours…|Envoi : \d+ %/);
      expect(await page.locator('#ev-ID-1_4 button', { hasText: 'Joindre le fichier' }).isDisabled()).toBe(true);
      release();
      await page.locator('#ev-ID-1_4 .evidence-files__list').waitFor();
      await page.unroute('**/evidence/ID-1.4');
      expect(page.url()).toBe(url);
      expect(plain(await page.locator('#ev-ID-1_4').innerText())).toContain('Justificatif « Projet associatif.pdf » joint.');
      expect(await checkA11y(page)).toEqual([]);
      await screenshot(page, 'evidence-attached-js');

      // A file over the limit is refused before it is sent.
      const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x41);
      const again = page.locator('#ev-ID-1_4');
      await again.getByLabel('Fichier à joindre').setInputFiles({ name: 'video.pdf', mimeType: 'application/pdf', buffer: big });
      await again.getByRole('button', { name: 'Joindre le fichier' }).click();
      expect(plain(await page.locator('#ev-ID-1_4 .evidence-files__status').innerText())).toContain('Ce fichier dépasse 10 Mo');
      expect(watched.errors).toEqual([]);

      // The gap analysis lists it as evidence of the clauses its question informs.
      // Each requirement's questions are folded: unfolding one shows the file.
      await page.goto(`${srv.url}/diagnostics/${diagId}/iso9001`);
      const requirement = page.locator('article.gap', { has: page.locator('a', { hasText: 'Projet associatif.pdf' }) }).first();
      await requirement.locator('summary').click();
      expect(await requirement.getByRole('link', { name: 'Projet associatif.pdf' }).isVisible()).toBe(true);
      expect(await checkA11y(page)).toEqual([]);
    });
  });
});
