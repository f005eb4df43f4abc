// Referential administration in a real browser (issue 3): an admin uploads a faulty file and reads
// the French list of errors, grouped by question in the author's terms with their JSON paths, on a
// laptop and on a phone; then imports and publishes a good one; axe-core finds
// nothing on the referential and services pages.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { checkA11y, plain, DEMO, firstPage, launchBrowser, login, mainText, screenshot, startServer, watchErrors, type TestServer } from './support/harness.ts';
import { builtinReferential } from '../../src/referential/store.ts';
import { importable } from '../fixtures/importable.ts';

describe('referential administration', () => {
  let srv: TestServer;
  let ctx: BrowserContext;
  let page: Page;
  let watched: { errors: string[] };
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cap-ref-files-'));
    srv = await startServer({ demo: true });
    ctx = await launchBrowser();
    page = await firstPage(ctx);
    watched = watchErrors(page);
    await login(page, srv.url, DEMO.admin);
  });
  afterAll(async () => {
    await ctx?.close();
    await srv?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the list of versions shows the built-in default and the import form, accessibly', async () => {
    await page.goto(`${srv.url}/admin/referentials`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Référentiels');
    const row = page.getByRole('row', { name: /CAP 2026/ });
    expect(await row.innerText()).toMatch(/Publiée\s+Par défaut/);
    expect(await checkA11y(page)).toEqual([]);
    await screenshot(page, 'referentials-list');
  });

  test('a faulty file is refused with every error in French, grouped by question, with its path; nothing is stored', async () => {
    const doc = JSON.parse(JSON.stringify(importable('cap-faux', 'CAP faux')));
    doc.themes[2].criteria[0].questions[2].iso9001 = ['7.1', '4.9'];
    doc.themes[0].criteria[0].questions[0].levels.pop();
    doc.themes[1].criteria[0].questions[0].services[0] = 'SERVICE-FANTOME';
    const file = join(dir, 'cap-faux.json');
    writeFileSync(file, JSON.stringify(doc, null, 2));

    await page.goto(`${srv.url}/admin/referentials`);
    await page.getByLabel('Fichier JSON du référentiel').setInputFiles(file);
    await Promise.all([page.waitForURL((u) => u.pathname === '/admin/referentials/import'), page.getByRole('button', { name: 'Vérifier et importer' }).click()]);

    const alert = page.getByRole('alert');
    expect(plain(await alert.getByRole('heading', { level: 2 }).innerText())).toBe('Import refusé : 3 erreurs, rien n’a été enregistré');
    // One block per question, in the document's order: its code, where it stands, then each field
    // in French with its JSON path.
    const groups = await alert.locator('.import-errors__groups > li').allInnerTexts();
    expect(groups.map((g) => plain(g).replace(/\s+/g, ' ').trim())).toEqual([
      'Question ID-1.1 n° 1 du critère ID-1, thème « Identité et projet » descripteurs de niveau : exactement cinq descripteurs de niveau (0 à 4) chemin : themes[0].criteria[0].questions[0].levels',
      'Question SV-1.1 n° 1 du critère SV-1, thème « Services aux personnes en parcours et aux clients » service n° 1 : service « SERVICE-FANTOME » absent du catalogue chemin : themes[1].criteria[0].questions[0].services[0]',
      expect.stringMatching(/^Question FS-1\.4 n° 3 du critère FS-1, thème « Fonctions support et ressources » clause ISO 9001 n° 2 : clause ISO 9001 inconnue « 4\.9 » ; clauses admises .* chemin : themes\[2\]\.criteria\[0\]\.questions\[2\]\.iso9001\[1\]$/),
    ]);
    expect(await alert.getByRole('heading', { level: 3 }).allInnerTexts().then((h) => h.map((x) => plain(x).split('\n')[0]))).toEqual(['Question ID-1.1', 'Question SV-1.1', 'Question FS-1.4']);
    expect(await checkA11y(page)).toEqual([]);
    await screenshot(page, 'referentials-import-errors');
    // On a phone the list reads without sideways scrolling (long paths wrap).
    await page.setViewportSize({ width: 375, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect(await checkA11y(page)).toEqual([]);
    await screenshot(page, 'phone-referentials-import-errors');
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.goto(`${srv.url}/admin/referentials`);
    expect(await mainText(page)).not.toContain('CAP faux');
  });

  test('a good file is imported as a draft, browsed, then published', async () => {
    const file = join(dir, 'cap-2025.json');
    writeFileSync(file, JSON.stringify(importable('cap-2025', 'CAP 2025'), null, 2));
    await page.goto(`${srv.url}/admin/referentials`);
    await page.getByLabel('Fichier JSON du référentiel').setInputFiles(file);
    await Promise.all([page.waitForURL((u) => u.pathname === '/admin/referentials/cap-2025'), page.getByRole('button', { name: 'Vérifier et importer' }).click()]);
    expect(plain(await page.getByRole('status').innerText())).toContain('La version « CAP 2025 » est importée comme brouillon');

    // Every question opens in place (native <details>), without JavaScript.
    const question = page.locator('details#q-SV-7\\.1');
    await question.locator('summary').click();
    expect(plain(await question.innerText())).toContain('Niveau 4 :');
    expect(await question.innerText()).toContain('Association intermédiaire (AI)');

    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Publier cette version' }).click()]);
    expect(plain(await page.getByRole('status').innerText())).toBe('La version « CAP 2025 » est publiée.');
    expect(await page.getByRole('button', { name: 'En faire la version par défaut' }).count()).toBe(1);
    await screenshot(page, 'referentials-version');

    // Every question unfolded, so that axe-core also checks what the <details> hold.
    await page.goto(`${srv.url}/admin/referentials/cap-2025?tout=1`);
    expect(await page.locator('details[open]').count()).toBe(101);
    expect(await checkA11y(page)).toEqual([]);
  });

  test('CAP 2026 shows its sources, guide, glossary and mapping, accessibly', async () => {
    await page.goto(`${srv.url}/admin/referentials/cap-2026?tout=1`);
    for (const summary of await page.locator('section.ref-parts > details > summary').all()) await summary.click();
    expect(await page.locator('section.ref-parts > details[open]').count()).toBe(3);
    const text = await mainText(page);
    expect(text).toContain('Correspondance avec la version cap-2023');
    expect(text).toContain('Obligation remplie à partir du niveau 3');
    expect(await checkA11y(page)).toEqual([]);
    // Folded questions, the guide open: short enough for a full-page screenshot.
    await page.goto(`${srv.url}/admin/referentials/cap-2026`);
    await page.locator('section.ref-parts > details > summary').first().click();
    await screenshot(page, 'referentials-cap-2026');
  });

  test('the services pages are accessible', async () => {
    await page.goto(`${srv.url}/admin/services`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Services de la fédération');
    expect(await checkA11y(page)).toEqual([]);
    await screenshot(page, 'services-list');
    await page.goto(`${srv.url}/admin/services/CAP-RSE/edit`);
    expect(await checkA11y(page)).toEqual([]);
    await page.goto(`${srv.url}/admin/services/new`);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForLoadState('load');
    expect(await page.getByRole('alert').innerText()).toContain('Le formulaire contient des erreurs');
    expect(await checkA11y(page)).toEqual([]);
    await screenshot(page, 'services-new-errors');
    expect(watched.errors).toEqual([]);
  });
});
