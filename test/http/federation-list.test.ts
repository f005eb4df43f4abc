// The dashboard lists work at the scale of the network: every diagnostic awaiting review appears
// even behind a newer draft; search by name or SIRET; filters by band, plan progress and overdue
// actions; names in natural order; 50 rows a page read by keyset, every page reachable and none
// repeated; the CSV export complete, in the page's order.
import { describe, it, expect, beforeEach } from 'vitest';
import { Client, makeApp, org, text, user, type TestContext } from '../support/app.ts';
import { network, rowsOf, type Network } from './federation-fixtures.ts';
import { createDiagnostic } from '../../src/db/diagnostic-writes.ts';
import { federationChunks, federationPage, type FederationRow } from '../../src/db/federation.ts';
import { SORT_KEYS, type FederationQuery } from '../../src/federation/query.ts';
import { generateDataset } from '../../bench/dataset.ts';

let ctx: TestContext;

async function as(email: string, password?: string): Promise<Client> {
  const c = new Client(ctx);
  await c.login(email, password);
  return c;
}

async function page(c: Client, path: string) {
  const res = await c.get(path);
  expect(res.status).toBe(200);
  return res.text();
}

const names = (html: string) => rowsOf(html, 'federation-table').map((r) => r.split(' ').slice(0, 2).join(' '));

describe('the work on the hand-made network', () => {
  let net: Network;
  beforeEach(async () => {
    ctx = makeApp();
    net = await network(ctx.db);
  });

  it('keeps a diagnostic awaiting review in view when the structure starts a newer draft', async () => {
    createDiagnostic(ctx.db, { organisationId: net.orgs.alpha, referentialId: 'cap-2023', mode: 'autodiagnostic', participants: [], fromId: 'diag-a2', userId: net.users.memberAlpha }, ctx.now.value);
    const c = await as('conseil.occitanie@cap.test');
    const html = await page(c, '/federation?status=submitted');
    expect(names(html)).toEqual(['Alpha Insertion']);
    // The latest is the new draft; the submitted one waits in the last column, with how long.
    expect(rowsOf(html, 'federation-table')[0]).toMatch(/^Alpha Insertion ACI Occitanie Brouillon 02\/03\/2026 .* depuis 46 jours$/);
    expect(html).toContain('href="/diagnostics/diag-a2"');
    expect(html).toContain('aria-label="Diagnostic soumis le 15 janvier 2026, depuis 46 jours"');
    // Sorted by waiting time, it comes first; those without anything to review come last.
    expect(names(await page(c, '/federation?sort=pending&dir=asc'))).toEqual(['Alpha Insertion', 'Bêta Services', 'Gamma Jardins']);
  });

  it('finds a structure by words of its name, accents and case aside, or by the start of its SIRET', async () => {
    const c = await as('conseil.occitanie@cap.test');
    expect(names(await page(c, '/federation?q=beta'))).toEqual(['Bêta Services']);
    expect(names(await page(c, '/federation?q=SERV+b%C3%AAt'))).toEqual(['Bêta Services']);
    expect(names(await page(c, '/federation?q=jard'))).toEqual(['Gamma Jardins']);
    expect(names(await page(c, '/federation?q=ardins'))).toEqual([]);
    expect(names(await page(c, '/federation?q=732+829'))).toEqual(['Alpha Insertion']);
    // Nothing searchable (only signs): nothing found, not everything.
    expect(text(await page(c, '/federation?q=%25%25'))).toContain('Aucune structure ne correspond à ces critères.');
    // Bretagne stays out of a consultant of Occitanie's search.
    expect(names(await page(c, '/federation?q=delta'))).toEqual([]);
    const html = await page(c, '/federation?q=%3Cb%3Ejard');
    expect(html).toContain('value="&lt;b&gt;jard"');
  });

  it('filters by maturity band, plan progress and overdue actions', async () => {
    const c = await as('admin@cap.test');
    expect(names(await page(c, '/federation?band=maitrise'))).toEqual(['Alpha Insertion', 'Bêta Services']);
    expect(names(await page(c, '/federation?band=exemplaire'))).toEqual(['Delta Bretagne']);
    expect(names(await page(c, '/federation?band=none'))).toEqual(['Gamma Jardins']);
    // Alpha: 1 done of 3; Delta: 0 of 1; Bêta and Gamma: no plan.
    expect(names(await page(c, '/federation?progress=q2'))).toEqual(['Alpha Insertion']);
    expect(names(await page(c, '/federation?progress=q1'))).toEqual(['Delta Bretagne']);
    expect(names(await page(c, '/federation?progress=none'))).toEqual(['Bêta Services', 'Gamma Jardins']);
    expect(names(await page(c, '/federation?overdue=1'))).toEqual(['Alpha Insertion', 'Delta Bretagne']);
    const html = await page(c, '/federation?band=maitrise&progress=q2&overdue=1');
    expect(names(html)).toEqual(['Alpha Insertion']);
    expect(html).toMatch(/<option value="maitrise" selected="">/);
    expect(html).toMatch(/<input id="f-overdue" name="overdue" type="checkbox" value="1" checked=""/);
  });
});

