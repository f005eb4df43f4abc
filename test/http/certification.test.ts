// Toward certification, through HTTP: the ISO 9001 gap analysis (page, spreadsheet, PDF annex),
// « actions faites → progrès constatés » between two diagnostics, the region's services followed
// by progress, the blank questionnaire, and evidence that follows a structure from one diagnostic
// to the next and a person through their data export and the deletion of their account.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { Client, makeApp, org, text, user, type TestContext } from '../support/app.ts';
import { removeTempDirs, tempDir } from '../support/datadir.ts';
import { samplePdf } from '../support/files.ts';
import { pdfText, unbalancedMarkedContent } from '../support/pdf.ts';
import { FileStore } from '../../src/evidence/store.ts';
import { created, createDiagnostic } from '../../src/db/diagnostic-writes.ts';
import { actions, answers, diagnostics, evidenceFiles } from '../../src/db/schema.ts';
import { builtinReferential } from '../../src/referential/store.ts';
import { ISO9001_CLAUSES } from '../../src/referential/schema.ts';
import { newId } from '../../src/ids.ts';
import type { Db } from '../../src/db/open.ts';
import { rebuildDerivedData } from '../../src/db/derived-data.ts';
import { withRevision } from '../support/plan.ts';

afterAll(removeTempDirs);

const ref = builtinReferential();
const IDENTITE = ref.themes[0]!.criteria.flatMap((c) => c.questions.filter((q) => q.appliesTo.includes('ACI')).map((q) => q.code));
const informing = (clause: string) => ref.themes.flatMap((t) => t.criteria.flatMap((c) => c.questions.filter((q) => q.iso9001.includes(clause as never)).map((q) => q.code)));

let ctx: TestContext;
let store: FileStore;
let orgId: string;
let memberId: string;
let previous: string;
let current: string;
let member: Client;

function answer(db: Db, diagnosticId: string, code: string, level: number, at: string, comment = '') {
  db.insert(answers)
    .values({ diagnosticId, questionCode: code, level, na: false, comment, updatedBy: memberId, updatedByRole: 'member', updatedAt: at, revision: 1 })
    .onConflictDoUpdate({ target: [answers.diagnosticId, answers.questionCode], set: { level, comment, prefilledFrom: null } })
    .run();
}

function action(db: Db, diagnosticId: string, questionCode: string, title: string, status: 'todo' | 'in_progress' | 'done', updatedAt: string, services = ['FORM-QUALITE']) {
  db.insert(actions)
    .values({ id: newId(), diagnosticId, questionCode, origin: 'proposed', themeSlug: 'identite', title, services, priority: 'haute', status, createdAt: '2025-03-10T10:00:00.000Z', updatedAt, updatedBy: memberId })
    .run();
}

/** A structure's diagnostic of March 2025 (submitted) with its plan worked, and this year's, started from it. */
async function twoDiagnostics(db: Db, organisationId: string, userId: string) {
  const first = created(createDiagnostic(db, { organisationId, referentialId: 'cap-2023', mode: 'autodiagnostic', participants: [], userId }, new Date('2025-03-01T09:00:00Z'))).id;
  // The whole first theme is answered (results show once a theme is complete), at level 2 but for these.
  for (const code of IDENTITE) answer(db, first, code, 2, '2025-03-05T10:00:00.000Z');
  for (const [code, level] of [['ID-1.1', 1], ['ID-1.2', 2], ['ID-1.3', 2], ['ID-1.4', 3]] as const) answer(db, first, code, level, '2025-03-05T10:00:00.000Z');
  db.update(diagnostics).set({ status: 'submitted', submittedAt: '2025-03-10T10:00:00.000Z', submittedBy: userId }).where(eq(diagnostics.id, first)).run();
  action(db, first, 'ID-1.1', 'Écrire la charte des valeurs avec le conseil d’administration', 'done', '2025-09-15T10:00:00.000Z');
  action(db, first, 'ID-1.2', 'Réviser le projet associatif', 'done', '2025-11-02T10:00:00.000Z', ['CAP-ACCOMPAGNE']);
  action(db, first, 'ID-2.1', 'Mesurer l’utilité sociale', 'in_progress', '2025-06-01T10:00:00.000Z');
  const second = created(createDiagnostic(db, { organisationId, referentialId: 'cap-2023', mode: 'autodiagnostic', participants: [], fromId: first, userId }, new Date('2026-02-20T09:00:00Z'))).id;
  answer(db, second, 'ID-1.1', 3, '2026-02-21T10:00:00.000Z', 'Charte validée en CA le 12 mars');
  answer(db, second, 'ID-1.3', 3, '2026-02-21T10:00:00.000Z');
  // Confirmed as it was (no longer « reprise »): compared, unchanged.
  answer(db, second, 'ID-1.2', 2, '2026-02-21T10:00:00.000Z');
  return { first, second };
}

