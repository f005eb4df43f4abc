// Every page people use on the move, and every admin list, at 375 × 740 (a small phone): nothing
// overflows the document sideways, the header stays under 100 px, axe-core finds nothing, and the
// key columns of the wide tables (status, score) are on screen without scrolling. The header's
// menu folds and unfolds from the keyboard alone. At 1280 px the same pages keep the header and
// the content on one left edge. Screenshots: /tmp/cap-screens/phone-*.png and wide-*.png.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { and, eq } from 'drizzle-orm';
import { checkA11y, DEMO, DEMO_ORGS, firstPage, launchBrowser, login, logout, screenshot, startServer, watchErrors, type TestServer } from './support/harness.ts';
import { diagnostics, organisations } from '../../src/db/schema.ts';

const PHONE = { width: 375, height: 740 };

/** What a page looks like at this width: overflow, header height, left edges of header and content. */
async function measure(page: Page) {
  return page.evaluate(() => {
    const h1 = document.querySelector('main h1');
    return {
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      /** Tables that must scroll sideways inside their region (the stacked ones never should). */
      scrolling: [...document.querySelectorAll('.table-wrap')].filter((w) => w.scrollWidth > w.clientWidth + 1).map((w) => w.getAttribute('aria-label')),
      header: document.querySelector('header.site-header')!.getBoundingClientRect().height,
      brandLeft: document.querySelector('.brand')!.getBoundingClientRect().left,
      contentLeft: h1 ? h1.getBoundingClientRect().left : null,
    };
  });
}

interface Visit {
  name: string;
  path: string;
  /** Cells that must be on screen on a phone, without sideways scrolling. */
  keyCells?: string[];
  /** Unfold the page's folded details before looking for the key cells. */
  unfold?: boolean;
}

const VISITS = {
  member: ['home-member', 'organisation', 'questionnaire', 'questionnaire-theme', 'results', 'plan', 'results-in-progress', 'iso9001'],
  consultant: ['home-consultant', 'federation', 'federation-progress'],
  admin: ['home-admin', 'admin-users', 'admin-organisations', 'admin-organisations-search', 'admin-user-new', 'organisations', 'admin-referentials', 'admin-services', 'admin-audit', 'federation-admin'],
} as const;

function pagesOf(ids: { draft: string; settled: string; garonne: string }) {
  const member: Visit[] = [
    { name: 'home-member', path: '/' },
    { name: 'organisation', path: `/organisations/${ids.garonne}`, keyCells: ['td[data-label="État"]', 'td[data-label="Score global"]'] },
    { name: 'questionnaire', path: `/diagnostics/${ids.draft}` },
    { name: 'questionnaire-theme', path: `/diagnostics/${ids.draft}/themes/identite` },
    { name: 'results', path: `/diagnostics/${ids.settled}/results`, keyCells: ['.results-theme td[data-label="Score"]'] },
    { name: 'plan', path: `/diagnostics/${ids.settled}/plan` },
    { name: 'results-in-progress', path: `/diagnostics/${ids.draft}/results` },
    { name: 'iso9001', path: `/diagnostics/${ids.settled}/iso9001`, keyCells: ['.gap__questions td[data-label="Niveau"]'], unfold: true },
  ];
  const consultant: Visit[] = [
    { name: 'home-consultant', path: '/' },
    { name: 'federation', path: '/federation', keyCells: ['.federation-table td[data-label="Dernier diagnostic"]', '.federation-table td[data-label="Score global"]'] },
    { name: 'federation-progress', path: '/federation/progres' },
  ];
  const admin: Visit[] = [
    { name: 'home-admin', path: '/' },
    { name: 'admin-users', path: '/admin/users', keyCells: ['td[data-label="Rôle"]', 'td[data-label="État"]'] },
    { name: 'admin-organisations', path: '/admin/organisations', keyCells: ['td[data-label="Délégation régionale"]', 'td[data-label="État"]'] },
    { name: 'admin-organisations-search', path: '/admin/organisations?q=jardins&status=active' },
    { name: 'admin-user-new', path: '/admin/users/new' },
    { name: 'organisations', path: '/organisations' },
    { name: 'admin-referentials', path: '/admin/referentials', keyCells: ['td[data-label="État"]'] },
    { name: 'admin-services', path: '/admin/services', keyCells: ['td[data-label="État"]'] },
    { name: 'admin-audit', path: '/admin/audit' },
    { name: 'federation-admin', path: '/federation', keyCells: ['.federation-table td[data-label="Score global"]'] },
  ];
  return { member, consultant, admin };
}

