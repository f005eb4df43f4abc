// The PDF to keep and to share (issue 14), on the demo's Chantier des Terrils answered at low
// levels with an earlier diagnostic: tagged for screen readers (structure tree, language, title,
// XMP), every action printed whole, the comparison with the previous diagnostic and with similar
// structures, no page holding only a few lines. Read with PDF.js, as npm test allows.
import { describe, it, expect, beforeAll } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { Client, makeApp, type TestContext } from '../support/app.ts';
import { insertTerrilsDiagnostic } from '../support/terrils.ts';
import { flatten, pdfInfo, pdfTags, pdfText, type PdfTags } from '../support/pdf.ts';
import { loadDemo } from '../../src/demo/index.ts';
import { DEMO_PASSWORD } from '../../src/demo/base.ts';
import { listActions } from '../../src/db/actions.ts';
import { diagnostics, organisations } from '../../src/db/schema.ts';
import { getDiagnosticContext, scoreDiagnosticById } from '../../src/db/diagnostics.ts';
import { shownScore } from '../../src/scoring/rounding.ts';
import { withRevision } from '../support/plan.ts';

const squash = (s: string) => s.replace(/\s+/g, '');
let ctx: TestContext;
let id: string;
let prev: string;
let pdf: Buffer;
let tags: PdfTags;
let member: Client;

beforeAll(async () => {
  ctx = makeApp();
  await loadDemo(ctx.db, ctx.now.value);
  prev = insertTerrilsDiagnostic(ctx.db, { createdAt: '2025-02-01T09:00:00.000Z', level: (i, legal) => (legal ? 1 : i % 3) });
  id = insertTerrilsDiagnostic(ctx.db, { previousId: prev });
  member = new Client(ctx);
  await member.login('membre5@cap.test', DEMO_PASSWORD);
  await member.get(`/diagnostics/${id}/plan`);
  const first = listActions(ctx.db, id)[0]!;
  await member.post(`/diagnostics/${id}/actions/${first.id}`, withRevision(ctx.db, first.id, { owner: 'Nadia Lefebvre', dueDate: '2026-04-30', status: 'in_progress', notes: 'Premier point en comité de direction.' }));
  const res = await member.get(`/diagnostics/${id}/plan.pdf`);
  expect(res.status).toBe(200);
  pdf = Buffer.from(await res.arrayBuffer());
  tags = await pdfTags(pdf);
}, 120_000);

