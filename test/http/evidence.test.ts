// Evidence files through HTTP: a member attaches a file to an answer (plain form, or script with
// the token in a header), the region's consultant downloads the same bytes, another structure's
// member gets 404; every refusal is in French, with a 4xx, and leaves nothing on disk or in the
// table.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { Client, makeApp, org, text, user, type TestContext } from '../support/app.ts';
import { insertDiagnostic, removeTempDirs, tempDir } from '../support/datadir.ts';
import { executable, odt, PNG, samplePdf } from '../support/files.ts';
import { FileStore } from '../../src/evidence/store.ts';
import { referencedHashes } from '../../src/db/evidence.ts';
import { auditEvents, diagnostics, evidenceFiles } from '../../src/db/schema.ts';

afterAll(removeTempDirs);

let ctx: TestContext;
let store: FileStore;
let diagId: string;
let member: Client;
let orgId: string;
const q = 'ID-1.1';
const uploadPath = () => `/diagnostics/${diagId}/evidence/${q}`;

async function setup(limits: { maxFileBytes?: number; quotaBytes?: number } = {}) {
  store = new FileStore(join(tempDir('evidence-http'), 'files'));
  ctx = makeApp({ evidence: { store, ...limits } });
  orgId = org(ctx.db, { name: 'Atelier d’Oc', region: 'Occitanie' });
  const other = org(ctx.db, { name: 'Autre structure', region: 'Occitanie' });
  const memberId = await user(ctx.db, 'member', 'membre@cap.test', { organisationIds: [orgId] });
  await user(ctx.db, 'member', 'autre@cap.test', { organisationIds: [other] });
  await user(ctx.db, 'consultant', 'conseil@cap.test', { regions: ['Occitanie'] });
  await user(ctx.db, 'consultant', 'bretagne@cap.test', { regions: ['Bretagne'] });
  diagId = insertDiagnostic(ctx.db, orgId, memberId);
  member = new Client(ctx);
  await member.login('membre@cap.test');
  await member.get(`/diagnostics/${diagId}/themes/identite`);
}

async function as(email: string) {
  const c = new Client(ctx);
  await c.login(email);
  return c;
}

