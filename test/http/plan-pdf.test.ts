import { describe, it, expect, beforeAll } from 'vitest';
import { inArray } from 'drizzle-orm';
import { Client, makeApp, org, user, type TestContext } from '../support/app.ts';
import { insertDiagnostic } from '../support/plan.ts';
import { services } from '../../src/db/schema.ts';
import { listActions } from '../../src/db/actions.ts';
import { pdfFonts, pdfInfo, pdfText as readPdf } from '../support/pdf.ts';
import { withRevision } from '../support/plan.ts';

const ORG_NAME = 'Cœur d’Écluse — Ça pousse à Bézières';
const OWN_DESCRIPTION = 'Notre façon de faire : un binôme permanent et salarié en parcours pilote l’action';
const CUSTOM_TITLE = 'Réécrire la procédure d’accueil : œuvre à mener en équipe, ça presse, très vite';

/** The PDF's text in content order (PDF.js), optionally of pages `first`…`last`. */
const pdfText = (pdf: Buffer, first?: number, last?: number) => readPdf(pdf, { first, last });
const fold = (s: string) => s.replace(/\s+/g, ' ');
/** Without any whitespace: a title wrapped after a hyphen, or kerned apart by the reader, still matches. */
const squash = (s: string) => s.replace(/\s+/g, '');

