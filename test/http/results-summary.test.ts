// Results read in one minute (issue 14), on the demo's Chantier des Terrils answered at low levels:
// the page opens on « L’essentiel » (score and band, strengths at level 3 or more only, three
// priorities, legal obligations to secure, links); a draft's results are provisional; peers are
// drawn on the radar and the bars; the details are folded; differences come from the values shown.
import { describe, it, expect, beforeAll } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { Client, makeApp, text, type TestContext } from '../support/app.ts';
import { insertTerrilsDiagnostic } from '../support/terrils.ts';
import { loadDemo } from '../../src/demo/index.ts';
import { DEMO_PASSWORD } from '../../src/demo/base.ts';
import { diagnostics, organisations } from '../../src/db/schema.ts';
import { getDiagnosticContext, scoreDiagnosticById } from '../../src/db/diagnostics.ts';
import { proposeActions } from '../../src/plan/prioritise.ts';
import { shownScore } from '../../src/scoring/rounding.ts';

let ctx: TestContext;
let id: string;
let prev: string;
let member: Client;
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

beforeAll(async () => {
  ctx = makeApp();
  await loadDemo(ctx.db, ctx.now.value);
  prev = insertTerrilsDiagnostic(ctx.db, { createdAt: '2025-02-01T09:00:00.000Z', level: (i, legal) => (legal ? 1 : i % 3) });
  id = insertTerrilsDiagnostic(ctx.db, { previousId: prev });
  member = new Client(ctx);
  await member.login('membre5@cap.test', DEMO_PASSWORD);
}, 60_000);

describe('the results of an ACI answered at low levels', () => {
  let html: string;
  let page: string;
  beforeAll(async () => {
    const res = await member.get(`/diagnostics/${id}/results`);
    expect(res.status).toBe(200);
    html = await res.text();
    page = plain(text(html));
  });

  it('open on « L’essentiel »: overall score and band, then the details', () => {
    const scores = scoreDiagnosticById(ctx.db, getDiagnosticContext(ctx.db, id)!);
    const essentials = page.indexOf('L’essentiel');
    expect(essentials).toBeGreaterThan(0);
    expect(essentials).toBeLessThan(page.indexOf('Scores par thème et par critère'));
    expect(page.slice(essentials)).toMatch(new RegExp(`^L’essentiel Score global ${shownScore(scores.overall!)} % `));
    expect(page).toContain('Niveau de maturité : Premiers pas');
  });

  it('names no strength below level 3: a level-1 or level-2 answer is never a « point fort »', () => {
    expect(page).toContain('Points forts Aucune réponse au niveau 3 (« formalisé, avec suivi ») ou plus pour l’instant');
    expect(html).not.toContain('results-list--strong');
  });

  it('lists three priorities, legal obligations first, and the legal obligations to secure', () => {
    const scores = scoreDiagnosticById(ctx.db, getDiagnosticContext(ctx.db, id)!);
    const first = proposeActions(getDiagnosticContext(ctx.db, id)!.referential, scores).slice(0, 3);
    const at = page.indexOf('Priorités ');
    for (const a of first) expect(page.slice(at, at + 800)).toContain(`${a.title} Obligation légale`);
    expect(page).toContain('Tout le plan de progrès');
    expect(page).toContain(`${scores.legalFlags.length} obligations légales sont renseignées en dessous du niveau qui la satisfait.`);
    // Past the third, they show on a wide screen only (CSS); the link leads to all of them with their levels.
    expect(html.match(/class="results-legal__more"/g)).toHaveLength(scores.legalFlags.length - 3);
    expect(html).toContain(`<a href="#obligations">Les ${scores.legalFlags.length} obligations, avec leur niveau</a>`);
  });

  it('folds the ISO 9001 / RSE details and the criteria tables', () => {
    expect(html).toMatch(/<details class="results-details"><summary>Afficher le détail par chapitre et par question centrale<\/summary>/);
    expect(html.match(/<summary>Détail par critère — /g)).toHaveLength(4);
    // Tables scroll in a named region a keyboard can reach.
    expect(html).toMatch(/<div class="table-wrap" role="region" aria-label="[^"]+" tabindex="0">/);
  });

  it('computes differences from the values shown', () => {
    const before = shownScore(scoreDiagnosticById(ctx.db, getDiagnosticContext(ctx.db, prev)!).overall!);
    const now = shownScore(scoreDiagnosticById(ctx.db, getDiagnosticContext(ctx.db, id)!).overall!);
    const d = now - before;
    expect(page).toContain(`Score global ${before} % ${now} % ${d < 0 ? '↓' : '↑'} ${d < 0 ? '−' : '+'}${Math.abs(d)} point`);
  });
});

describe('a draft’s results', () => {
  it('are marked « provisoire », with the number of answers still to confirm', async () => {
    const draft = insertTerrilsDiagnostic(ctx.db, { status: 'draft', previousId: id, createdAt: '2026-02-25T09:00:00.000Z', prefilled: 40 });
    const html = await (await member.get(`/diagnostics/${draft}/results`)).text();
    const page = plain(text(html));
    expect(html).toMatch(/<h1>Résultats du diagnostic — Chantier des Terrils \(démo\) <span class="badge badge--warn">provisoire<\/span><\/h1>/);
    expect(page).toContain('Résultats provisoires. Le diagnostic est encore en cours : ces résultats changeront avec les réponses. 40 réponses reprises du diagnostic précédent restent à confirmer.');
    expect(html).toContain('results-provisional');
  });

  it('are not provisional once submitted', async () => {
    const html = await (await member.get(`/diagnostics/${id}/results`)).text();
    expect(html).not.toContain('provisoire');
  });
});

describe('peers on the radar and the theme bars', () => {
  it('draws the region’s averages when the benchmark is shown', async () => {
    const garonne = ctx.db.select().from(organisations).where(eq(organisations.name, 'Garonne Services Emploi (démo)')).get()!;
    const submitted = ctx.db.select().from(diagnostics).where(and(eq(diagnostics.organisationId, garonne.id), eq(diagnostics.status, 'submitted'))).orderBy(asc(diagnostics.createdAt)).get()!;
    const sophie = new Client(ctx);
    await sophie.login('membre1@cap.test', DEMO_PASSWORD);
    const html = await (await sophie.get(`/diagnostics/${submitted.id}/results`)).text();
    expect(html).toContain('class="radar__reference"');
    expect(plain(html)).toMatch(/<desc id="radar-desc">Score de chaque thème sur 100 : .+ En pointillés, moyenne régionale \(Occitanie\) : /);
    // One mark on the overall bar and one per theme.
    expect(html.match(/class="progress__peer"/g)).toHaveLength(5);
    expect(plain(text(html))).toMatch(/Moyenne régionale \(Occitanie\) : \d+ %/);
  });
});
