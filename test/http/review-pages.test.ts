// The review as the team sees it on its pages: remarks on the results page, the validation stamp on
// the results and in the PDF, once a consultant has commented and validated a complete diagnostic.
import { describe, it, expect, beforeEach } from 'vitest';
import { Client, makeApp, org, text, user, type TestContext } from '../support/app.ts';
import { answersFor, insertDiagnostic } from './results-fixtures.ts';
import { pdfText as readPdf } from '../support/pdf.ts';

let ctx: TestContext;
let diagId: string;

async function as(email: string): Promise<Client> {
  const c = new Client(ctx);
  await c.login(email);
  return c;
}

beforeEach(async () => {
  ctx = makeApp();
  const orgId = org(ctx.db, { name: 'Garonne Services', region: 'Occitanie', types: ['AI'] });
  await user(ctx.db, 'member', 'membre@cap.test', { organisationIds: [orgId] });
  await user(ctx.db, 'consultant', 'ines.martin@cap.test', { regions: ['Occitanie'] });
  await user(ctx.db, 'consultant', 'yann@cap.test', { regions: ['Bretagne'] });
  diagId = insertDiagnostic(ctx.db, { organisationId: orgId, status: 'submitted', answers: answersFor(['AI'], (_q, i) => (i % 5) as 0 | 1 | 2 | 3 | 4) });
});

describe('the team sees the review', () => {
  it('on the results page: remarks on the diagnostic, a theme and a question, then the stamp once validated', async () => {
    const consultant = await as('ines.martin@cap.test');
    ctx.now.value = new Date('2026-03-02T09:01:00Z');
    expect((await consultant.post(`/diagnostics/${diagId}/comments`, { targetKind: 'diagnostic', body: 'Un diagnostic sérieux.', back: `/diagnostics/${diagId}/results` })).headers.get('Location')).toBe(`/diagnostics/${diagId}/results#remarques-diagnostic`);
    await consultant.post(`/diagnostics/${diagId}/comments`, { targetKind: 'theme', target: 'services', body: 'Les preuves de suivi manquent.' });
    await consultant.post(`/diagnostics/${diagId}/comments`, { targetKind: 'question', target: 'ID-1.1', body: 'Joindre la charte.' });
    ctx.now.value = new Date('2026-03-02T10:00:00Z');
    expect((await consultant.post(`/diagnostics/${diagId}/validate`, { confirm: '1' })).status).toBe(303);

    const member = await as('membre@cap.test');
    const res = await member.get(`/diagnostics/${diagId}/results`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const page = text(html);
    expect(page).toContain('Validé avec ines.martin le 2 mars 2026');
    expect(page).toMatch(/Remarques de la fédération .*Un diagnostic sérieux\. ines\.martin, conseiller·ère fédéral·e — 2 mars 2026 à 10:01/);
    expect(page).toContain('Remarques sur le thème « Services aux salariés en parcours et aux clients » Les preuves de suivi manquent.');
    expect(page).toMatch(/ID-1\.1 Les valeurs de la structure sont-elles écrites .* Joindre la charte\./);
    expect(html).toContain(`href="/diagnostics/${diagId}/themes/identite#q-ID-1_1"`);
    // Members read; they get no form to add a remark.
    expect(html).not.toContain(`action="/diagnostics/${diagId}/comments"`);

    const pdf = await member.get(`/diagnostics/${diagId}/plan.pdf`);
    expect(pdf.status).toBe(200);
    const pdfText = (await readPdf(Buffer.from(await pdf.arrayBuffer()))).replace(/\s+/g, ' ');
    expect(pdfText).toContain('Validé avec ines.martin le 2 mars 2026');
  });

  it('gives the consultant of the region a form on the results page, and shows nothing to others', async () => {
    const consultant = await as('ines.martin@cap.test');
    const html = await (await consultant.get(`/diagnostics/${diagId}/results`)).text();
    expect(text(html)).toContain('Aucune remarque pour le moment.');
    expect(html).toContain(`action="/diagnostics/${diagId}/comments"`);
    expect((await (await as('yann@cap.test')).get(`/diagnostics/${diagId}/results`)).status).toBe(404);
    const member = await (await as('membre@cap.test')).get(`/diagnostics/${diagId}/results`);
    expect(text(await member.text())).not.toContain('Remarques de la fédération');
  });

  it('beside each question and theme on the questionnaire, and in the review panel of the overview', async () => {
    const consultant = await as('ines.martin@cap.test');
    const theme = await consultant.get(`/diagnostics/${diagId}/themes/identite`);
    expect(theme.status).toBe(200);
    const html = await theme.text();
    // The theme page is one big form: the remark fields point to forms rendered after it.
    expect(html).toContain('<textarea id="remarques-question-ID-1-1-texte" name="body" form="remarques-question-ID-1-1-form"');
    expect(html).toMatch(/<form id="remarques-question-ID-1-1-form" method="post" action="\/diagnostics\/[^"]+\/comments" hx-post="[^"]+" hx-target="#remarques-question-ID-1-1"/);
    const res = await consultant.post(`/diagnostics/${diagId}/comments`, { targetKind: 'question', target: 'ID-1.1', body: 'Joindre la charte signée.', back: `/diagnostics/${diagId}/themes/identite`, detached: '1' });
    expect(res.headers.get('Location')).toBe(`/diagnostics/${diagId}/themes/identite#remarques-question-ID-1-1`);
    const htmx = await consultant.post(`/diagnostics/${diagId}/comments`, { targetKind: 'question', target: 'ID-1.2', body: 'Et le projet ?', back: `/diagnostics/${diagId}/themes/identite`, detached: '1' }, { headers: { 'HX-Request': 'true' } });
    const fragmentHtml = await htmx.text();
    expect(fragmentHtml).toContain('form="remarques-question-ID-1-2-form"');
    expect(fragmentHtml).not.toContain('<form');
    await consultant.post(`/diagnostics/${diagId}/comments`, { targetKind: 'theme', target: 'identite', body: 'Thème bien documenté.' });

    const overview = await (await consultant.get(`/diagnostics/${diagId}`)).text();
    expect(text(overview)).toContain('Relecture fédérale Statut : Soumis');
    expect(overview).toContain(`action="/diagnostics/${diagId}/validate"`);
    expect(overview).toContain(`action="/diagnostics/${diagId}/request-changes"`);
    await consultant.post(`/diagnostics/${diagId}/request-changes`, { message: 'Merci de joindre les preuves.' });

    const member = await as('membre@cap.test');
    const memberTheme = await (await member.get(`/diagnostics/${diagId}/themes/identite`)).text();
    expect(text(memberTheme)).toMatch(/Remarques sur la question ID-1\.1 Joindre la charte signée\. ines\.martin, conseiller·ère fédéral·e/);
    expect(text(memberTheme)).toContain('Remarques sur le thème « Identité et projet » Thème bien documenté.');
    // Members add no remark; they reply to those they got.
    expect(memberTheme).not.toContain('remarques-question-ID-1-1-texte');
    expect(memberTheme).toMatch(/<textarea id="reponse-[\w-]+-texte" name="body" form="reponse-[\w-]+"/);
    const memberOverview = text(await (await member.get(`/diagnostics/${diagId}`)).text());
    expect(memberOverview).toContain('Modifications demandées par la fédération Merci de joindre les preuves.');
    expect(memberOverview).toContain('Historique des modifications');
  });
});