describe('GET /diagnostics/:id/plan.pdf', () => {
  let ctx: TestContext;
  let diagId: string;
  let pdf: Buffer;
  let res: Response;
  let c: Client;

  beforeAll(async () => {
    ctx = makeApp();
    const orgId = org(ctx.db, { name: ORG_NAME, region: 'Occitanie', types: ['ACI'] });
    await user(ctx.db, 'member', 'membre@cap.test', { organisationIds: [orgId] });
    const consultant = await user(ctx.db, 'consultant', 'ines.martin@cap.test', { regions: ['Occitanie'] });
    diagId = insertDiagnostic(ctx.db, {
      organisationId: orgId,
      types: ['ACI'],
      weak: 30,
      status: 'validated',
      validatedBy: consultant,
      comment: (code) => `Commentaire ${code} : l’équipe a noté des procédures à réécrire, œuvre commune ; ça avance.`,
    }).id;
    c = new Client(ctx);
    await c.login('membre@cap.test');
    // Written by hand, the plan was never put in place: the member stores it (« Mettre le plan à jour »).
    await c.get(`/diagnostics/${diagId}/plan`);
    await c.post(`/diagnostics/${diagId}/plan/sync`);
    const rows = listActions(ctx.db, diagId);
    await c.post(`/diagnostics/${diagId}/actions/${rows[0]!.id}`, withRevision(ctx.db, rows[0]!.id, { owner: 'Hélène Garçon', dueDate: '2026-02-15', status: 'in_progress', notes: 'Relancer la délégation après l’été' }));
    await c.post(`/diagnostics/${diagId}/actions/${rows[1]!.id}`, withRevision(ctx.db, rows[1]!.id, { status: 'done' }));
    await c.post(`/diagnostics/${diagId}/actions/${rows[3]!.id}`, withRevision(ctx.db, rows[3]!.id, { title: rows[3]!.title, description: OWN_DESCRIPTION, status: 'todo' }));
    await c.post(`/diagnostics/${diagId}/actions/${rows[2]!.id}/drop`, { reason: 'Déjà traité par le GES, pas prioritaire cette année' });
    await c.post(`/diagnostics/${diagId}/actions`, { title: CUSTOM_TITLE, themeSlug: 'amelioration-continue', priority: 'moyenne', service: 'FORM-COMMUNICATION', owner: 'Zoé' });
    res = await c.get(`/diagnostics/${diagId}/plan.pdf`);
    pdf = Buffer.from(await res.arrayBuffer());
  }, 60_000);

  it('streams an A4 PDF as a download named after the organisation and the day', async () => {
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/pdf');
    expect(res.headers.get('Content-Disposition')).toBe('attachment; filename="plan-de-progres-coeur-d-ecluse-ca-pousse-a-bezieres-2026-03-02.pdf"');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const info = await pdfInfo(pdf);
    expect([info.width, info.height]).toEqual([595.28, 841.89]);
    expect(info.pages).toBeGreaterThan(8);
  });

  it('prints a description the structure rewrote, not only the referential’s recommendation', async () => {
    expect(fold(await pdfText(pdf))).toContain(OWN_DESCRIPTION);
  });

  it('embeds the DejaVu Sans font', async () => {
    const fonts = await pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const font of fonts) {
      expect(font.name).toMatch(/DejaVuSans/);
      expect(font).toMatchObject({ type: 'CIDFontType2', composite: true, embedded: true });
    }
  });

  it('holds the organisation, the four themes, every action and service, with French characters intact', async () => {
    const all = fold(await pdfText(pdf));
    expect(all).toContain(ORG_NAME);
    for (const theme of ['Identité et projet', 'Services aux personnes en parcours et aux clients', 'Fonctions support et ressources', 'Amélioration continue']) {
      expect(all).toContain(theme);
    }
    const rows = listActions(ctx.db, diagId);
    expect(rows).toHaveLength(31);
    const flat = squash(all);
    for (const a of rows) expect(flat).toContain(squash(a.title));
    expect(all).toContain(CUSTOM_TITLE);
    const codes = [...new Set(rows.filter((a) => a.droppedReason === null && a.status !== 'done').flatMap((a) => a.services))];
    const names = ctx.db.select().from(services).where(inArray(services.code, codes)).all();
    expect(names.length).toBeGreaterThan(5);
    for (const s of names) {
      expect(flat).toContain(squash(s.name));
      expect(flat).toContain(squash(s.contact));
    }
    for (const ch of ['é', 'è', 'à', 'ç', 'œ', '’', 'É', 'Ç', '«', '»']) expect(all).toContain(ch);
    // The narrow no-break space before « % » prints as a space (Helvetica would print « / »).
    expect(all).toMatch(/\d\s%/);
    expect(all).not.toMatch(/\d\/%/);
  });

  it('prints the cover, the validation, French dates and page numbers on every page', async () => {
    const cover = fold(await pdfText(pdf, 1, 1));
    expect(cover).toContain('Plan de progrès');
    expect(cover).toContain('Atelier et chantier d’insertion (ACI)');
    expect(cover).toContain('Occitanie');
    expect(cover).toContain('CAP 2026');
    expect(cover).toContain('Validé avec ines.martin le 20 février 2026');
    expect(cover).toContain('2 mars 2026');
    const { pages } = await pdfInfo(pdf);
    for (let p = 1; p <= pages; p++) {
      const page = fold(await pdfText(pdf, p, p));
      expect(page).toContain(`Page ${p} sur ${pages}`);
      expect(page).toContain(`Plan de progrès — ${ORG_NAME} — 2 mars 2026`);
    }
  });

  it('carries the summary, the table, the readiness views, the dropped action and the annex', async () => {
    const all = fold(await pdfText(pdf));
    for (const heading of ['Synthèse', 'Score global', 'Scores des quatre thèmes', 'Les thèmes en détail', 'Points forts', 'Priorités', 'Plan d’actions', 'Services à mobiliser', 'ISO 9001 : préparation par chapitre', 'RSE : repères ISO 26000', 'Annexe : toutes les réponses']) {
      expect(all).toContain(heading);
    }
    expect(all).toContain('Hélène Garçon');
    expect(all).toContain('15 févr. 2026 en retard');
    expect(all).toContain('Notes de suivi : Relancer la délégation après l’été');
    expect(all).toContain('Raison : Déjà traité par le GES, pas prioritaire cette année');
    expect(all).toContain('Commentaire : Commentaire ID-1.1 : l’équipe a noté des procédures à réécrire, œuvre commune ; ça avance.');
    expect(all).toMatch(/Niveau 4 : /);
    expect(all).toContain('Non applicable (hors calcul)');
  });

  it('answers 404 for the PDF of another organisation, and sends visitors to log in', async () => {
    const otherOrg = org(ctx.db, { name: 'Autre', siret: '40483304800022', region: 'Bretagne' });
    const other = insertDiagnostic(ctx.db, { organisationId: otherOrg, types: ['ACI'], weak: 3 });
    expect((await c.get(`/diagnostics/${other.id}/plan.pdf`)).status).toBe(404);
    expect((await c.get('/diagnostics/inconnu/plan.pdf')).status).toBe(404);
    const anonymous = await new Client(ctx).get(`/diagnostics/${diagId}/plan.pdf`);
    expect(anonymous.status).toBe(303);
  });
});