async function setup() {
  store = new FileStore(join(tempDir('certification'), 'files'));
  ctx = makeApp({ evidence: { store } });
  orgId = org(ctx.db, { name: 'Atelier d’Oc', region: 'Occitanie' });
  const other = org(ctx.db, { name: 'Autre structure', region: 'Bretagne' });
  memberId = await user(ctx.db, 'member', 'membre@cap.test', { organisationIds: [orgId] });
  await user(ctx.db, 'member', 'autre@cap.test', { organisationIds: [other] });
  await user(ctx.db, 'consultant', 'conseil@cap.test', { regions: ['Occitanie'] });
  await user(ctx.db, 'admin', 'admin@cap.test');
  ({ first: previous, second: current } = await twoDiagnostics(ctx.db, orgId, memberId));
  member = new Client(ctx);
  await member.login('membre@cap.test');
  await member.get(`/diagnostics/${current}/themes/identite`);
}

async function as(email: string) {
  const c = new Client(ctx);
  await c.login(email);
  return c;
}

describe('what a year of actions moved', () => {
  beforeEach(setup);

  it('the results page shows which completed actions preceded which progress, and what moved without one', async () => {
    const res = await member.get(`/diagnostics/${current}/results`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const body = text(html);
    expect(body).toContain('Actions faites → progrès constatés');
    expect(body).toContain('Entre le diagnostic du 1er mars 2025 et celui-ci');
    expect(body).toMatch(/Actions faites, progrès constaté \(1\) .*ID-1\.1 .* 1 3 \+2 en hausse de 2 niveaux Écrire la charte des valeurs avec le conseil d’administration \(terminée le 15 septembre 2025\)/);
    expect(body).toMatch(/Actions faites, pas de progrès constaté \(encore\) \(1\) .*ID-1\.2 .* 2 2 = inchangé Réviser le projet associatif/);
    expect(body).toMatch(/Évolutions sans action du plan \(1\) .*ID-1\.3 .* 2 3 \+1/);
    // Lists of three rows or fewer stay open; longer ones fold (the counts above say what they hold).
    expect(html.match(/<details class="results-details progress-kind" open="">/g)).toHaveLength(3);
    expect(body).toContain('C’est une chronologie, pas une preuve');
    // ID-1.4 and the rest of the theme are still the copies of last year's answers: left out, and said so.
    expect(body).toMatch(/\d+ questions sont laissées de côté : leur réponse est encore celle reprise du diagnostic précédent/);
  });

  it('the plan PDF carries the same section, and the gap analysis as an annex when asked', async () => {
    const plain = await member.get(`/diagnostics/${current}/plan.pdf`);
    expect(plain.status).toBe(200);
    const plainPdf = new Uint8Array(await plain.arrayBuffer());
    const plainText = (await pdfText(plainPdf)).replace(/\s+/g, ' ');
    expect(plainText).toContain('Actions faites → progrès constatés');
    expect(plainText).toContain('Écrire la charte des valeurs avec le conseil d’administration — terminée le 15 septembre 2025');
    expect(plainText).not.toContain('Annexe — Analyse d’écart ISO 9001');

    const withAnnex = await member.get(`/diagnostics/${current}/plan.pdf?annexe=iso9001`);
    const annexPdf = new Uint8Array(await withAnnex.arrayBuffer());
    const annexText = (await pdfText(annexPdf)).replace(/\s+/g, ' ');
    expect(annexText).toContain('Annexe — Analyse d’écart ISO 9001');
    expect(annexText).toContain('4.1 Compréhension de l’organisme et de son contexte');
    expect(annexText).toContain('10.3 Amélioration continue');
    expect(annexText).toContain('Aucune question du questionnaire'.slice(0, 10));
    expect(annexText).toContain('Lecture RSE par question centrale ISO 26000');
    // These sections run over several pages inside the tagged PDF: every page's marked content
    // still opens and closes on that page, as screen readers and PDF/UA checkers require.
    expect(await unbalancedMarkedContent(plainPdf)).toEqual([]);
    expect(await unbalancedMarkedContent(annexPdf)).toEqual([]);
  });

  it('a first diagnostic has no such section', async () => {
    const body = text(await (await member.get(`/diagnostics/${previous}/results`)).text());
    expect(body).not.toContain('Actions faites → progrès constatés');
  });
});

describe('the ISO 9001 gap analysis', () => {
  beforeEach(setup);

  it('lists every clause from 4.1 to 10.3 with its status, the questions, their evidence and the plan’s actions', async () => {
    for (const code of informing('5.2')) answer(ctx.db, current, code, 3, '2026-02-22T10:00:00.000Z', code === 'ID-1.1' ? 'Charte validée en CA le 12 mars' : '');
    expect((await member.upload(`/diagnostics/${current}/evidence/ID-1.1`, [['file', { bytes: samplePdf(), name: 'Charte des valeurs.pdf' }]])).status).toBe(303);
    const res = await member.get(`/diagnostics/${current}/iso9001`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const body = text(html);
    for (const code of ISO9001_CLAUSES) expect(html, code).toContain(`id="exigence-${code.replace(/\./g, '-')}"`);
    expect(body).toMatch(/5\.2 Politique couvert Ce qu’attend la norme : .{20,300} Tout est au niveau 3 ou 4, 1 justificatif joint\./);
    expect(body).toContain('Charte validée en CA le 12 mars');
    expect(html).toMatch(/href="\/diagnostics\/[^"]+\/evidence\/fichier\/[^"]+" download="Charte des valeurs.pdf"/);
    expect(body).toMatch(/8\.1 Planification et maîtrise opérationnelles non renseignée .*Aucune question du questionnaire ne porte sur cette exigence\./);
    expect(body).toContain('Amendement 2024 : changement climatique');
    expect(body).toContain('Lecture RSE par question centrale ISO 26000');
    expect(body).toContain('Comment le statut est établi');
    // Each requirement's questions fold under a summary that counts them; the reasons line above sums them up.
    expect(html).toContain(`<details class="results-details gap__details"><summary>Les ${informing('5.2').length} questions du diagnostic : niveaux, commentaires, preuves</summary>`);

    const outsider = await as('autre@cap.test');
    expect((await outsider.get(`/diagnostics/${current}/iso9001`)).status).toBe(404);
    expect((await outsider.get(`/diagnostics/${current}/iso9001.xlsx`)).status).toBe(404);
  });

  it('as a spreadsheet, for the region’s consultant too', async () => {
    const consultant = await as('conseil@cap.test');
    const res = await consultant.get(`/diagnostics/${current}/iso9001.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('Content-Disposition')).toMatch(/^attachment; filename="analyse-iso-9001-atelier-d-oc-2026-03-02\.xlsx"$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as never);
    expect(wb.getWorksheet('ISO 9001')!.getColumn(1).values.slice(2)).toEqual([...ISO9001_CLAUSES]);
  });
});

describe('evidence from one diagnostic to the next, and for the person who attached it', () => {
  beforeEach(setup);

  it('is carried over to a diagnostic started from the previous one, taking no more space', async () => {
    await member.upload(`/diagnostics/${current}/evidence/ID-1.1`, [['file', { bytes: samplePdf(), name: 'Charte.pdf' }]]);
    ctx.db.update(diagnostics).set({ status: 'submitted', submittedAt: '2026-03-01T10:00:00.000Z' }).where(eq(diagnostics.id, current)).run();
    await member.get(`/organisations/${orgId}`);
    const res = await member.post(`/organisations/${orgId}/diagnostics`, { mode: 'autodiagnostic', participantName: 'Alice', participantRole: 'direction', from: current });
    expect(res.status).toBe(303);
    const next = res.headers.get('Location')!.split('/').pop()!;
    const rows = ctx.db.select().from(evidenceFiles).where(eq(evidenceFiles.diagnosticId, next)).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.carriedFromId).not.toBeNull();
    expect(store.list()).toHaveLength(1);
    const body = text(await (await member.get(`/diagnostics/${next}/themes/identite`)).text());
    expect(body).toMatch(/Charte\.pdf \(\d+ octets\) — joint par membre le 2 mars 2026 — repris du diagnostic précédent/);
  });

  it('is listed in the person’s data export, and stays (attributed to « utilisateur supprimé ») when the account is deleted', async () => {
    await member.upload(`/diagnostics/${current}/evidence/ID-1.1`, [['file', { bytes: samplePdf(), name: 'Charte.pdf' }]]);
    const data = JSON.parse(await (await member.get('/account/export.json')).text());
    expect(data.evidence).toEqual([expect.objectContaining({ diagnosticId: current, organisation: 'Atelier d’Oc', questionCode: 'ID-1.1', name: 'Charte.pdf', type: 'application/pdf' })]);

    const admin = await as('admin@cap.test');
    const confirm = text(await (await admin.get(`/admin/users/${memberId}/delete`)).text());
    expect(confirm).toContain('et joint 1 justificatif');
    expect((await admin.post(`/admin/users/${memberId}/delete`)).status).toBe(303);
    const consultant = await as('conseil@cap.test');
    const body = text(await (await consultant.get(`/diagnostics/${current}/themes/identite`)).text());
    expect(body).toMatch(/Charte\.pdf \(\d+ octets\) — joint par utilisateur supprimé le 2 mars 2026/);
    expect(store.list()).toHaveLength(1);
  });
});

describe('the region’s services followed by progress', () => {
  beforeEach(setup);

  it('shows nothing below five structures, then the services with their counts, saying it proves nothing', async () => {
    const consultant = await as('conseil@cap.test');
    let body = text(await (await consultant.get('/federation/progres')).text());
    expect(body).toContain('Aucune structure n’a deux diagnostics comparables dans la sélection.');
    expect(body).toContain('Pas encore assez de structures avec deux diagnostics');
    expect(body).toContain('au moins 5 structures différentes');

    for (let i = 1; i <= 4; i++) {
      const o = org(ctx.db, { name: `Structure ${i}`, region: 'Occitanie', siret: '73282932000074' });
      const { second } = await twoDiagnostics(ctx.db, o, memberId);
      ctx.db.update(diagnostics).set({ status: 'submitted', submittedAt: '2026-02-28T10:00:00.000Z' }).where(eq(diagnostics.id, second)).run();
    }
    ctx.db.update(diagnostics).set({ status: 'submitted', submittedAt: '2026-02-28T10:00:00.000Z' }).where(eq(diagnostics.id, current)).run();
    // Rows written by hand: the stored picture is rebuilt, as the demo and the bench do.
    rebuildDerivedData(ctx.db);
    body = text(await (await consultant.get('/federation/progres')).text());
    expect(body).toContain('5 structures ont deux diagnostics comparables');
    expect(body).toContain('Formations à l’amélioration continue et à la qualité 5 5 sur 5 (100 %) 5');
    // Its actions did not move their question: said as plainly.
    expect(body).toContain('CAP accompagné et formation CAP 5 0 sur 5 (0 %) 5');
    expect(body).toContain('Ce sont des constats, pas des preuves d’efficacité');
    // A member has no such page.
    expect((await member.get('/federation/progres')).status).toBe(404);
  });

  it('follows a plan changed through the app: an action reopened no longer counts', async () => {
    for (let i = 1; i <= 4; i++) {
      const o = org(ctx.db, { name: `Structure ${i}`, region: 'Occitanie', siret: '73282932000074' });
      const { second } = await twoDiagnostics(ctx.db, o, memberId);
      ctx.db.update(diagnostics).set({ status: 'submitted', submittedAt: '2026-02-28T10:00:00.000Z' }).where(eq(diagnostics.id, second)).run();
    }
    ctx.db.update(diagnostics).set({ status: 'submitted', submittedAt: '2026-02-28T10:00:00.000Z' }).where(eq(diagnostics.id, current)).run();
    rebuildDerivedData(ctx.db);
    const consultant = await as('conseil@cap.test');
    expect(text(await (await consultant.get('/federation/progres')).text())).toContain('Formations à l’amélioration continue et à la qualité 5 5 sur 5 (100 %) 5');

    // Last year's charter action, marked « en cours » again: four structures are left behind the service.
    const charter = ctx.db.select().from(actions).where(eq(actions.diagnosticId, previous)).all().find((a) => a.questionCode === 'ID-1.1')!;
    await member.get(`/diagnostics/${previous}/plan`);
    expect((await member.post(`/diagnostics/${previous}/actions/${charter.id}`, withRevision(ctx.db, charter.id, { status: 'in_progress' }))).status).toBe(303);
    const body = text(await (await consultant.get('/federation/progres')).text());
    expect(body).not.toContain('Formations à l’amélioration continue et à la qualité 5');
    expect(body).toContain('CAP accompagné et formation CAP 5 0 sur 5 (0 %) 5');
  });
});

describe('the blank questionnaire for workshops', () => {
  beforeEach(setup);

  it('is offered for each structure type and printed for the chosen one', async () => {
    const form = text(await (await member.get('/questionnaire-vierge')).text());
    expect(form).toContain('Questionnaire vierge pour les ateliers');
    expect(form).toContain('Entreprise à but d’emploi (EBE)');
    const res = await member.get('/questionnaire-vierge.pdf?type=ACI');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/pdf');
    const pdf = (await pdfText(new Uint8Array(await res.arrayBuffer()))).replace(/\s+/g, ' ');
    expect(pdf).toContain('Pour une structure de type : Atelier et chantier d’insertion (ACI)');
    expect(pdf).toContain('Niveau 4 — ');
    const bad = await member.get('/questionnaire-vierge.pdf?type=XYZ');
    expect(bad.status).toBe(422);
    expect(text(await bad.text())).toContain('Choisissez un type de structure de la liste.');
  });
});
