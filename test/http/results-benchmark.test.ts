import { describe, it, expect, beforeEach } from 'vitest';
import { Client, makeApp, org, user, text, type TestContext } from '../support/app.ts';
import { answersFor, insertDiagnostic } from './results-fixtures.ts';
import { updateOrganisation } from '../../src/db/organisations.ts';
import { diagnostics, organisations } from '../../src/db/schema.ts';
import { loadDemo } from '../../src/demo/index.ts';
import { DEMO_PASSWORD } from '../../src/demo/base.ts';
import { DEMO_BENCHMARK_COUNT } from '../../src/demo/benchmark.ts';
import { eq } from 'drizzle-orm';

const themes = (identite: number, rest: number) => ({ identite, services: rest, 'fonctions-support': rest, 'amelioration-continue': rest });

function benchmarkSection(html: string): string {
  return text(html.match(/id="comparaison"[\s\S]*?<\/section>/)?.[0] ?? '');
}

describe('benchmark on the results page', () => {
  let ctx: TestContext;
  let orgA: string;
  let diagA: string;
  let c: Client;
  let siret = 0;

  /** An organisation with one submitted diagnostic whose scores are cached, as at submission. */
  function peer(region: string, overall: number, themeScores = themes(overall, overall), types = ['AI']): string {
    siret += 1;
    const id = org(ctx.db, { name: `Pair ${siret}`, types, region, siret: String(10000000000000 + siret) });
    insertDiagnostic(ctx.db, { organisationId: id, overallScore: overall, themeScores });
    return id;
  }

  beforeEach(async () => {
    ctx = makeApp();
    orgA = org(ctx.db, { name: 'Garonne Test', types: ['AI'], region: 'Occitanie' });
    diagA = insertDiagnostic(ctx.db, { organisationId: orgA, answers: answersFor(['AI'], () => 2) });
    await user(ctx.db, 'member', 'membre@cap.test', { organisationIds: [orgA] });
    c = new Client(ctx);
    await c.login('membre@cap.test');
  });

  it('is hidden with 4 comparable organisations, with a sentence saying why, and shown at 5', async () => {
    for (let i = 0; i < 4; i++) peer('Occitanie', 60);
    let section = benchmarkSection(await (await c.get(`/diagnostics/${diagA}/results`)).text());
    expect(section).toContain(
      'La moyenne nationale n’est pas affichée : 4 autres structures comparables seulement ont un diagnostic soumis ou validé, et il en faut au moins 5 pour préserver l’anonymat de chacune.',
    );
    expect(section).toContain('La moyenne régionale (Occitanie) n’est pas affichée : 4 autres structures comparables seulement ont');
    expect(section).not.toContain('Moyenne nationale');

    peer('Occitanie', 70, themes(80, 70));
    section = benchmarkSection(await (await c.get(`/diagnostics/${diagA}/results`)).text());
    expect(section).not.toContain('n’est pas affichée');
    expect(section).toContain('Votre structure Moyenne nationale 5 structures Moyenne régionale (Occitanie) 5 structures');
    // Overall: (4 × 60 + 70) / 5 = 62; Identité: (4 × 60 + 80) / 5 = 64; this structure is at 50 everywhere.
    expect(section).toContain('Score global 50 % 62 % 62 %');
    expect(section).toContain('Identité et projet 50 % 64 % 64 %');
    expect(section).toContain('Amélioration continue 50 % 62 % 62 %');
  });

  it('counts each other active organisation sharing a type once, with its latest submitted or validated diagnostic', async () => {
    // Five AI in Bretagne, cached at 50 overall and 40 in Identité.
    for (let i = 0; i < 5; i++) peer('Bretagne', 50, themes(40, 50));
    // An AI in Occitanie with an old diagnostic at 0 and a newer one at 100: only the newer counts.
    const twice = peer('Occitanie', 0);
    insertDiagnostic(ctx.db, { organisationId: twice, createdAt: '2026-02-15T10:00:00.000Z', overallScore: 100, themeScores: themes(100, 100) });
    // An ACI + AI in Occitanie submitted before scores were cached: scored from its answers (all level 4).
    const mixed = org(ctx.db, { name: 'Mixte', types: ['ACI', 'AI'], region: 'Occitanie', siret: '20000000000001' });
    insertDiagnostic(ctx.db, { organisationId: mixed, answers: answersFor(['ACI', 'AI'], () => 4) });
    // Not counted: another type only, a draft only, a deactivated organisation, and this
    // organisation's own earlier diagnostic.
    peer('Occitanie', 0, themes(0, 0), ['ACI']);
    const draftOnly = org(ctx.db, { name: 'Brouillon', types: ['AI'], region: 'Occitanie', siret: '20000000000002' });
    insertDiagnostic(ctx.db, { organisationId: draftOnly, status: 'draft', overallScore: 0, themeScores: themes(0, 0) });
    updateOrganisation(ctx.db, peer('Occitanie', 0), { active: false });
    insertDiagnostic(ctx.db, { organisationId: orgA, createdAt: '2025-01-01T10:00:00.000Z', overallScore: 0, themeScores: themes(0, 0) });

    const section = benchmarkSection(await (await c.get(`/diagnostics/${diagA}/results`)).text());
    // National: 5 × 50 + 100 + 100 = 450 over 7 → 64.3; Identité: 5 × 40 + 100 + 100 = 400 / 7 → 57.1.
    expect(section).toContain('Moyenne nationale 7 structures');
    expect(section).toContain('Score global 50 % 64 %');
    expect(section).toContain('Identité et projet 50 % 57 %');
    // Region: only the two Occitanie AI organisations count.
    expect(section).toContain('La moyenne régionale (Occitanie) n’est pas affichée : 2 autres structures comparables seulement ont');
  });

  it('says so when no other organisation is comparable', async () => {
    const section = benchmarkSection(await (await c.get(`/diagnostics/${diagA}/results`)).text());
    expect(section).toContain('La moyenne nationale n’est pas affichée : aucune autre structure comparable n’a un diagnostic soumis ou validé');
    expect(section).toContain('ayant au moins un type en commun avec la vôtre (AI)');
  });
});

describe('benchmark demo data', () => {
  it('gives membre1’s organisation a benchmark nationally and in Occitanie, and loads only once', async () => {
    const ctx = makeApp();
    await loadDemo(ctx.db, ctx.now.value);
    const countAfterFirst = ctx.db.select().from(diagnostics).all().length;
    await loadDemo(ctx.db, ctx.now.value);
    expect(ctx.db.select().from(diagnostics).all().length).toBe(countAfterFirst);
    const names = ctx.db.select({ name: organisations.name }).from(organisations).all().map((o) => o.name);
    expect(names).toContain('Structure de démonstration n° 1 (démo)');
    expect(names.filter((n) => n.startsWith('Structure de démonstration n° '))).toHaveLength(DEMO_BENCHMARK_COUNT);

    const garonne = ctx.db.select().from(organisations).where(eq(organisations.name, 'Garonne Services Emploi (démo)')).get()!;
    const id = insertDiagnostic(ctx.db, { organisationId: garonne.id, answers: answersFor(['AI'], () => 2) });
    const c = new Client(ctx);
    await c.login('membre1@cap.test', DEMO_PASSWORD);
    const section = benchmarkSection(await (await c.get(`/diagnostics/${id}/results`)).text());
    expect(section).toContain('Moyenne nationale');
    expect(section).toContain('Moyenne régionale (Occitanie)');
    expect(section).not.toContain('n’est pas affichée');
  });
});
