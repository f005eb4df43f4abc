// Foundation in a real browser (issue 2): first-run setup → admin logged in → organisation created
// through the admin form → listed; accessibility (axe-core, WCAG 2.1 AA) of the foundation pages;
// a member cannot open another organisation's page; the pages work without JavaScript.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  checkA11y,
  DEMO,
  DEMO_ORGS,
  firstPage,
  launchBrowser,
  login,
  logout,
  mainText,
  plain,
  newContext,
  screenshot,
  startServer,
  watchErrors,
  type TestServer,
} from './support/harness.ts';

const ADMIN = { name: 'Léa Fontaine', email: 'lea.fontaine@coorace.test', password: 'un-mot-de-passe-long' };
const ORG_NAME = 'L’Atelier « Cœur de Garonne »';

describe('first run on an empty database', () => {
  let srv: TestServer;
  let ctx: BrowserContext;
  let page: Page;
  let watched: { errors: string[] };

  beforeAll(async () => {
    srv = await startServer();
    ctx = await launchBrowser();
    page = await firstPage(ctx);
    watched = watchErrors(page);
  });
  afterAll(async () => {
    await ctx?.close();
    await srv?.close();
  });

  test('the browser is sent to /setup, which creates the admin and logs them in', async () => {
    await page.goto(`${srv.url}/organisations`);
    expect(new URL(page.url()).pathname).toBe('/setup');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Première installation');
    expect(await checkA11y(page)).toEqual([]);
    await screenshot(page, 'foundation-setup');

    // A mismatch first: the form comes back with the error tied to its field, and what was typed kept.
    await page.getByLabel('Nom affiché').fill(ADMIN.name);
    await page.getByLabel('Adresse électronique').fill(ADMIN.email);
    await page.getByLabel('Mot de passe', { exact: false }).first().fill(ADMIN.password);
    await page.getByLabel('Confirmez le mot de passe').fill('autre-chose-encore');
    await page.getByRole('button', { name: 'Créer le compte administrateur' }).click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toBe('/setup');
    const confirm = page.getByLabel('Confirmez le mot de passe');
    expect(await confirm.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await confirm.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`#${describedBy.split(' ').pop()}`).innerText()).toBe('Les deux mots de passe ne sont pas identiques.');
    expect(await page.getByLabel('Nom affiché').inputValue()).toBe(ADMIN.name);
    // app.js moves the focus to the error summary so that screen readers announce it.
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    expect(await checkA11y(page)).toEqual([]);
    await screenshot(page, 'foundation-setup-error');

    await page.locator('#f-password').fill(ADMIN.password);
    await page.locator('#f-passwordConfirm').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Créer le compte administrateur' }).click();
    await page.waitForURL(`${srv.url}/`);
    expect(await page.getByRole('status').innerText()).toContain('Le compte administrateur est créé');
    const header = await page.locator('header').innerText();
    expect(header).toContain(ADMIN.name);
    expect(header).toContain('Administrateur·rice');
    expect(await checkA11y(page)).toEqual([]);
    await screenshot(page, 'foundation-home-admin');

    // Setup is closed for good.
    const res = await page.goto(`${srv.url}/setup`);
    expect(res?.status()).toBe(404);
    expect(await mainText(page)).toContain('Page introuvable');
  });

  test('the admin creates an organisation through the form and finds it in the list', async () => {
    await page.goto(`${srv.url}/organisations`);
    expect(await mainText(page)).toContain('Aucune structure à afficher.');
    await page.getByRole('link', { name: 'Ajouter une structure' }).click();
    await page.waitForURL(`${srv.url}/admin/organisations/new`);
    expect(await checkA11y(page)).toEqual([]);
    await screenshot(page, 'foundation-org-new');

    // A wrong SIRET: French error on the field, everything typed kept.
    await page.getByLabel('Nom de la structure').fill(ORG_NAME);
    await page.getByLabel('SIRET').fill('732 829 320 00075');
    await page.getByLabel('Atelier et chantier d’insertion (ACI)').check();
    await page.getByLabel('Entreprise d’insertion (EI)').check();
    await page.getByLabel('Délégation régionale').selectOption('Occitanie');
    await page.getByLabel('Salariés permanents (ETP)').fill('3,5');
    await page.getByLabel('Salariés en parcours (ETP)').fill('22');
    await page.getByLabel('Membre d’un groupe économique solidaire (GES)').check();
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toBe('/admin/organisations');
    expect(await page.locator('.error-summary').innerText()).toContain('Ce SIRET n’est pas valide');
    expect(await page.getByLabel('SIRET').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Nom de la structure').inputValue()).toBe(ORG_NAME);
    expect(await page.getByLabel('Atelier et chantier d’insertion (ACI)').isChecked()).toBe(true);
    expect(await page.getByLabel('Entreprise d’insertion (EI)').isChecked()).toBe(true);
    expect(await page.getByLabel('Délégation régionale').inputValue()).toBe('Occitanie');
    expect(await page.getByLabel('Salariés permanents (ETP)').inputValue()).toBe('3,5');
    expect(await checkA11y(page)).toEqual([]);
    await screenshot(page, 'foundation-org-new-error');

    // The error summary links to the field.
    await page.locator('.error-summary a').first().click();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('siret');

    await page.getByLabel('SIRET').fill('732 829 320 00074');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL(/\/organisations\/[^/]+$/);
    const orgUrl = page.url();
    expect(plain(await page.getByRole('status').innerText())).toBe(`La structure « ${ORG_NAME} » est créée.`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(ORG_NAME);
    const details = await page.locator('dl.details').innerText();
    expect(details).toContain('Atelier et chantier d’insertion (ACI) ; Entreprise d’insertion (EI)');
    expect(details).toContain('Occitanie');
    expect(details).toContain('73282932000074');
    expect(details).toContain('3,5 ETP permanents, 22 ETP en parcours');
    expect(await checkA11y(page)).toEqual([]);
    await screenshot(page, 'foundation-org-page');

    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Structures' }).click();
    await page.waitForURL(`${srv.url}/admin/organisations`);
    const row = page.getByRole('row', { name: new RegExp(ORG_NAME) });
    expect(await row.innerText()).toContain('Occitanie');
    expect(await row.getByRole('link').getAttribute('href')).toBe(new URL(orgUrl).pathname);
    expect(await checkA11y(page)).toEqual([]);
    await screenshot(page, 'foundation-org-list');
  });

  test('logout, then the login page is accessible, and a failed login says so in French', async () => {
    await logout(page);
    await page.goto(`${srv.url}/login`);
    expect(await checkA11y(page)).toEqual([]);
    await screenshot(page, 'foundation-login');

    await page.getByLabel('Adresse électronique').fill(ADMIN.email);
    await page.locator('#f-password').fill('pas-le-bon-mot-de-passe');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForLoadState('load');
    expect(await page.getByRole('alert').innerText()).toBe('Adresse électronique ou mot de passe incorrect.');
    expect(await checkA11y(page)).toEqual([]);

    await login(page, srv.url, ADMIN.email, ADMIN.password);
    expect(await page.locator('header').innerText()).toContain(ADMIN.name);
  });

  test('no console error, CSP violation or failed sub-resource along the way', () => {
    expect(watched.errors).toEqual([]);
  });
});

describe('demo accounts', () => {
  let srv: TestServer;
  let ctx: BrowserContext;

  beforeAll(async () => {
    srv = await startServer({ demo: true });
    ctx = await launchBrowser();
  });
  afterAll(async () => {
    await ctx?.close();
    await srv?.close();
  });

  test('a member sees only their organisation and gets the French 404 page on another one', async () => {
    const page = await firstPage(ctx);
    const watched = watchErrors(page);
    await login(page, srv.url, DEMO.member3);
    // The member's home leads back into the latest diagnostic (validated here: its results).
    await page.goto(`${srv.url}/`);
    expect(await page.getByRole('link', { name: 'Voir les résultats' }).count()).toBe(1);
    expect(await checkA11y(page)).toEqual([]);
    await page.goto(`${srv.url}/organisations`);
    const links = await page.locator('main table a').allInnerTexts();
    expect(links).toEqual([DEMO_ORGS[2]]);
    expect(await checkA11y(page)).toEqual([]);

    await page.getByRole('link', { name: DEMO_ORGS[2] }).click();
    await page.waitForURL(/\/organisations\/[^/]+$/);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(DEMO_ORGS[2]);
    expect(await mainText(page)).toContain('Maëlle Guillou');
    expect(await checkA11y(page)).toEqual([]);
    await screenshot(page, 'foundation-member-org');

    const other = srv.demo!.organisations[0]!;
    const res = await page.goto(`${srv.url}/organisations/${other}`);
    expect(res?.status()).toBe(404);
    expect(await page.title()).toBe('Page introuvable — CAP');
    expect(await mainText(page)).toContain('Cette page n’existe pas ou vous n’y avez pas accès.');
    expect(await mainText(page)).not.toContain(DEMO_ORGS[0]);
    expect(await checkA11y(page)).toEqual([]);
    await screenshot(page, 'foundation-404');
    expect(watched.errors).toEqual([]);
  });

  test('two sessions side by side stay independent (member and consultant)', async () => {
    const second = await newContext();
    try {
      const consultant = await firstPage(second);
      await login(consultant, srv.url, DEMO.consultantOccitanie);
      await consultant.goto(`${srv.url}/organisations`);
      expect(await consultant.locator('main table a').allInnerTexts()).toEqual(expect.arrayContaining([DEMO_ORGS[0], DEMO_ORGS[1]]));
      // Occitanie only: the Bretagne and Hauts-de-France demo structures stay out of sight.
      const names = await consultant.locator('main table a').allInnerTexts();
      for (const other of [DEMO_ORGS[2], DEMO_ORGS[3], DEMO_ORGS[4], DEMO_ORGS[5]]) expect(names).not.toContain(other);
      const rows = await consultant.locator('main table tbody tr').allInnerTexts();
      expect(rows.length).toBeGreaterThanOrEqual(2);
      expect(rows.filter((row) => !row.includes('Occitanie'))).toEqual([]);

      const member = await firstPage(ctx);
      await member.goto(`${srv.url}/organisations`);
      expect(await member.locator('header').innerText()).toContain('Maëlle Guillou');
      expect(await consultant.locator('header').innerText()).toContain('Inès Martin');
    } finally {
      await second.close();
    }
  });

  test('without JavaScript: log in, open the organisation, log out with plain forms', async () => {
    const nojs = await newContext({ javaScriptEnabled: false });
    try {
      const page = await firstPage(nojs);
      await login(page, srv.url, DEMO.member1);
      await page.goto(`${srv.url}/organisations`);
      await page.getByRole('link', { name: DEMO_ORGS[0] }).click();
      await page.waitForURL(/\/organisations\/[^/]+$/);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(DEMO_ORGS[0]);
      await logout(page);
      const res = await page.goto(`${srv.url}/organisations`);
      expect(new URL(page.url()).pathname).toBe('/login');
      expect(res?.status()).toBe(200);
    } finally {
      await nojs.close();
    }
  });

  test('at 320 px wide the foundation pages reflow without horizontal scrolling (WCAG 1.4.10)', async () => {
    const narrow = await newContext({ viewport: { width: 320, height: 640 } });
    try {
      const page = await firstPage(narrow);
      const overflow = async () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      await page.goto(`${srv.url}/login`);
      expect(await overflow()).toBe(0);
      await login(page, srv.url, DEMO.admin);
      const paths = ['/', '/organisations', `/organisations/${srv.demo!.organisations[5]}`, '/admin/organisations/new'];
      const wide: string[] = [];
      for (const path of paths) {
        await page.goto(`${srv.url}${path}`);
        const px = await overflow();
        if (px > 0) wide.push(`${path}: ${px}px too wide`);
      }
      expect(wide).toEqual([]);
      await page.goto(`${srv.url}/organisations`);
      await screenshot(page, 'foundation-org-list-320');
    } finally {
      await narrow.close();
    }
  });
});
