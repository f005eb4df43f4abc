// The federation's dashboard on the hand-made network of federation-fixtures.ts: rows, the
// picture of the selection, filters, sorting and scope. Expected values are worked out by hand.
import { describe, it, expect, beforeEach } from 'vitest';
import { eq } from 'drizzle-orm';
import { Client, makeApp, text, type TestContext } from '../support/app.ts';
import { network, rowsOf, type Network } from './federation-fixtures.ts';
import { diagnostics } from '../../src/db/schema.ts';
import { ensureDerivedData } from '../../src/db/derived-data.ts';
import { rebuildPeerStatistics } from '../../src/db/peer-statistics.ts';

/** Rows of the picture table whose (visually hidden) caption is `caption`. */
function pictureRows(html: string, caption: string): string[] {
  const i = html.indexOf(caption);
  if (i < 0) return [];
  const body = html.slice(i).match(/<tbody>([\s\S]*?)<\/tbody>/)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => text(m[1]!));
}

let ctx: TestContext;
let net: Network;

async function as(email: string): Promise<Client> {
  const c = new Client(ctx);
  await c.login(email);
  return c;
}

async function page(c: Client, path = '/federation') {
  const res = await c.get(path);
  expect(res.status).toBe(200);
  return res.text();
}

beforeEach(async () => {
  ctx = makeApp();
  net = await network(ctx.db);
});

describe('GET /federation rows', () => {
  it('shows a consultant one row per active organisation of their region, from the latest diagnostic', async () => {
    const html = await page(await as('conseil.occitanie@cap.test'));
    expect(text(html)).toContain('Les structures adhérentes de la région Occitanie et leur dernier diagnostic.');
    expect(text(html)).toContain('3 structures');
    expect(rowsOf(html, 'federation-table')).toEqual([
      'Alpha Insertion ACI Occitanie Soumis 15/01/2026 70 % 1 / 3 1 depuis 46 jours',
      'Bêta Services aucun diagnostic depuis plus de 12 mois AI, EI Occitanie Brouillon 01/12/2024 75 % (provisoire) pas de plan 0',
      'Gamma Jardins aucun diagnostic depuis plus de 12 mois ACI Occitanie Aucun diagnostic —',
    ]);
    // Links to the organisation and to its latest diagnostic (not the older one).
    expect(html).toContain(`href="/organisations/${net.orgs.alpha}"`);
    expect(html).toContain('href="/diagnostics/diag-a2"');
    expect(html).not.toContain('diag-a1');
    expect(text(html)).not.toContain('Epsilon');
  });

  it('flags an organisation whose latest diagnostic is over 12 months old, by the clock', async () => {
    ctx.now.value = new Date('2027-01-16T09:00:00Z');
    const html = await page(await as('conseil.occitanie@cap.test'));
    expect(rowsOf(html, 'federation-table')[0]).toMatch(/^Alpha Insertion aucun diagnostic depuis plus de 12 mois/);
    ctx.now.value = new Date('2027-01-14T09:00:00Z');
    const before = await page(await as('conseil.occitanie@cap.test'));
    expect(rowsOf(before, 'federation-table')[0]).toMatch(/^Alpha Insertion ACI/);
  });

  it('counts overdue actions against today: the action due on 1 April becomes overdue on 2 April', async () => {
    ctx.now.value = new Date('2026-04-02T09:00:00Z');
    const html = await page(await as('conseil.occitanie@cap.test'));
    expect(rowsOf(html, 'federation-table')[0]).toBe('Alpha Insertion ACI Occitanie Soumis 15/01/2026 70 % 1 / 3 2 depuis 77 jours');
  });

  it('shows an admin every region, with a region filter', async () => {
    const html = await page(await as('admin@cap.test'));
    expect(text(html)).toContain('Toutes les structures adhérentes du réseau');
    expect(rowsOf(html, 'federation-table').map((r) => r.split(' ').slice(0, 2).join(' '))).toEqual(['Alpha Insertion', 'Bêta Services', 'Delta Bretagne', 'Gamma Jardins']);
    expect(html).toContain('<select id="f-region" name="region">');
    const bzh = await page(await as('admin@cap.test'), '/federation?region=Bretagne');
    expect(rowsOf(bzh, 'federation-table')).toEqual(['Delta Bretagne EI Bretagne Validé 01/02/2026 90 % 0 / 1 1']);
  });
});