describe('the tagged plan PDF', () => {
  it('declares its language, title and PDF/UA identity, in the document information and the XMP metadata', () => {
    expect(tags.marked).toBe(true);
    expect(tags.info.Language).toBe('fr-FR');
    expect(tags.info.Title).toBe('Plan de progrès — Chantier des Terrils (démo)');
    expect(tags.xmpTitle).toBe('Plan de progrès — Chantier des Terrils (démo)');
    expect(tags.pdfUaPart).toBe('1');
    expect(tags.info.PDFFormatVersion).toBe('1.7');
  });

  it('has headings, lists, tables and the radar as a figure with its text alternative in its structure tree', () => {
    const all = tags.pages.flatMap(flatten);
    const roles = new Set(all.map((n) => n.role));
    for (const role of ['Document', 'Sect', 'H1', 'H2', 'H3', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'Figure']) expect(roles, role).toContain(role);
    const headings = all.filter((n) => /^H\d$/.test(n.role)).map((n) => n.text);
    for (const h of ['Plan de progrès', 'Synthèse', 'Évolution et comparaison', 'Plan d’actions', 'Services à mobiliser', 'Les thèmes en détail', 'Préparation ISO 9001 et RSE', 'Annexe : toutes les réponses']) {
      expect(headings.map((x) => x.replace(/\s/g, ' '))).toContain(h.replace(/\s/g, ' '));
    }
    const figure = all.find((n) => n.role === 'Figure')!;
    expect(figure.alt!.replace(/[\u00a0\u202f]/g, ' ')).toMatch(/^Graphique radar des scores des quatre thèmes, sur 100 : Identité et projet : \d+ % ; Services/);
    // The page footers are artifacts: no structure element holds « Page 2 sur … ».
    expect(all.some((n) => /Page \d+ sur \d+/.test(n.text))).toBe(false);
  });

  it('prints every action whole — title and full text — and never cuts one with « … »', async () => {
    const flat = squash(await pdfText(pdf));
    for (const a of listActions(ctx.db, id)) {
      expect(a.title).not.toMatch(/…$/);
      expect(flat).toContain(squash(a.title));
      expect(flat).toContain(squash(a.description));
    }
    // The only « … » is the one a service's description writes at the end of an enumeration.
    expect(flat.match(/…/g) ?? []).toHaveLength(1);
    expect(flat).toContain('contrats…)');
    expect(flat).toContain(squash('Notes de suivi : Premier point en comité de direction.'));
  });

  it('compares with the previous diagnostic, the differences computed from the values shown', async () => {
    const scoresNow = scoreDiagnosticById(ctx.db, getDiagnosticContext(ctx.db, id)!);
    const scoresBefore = scoreDiagnosticById(ctx.db, getDiagnosticContext(ctx.db, prev)!);
    const before = shownScore(scoresBefore.overall!);
    const now = shownScore(scoresNow.overall!);
    const all = (await pdfText(pdf)).replace(/[\u00a0\u202f]/g, ' ');
    expect(all).toContain('Comparaison avec le diagnostic commencé le 1er février 2025');
    const d = now - before;
    expect(all.replace(/\s+/g, ' ')).toContain(`Score global ${before} % ${now} % ${d === 0 ? 'stable' : `${d > 0 ? '+' : '−'}${Math.abs(d)} point`}`);
  });

  it('holds no page with only a few lines', async () => {
    const { pages } = await pdfInfo(pdf);
    for (let p = 1; p <= pages; p++) {
      const lines = (await pdfText(pdf, { first: p, last: p })).split('\n').filter((l) => l.trim()).length;
      expect(lines, `page ${p}`).toBeGreaterThanOrEqual(12);
    }
  });
});

describe('a draft’s PDF, and a PDF with similar structures', () => {
  it('says the results are provisional, with the answers still to confirm', async () => {
    const draft = insertTerrilsDiagnostic(ctx.db, { status: 'draft', previousId: id, createdAt: '2026-02-25T09:00:00.000Z', prefilled: 40 });
    const res = await member.get(`/diagnostics/${draft}/plan.pdf`);
    const cover = (await pdfText(Buffer.from(await res.arrayBuffer()), { first: 1, last: 2 })).replace(/\s+/g, ' ').replace(/[\u00a0\u202f]/g, ' ');
    expect(cover).toContain('Résultats provisoires : le diagnostic est encore en cours. 40 réponses reprises du diagnostic précédent restent à confirmer.');
  });

  it('draws the peers’ averages on the radar and prints them beside the scores', async () => {
    const garonne = ctx.db.select().from(organisations).where(eq(organisations.name, 'Garonne Services Emploi (démo)')).get()!;
    const submitted = ctx.db.select().from(diagnostics).where(and(eq(diagnostics.organisationId, garonne.id), eq(diagnostics.status, 'submitted'))).orderBy(asc(diagnostics.createdAt)).get()!;
    const sophie = new Client(ctx);
    await sophie.login('membre1@cap.test', DEMO_PASSWORD);
    const res = await sophie.get(`/diagnostics/${submitted.id}/plan.pdf`);
    const file = Buffer.from(await res.arrayBuffer());
    const text = (await pdfText(file)).replace(/\s+/g, ' ').replace(/[\u00a0\u202f]/g, ' ');
    expect(text).toContain('Moyenne régionale (Occitanie)');
    const figure = (await pdfTags(file)).pages.flatMap(flatten).find((n) => n.role === 'Figure')!;
    expect(figure.alt).toContain('En pointillés, moyenne régionale (Occitanie)');
  });
});
