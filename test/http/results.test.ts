import { describe, it, expect, beforeEach } from 'vitest';
import { Client, makeApp, org, user, text, type TestContext } from '../support/app.ts';
import { answersFor, insertDiagnostic, REF_2026 } from './results-fixtures.ts';
import type { Level } from '../../src/scoring/index.ts';

/** Codes linked (#q-ID-1_2 anchors, as the questionnaire writes them) inside the first match of `re`. */
function codesIn(html: string, re: RegExp): string[] {
  const block = html.match(re)?.[1] ?? '';
  return [...block.matchAll(/#q-([A-Z]+-\d+)_(\d+)/g)].map((m) => `${m[1]}.${m[2]}`);
}

// Identité et projet, hand-worked: weights of the 18 questions sum to 38, ID-3.4 (weight 1) is N/A,
// so 37 count. ID-1.2 (w3) at 100 = 300, ID-1.1 (w2) at 75 = 150, ID-2.1 and ID-3.1 (w3) at 25 =
// 75 each, ID-5.2 (w1) at 0, the 25 remaining weight units at 50 = 1250: 1850 / 37 = 50 %.
const IDENTITE: Record<string, Level> = { 'ID-1.2': 4, 'ID-1.1': 3, 'ID-2.1': 1, 'ID-3.1': 1, 'ID-5.2': 0, 'ID-3.4': 'na' };

function fullAnswers(): Record<string, Level> {
  return { ...answersFor(['AI'], () => 3), ...answersFor(['AI'], (q) => IDENTITE[q.code] ?? 2, ['identite']) };
}

describe('results page', () => {
  let ctx: TestContext;
  let orgA: string;
  let c: Client;

  beforeEach(async () => {
    ctx = makeApp();
    orgA = org(ctx.db, { name: 'Garonne Test', types: ['AI'], region: 'Occitanie' });
    await user(ctx.db, 'member', 'membre@cap.test', { organisationIds: [orgA] });
    c = new Client(ctx);
    await c.login('membre@cap.test');
  });

  it('shows the overall score, the band, a four-axis SVG radar with its table, and per-theme bars', async () => {
    const id = insertDiagnostic(ctx.db, { organisationId: orgA, answers: fullAnswers() });
    const res = await c.get(`/diagnostics/${id}/results`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const page = text(html);

    expect(page).toContain('Résultats du diagnostic — Garonne Test');
    // Other themes all at level 3 (75 %) and Identité at 50 %: overall between 60 and 80.
    expect(page).toContain('Niveau de maturité : Maîtrisé');
    expect(page).toContain('Les pratiques sont formalisées, avec des objectifs et un suivi régulier.');
    expect(page).not.toContain('Résultats partiels');

    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="radar-title radar-desc"/);
    expect(html.match(/<line[^>]*class="radar__axis"/g)).toHaveLength(4);
    expect(html.match(/<polygon[^>]*class="radar__ring"/g)).toHaveLength(4);
    expect(html).toMatch(/<title id="radar-title">Graphique radar des scores des quatre thèmes<\/title>/);
    expect(html).toContain('Identité et projet\u00a0: 50\u202F%');
    expect(html).toContain('Amélioration continue\u00a0: 75\u202F%');
    expect(page).toContain('Scores par thème (données du graphique)');

    // Each percentage says what it counts.
    expect(page).toContain('17 questions notées sur 18 applicables, 1 non applicable');
    expect(html).toContain(`href="/diagnostics/${id}/themes/identite"`);
    expect(html).toMatch(/class="progress__fill" style="width: 50\.0%"/);
  });

  it('lists the three strongest and three weakest questions of each theme, linked to their anchors', async () => {
    const id = insertDiagnostic(ctx.db, { organisationId: orgA, answers: fullAnswers() });
    const html = await (await c.get(`/diagnostics/${id}/results`)).text();
    expect(text(html)).toContain('Points forts');
    expect(text(html)).toContain('Points à améliorer');
    // Identité: only answers at level 3 or more are strengths (ID-1.2 at 4, ID-1.1 at 3), never the
    // heavier ID-3.2 at level 2; the weakest go lowest level first, ties to the heavier question,
    // then referential order (ID-2.1 before ID-3.1).
    expect(codesIn(html, /id="theme-identite"[\s\S]*?<ol class="results-list results-list--strong">([\s\S]*?)<\/ol>/)).toEqual(['ID-1.2', 'ID-1.1']);
    expect(codesIn(html, /id="theme-identite"[\s\S]*?<ol class="results-list results-list--weak">([\s\S]*?)<\/ol>/)).toEqual(['ID-5.2', 'ID-2.1', 'ID-3.1']);
    expect(html).toContain(`href="/diagnostics/${id}/themes/identite#q-ID-1_2"`);
  });

  it('flags legal obligations answered below the level that meets them (2 unless the question says otherwise)', async () => {
    const id = insertDiagnostic(ctx.db, { organisationId: orgA, answers: fullAnswers() });
    const html = await (await c.get(`/diagnostics/${id}/results`)).text();
    const legal = html.match(/id="obligations"[\s\S]*?<\/section>/)?.[0] ?? '';
    expect(text(legal)).toContain('en dessous du niveau qui la satisfait');
    // ID-3.1 is a legal obligation answered at level 1; the other legal questions are at 2 or more.
    expect(codesIn(legal, /([\s\S]*)/)).toEqual(['ID-3.1']);
    expect(text(legal)).toContain('(niveau 1 sur 4, obligation satisfaite à partir du niveau 2)');
  });

  it('flags each legal obligation of CAP 2026 below its own compliance level', async () => {
    // ID-7.2 (met from level 3) at 2 and FS-2.3 (met from 2) at 1 are flagged; ID-4.1 (met from 2)
    // at 2 is not.
    const all = { ...answersFor(['AI'], () => 3, undefined, REF_2026), 'ID-7.2': 2 as Level, 'FS-2.3': 1 as Level, 'ID-4.1': 2 as Level };
    const id = insertDiagnostic(ctx.db, { organisationId: orgA, referentialId: REF_2026.id, answers: all });
    const html = await (await c.get(`/diagnostics/${id}/results`)).text();
    const legal = html.match(/id="obligations"[\s\S]*?<\/section>/)?.[0] ?? '';
    expect(codesIn(legal, /([\s\S]*)/)).toEqual(['ID-7.2', 'FS-2.3']);
    expect(text(legal)).toContain('(niveau 2 sur 4, obligation satisfaite à partir du niveau 3)');
    expect(text(legal)).toContain('(niveau 1 sur 4, obligation satisfaite à partir du niveau 2)');
    // The plan puts them first, under the same name.
    const plan = text(await (await c.get(`/diagnostics/${id}/plan`)).text());
    expect(plan).toContain('Obligation légale à sécuriser');
  });

  it('shows ISO 9001 clause groups and ISO 26000 subjects with an RSE level and the not-a-certification sentence', async () => {
    const id = insertDiagnostic(ctx.db, { organisationId: orgA, answers: answersFor(['AI'], () => 3) });
    const page = text(await (await c.get(`/diagnostics/${id}/results`)).text());
    for (const group of ['4. Contexte de l’organisation', '5. Leadership', '6. Planification', '7. Support', '8. Réalisation des activités opérationnelles', '9. Évaluation des performances', '10. Amélioration']) {
      expect(page).toContain(group);
    }
    expect(page).toContain('Relations et conditions de travail');
    // Every answer at level 3: 75 % everywhere, i.e. 750 points, « Exemplaire » on the label's scale.
    expect(page).toContain('Niveau RSE global indicatif : Exemplaire (750 points sur 1 000).');
    expect(page).toContain('ils ne valent ni certification ni label');
  });

  it('labels partial results when some but not all themes are complete', async () => {
    const id = insertDiagnostic(ctx.db, { organisationId: orgA, status: 'draft', answers: answersFor(['AI'], () => 2, ['identite']) });
    const res = await c.get(`/diagnostics/${id}/results`);
    expect(res.status).toBe(200);
    const page = text(await res.text());
    expect(page).toContain('Résultats partiels');
    expect(page).toContain('1 thème est complet sur 4');
    expect(page).toContain('thème incomplet');
    expect(page).toContain('0 question notée sur 20 applicables, 20 sans réponse');
  });

  it('explains that results come once a theme is complete', async () => {
    const some = answersFor(['AI'], () => 2, ['identite']);
    delete some['ID-5.3'];
    const id = insertDiagnostic(ctx.db, { organisationId: orgA, status: 'draft', answers: some });
    const res = await c.get(`/diagnostics/${id}/results`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(text(html)).toContain('Pas encore de résultats');
    expect(text(html)).toContain('17 questions renseignées sur 78 applicables.');
    expect(html).not.toContain('<svg');
  });

  it('compares with the previous diagnostic, per theme and per question', async () => {
    const before = answersFor(['AI'], () => 2);
    const prev = insertDiagnostic(ctx.db, { organisationId: orgA, createdAt: '2025-02-01T10:00:00.000Z', answers: before });
    const now = { ...before, ...answersFor(['AI'], () => 3, ['identite']), 'SV-1.2': 1 as Level };
    const id = insertDiagnostic(ctx.db, { organisationId: orgA, previousId: prev, answers: now });
    const html = await (await c.get(`/diagnostics/${id}/results`)).text();
    const section = text(html.match(/id="evolution"[\s\S]*?<\/section>/)?.[0] ?? '');
    expect(section).toContain('Comparaison avec le diagnostic commencé le 1er février 2025.');
    // text() folds the narrow no-break spaces before % into plain spaces.
    expect(section).toContain('Identité et projet 50 % 75 % ↑ +25 points');
    // Services for an AI: weights sum to 47; SV-1.2 (weight 2) drops 25 points: −50 / 47 ≈ −1.06.
    expect(section).toContain('Services aux salariés en parcours et aux clients 50 % 49 % ↓ −1 point');
    expect(section).toContain('Amélioration continue 50 % 50 % = stable');
    expect(section).toContain('18 en hausse, 1 en baisse, 59 stables');
    expect(section).toContain('SV-1.2');
    expect(section).toContain('niveau 2 → 1');
  });

  it('compares a CAP 2026 diagnostic with a CAP 2023 one through the mapping', async () => {
    // Last year on CAP 2023, everything at 2 but ID-1.3 at 4 and SV-1.2 at 1, both merged into
    // SV-1.2 of CAP 2026: the lowest, 1, is its earlier level.
    const before = { ...answersFor(['AI'], () => 2), 'ID-1.3': 4 as Level, 'SV-1.2': 1 as Level };
    const prev = insertDiagnostic(ctx.db, { organisationId: orgA, createdAt: '2025-02-01T10:00:00.000Z', answers: before });
    const id = insertDiagnostic(ctx.db, { organisationId: orgA, previousId: prev, referentialId: REF_2026.id, answers: answersFor(['AI'], () => 3, undefined, REF_2026) });
    const html = await (await c.get(`/diagnostics/${id}/results`)).text();
    const section = text(html.match(/id="evolution"[\s\S]*?<\/section>/)?.[0] ?? '');
    expect(section).toContain('Comparaison avec le diagnostic commencé le 1er février 2025.');
    expect(section).toContain('Le diagnostic précédent suivait la version CAP 2023 du référentiel');
    // The 15 questions of CAP 2026 for an AI that nothing maps to (ID-6.1, ID-7.1…) are left out.
    expect(section).toContain('15 questions nouvelles n’ont pas d’équivalent');
    expect(section).toMatch(/SV-1\.2 [^()]+\(niveau 1 → 3\) \(auparavant ID-1\.3, SV-1\.2\)/);
    // A question that kept its code and meaning names no former code.
    expect(section).toMatch(/ID-1\.1 [^()]+\(niveau 2 → 3\)(?! \(auparavant)/);
    // Themes still compare by slug (ID-1.3 at 4 lifts last year's identity a little above 50 %).
    expect(section).toMatch(/Identité et projet 5\d % 75 % ↑/);
    expect(section).toContain('Amélioration continue 50 % 75 % ↑ +25 points');
  });

  it('finds the previous submitted diagnostic without previousId, and says when there is none', async () => {
    insertDiagnostic(ctx.db, { organisationId: orgA, status: 'draft', createdAt: '2025-06-01T10:00:00.000Z', answers: answersFor(['AI'], () => 0) });
    const first = insertDiagnostic(ctx.db, { organisationId: orgA, createdAt: '2025-01-01T10:00:00.000Z', answers: answersFor(['AI'], () => 1) });
    const id = insertDiagnostic(ctx.db, { organisationId: orgA, answers: answersFor(['AI'], () => 2) });
    expect(text(await (await c.get(`/diagnostics/${id}/results`)).text())).toContain('Comparaison avec le diagnostic commencé le 1er janvier 2025.');
    expect(text(await (await c.get(`/diagnostics/${first}/results`)).text())).toContain('Aucun diagnostic précédent soumis ou validé');
  });

  it('shows who validated the diagnostic and when', async () => {
    const consultant = await user(ctx.db, 'consultant', 'ines@cap.test', { regions: ['Occitanie'] });
    const id = insertDiagnostic(ctx.db, { organisationId: orgA, status: 'validated', validatedBy: consultant, validatedAt: '2026-02-20T15:00:00.000Z', answers: answersFor(['AI'], () => 3) });
    expect(text(await (await c.get(`/diagnostics/${id}/results`)).text())).toContain('Validé avec ines le 20 février 2026');
  });
});

describe('results page access', () => {
  let ctx: TestContext;
  let id: string;

  beforeEach(async () => {
    ctx = makeApp();
    const orgA = org(ctx.db, { name: 'Garonne Test', types: ['AI'], region: 'Occitanie' });
    const orgB = org(ctx.db, { name: 'Autre structure', types: ['AI'], region: 'Bretagne', siret: '44306184100047' });
    await user(ctx.db, 'member', 'membre@cap.test', { organisationIds: [orgA] });
    await user(ctx.db, 'member', 'autre@cap.test', { organisationIds: [orgB] });
    await user(ctx.db, 'consultant', 'occ@cap.test', { regions: ['Occitanie'] });
    await user(ctx.db, 'consultant', 'bzh@cap.test', { regions: ['Bretagne'] });
    id = insertDiagnostic(ctx.db, { organisationId: orgA, answers: answersFor(['AI'], () => 2) });
  });

  it('answers 404 to a member of another organisation and to a consultant of another region', async () => {
    for (const email of ['autre@cap.test', 'bzh@cap.test']) {
      const c = new Client(ctx);
      await c.login(email);
      const res = await c.get(`/diagnostics/${id}/results`);
      expect(res.status).toBe(404);
      expect(text(await res.text())).not.toContain('Garonne Test');
    }
  });

  it('lets the consultant of the region in, sends anonymous visitors to login, and 404s an unknown id', async () => {
    const c = new Client(ctx);
    await c.login('occ@cap.test');
    expect((await c.get(`/diagnostics/${id}/results`)).status).toBe(200);
    expect((await c.get('/diagnostics/inconnu/results')).status).toBe(404);
    const anon = await new Client(ctx).get(`/diagnostics/${id}/results`);
    expect(anon.status).toBe(303);
    expect(anon.headers.get('Location')).toBe(`/login?next=${encodeURIComponent(`/diagnostics/${id}/results`)}`);
  });
});