describe('the picture of the selection', () => {
  it('is drawn from the latest submitted or validated diagnostic of each structure of Occitanie: Alpha’s, not Bêta’s draft', async () => {
    const html = await page(await as('conseil.occitanie@cap.test'));
    const t = text(html);
    expect(t).toContain('Calculé sur le dernier diagnostic soumis ou validé de chaque structure de la région et du type choisis : 1 structure sur 3.');
    expect(pictureRows(html, 'Score moyen de chaque thème, par type de structure')).toEqual(['Atelier et chantier d’insertion (ACI) 1 70 % 80 % 60 % 70 % 70 %']);
    expect(pictureRows(html, 'Nombre de structures par niveau de maturité')).toEqual([
      'Premiers pas (de 0 à moins de 40 %) 0',
      'En structuration (de 40 à moins de 60 %) 0',
      'Maîtrisé (de 60 à moins de 80 %) 1',
      'Exemplaire (de 80 à 100 % inclus) 0',
      'Sans score (aucun diagnostic soumis ou validé) 2',
    ]);
    const weakest = pictureRows(html, 'Questions au niveau moyen le plus bas');
    expect(weakest.map((r) => [r.split(' ')[0], r.match(/(\d,\d \/ 4 \d+)$/)?.[1]])).toEqual([
      ['ID-2.1', '0,0 / 4 1'],
      ['ID-1.1', '1,0 / 4 1'],
      ['ID-1.2', '4,0 / 4 1'],
    ]);
    expect(weakest[1]).toContain('Les valeurs de la structure sont-elles écrites');
    const services = pictureRows(html, 'Services du catalogue cités par les actions ouvertes');
    expect(services.map((r) => [r.split(' Pôle')[0], r.split(' ').pop()])).toEqual([
      ['Formations juridiques', '2'],
      ['Formations au développement commercial', '1'],
    ]);
  });

  it('groups the weakest questions by referential version when the diagnostics counted use more than one', async () => {
    // Delta Bretagne's diagnostic on CAP 2026: its ID-1.1 is that version's question, not CAP 2023's.
    ctx.db.update(diagnostics).set({ referentialId: 'cap-2026' }).where(eq(diagnostics.id, net.diags.d1)).run();
    rebuildPeerStatistics(ctx.db);
    const weakest = pictureRows(await page(await as('admin@cap.test')), 'Questions au niveau moyen le plus bas');
    expect(weakest.map((r) => [r.split(' ')[0], r.match(/\((CAP 20\d\d)\)/)?.[1], r.match(/(\d,\d \/ 4 \d+)$/)?.[1]])).toEqual([
      ['ID-1.1', 'CAP 2026', '0,0 / 4 1'],
      ['ID-2.1', 'CAP 2023', '0,0 / 4 1'],
      ['ID-1.1', 'CAP 2023', '1,0 / 4 1'],
      ['ID-1.2', 'CAP 2023', '4,0 / 4 1'],
    ]);
  });

  it('for an admin, mixes Bretagne in: ID-1.1 averages 1 and 0', async () => {
    const html = await page(await as('admin@cap.test'));
    const weakest = pictureRows(html, 'Questions au niveau moyen le plus bas');
    expect(weakest.map((r) => r.split(' ')[0])).toEqual(['ID-2.1', 'ID-1.1', 'ID-1.2']);
    expect(weakest[1]).toMatch(/0,5 \/ 4 2$/);
    expect(pictureRows(html, 'Nombre de structures par niveau de maturité')[3]).toBe('Exemplaire (de 80 à 100 % inclus) 1');
    expect(pictureRows(html, 'Services du catalogue cités par les actions ouvertes').map((r) => r.split(' Pôle')[0])).toEqual([
      'Formations juridiques',
      'Formations à la qualité de vie au travail',
      'Formations au développement commercial',
    ]);
  });

  it('follows the region and type filters only: the AI structures of Occitanie have no settled diagnostic yet', async () => {
    const c = await as('conseil.occitanie@cap.test');
    const html = await page(c, '/federation?type=AI');
    expect(pictureRows(html, 'Score moyen de chaque thème, par type de structure')).toEqual([]);
    expect(text(html)).toContain('Aucun diagnostic soumis ou validé dans la sélection');
    // The search and the other filters narrow the list, not the picture.
    const none = await page(c, '/federation?status=none&q=gamma');
    expect(rowsOf(none, 'federation-table').map((r) => r.split(' ')[0])).toEqual(['Gamma']);
    expect(pictureRows(none, 'Score moyen de chaque thème, par type de structure')).toEqual(['Atelier et chantier d’insertion (ACI) 1 70 % 80 % 60 % 70 % 70 %']);
  });

  it('never scores while reading: a settled diagnostic without cached scores gets them at start-up, not from the page', async () => {
    ctx.db.update(diagnostics).set({ overallScore: null, themeScores: null }).where(eq(diagnostics.id, 'diag-a2')).run();
    const c = await as('conseil.occitanie@cap.test');
    expect(rowsOf(await page(c), 'federation-table')[0]).toContain('Soumis 15/01/2026 — 1 / 3');
    expect(ctx.db.select().from(diagnostics).where(eq(diagnostics.id, 'diag-a2')).get()!.themeScores).toBeNull();
    // What the server does when it starts on such a database.
    expect(ensureDerivedData(ctx.db)).toMatchObject({ scores: 1, peerStatistics: true });
    const stored = ctx.db.select().from(diagnostics).where(eq(diagnostics.id, 'diag-a2')).get()!;
    // ID-1.1=1 (25), ID-1.2=4 (100), ID-2.1=0 (0), ID-3.1 N/A: weighted by the referential's weights.
    expect(stored.overallScore).not.toBeNull();
    expect(rowsOf(await page(c), 'federation-table')[0]).toContain(`${Math.round(stored.overallScore!)} %`);
    expect(stored.themeScores?.identite).toBe(stored.overallScore);
    expect(stored.themeScores?.services).toBeNull();
  });
});

