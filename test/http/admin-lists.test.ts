// The accounts and the organisations lists at the scale of the network: searchable, 50 a page read
// by keyset in the natural order of names, every row reachable once, the count of matches shown.
import { describe, it, expect, beforeAll } from 'vitest';
import { Client, makeApp, text, type TestContext } from '../support/app.ts';
import { generateDataset, type DatasetSummary } from '../../bench/dataset.ts';
import { updateOrganisation } from '../../src/db/organisations.ts';

let ctx: TestContext;
let data: DatasetSummary;
const now = new Date('2026-03-02T09:00:00Z');

beforeAll(async () => {
  ctx = makeApp();
  data = await generateDataset(ctx.db, { organisations: 70, diagnosticsPerOrganisation: 1, now });
}, 60_000);

async function as(email: string) {
  const c = new Client(ctx);
  await c.login(email, data.bench.password);
  return c;
}

const rowNames = (html: string) => [...(html.match(/<tbody>([\s\S]*?)<\/tbody>/)?.[1] ?? '').matchAll(/<th scope="row"><a [^>]*>([^<]*)<\/a>/g)].map((m) => m[1]!.replace(/&#39;|&#x27;/g, '’'));
const nextLink = (html: string) => html.match(/href="([^"]+)" rel="next"/)?.[1]?.replace(/&amp;/g, '&');

/** Every row of a list, following « Page suivante ». */
async function walk(c: Client, url: string) {
  const all: string[] = [];
  const counts: string[] = [];
  for (let next: string | undefined = url; next; ) {
    const html = await (await c.get(next)).text();
    all.push(...rowNames(html));
    counts.push(text(html).match(/(Comptes|Structures) \d+ à \d+ sur \d+|\d+ (comptes?|structures?)/)?.[0] ?? '');
    next = nextLink(html);
  }
  return { all, counts };
}

describe('GET /admin/users', () => {
  it('pages the 85 accounts 50 by 50 in name order, each once', async () => {
    const admin = await as(data.bench.adminEmail);
    const { all, counts } = await walk(admin, '/admin/users');
    expect(all).toHaveLength(data.users);
    expect(new Set(all).size).toBeLessThanOrEqual(all.length);
    expect(counts).toEqual([`Comptes 1 à 50 sur ${data.users}`, `Comptes 51 à ${data.users} sur ${data.users}`]);
    // Word by word, accents and case aside, numbers as numbers (src/sort-key.ts).
    const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
    const sorted = [...all].sort(collator.compare);
    expect(all.map((n) => n.toLowerCase())).toEqual(sorted.map((n) => n.toLowerCase()));
  });

  it('finds accounts by words of the name or part of the e-mail, and by role', async () => {
    const admin = await as(data.bench.adminEmail);
    const byMail = await (await admin.get('/admin/users?q=membre-7%40')).text();
    expect(text(byMail)).toContain('membre-7@bench.cap.test');
    expect(text(byMail)).toContain('1 compte');
    const consultants = await (await admin.get('/admin/users?role=consultant')).text();
    expect(text(consultants)).toContain('14 comptes');
    expect(consultants).toMatch(/<option value="consultant" selected="">/);
    const none = await (await admin.get('/admin/users?q=zzzz')).text();
    expect(text(none)).toContain('Aucun compte ne correspond à cette recherche.');
    // The page holds the names of the page's structures only, not of the whole network.
    expect((await (await admin.get('/admin/users')).text()).length).toBeLessThan(60_000);
  });

  it('stays the admins’ page', async () => {
    expect((await (await as('membre-1@bench.cap.test')).get('/admin/users')).status).toBe(404);
  });
});

describe('the organisations list', () => {
  it('at /admin/organisations: every structure once, searchable by SIRET, filtered by status and region', async () => {
    const admin = await as(data.bench.adminEmail);
    const { all, counts } = await walk(admin, '/admin/organisations');
    expect(all).toHaveLength(70);
    expect(new Set(all).size).toBe(70);
    expect(counts[0]).toBe('Structures 1 à 50 sur 70');
    const one = (await ctx.db.query.organisations.findFirst())!;
    // The start of the SIRET, spaces as people type them.
    const siret = await (await admin.get(`/admin/organisations?q=${one.siret.slice(0, 3)}+${one.siret.slice(3, 12)}`)).text();
    expect(rowNames(siret)).toContain(one.name);
    expect(rowNames(await (await admin.get(`/admin/organisations?q=${one.siret}`)).text())).toEqual([one.name]);
    updateOrganisation(ctx.db, one.id, { active: false });
    expect(rowNames(await (await admin.get('/admin/organisations?status=inactive')).text())).toEqual([one.name]);
    const occ = await (await admin.get('/admin/organisations?region=Occitanie')).text();
    expect(text(occ)).toMatch(/\d+ structures?/);
    const body = text(occ.match(/<tbody>([\s\S]*?)<\/tbody>/)![1]!);
    expect(body).toContain('Occitanie');
    expect(body).not.toMatch(/Bretagne|Normandie|Île-de-France/);
  });

  it('at /organisations: a consultant sees their region only, with the search, without the status filter', async () => {
    const c = await as(data.bench.consultantEmail);
    const html = await (await c.get('/organisations')).text();
    expect(html).not.toContain('name="status"');
    const { all } = await walk(c, '/organisations');
    expect(all).toHaveLength(data.bench.consultantOrganisations);
    expect((await c.get('/admin/organisations')).status).toBe(404);
  });
});
