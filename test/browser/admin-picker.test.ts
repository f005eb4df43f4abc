// The administration's user form at the scale of a network, in a real browser: the admin creates
// a member of one of 600 organisations by typing a part of its name, with the keyboard only —
// with JavaScript (suggestions as one types, Enter saves the form) and without (the search is a
// step of the form). The picker and its error summary pass axe-core at 375 px and 1280 px.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { checkA11y, DEMO, firstPage, launchBrowser, login, plain, screenshot, startServer, watchErrors, type TestServer } from './support/harness.ts';
import { insertOrganisation } from '../../src/db/organisations.ts';
import { findUserByEmail } from '../../src/db/users.ts';
import { loadActor } from '../../src/auth/sessions.ts';
import { demoSiret } from '../../src/demo/siret.ts';

const PASSWORD = 'un-mot-de-passe-solide-2026';

/** Presses Tab until the focused element matches `selector` (at most `max` times); returns how many. */
async function tabTo(page: Page, selector: string, max = 40): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => !!document.activeElement?.matches(s), selector)) return i;
  }
  throw new Error(`${selector} never got the focus`);
}

describe('the organisation picker', () => {
  let srv: TestServer;
  let withJs: BrowserContext;
  let withoutJs: BrowserContext;
  let target: string;

  beforeAll(async () => {
    srv = await startServer({ demo: true });
    const now = new Date();
    // The demo's structures and enough others to make a network of 600.
    for (let i = 1; i <= 580; i++) insertOrganisation(srv.db, { name: `Structure du réseau n° ${i}`, siret: demoSiret(String(3_000_000_000_000 + i)), types: ['AI'], region: 'Normandie', ftePermanent: 1, ftePathway: 4, ges: false }, now);
    target = insertOrganisation(srv.db, { name: 'Régie de quartier Émeraude', siret: demoSiret('4000000000009'), types: ['EI'], region: 'Bretagne', ftePermanent: 3, ftePathway: 12, ges: false }, now);
    withJs = await launchBrowser({ viewport: { width: 375, height: 740 } });
    withoutJs = await launchBrowser({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
  });
  afterAll(async () => {
    await withJs?.close();
    await withoutJs?.close();
    await srv?.close();
  });

  test('with JavaScript, on a phone: suggestions as one types, ticked with Space, saved with Enter', async () => {
    const page = await firstPage(withJs);
    const watched = watchErrors(page);
    await login(page, srv.url, DEMO.admin);
    await page.goto(`${srv.url}/admin/users/new`);
    // The regions are for consultants: hidden while the role is « Membre ».
    expect(await page.getByRole('group', { name: /Régions suivies/ }).isVisible()).toBe(false);
    await page.locator('#f-name').focus();
    await page.keyboard.type('Nolwenn Le Bihan');
    await page.keyboard.press('Tab');
    await page.keyboard.type('nolwenn@emeraude.test');
    // Role, then into the picker's search field.
    await tabTo(page, '#f-orgSearch');
    const suggested = page.waitForResponse((r) => r.url().includes('/organisations/suggestions'));
    await page.keyboard.type('emeraude');
    await suggested;
    await expect.poll(async () => plain(await page.locator('#picker-status').innerText())).toContain('Une structure trouvée pour « emeraude »');
    await screenshot(page, 'picker-suggestions-375');
    expect(await checkA11y(page)).toEqual([]);
    // Enter in the search field searches, it does not submit the form.
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).pathname).toBe('/admin/users/new');
    // Past « Rechercher » to the structure found; Space ticks it.
    await tabTo(page, '#picker-found input[type="checkbox"]');
    expect(await page.evaluate(() => document.activeElement?.closest('label')?.textContent)).toContain('Régie de quartier Émeraude');
    await page.keyboard.press('Space');
    await tabTo(page, '#f-password');
    await page.keyboard.type(PASSWORD);
    await Promise.all([page.waitForURL((u) => u.pathname === '/admin/users'), page.keyboard.press('Enter')]);
    // Read once the list page is the one shown (on a busy machine the URL can change first).
    await expect.poll(() => page.locator('.flash').innerText().catch(() => ''), { timeout: 15_000 }).toContain('Le compte de Nolwenn Le Bihan est créé.');
    const created = findUserByEmail(srv.db, 'nolwenn@emeraude.test')!;
    expect(loadActor(srv.db, created.id)!.organisationIds).toEqual([target]);
    expect(watched.errors).toEqual([]);
  });

  test('with JavaScript, a structure ticked stays chosen when the search changes', async () => {
    const page = await firstPage(withJs);
    await page.goto(`${srv.url}/admin/users/new`);
    const search = page.locator('#f-orgSearch');
    let answer = page.waitForResponse((r) => r.url().includes('/organisations/suggestions'));
    await search.fill('garonne');
    await answer;
    await page.locator('#picker-found').getByLabel(/Garonne Services Emploi/).check();
    answer = page.waitForResponse((r) => r.url().includes('/organisations/suggestions'));
    await search.fill('jardins');
    await answer;
    await expect.poll(() => page.locator('#picker-chosen').innerText()).toContain('Garonne Services Emploi');
    expect(await page.locator('#picker-chosen input:checked').count()).toBe(1);
    expect(await page.locator('#picker-found').innerText()).toContain('Les Jardins du Lauragais');
  });

  test('without JavaScript: Enter in the search field makes a search step, the boxes are ticked, Enter saves', async () => {
    const page = await firstPage(withoutJs);
    await login(page, srv.url, DEMO.admin);
    await page.goto(`${srv.url}/admin/users/new`);
    await page.locator('#f-name').focus();
    await page.keyboard.type('Yannick Guégan');
    await page.keyboard.press('Tab');
    await page.keyboard.type('yannick@emeraude.test');
    await tabTo(page, '#f-orgSearch');
    await page.keyboard.type('régie émer');
    // The form posts to /admin/users, which answers with the form again.
    await Promise.all([page.waitForURL((u) => u.pathname === '/admin/users'), page.keyboard.press('Enter')]);
    // The form came back, nothing saved, what was typed kept, the structure found to tick.
    expect(findUserByEmail(srv.db, 'yannick@emeraude.test')).toBeUndefined();
    expect(await page.locator('#f-name').inputValue()).toBe('Yannick Guégan');
    expect(plain(await page.locator('#picker-status').innerText())).toContain('Une structure trouvée pour « régie émer »');
    // (axe-core needs scripts: the same step is checked with them below.)
    await screenshot(page, 'picker-search-step-nojs');
    await page.locator('#f-orgSearch').focus();
    await tabTo(page, '#picker-found input[type="checkbox"]');
    await page.keyboard.press('Space');
    await tabTo(page, '#f-password');
    await page.keyboard.type(PASSWORD);
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'GET' && new URL(r.url()).pathname === '/admin/users'), page.keyboard.press('Enter')]);
    const created = findUserByEmail(srv.db, 'yannick@emeraude.test')!;
    expect(loadActor(srv.db, created.id)!.organisationIds).toEqual([target]);
  });

  test('« Rechercher » makes the same search step with scripts on, axe-core clean on a phone', async () => {
    const page = await firstPage(withJs);
    await page.goto(`${srv.url}/admin/users/new`);
    await page.locator('#f-orgSearch').fill('jardins');
    await Promise.all([page.waitForURL((u) => u.pathname === '/admin/users'), page.getByRole('button', { name: 'Rechercher' }).click()]);
    expect(plain(await page.locator('#picker-status').innerText())).toContain('Une structure trouvée pour « jardins »');
    // The page comes back scrolled to the picker (#picker), not to its top.
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect(await checkA11y(page)).toEqual([]);
    await screenshot(page, 'picker-search-step-375');
  });

  test('an error summary names the fields and its links take the focus to them', async () => {
    const page = await firstPage(withJs);
    await page.goto(`${srv.url}/admin/users/new`);
    await Promise.all([page.waitForURL((u) => u.pathname === '/admin/users'), page.getByRole('button', { name: 'Enregistrer', exact: true }).click()]);
    const summary = page.locator('.error-summary');
    expect((await summary.innerText()).replace(/\u00a0/g, ' ')).toContain('Structures (pour un membre) : Un membre doit être rattaché à au moins une structure.');
    expect(await checkA11y(page)).toEqual([]);
    await screenshot(page, 'user-form-errors');
    await summary.getByRole('link', { name: /^Structures/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-orgSearch');
    await summary.getByRole('link', { name: /^Adresse électronique/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-email');
  });
});