describe('filters and sorting (plain links, no JavaScript)', () => {
  const names = (html: string) => rowsOf(html, 'federation-table').map((r) => r.split(' ').slice(0, 2).join(' '));

  it('filters by type, status and region', async () => {
    const c = await as('conseil.occitanie@cap.test');
    expect(names(await page(c, '/federation?type=AI'))).toEqual(['Bêta Services']);
    expect(names(await page(c, '/federation?type=ACI'))).toEqual(['Alpha Insertion', 'Gamma Jardins']);
    expect(names(await page(c, '/federation?status=submitted'))).toEqual(['Alpha Insertion']);
    expect(names(await page(c, '/federation?status=draft'))).toEqual(['Bêta Services']);
    expect(names(await page(c, '/federation?status=none'))).toEqual(['Gamma Jardins']);
    expect(names(await page(c, '/federation?status=stale'))).toEqual(['Bêta Services', 'Gamma Jardins']);
    expect(names(await page(c, '/federation?status=validated'))).toEqual([]);
    expect(names(await page(c, '/federation?region=Occitanie&type=ACI&status=submitted'))).toEqual(['Alpha Insertion']);
    const a = await as('admin@cap.test');
    expect(names(await page(a, '/federation?region=Occitanie'))).toEqual(['Alpha Insertion', 'Bêta Services', 'Gamma Jardins']);
    expect(names(await page(a, '/federation?status=validated'))).toEqual(['Delta Bretagne']);
  });

  it('keeps the chosen filters in the form and ignores unknown values', async () => {
    const c = await as('conseil.occitanie@cap.test');
    const html = await page(c, '/federation?type=ACI&status=submitted&sort=score&dir=desc');
    expect(html).toMatch(/<option value="ACI" selected="">/);
    expect(html).toMatch(/<option value="submitted" selected="">/);
    expect(html).toContain('<input type="hidden" name="sort" value="score"/>');
    expect(names(await page(c, '/federation?status=nimporte&sort=rien&dir=haut'))).toEqual(['Alpha Insertion', 'Bêta Services', 'Gamma Jardins']);
  });

  it('sorts by each column, empty values last, with links that keep the filters', async () => {
    const c = await as('conseil.occitanie@cap.test');
    expect(names(await page(c, '/federation?sort=score&dir=desc'))).toEqual(['Bêta Services', 'Alpha Insertion', 'Gamma Jardins']);
    expect(names(await page(c, '/federation?sort=score&dir=asc'))).toEqual(['Alpha Insertion', 'Bêta Services', 'Gamma Jardins']);
    expect(names(await page(c, '/federation?sort=date&dir=desc'))).toEqual(['Alpha Insertion', 'Bêta Services', 'Gamma Jardins']);
    expect(names(await page(c, '/federation?sort=date&dir=asc'))).toEqual(['Bêta Services', 'Alpha Insertion', 'Gamma Jardins']);
    expect(names(await page(c, '/federation?sort=name&dir=desc'))).toEqual(['Gamma Jardins', 'Bêta Services', 'Alpha Insertion']);
    expect(names(await page(c, '/federation?sort=status&dir=asc'))).toEqual(['Bêta Services', 'Alpha Insertion', 'Gamma Jardins']);
    expect(names(await page(c, '/federation?sort=overdue&dir=desc'))).toEqual(['Alpha Insertion', 'Bêta Services', 'Gamma Jardins']);
    expect(names(await page(c, '/federation?sort=progress&dir=desc'))).toEqual(['Alpha Insertion', 'Bêta Services', 'Gamma Jardins']);

    const html = await page(c, '/federation?type=ACI&sort=score&dir=desc');
    expect(html).toContain('aria-sort="descending"');
    // The active column's link flips the direction; the others start with their natural one.
    expect(html).toContain('href="/federation?type=ACI&amp;sort=score&amp;dir=asc"');
    expect(html).toContain('href="/federation?type=ACI&amp;sort=overdue&amp;dir=desc"');
    expect(html).toContain('href="/federation?type=ACI"');
    expect(html).toContain('href="/federation/export.csv?type=ACI&amp;sort=score&amp;dir=desc"');
  });
});