describe('natural order and pages', () => {
  beforeEach(async () => {
    ctx = makeApp();
    await user(ctx.db, 'admin', 'admin@cap.test');
  });

  it('sorts « n° 2 » before « n° 11 », and pages 50 by 50 with the count of matches', async () => {
    for (const n of [11, 2, 1, 100, 20, 3]) org(ctx.db, { name: `Structure n° ${n}`, siret: String(10000000000000 + n) });
    for (let i = 0; i < 120; i++) org(ctx.db, { name: `Régie ${String.fromCharCode(65 + (i % 26))}${i}`, siret: String(20000000000000 + i) });
    const c = await as('admin@cap.test');
    const first = await page(c, '/federation?q=structure');
    expect(names(first).map((n, i) => `${n} ${rowsOf(first, 'federation-table')[i]!.split(' ')[2]}`)).toEqual([
      'Structure n° 1',
      'Structure n° 2',
      'Structure n° 3',
      'Structure n° 11',
      'Structure n° 20',
      'Structure n° 100',
    ]);

    const html = await page(c, '/federation');
    expect(rowsOf(html, 'federation-table')).toHaveLength(50);
    expect(text(html)).toContain('Structures 1 à 50 sur 126');
    expect(html).not.toContain('rel="prev"');
    const next = html.match(/href="([^"]+)" rel="next"/)![1]!.replace(/&amp;/g, '&');
    expect(next).toMatch(/^\/federation\?after=[A-Za-z0-9_-]+$/);
    const second = await page(c, next);
    expect(text(second)).toContain('Structures 51 à 100 sur 126');
    const third = await page(c, second.match(/href="([^"]+)" rel="next"/)![1]!.replace(/&amp;/g, '&'));
    expect(text(third)).toContain('Structures 101 à 126 sur 126');
    expect(third).not.toContain('rel="next"');
    const back = await page(c, third.match(/href="([^"]+)" rel="prev"/)![1]!.replace(/&amp;/g, '&'));
    expect(rowsOf(back, 'federation-table')).toEqual(rowsOf(second, 'federation-table'));
    expect(third).toMatch(/<a href="\/federation" class="pager__first">Première page<\/a>/);
    // A cursor edited by hand is no error: the first page.
    expect(rowsOf(await page(c, '/federation?after=n%27importe%20quoi'), 'federation-table')).toEqual(rowsOf(html, 'federation-table'));
  });
});

describe('keyset pages over a generated network', () => {
  const now = new Date('2026-03-02T09:00:00Z');
  const admin = { id: 'x', role: 'admin' as const, organisationIds: [], regions: [] };

  beforeEach(async () => {
    ctx = makeApp();
    await generateDataset(ctx.db, { organisations: 60, diagnosticsPerOrganisation: 2, now });
  }, 60_000);

  /** Every row by following `next` with pages of `size`, then back by `prev` from the last page. */
  function walk(q: FederationQuery, size: number) {
    const forward: FederationRow[] = [];
    const pages = [];
    let p = federationPage(ctx.db, admin, q, now, size);
    for (;;) {
      expect(p.offset).toBe(forward.length);
      forward.push(...p.rows);
      pages.push(p.rows.map((r) => r.organisationId));
      if (!p.next) break;
      p = federationPage(ctx.db, admin, { ...q, after: p.next }, now, size);
    }
    const backward: string[][] = [];
    while (p.prev) {
      p = federationPage(ctx.db, admin, { ...q, before: p.prev }, now, size);
      backward.unshift(p.rows.map((r) => r.organisationId));
    }
    return { forward, pages, backward, total: p.total };
  }

  it('walks every sort, both ways, each structure once, in the same order as the CSV export', () => {
    for (const sort of SORT_KEYS) {
      for (const dir of ['asc', 'desc'] as const) {
        const q: FederationQuery = { sort, dir };
        const { forward, pages, backward, total } = walk(q, 9);
        const ids = forward.map((r) => r.organisationId);
        expect(new Set(ids).size, `${sort} ${dir}`).toBe(ids.length);
        expect(ids.length, `${sort} ${dir}`).toBe(total);
        expect(total).toBe(60);
        expect(backward, `${sort} ${dir} backwards`).toEqual(pages.slice(0, -1));
        const exported = [...federationChunks(ctx.db, admin, q, now, 13)].flat().map((r) => r.organisationId);
        expect(exported, `${sort} ${dir} export`).toEqual(ids);
      }
    }
  });

  it('sorts by the values shown, empty ones last either way', () => {
    const score = (r: FederationRow) => r.latest?.overall ?? null;
    for (const dir of ['asc', 'desc'] as const) {
      const values = walk({ sort: 'score', dir }, 11).forward.map(score);
      const filled = values.filter((v): v is number => v !== null);
      expect(values.slice(0, filled.length)).toEqual(filled);
      expect(filled).toEqual([...filled].sort((a, b) => (dir === 'asc' ? a - b : b - a)));
    }
    const overdue = walk({ sort: 'overdue', dir: 'desc' }, 11).forward.map((r) => r.overdue);
    expect(overdue).toEqual([...overdue].sort((a, b) => b - a));
    expect(overdue[0]).toBeGreaterThan(0);
  });

  it('filters pages the same way: the count, the rows and the walk agree', () => {
    const q: FederationQuery = { sort: 'date', dir: 'desc', status: 'submitted', overdue: true };
    const { forward, total } = walk(q, 5);
    expect(total).toBeGreaterThan(5);
    expect(forward).toHaveLength(total);
    for (const r of forward) {
      expect(r.pending.length).toBeGreaterThan(0);
      expect(r.overdue).toBeGreaterThan(0);
    }
  });
});