/** The files folder holds exactly what the table points at, and no temporary file. */
function expectConsistent() {
  expect(store.list()).toEqual([...referencedHashes(ctx.db)].sort());
  try {
    expect(readdirSync(store.tempDir)).toEqual([]);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}

const rows = () => ctx.db.select().from(evidenceFiles).all();

describe('attaching and downloading evidence', () => {
  beforeEach(() => setup());

  it('a member attaches a PDF without JavaScript; the consultant downloads the same bytes; another structure gets 404', async () => {
    const pdf = samplePdf('Charte des valeurs');
    const res = await member.upload(uploadPath(), [['file', { bytes: pdf, name: 'Charte des valeurs.pdf', type: 'application/pdf' }]]);
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe(`/diagnostics/${diagId}/themes/identite#q-ID-1_1`);
    const page = await member.get(`/diagnostics/${diagId}/themes/identite`);
    const body = text(await page.text());
    // text() folds no-break spaces into plain ones.
    expect(body).toContain('Justificatif « Charte des valeurs.pdf » joint.');
    expect(body).toMatch(/Charte des valeurs\.pdf \(\d+ octets\) — joint par membre le 2 mars 2026/);
    const [row] = rows();
    expect(row).toMatchObject({ questionCode: q, name: 'Charte des valeurs.pdf', mime: 'application/pdf', size: pdf.length });

    const consultant = await as('conseil@cap.test');
    const dl = await consultant.get(`/diagnostics/${diagId}/evidence/fichier/${row!.id}`);
    expect(dl.status).toBe(200);
    expect(Buffer.from(await dl.arrayBuffer()).equals(pdf)).toBe(true);
    expect(dl.headers.get('Content-Type')).toBe('application/pdf');
    expect(dl.headers.get('Content-Disposition')).toBe(`attachment; filename="Charte des valeurs.pdf"; filename*=UTF-8''Charte%20des%20valeurs.pdf`);
    expect(dl.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(dl.headers.get('Content-Security-Policy')).toBe("default-src 'none'; sandbox");

    for (const email of ['autre@cap.test', 'bretagne@cap.test']) {
      const outsider = await as(email);
      expect((await outsider.get(`/diagnostics/${diagId}/evidence/fichier/${row!.id}`)).status, email).toBe(404);
      expect((await outsider.upload(uploadPath(), [['file', { bytes: pdf, name: 'x.pdf' }]])).status, email).toBe(404);
    }
    const anonymous = new Client(ctx);
    const redirected = await anonymous.get(`/diagnostics/${diagId}/evidence/fichier/${row!.id}`);
    expect(redirected.status).toBe(303);
    expect(redirected.headers.get('Location')).toMatch(/^\/login/);
    // A file of this structure named under another diagnostic's URL is unknown there.
    const otherDiag = insertDiagnostic(ctx.db, orgId, null);
    expect((await member.get(`/diagnostics/${otherDiag}/evidence/fichier/${row!.id}`)).status).toBe(404);
    expectConsistent();
  });

  it('the consultant of the region attaches too, and a script gets the question’s block back', async () => {
    const consultant = await as('conseil@cap.test');
    await consultant.get(`/diagnostics/${diagId}/themes/identite`);
    const res = await consultant.upload(uploadPath(), [['file', { bytes: odt(), name: 'Projet associatif.odt' }]], { csrf: null, headers: { 'X-CSRF-Token': consultant.csrf, 'HX-Request': 'true' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('X-CAP-Fragment')).toBe('evidence');
    const html = await res.text();
    expect(html).toMatch(/^<div class="evidence-files" id="ev-ID-1_1">/);
    expect(text(html)).toContain('Projet associatif.odt');
    expect(text(html)).toContain('joint par conseil');
    expect(rows()[0]!.mime).toBe('application/vnd.oasis.opendocument.text');
    expectConsistent();
  });

  it('cleans a filename with path separators and control characters, and keeps its true extension', async () => {
    await member.upload(uploadPath(), [['file', { bytes: PNG, name: '..\\..\\C:\\temp\\or\u0007gani\u202egramme.pdf' }]]);
    const [row] = rows();
    expect(row!.name).toBe('organigramme.pdf.png');
    const dl = await member.get(`/diagnostics/${diagId}/evidence/fichier/${row!.id}`);
    expect(dl.headers.get('Content-Disposition')).toContain('filename="organigramme.pdf.png"');
    expect(dl.headers.get('Content-Type')).toBe('image/png');
  });

  it('removal is audited and removes the bytes; a script gets the block back', async () => {
    await member.upload(uploadPath(), [['file', { bytes: samplePdf(), name: 'a.pdf' }]]);
    const [row] = rows();
    const res = await member.post(`/diagnostics/${diagId}/evidence/fichier/${row!.id}/retirer`);
    expect(res.status).toBe(303);
    expect(rows()).toEqual([]);
    expect(store.list()).toEqual([]);
    const event = ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'remove')).get();
    expect(event).toMatchObject({ entity: 'evidence', entityId: row!.id, diagnosticId: diagId });
    expect((event!.before as { name: string }).name).toBe('a.pdf');
    const history = text(await (await member.get(`/diagnostics/${diagId}/history`)).text());
    expect(history).toMatch(/retrait\s*:?\s*Justificatif ID-1\.1|Justificatif ID-1\.1.*retrait/);
    expect(history).toMatch(/ajout\s*:?\s*Justificatif ID-1\.1|Justificatif ID-1\.1.*ajout/);

    await member.upload(uploadPath(), [['file', { bytes: samplePdf(), name: 'b.pdf' }]]);
    const [second] = rows();
    const outsider = await as('autre@cap.test');
    expect((await outsider.post(`/diagnostics/${diagId}/evidence/fichier/${second!.id}/retirer`)).status).toBe(404);
    const frag = await member.post(`/diagnostics/${diagId}/evidence/fichier/${second!.id}/retirer`, {}, { headers: { 'HX-Request': 'true' } });
    expect(frag.status).toBe(200);
    expect(text(await frag.text())).toContain('Aucun justificatif joint.');
    expectConsistent();
  });

  it('a submitted diagnostic takes no file and loses none', async () => {
    await member.upload(uploadPath(), [['file', { bytes: samplePdf(), name: 'a.pdf' }]]);
    ctx.db.update(diagnostics).set({ status: 'submitted' }).where(eq(diagnostics.id, diagId)).run();
    const res = await member.upload(uploadPath(), [['file', { bytes: PNG, name: 'b.png' }]]);
    expect(res.status).toBe(409);
    expect(text(await res.text())).toContain('Le diagnostic est « Soumis » : ses justificatifs ne peuvent plus être modifiés.');
    expect((await member.post(`/diagnostics/${diagId}/evidence/fichier/${rows()[0]!.id}/retirer`)).status).toBe(409);
    expect(rows()).toHaveLength(1);
    // The read-only page still lists the file to download, without controls.
    const page = await (await member.get(`/diagnostics/${diagId}/themes/identite`)).text();
    expect(page).toContain('a.pdf');
    expect(page).not.toContain('type="file"');
    expectConsistent();
  });

  it('answers 404 for a question that does not exist or does not apply', async () => {
    expect((await member.upload(`/diagnostics/${diagId}/evidence/ZZ-9.9`, [['file', { bytes: PNG, name: 'a.png' }]])).status).toBe(404);
    expectConsistent();
  });
});

describe('refused uploads leave nothing behind', () => {
  beforeEach(() => setup({ maxFileBytes: 64 * 1024, quotaBytes: 2 * samplePdf().length + 100 }));

  async function refused(res: Response, status: number, message: RegExp) {
    expect(res.status).toBe(status);
    const body = text(await res.text());
    expect(body).toMatch(message);
    expect(body).toContain('Revenir à la question ID-1.1');
    expect(rows()).toEqual([]);
    expectConsistent();
  }

  it('an executable renamed .pdf', async () => {
    await refused(await member.upload(uploadPath(), [['file', { bytes: executable(), name: 'rapport.pdf', type: 'application/pdf' }]]), 415, /Ce type de fichier n’est pas accepté\. .* d’après le contenu du fichier, pas d’après son nom\./);
  });
  it('a zero-byte file', async () => {
    await refused(await member.upload(uploadPath(), [['file', { bytes: new Uint8Array(0), name: 'vide.pdf' }]]), 422, /Ce fichier est vide \(0 octet\)/);
  });
  it('no file chosen', async () => {
    await refused(await member.upload(uploadPath(), [['file', { bytes: new Uint8Array(0), name: '' }]]), 422, /Choisissez un fichier à joindre\./);
  });
  it('a file over the limit', async () => {
    const big = Buffer.concat([samplePdf(), Buffer.alloc(70 * 1024, 32)]);
    await refused(await member.upload(uploadPath(), [['file', { bytes: big, name: 'gros.pdf' }]]), 413, /Ce fichier dépasse 64 ko, la taille maximale d’un justificatif\./);
  });
  it('a body announced over the limit, refused before reading', async () => {
    const res = await member.upload(uploadPath(), [['file', { bytes: samplePdf(), name: 'a.pdf' }]], { headers: { 'Content-Length': String(10 * 1024 * 1024) } });
    expect(res.status).toBe(413);
    expect(rows()).toEqual([]);
  });
  it('an upload past the organisation’s quota', async () => {
    expect((await member.upload(uploadPath(), [['file', { bytes: samplePdf('un'), name: 'un.pdf' }]])).status).toBe(303);
    expect((await member.upload(uploadPath(), [['file', { bytes: samplePdf('deux'), name: 'deux.pdf' }]])).status).toBe(303);
    const res = await member.upload(uploadPath(), [['file', { bytes: samplePdf('trois'), name: 'trois.pdf' }]]);
    expect(res.status).toBe(422);
    expect(text(await res.text())).toMatch(/L’espace réservé aux justificatifs de la structure est plein : 1,1 ko utilisés sur 1,3 ko, et ce fichier fait 5\d\d octets\./);
    expect(rows()).toHaveLength(2);
    expectConsistent();
  });
  it('without the token, with it after the file, or from another site: 403, nothing kept', async () => {
    for (const opts of [{ csrf: null }, { csrf: 'faux' }, { csrfLast: true }, { headers: { Origin: 'https://ailleurs.example' } }]) {
      const res = await member.upload(uploadPath(), [['file', { bytes: samplePdf(), name: 'a.pdf' }]], opts);
      expect(res.status, JSON.stringify(opts)).toBe(403);
    }
    expect(rows()).toEqual([]);
    expectConsistent();
  });
  it('concurrent uploads: only as many as the quota allows, nothing half-written', async () => {
    const results = await Promise.all([1, 2, 3, 4, 5].map((i) => member.upload(uploadPath(), [['file', { bytes: samplePdf(`Document ${i}`), name: `${i}.pdf` }]])));
    expect(results.filter((r) => r.status === 303)).toHaveLength(2);
    expect(results.filter((r) => r.status === 422)).toHaveLength(3);
    expect(rows()).toHaveLength(2);
    expectConsistent();
  });
  it('a script gets the refusal inside the question’s block', async () => {
    const res = await member.upload(uploadPath(), [['file', { bytes: executable(), name: 'x.pdf' }]], { csrf: null, headers: { 'X-CSRF-Token': member.csrf, 'HX-Request': 'true' } });
    expect(res.status).toBe(415);
    expect(res.headers.get('X-CAP-Fragment')).toBe('evidence');
    const html = await res.text();
    expect(html).toContain('save-status--error');
    expect(html).toContain('aria-invalid="true"');
    expectConsistent();
  });
});