describe('scope', () => {
  it('shows a consultant of Occitanie nothing of Bretagne: rows, counts, picture', async () => {
    const c = await as('conseil.occitanie@cap.test');
    for (const path of ['/federation', '/federation?region=Bretagne', '/federation?status=validated', '/federation?type=EI']) {
      const html = await page(c, path);
      const t = text(html);
      expect(t).not.toContain('Delta Bretagne');
      expect(t).not.toContain('90 %');
      expect(t).not.toContain('qualité de vie au travail');
      expect(html).not.toContain(net.orgs.delta);
      expect(html).not.toContain('diag-d1');
    }
    expect(text(await page(c, '/federation?region=Bretagne'))).toContain('0 structure');
    // A single region: no region filter to choose from.
    expect(await page(c, '/federation')).not.toContain('name="region"');
  });

  it('shows a consultant of Bretagne only Delta', async () => {
    const html = await page(await as('conseil.bretagne@cap.test'));
    expect(rowsOf(html, 'federation-table')).toEqual(['Delta Bretagne EI Bretagne Validé 01/02/2026 90 % 0 / 1 1']);
    expect(text(html)).not.toContain('Alpha');
  });

  it('answers 404 to members and sends anonymous visitors to the login page', async () => {
    const m = await as('membre.alpha@cap.test');
    expect((await m.get('/federation')).status).toBe(404);
    expect((await m.get('/federation/export.csv')).status).toBe(404);
    const anon = await new Client(ctx).get('/federation');
    expect(anon.status).toBe(303);
    expect(anon.headers.get('Location')).toBe('/login?next=%2Ffederation');
  });

  it('tells a consultant without a region what to do', async () => {
    const { user } = await import('../support/app.ts');
    await user(ctx.db, 'consultant', 'sans.region@cap.test', { regions: [] });
    const html = await page(await as('sans.region@cap.test'));
    expect(text(html)).toContain('Aucune région ne vous est attribuée');
    expect(text(html)).not.toContain('Alpha');
  });
});
