// The plan a director acts on (issue 14), on the demo's Chantier des Terrils answered honestly at
// low levels: whole titles, « Vos priorités » first, the rest folded by theme, filters and a compact
// table in the query string, services people can reach, no service meant for other types.
import { describe, it, expect, beforeAll } from 'vitest';
import { Client, makeApp, text, type TestContext } from '../support/app.ts';
import { insertTerrilsDiagnostic } from '../support/terrils.ts';
import { loadDemo } from '../../src/demo/index.ts';
import { DEMO_PASSWORD } from '../../src/demo/base.ts';
import { listActions } from '../../src/db/actions.ts';
import { getDiagnosticContext } from '../../src/db/diagnostics.ts';
import { indexOf } from '../../src/referential/lookup.ts';
import { withRevision } from '../support/plan.ts';

let ctx: TestContext;
let id: string;
let member: Client;
let html: string;

const planUrl = () => `/diagnostics/${id}/plan`;
/** The HTML between an element's opening tag (found by a fragment of it) and the next `</section>`. */
const section = (page: string, marker: string) => {
  const at = page.indexOf(marker);
  const start = page.indexOf('>', at) + 1;
  return at < 0 ? '' : page.slice(start, page.indexOf('</section>', start));
};
const titlesIn = (page: string) => [...page.matchAll(/<h3 id="action-[^"]+-title">([^<]*)<\/h3>/g)].map((m) => m[1]!.replace(/&#39;/g, "'").replace(/&amp;/g, '&'));

beforeAll(async () => {
  ctx = makeApp();
  await loadDemo(ctx.db, ctx.now.value);
  id = insertTerrilsDiagnostic(ctx.db);
  member = new Client(ctx);
  await member.login('membre5@cap.test', DEMO_PASSWORD);
  const res = await member.get(planUrl());
  expect(res.status).toBe(200);
  html = await res.text();
}, 60_000);

describe('the plan of an ACI answered at low levels', () => {
  it('titles every action with its recommendation’s whole title, never cut, and prints its whole text', () => {
    const actions = listActions(ctx.db, id);
    expect(actions.length).toBeGreaterThan(60);
    const index = indexOf(getDiagnosticContext(ctx.db, id)!.referential);
    for (const a of actions) {
      const rec = index.questions.get(a.questionCode!)!.question.recommendation;
      expect(a.title).toBe(rec.title);
      expect(a.title.length).toBeLessThanOrEqual(90);
      expect(a.description).toBe(rec.text);
    }
    const titles = titlesIn(html);
    expect(titles).toHaveLength(actions.length);
    for (const title of titles) expect(title).not.toMatch(/…|\.\.\.$/);
    expect(text(html).includes('…')).toBe(false);
  });

  it('opens on « Vos priorités »: legal obligations below compliance first, owner and due date inline', () => {
    const focus = section(html, 'class="plan-focus"');
    expect(text(focus)).toMatch(/^Vos priorités Les 5 actions qui comptent le plus maintenant, sur \d+ ouvertes/);
    const titles = titlesIn(focus);
    expect(titles).toHaveLength(5);
    // The first actions are legal obligations (14 legal questions apply to an ACI, half at level 0).
    expect(text(focus).match(/Obligation légale/g)!.length).toBeGreaterThanOrEqual(5);
    // « : » after each term is drawn by the style sheet.
    expect(text(focus)).toContain('Responsable à désigner');
    expect(text(focus)).toContain('Échéance sans échéance');
    // It comes before the rest, which is folded theme by theme.
    expect(html.indexOf('class="plan-focus"')).toBeLessThan(html.indexOf('class="plan-rest"'));
    const rest = html.slice(html.indexOf('class="plan-rest"'));
    expect(rest.match(/<details class="plan-theme"/g)).toHaveLength(4);
    expect(rest).not.toMatch(/<details class="plan-theme"[^>]* open/);
    for (const t of titles) expect(rest).not.toContain(`>${t}</h3>`);
  });

  it('never proposes a service reserved to other structure types (the ETTI triple exclusivity)', () => {
    const codes = new Set(listActions(ctx.db, id).flatMap((a) => a.services));
    expect(codes.has('GES-TRIPLE-EXCLUSIVITE')).toBe(false);
    expect(codes.has('FG2I')).toBe(false);
    expect(codes.has('PTCE')).toBe(true);
    expect(html.includes('Mise en conformité du GES avec la triple exclusivité des ETTI')).toBe(false);
  });
});

describe('filters in the query string', () => {
  let first: ReturnType<typeof listActions>[number];
  beforeAll(async () => {
    first = listActions(ctx.db, id).find((a) => a.themeSlug === 'services')!;
    const other = listActions(ctx.db, id).find((a) => a.themeSlug === 'identite')!;
    await member.get(planUrl());
    await member.post(`/diagnostics/${id}/actions/${first.id}`, withRevision(ctx.db, first.id, { owner: 'Karim Haddad', dueDate: '2026-02-15', status: 'in_progress' }));
    await member.post(`/diagnostics/${id}/actions/${other.id}`, withRevision(ctx.db, other.id, { owner: 'Nadia Lefebvre', status: 'done' }));
  });

  it('by theme, status, owner and overdue, with the count of matching actions', async () => {
    const byTheme = await (await member.get(`${planUrl()}?theme=services`)).text();
    const services = listActions(ctx.db, id).filter((a) => a.themeSlug === 'services');
    expect(titlesIn(byTheme)).toHaveLength(services.length);
    expect(text(byTheme)).toContain(`${services.length} actions correspondent aux filtres, sur ${listActions(ctx.db, id).length}.`);
    expect(byTheme).not.toContain('class="plan-focus"');

    const done = await (await member.get(`${planUrl()}?statut=done`)).text();
    expect(titlesIn(done)).toHaveLength(1);
    const mine = await (await member.get(`${planUrl()}?responsable=${encodeURIComponent('Karim Haddad')}`)).text();
    expect(titlesIn(mine)).toEqual([first.title]);
    const late = await (await member.get(`${planUrl()}?retard=1&statut=ouvertes`)).text();
    expect(titlesIn(late)).toEqual([first.title]);
    expect(text(late)).toContain('1 action correspond aux filtres');
    // The form shows the filters in force, so that the address can be shared and read back.
    expect(late).toMatch(/<option value="ouvertes" selected="">/);
    expect(late).toMatch(/name="retard" value="1" checked=""/);
    const nobody = await (await member.get(`${planUrl()}?responsable=-`)).text();
    expect(titlesIn(nobody).length).toBe(listActions(ctx.db, id).length - 2);
  });

  it('in a compact table: one row per action, titles whole, without JavaScript', async () => {
    const res = await member.get(`${planUrl()}?vue=tableau`);
    const page = await res.text();
    expect(res.status).toBe(200);
    const rows = [...page.matchAll(/<tr(?: class="is-overdue")?><th scope="row"><a href="[^"]+#action-[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);
    expect(rows).toHaveLength(listActions(ctx.db, id).length);
    expect(page).toContain('role="region" aria-label="Actions du plan');
    expect(page).toMatch(/<tr class="is-overdue">/);
    const filtered = await (await member.get(`${planUrl()}?vue=tableau&theme=identite&statut=done`)).text();
    expect([...filtered.matchAll(/<th scope="row"><a /g)]).toHaveLength(1);
  });

  it('refuses a filter it cannot apply with a French message and a 400, and shows the whole plan', async () => {
    for (const [query, message] of [
      ['theme=inconnu', 'Choisissez un des quatre thèmes du plan.'],
      ['statut=perdu', 'Choisissez un statut : ouvertes, à faire, en cours ou faites.'],
      [`responsable=${'x'.repeat(101)}`, 'Le nom du responsable est trop long pour un filtre (100 caractères au plus).'],
      ['vue=grille', 'Choisissez l’affichage en fiches ou en tableau compact.'],
      ['retard=oui', 'La case « en retard » se coche ou non (valeur 1).'],
    ] as const) {
      const res = await member.get(`${planUrl()}?${query}`);
      expect(res.status, query).toBe(400);
      const page = text(await res.text());
      expect(page).toContain('Ces filtres ne peuvent pas s’appliquer');
      expect(page.replace(/\u00a0|\u202f/g, ' ')).toContain(message.replace(/\u00a0|\u202f/g, ' '));
      expect(page).toContain('Vos priorités');
    }
  });
});

describe('services people can reach', () => {
  let admin: Client;
  beforeAll(async () => {
    admin = new Client(ctx);
    await admin.login('admin@cap.test', DEMO_PASSWORD);
  });

  it('an administrator adds a contact, an e-mail, a telephone and a registration link; the plan links them', async () => {
    await admin.get('/admin/services/PTCE/edit');
    const refused = await admin.post('/admin/services/PTCE', { name: 'Dispositif national de soutien des PTCE', kind: 'accompagnement', description: 'Un bouquet de services.', contact: 'Coorace national', email: 'pas-une-adresse', phone: 'abc', url: 'ftp://x' });
    expect(refused.status).toBe(422);
    const page = text(await refused.text());
    expect(page).toContain('Saisissez une adresse électronique complète');
    expect(page).toContain('Saisissez un numéro de téléphone');
    expect(page).toContain('Saisissez une adresse web complète');

    const saved = await admin.post('/admin/services/PTCE', {
      name: 'Dispositif national de soutien des PTCE',
      kind: 'accompagnement',
      description: 'Un bouquet de services.',
      contact: 'Coorace national — animation du dispositif PTCE',
      contactName: 'Élise Fournier',
      email: 'PTCE@Coorace.test',
      phone: '01 99 00 01 23',
      url: 'https://ptce.coorace.test/inscription',
    });
    expect(saved.status).toBe(303);
    const plan = await (await member.get(`/diagnostics/${id}/plan`)).text();
    expect(plan).toContain('href="mailto:ptce@coorace.test"');
    expect(plan).toContain('href="tel:+33199000123"');
    expect(plan).toContain('href="https://ptce.coorace.test/inscription"');
    expect(text(plan)).toContain('Contact : Élise Fournier');
    expect(text(plan)).toContain('Appeler le 01 99 00 01 23');
  });

  it('an administrator reserves a service to some structure types: it leaves the plans of the others', async () => {
    const res = await admin.post('/admin/services/PTCE', { name: 'Dispositif PTCE', kind: 'accompagnement', description: 'Un bouquet.', contact: 'Coorace national', structureTypes: ['EI', 'ETTI'] });
    expect(res.status).toBe(303);
    const list = text(await (await admin.get('/admin/services')).text());
    expect(list).toContain('EI, ETTI');
    const plan = await (await member.get(`/diagnostics/${id}/plan`)).text();
    expect(plan).not.toContain('Dispositif PTCE');
    await admin.post('/admin/services/PTCE', { name: 'Dispositif PTCE', kind: 'accompagnement', description: 'Un bouquet.', contact: 'Coorace national' });
    expect(await (await member.get(`/diagnostics/${id}/plan`)).text()).toContain('Dispositif PTCE');
  });
});

describe('results of the same diagnostic', () => {
  it('show no criterion none of whose questions applies (no « 0 sur 0 » SV-7 or SV-10 row for an ACI)', async () => {
    const page = text(await (await member.get(`/diagnostics/${id}/results`)).text());
    // CAP 2026: SV-9 (encadrement technique) applies to an ACI; SV-7 (AI, ETTI) and SV-10 (GEIQ, EITI) do not.
    expect(page).toContain('SV-9');
    expect(page).not.toContain('SV-7');
    expect(page).not.toContain('SV-10');
    expect(page).not.toMatch(/0 question notée sur 0/);
  });
});