describe('on a phone (375 × 740) and on a laptop (1280 px)', () => {
  let srv: TestServer;
  let phone: BrowserContext;
  let wide: BrowserContext;
  let pages: ReturnType<typeof pagesOf>;

  beforeAll(async () => {
    srv = await startServer({ demo: true });
    const garonne = srv.db.select().from(organisations).where(eq(organisations.name, DEMO_ORGS[0])).get()!;
    const draft = srv.db.select().from(diagnostics).where(and(eq(diagnostics.organisationId, garonne.id), eq(diagnostics.status, 'draft'))).get()!;
    const settled = srv.db.select().from(diagnostics).where(and(eq(diagnostics.organisationId, garonne.id), eq(diagnostics.status, 'submitted'))).get()!;
    pages = pagesOf({ draft: draft.id, settled: settled.id, garonne: garonne.id });
    phone = await launchBrowser({ viewport: PHONE });
    wide = await launchBrowser({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await phone?.close();
    await wide?.close();
    await srv?.close();
  });

  /** One page at one width: no overflow, header, left edge, axe-core, key cells on screen. */
  async function visit(page: Page, watched: { errors: string[] }, v: Visit, prefix: 'phone' | 'wide') {
    const before = watched.errors.length;
    const res = await page.goto(`${srv.url}${v.path}`);
    expect(res?.status(), v.name).toBe(200);
    const m = await measure(page);
    expect(m.overflow, `${v.name}: sideways overflow`).toBeLessThanOrEqual(0);
    if (prefix === 'phone') {
      expect(m.header, `${v.name}: header height`).toBeLessThan(100);
      expect(m.scrolling, `${v.name}: tables scrolling sideways`).toEqual([]);
    }
    if (m.contentLeft !== null) expect(Math.round(m.contentLeft), `${v.name}: left edge`).toBe(Math.round(m.brandLeft));
    expect(await checkA11y(page), v.name).toEqual([]);
    if (prefix === 'phone') {
      if (v.unfold) {
        await page.locator('main details').evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
        expect((await measure(page)).overflow, `${v.name} unfolded: sideways overflow`).toBeLessThanOrEqual(0);
        expect(await checkA11y(page), `${v.name} unfolded`).toEqual([]);
      }
      for (const sel of v.keyCells ?? []) {
        const cell = page.locator(sel).first();
        const box = (await cell.boundingBox())!;
        expect(box, `${v.name}: ${sel}`).not.toBeNull();
        expect(box.x, `${v.name}: ${sel}`).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, `${v.name}: ${sel} on screen`).toBeLessThanOrEqual(PHONE.width);
        // What the cell says is readable: its column's name is shown beside the value.
        expect((await cell.evaluate((td) => getComputedStyle(td, '::before').content)).replace(/"/g, ''), `${v.name}: ${sel}`).toBe(await cell.getAttribute('data-label'));
      }
    }
    await screenshot(page, `${prefix}-${v.name}`, { maxHeight: 12_000 });
    expect(watched.errors.slice(before)).toEqual([]);
  }

  for (const [who, email] of [
    ['member', DEMO.member1],
    ['consultant', DEMO.consultantOccitanie],
    ['admin', DEMO.admin],
  ] as const) {
    describe(`the ${who}`, () => {
      let small: Page;
      let large: Page;
      let smallErrors: { errors: string[] };
      let largeErrors: { errors: string[] };
      afterAll(async () => {
        await small?.close();
        await large?.close();
      });
      beforeAll(async () => {
        await phone.clearCookies();
        await wide.clearCookies();
        small = await phone.newPage();
        large = await wide.newPage();
        smallErrors = watchErrors(small);
        largeErrors = watchErrors(large);
        await login(small, srv.url, email);
        await login(large, srv.url, email);
      });

      test('on a wide screen, the navigation is a bar: its links show without opening anything', async () => {
        await large.goto(`${srv.url}/`);
        expect(await large.locator('summary.site-menu__toggle').isVisible()).toBe(false);
        expect(await large.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Accueil' }).isVisible()).toBe(true);
      });

      // Test names are fixed before the fixture exists: the list of pages is read when they run.
      for (const name of VISITS[who]) {
        test(`${name} fits a phone and passes axe-core`, async () => {
          await visit(small, smallErrors, pages[who].find((v) => v.name === name)!, 'phone');
        });
        test(`${name} keeps one left edge at 1280 px`, async () => {
          await visit(large, largeErrors, pages[who].find((v) => v.name === name)!, 'wide');
        });
      }
    });
  }

  test('the menu opens, is used and closes with the keyboard alone', async () => {
    await phone.clearCookies();
    const page = await phone.newPage();
    await login(page, srv.url, DEMO.admin);
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    expect(await nav.isVisible()).toBe(false);
    // Skip link, brand, then the menu's toggle.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Aller au contenu');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const toggle = page.locator('summary.site-menu__toggle');
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByText('Menu', { exact: true }).isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await nav.isVisible()).toBe(true);
    expect(await measure(page).then((m) => m.overflow)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-menu-open');
    expect(await checkA11y(page)).toEqual([]);
    // Down the links to « Utilisateurs », and follow it.
    const labels: string[] = [];
    for (;;) {
      await page.keyboard.press('Tab');
      const label = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
      labels.push(label);
      if (label === 'Utilisateurs' || labels.length > 12) break;
    }
    expect(labels).toEqual(['Accueil', 'Structures', 'Suivi fédéral', 'Utilisateurs']);
    await Promise.all([page.waitForURL((u) => u.pathname === '/admin/users'), page.keyboard.press('Enter')]);
    // A new page starts with the menu folded; Space on the toggle opens it, Space again folds it.
    expect(await nav.isVisible()).toBe(false);
    await toggle.focus();
    await page.keyboard.press('Space');
    expect(await nav.isVisible()).toBe(true);
    expect(await nav.getByRole('link', { name: 'Utilisateurs' }).getAttribute('aria-current')).toBe('page');
    await page.keyboard.press('Space');
    expect(await nav.isVisible()).toBe(false);
    await logout(page);
  });
});
