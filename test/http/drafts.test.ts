// One open diagnostic per structure: starting while one is open leads to it; the home page and the
// structure's page point to it (to each, in an old database holding several); its creator or an
// administrator deletes a draft after a confirmation, audited, with everything it held; an
// administrator archives an old diagnostic and brings it back. A deleted draft’s evidence files leave
// the disk at once, unless another diagnostic (the one it was carried over from) still points at them.
import { describe, it, expect, beforeEach, afterAll } from 'vitest';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { Client, makeApp, org, user, text, type TestContext } from '../support/app.ts';
import { removeTempDirs, tempDir } from '../support/datadir.ts';
import { samplePdf } from '../support/files.ts';
import { FileStore } from '../../src/evidence/store.ts';
import { referencedHashes } from '../../src/db/evidence.ts';
import { actions, answers, auditEvents, diagnostics, evidenceFiles, reviewComments } from '../../src/db/schema.ts';
import { latestDiagnostics } from '../../src/db/diagnostics.ts';
import { builtinReferential } from '../../src/referential/store.ts';
import { isApplicable } from '../../src/scoring/index.ts';

const ref = builtinReferential();
const applicable = ref.themes.flatMap((th) => th.criteria.flatMap((c) => c.questions)).filter((q) => isApplicable(q, ['AI']));

interface World {
  ctx: TestContext;
  orgId: string;
  sophie: Client;
  marc: Client;
  ines: Client;
  admin: Client;
}

afterAll(removeTempDirs);

async function world(opts: Parameters<typeof makeApp>[0] = {}): Promise<World> {
  const ctx = makeApp(opts);
  const orgId = org(ctx.db, { name: 'Garonne Services', types: ['AI'], region: 'Occitanie' });
  await user(ctx.db, 'member', 'sophie@cap.test', { organisationIds: [orgId] });
  await user(ctx.db, 'member', 'marc@cap.test', { organisationIds: [orgId] });
  await user(ctx.db, 'consultant', 'ines@cap.test', { regions: ['Occitanie'] });
  await user(ctx.db, 'admin', 'admin@cap.test');
  const as = async (email: string) => {
    const c = new Client(ctx);
    await c.login(email);
    return c;
  };
  return { ctx, orgId, sophie: await as('sophie@cap.test'), marc: await as('marc@cap.test'), ines: await as('ines@cap.test'), admin: await as('admin@cap.test') };
}

async function start(c: Client, orgId: string, from = ''): Promise<Response> {
  await c.get(`/organisations/${orgId}`);
  return c.post(`/organisations/${orgId}/diagnostics`, { mode: 'autodiagnostic', participantName: ['Sophie Durand'], participantRole: ['direction'], from });
}

async function started(c: Client, orgId: string, from = ''): Promise<string> {
  const res = await start(c, orgId, from);
  expect(res.status).toBe(303);
  return res.headers.get('Location')!.split('/').pop()!;
}

async function answerAll(c: Client, id: string) {
  for (const q of applicable) expect((await c.post(`/diagnostics/${id}/answers/${q.code}`, { level: '2', comment: '', revision: '0' })).status).toBe(303);
}

const rowsOf = (ctx: TestContext, orgId: string) => ctx.db.select().from(diagnostics).where(eq(diagnostics.organisationId, orgId)).all();

describe('one open diagnostic per structure', () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });

  it('replaces the start form by the open diagnostic on the structure’s page, with where to continue', async () => {
    const id = await started(w.sophie, w.orgId);
    await w.sophie.post(`/diagnostics/${id}/answers/ID-1.1`, { level: '2', comment: '', revision: '0' });
    const html = await (await w.marc.get(`/organisations/${w.orgId}`)).text();
    const body = text(html);
    expect(body).toContain('Diagnostic en cours Le diagnostic du 2 mars 2026 est en cours : c’est lui que l’équipe remplit.');
    expect(body).toContain(`1 / ${applicable.length} questions répondues`);
    expect(body).toContain('Reprendre à la question ID-1.2 (Identité et projet)');
    expect(html).toContain(`href="/diagnostics/${id}/themes/identite#q-ID-1_2"`);
    expect(body).toContain('Un seul diagnostic peut être en cours à la fois.');
    expect(html).not.toContain(`action="/organisations/${w.orgId}/diagnostics"`);
    expect(body).not.toContain('Démarrer un nouveau diagnostic');
    // Marc did not start it: no deletion offered to him.
    expect(html).not.toContain(`/diagnostics/${id}/delete`);
  });

  it('leads whoever starts another one to the open diagnostic, naming it, and creates nothing', async () => {
    const id = await started(w.sophie, w.orgId);
    // Marc's page was built before Sophie started (or he posts twice): he is led to hers.
    const res = await w.marc.post(`/organisations/${w.orgId}/diagnostics`, { mode: 'accompagne', participantName: ['Marc'], participantRole: ['permanent'] });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe(`/diagnostics/${id}`);
    const page = text(await (await w.marc.get(`/diagnostics/${id}`)).text());
    expect(page).toContain('Un diagnostic est déjà en cours pour cette structure : celui du 2 mars 2026. Le voici ; aucun autre n’a été créé.');
    expect(rowsOf(w.ctx, w.orgId)).toHaveLength(1);
    const consultant = await w.ines.post(`/organisations/${w.orgId}/diagnostics`, { mode: 'accompagne', participantName: ['Inès'], participantRole: ['autre'] });
    expect(consultant.headers.get('Location')).toBe(`/diagnostics/${id}`);
    expect(rowsOf(w.ctx, w.orgId)).toHaveLength(1);
  });

  it('counts a diagnostic sent back for changes as open, and lets a new one start once it is submitted', async () => {
    const id = await started(w.sophie, w.orgId);
    await answerAll(w.sophie, id);
    expect((await w.sophie.post(`/diagnostics/${id}/submit`, { confirm: '1' })).status).toBe(303);
    w.ctx.db.update(diagnostics).set({ status: 'changes_requested' }).where(eq(diagnostics.id, id)).run();
    expect((await start(w.sophie, w.orgId)).headers.get('Location')).toBe(`/diagnostics/${id}`);
    w.ctx.db.update(diagnostics).set({ status: 'submitted' }).where(eq(diagnostics.id, id)).run();
    const next = await started(w.sophie, w.orgId);
    expect(next).not.toBe(id);
    expect(rowsOf(w.ctx, w.orgId)).toHaveLength(2);
  });

  it('shows each open diagnostic of an old database holding two, on the home page and the structure’s page', async () => {
    const first = await started(w.sophie, w.orgId);
    // CAP 2026's identity theme opens with ID-1.1, ID-1.2, ID-1.4, then ID-2.1.
    for (const code of ['ID-1.1', 'ID-1.2', 'ID-1.4']) await w.sophie.post(`/diagnostics/${first}/answers/${code}`, { level: '3', comment: '', revision: '0' });
    // Before the rule, starting again silently made a second, empty draft.
    w.ctx.db.insert(diagnostics).values({ id: 'second-draft', organisationId: w.orgId, referentialId: 'cap-2026', status: 'draft', mode: 'autodiagnostic', participants: [], createdAt: '2026-03-05T09:00:00.000Z' }).run();
    for (const c of [await w.sophie.get('/'), await w.sophie.get(`/organisations/${w.orgId}`)]) {
      const html = await c.text();
      const body = text(html);
      expect(body).toContain('2 diagnostics sont en cours pour cette structure');
      expect(body).toContain(`3 / ${applicable.length} questions répondues`);
      expect(body).toContain(`0 / ${applicable.length} questions répondues`);
      expect(body).toContain('Reprendre à la question ID-2.1 (Identité et projet)');
      expect(body).toContain('Commencer le questionnaire');
      expect(html).toContain(`href="/diagnostics/${first}/themes/identite#q-ID-2_1"`);
      expect(html).toContain('href="/diagnostics/second-draft/themes/identite#q-ID-1_1"');
    }
  });
});

describe('deleting a draft', () => {
  let w: World;
  let id: string;
  beforeEach(async () => {
    w = await world();
    id = await started(w.sophie, w.orgId);
    await w.sophie.post(`/diagnostics/${id}/answers/ID-1.1`, { level: '2', comment: 'Charte en projet', revision: '0' });
    await w.marc.post(`/diagnostics/${id}/answers/ID-1.2`, { level: '1', comment: '', revision: '0' });
    await w.ines.get(`/diagnostics/${id}`);
    await w.ines.post(`/diagnostics/${id}/comments`, { targetKind: 'diagnostic', body: 'Bon début' });
    await w.sophie.get(`/diagnostics/${id}/plan`);
  });

  it('offers its creator a confirmation that says what goes with it, and deletes nothing before', async () => {
    const overview = await (await w.sophie.get(`/diagnostics/${id}`)).text();
    expect(text(overview)).toContain('Vous avez commencé ce brouillon : vous pouvez le supprimer s’il ne sert plus.');
    expect(overview).toContain(`href="/diagnostics/${id}/delete"`);
    const page = await w.sophie.get(`/diagnostics/${id}/delete`);
    expect(page.status).toBe(200);
    const body = text(await page.text());
    expect(body).toContain('Supprimer le brouillon du 2 mars 2026 ?');
    expect(body).toContain('Commencé par sophie. Ses 2 réponses, 1 remarque de la fédération');
    expect(body).toContain('La suppression est définitive');
    expect(body).toContain('Oui, supprimer définitivement ce brouillon');
    // A post without the confirmation (a forged link, a double click) only asks again.
    const unconfirmed = await w.sophie.post(`/diagnostics/${id}/delete`);
    expect(unconfirmed.status).toBe(200);
    expect(text(await unconfirmed.text())).toContain('Supprimer le brouillon du 2 mars 2026 ?');
    expect(rowsOf(w.ctx, w.orgId)).toHaveLength(1);
  });

  it('deletes it with its answers, remarks and plan once confirmed, audits it, and lets a new one start', async () => {
    const planned = w.ctx.db.select().from(actions).where(eq(actions.diagnosticId, id)).all().length;
    const res = await w.sophie.post(`/diagnostics/${id}/delete`, { confirm: '1' });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe(`/organisations/${w.orgId}`);
    const page = text(await (await w.sophie.get(`/organisations/${w.orgId}`)).text());
    expect(page).toContain('Le brouillon du 2 mars 2026 est supprimé, avec ses 2 réponses.');
    expect(page).toContain('Démarrer un nouveau diagnostic');
    expect(rowsOf(w.ctx, w.orgId)).toHaveLength(0);
    expect(w.ctx.db.select().from(answers).where(eq(answers.diagnosticId, id)).all()).toHaveLength(0);
    expect(w.ctx.db.select().from(reviewComments).where(eq(reviewComments.diagnosticId, id)).all()).toHaveLength(0);
    expect(w.ctx.db.select().from(actions).where(eq(actions.diagnosticId, id)).all()).toHaveLength(0);
    const event = w.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'delete'))).get()!;
    expect(event).toMatchObject({ entity: 'diagnostic', organisationId: w.orgId });
    expect(event.before).toMatchObject({ status: 'draft', answerCount: 2, remarkCount: 1, actionCount: planned, createdAt: '2026-03-02T09:00:00.000Z' });
    expect((await w.sophie.get(`/diagnostics/${id}`)).status).toBe(404);
    // The admin's journal names it, without a link to a page that no longer exists.
    const journal = await (await w.admin.get('/admin/audit')).text();
    const row = journal.split('<tr>').find((r) => text(r).includes('suppression : Diagnostic'))!;
    expect(text(row)).toContain('sophie (membre) suppression : Diagnostic Statut : Brouillon');
    expect(row).not.toContain('href=');
    await started(w.sophie, w.orgId);
  });

  it('is refused to other members and to consultants who did not start it (404), open to an administrator', async () => {
    for (const c of [w.marc, w.ines]) {
      expect((await c.get(`/diagnostics/${id}/delete`)).status).toBe(404);
      expect((await c.post(`/diagnostics/${id}/delete`, { confirm: '1' })).status).toBe(404);
    }
    expect(rowsOf(w.ctx, w.orgId)).toHaveLength(1);
    const overview = text(await (await w.admin.get(`/diagnostics/${id}`)).text());
    expect(overview).toContain('En tant qu’administrateur·rice, vous pouvez supprimer ce brouillon');
    expect((await w.admin.post(`/diagnostics/${id}/delete`, { confirm: '1' })).status).toBe(303);
    expect(rowsOf(w.ctx, w.orgId)).toHaveLength(0);
  });

  it('lets a consultant delete the draft they started in an accompanied diagnostic', async () => {
    await w.sophie.post(`/diagnostics/${id}/delete`, { confirm: '1' });
    const mine = await started(w.ines, w.orgId);
    expect((await w.ines.post(`/diagnostics/${mine}/delete`, { confirm: '1' })).status).toBe(303);
  });

  it('keeps a submitted diagnostic: no deletion offered, and a forced one is refused (409)', async () => {
    const other = await world();
    const sub = await started(other.sophie, other.orgId);
    await answerAll(other.sophie, sub);
    await other.sophie.post(`/diagnostics/${sub}/submit`, { confirm: '1' });
    expect(await (await other.sophie.get(`/diagnostics/${sub}`)).text()).not.toContain('/delete"');
    const res = await other.admin.post(`/diagnostics/${sub}/delete`, { confirm: '1' });
    expect(res.status).toBe(409);
    expect(text(await res.text())).toContain('Ce diagnostic est soumis : seul un brouillon jamais soumis peut être supprimé.');
    expect(rowsOf(other.ctx, other.orgId)).toHaveLength(1);
  });
});

describe('archiving', () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });

  it('lets an administrator archive an old diagnostic: read-only, out of « the latest », then brought back', async () => {
    const id = await started(w.sophie, w.orgId);
    await answerAll(w.sophie, id);
    await w.sophie.post(`/diagnostics/${id}/submit`, { confirm: '1' });
    expect(await (await w.sophie.get(`/diagnostics/${id}`)).text()).not.toContain('/archive"');
    expect((await w.sophie.post(`/diagnostics/${id}/archive`)).status).toBe(404);
    expect((await w.ines.post(`/diagnostics/${id}/archive`)).status).toBe(404);

    w.ctx.now.value = new Date('2026-04-01T08:00:00Z');
    // A month later: new sessions.
    await w.admin.login('admin@cap.test');
    await w.sophie.login('sophie@cap.test');
    expect((await w.admin.get(`/diagnostics/${id}`)).status).toBe(200);
    const res = await w.admin.post(`/diagnostics/${id}/archive`);
    expect(res.status).toBe(303);
    expect(w.ctx.db.select().from(diagnostics).where(eq(diagnostics.id, id)).get()).toMatchObject({ status: 'archived', archivedFrom: 'submitted', archivedAt: '2026-04-01T08:00:00.000Z' });
    const overview = text(await (await w.sophie.get(`/diagnostics/${id}`)).text());
    expect(overview).toContain('Ce diagnostic est archivé depuis le 1er avril 2026 par admin ; il était « soumis ».');
    expect(overview).toContain('Archivé');
    expect((await w.sophie.post(`/diagnostics/${id}/answers/ID-1.1`, { level: '4', comment: '', revision: '1' })).status).toBe(409);
    expect(latestDiagnostics(w.ctx.db, [w.orgId]).size).toBe(0);
    expect(text(await (await w.sophie.get('/')).text())).toContain('Commencer un diagnostic');
    expect(w.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'archive'))).get()?.after).toEqual({ status: 'archived' });

    expect((await w.admin.post(`/diagnostics/${id}/unarchive`)).status).toBe(303);
    expect(w.ctx.db.select().from(diagnostics).where(eq(diagnostics.id, id)).get()).toMatchObject({ status: 'submitted', archivedAt: null, archivedFrom: null });
    expect(text(await (await w.admin.get(`/diagnostics/${id}`)).text())).toContain('Le diagnostic du 2 mars 2026 est désarchivé : il est de nouveau « soumis ».');
    expect(latestDiagnostics(w.ctx.db, [w.orgId]).get(w.orgId)?.id).toBe(id);
  });

  it('closes an abandoned draft, and will not reopen it while another is open', async () => {
    const old = await started(w.sophie, w.orgId);
    await w.admin.post(`/diagnostics/${old}/archive`);
    const fresh = await started(w.sophie, w.orgId);
    expect(fresh).not.toBe(old);
    const res = await w.admin.post(`/diagnostics/${old}/unarchive`);
    expect(res.status).toBe(303);
    expect(text(await (await w.admin.get(`/diagnostics/${old}`)).text())).toContain('Ce diagnostic ne peut pas être désarchivé : la structure a déjà un diagnostic en cours, celui du 2 mars 2026.');
    expect(w.ctx.db.select().from(diagnostics).where(eq(diagnostics.id, old)).get()!.status).toBe('archived');
  });
});

describe('deleting a draft that holds evidence files', () => {
  let w: World;
  let store: FileStore;
  beforeEach(async () => {
    store = new FileStore(join(tempDir('drafts-evidence'), 'files'));
    w = await world({ evidence: { store } });
  });

  async function attach(c: Client, id: string, code: string, bytes: Buffer, name: string) {
    await c.get(`/diagnostics/${id}/themes/identite`);
    const res = await c.upload(`/diagnostics/${id}/evidence/${code}`, [['file', { bytes, name, type: 'application/pdf' }]]);
    expect(res.status).toBe(303);
    const row = w.ctx.db.select().from(evidenceFiles).where(and(eq(evidenceFiles.diagnosticId, id), eq(evidenceFiles.name, name))).get();
    expect(row).toBeDefined();
    return row!.hash;
  }

  it('removes its files from disk at once, and keeps a file another diagnostic still points at', async () => {
    // Last year's diagnostic, submitted with its charter attached.
    const old = await started(w.sophie, w.orgId);
    const charter = await attach(w.sophie, old, 'ID-1.1', samplePdf('Charte des valeurs 2025'), 'Charte.pdf');
    await answerAll(w.sophie, old);
    expect((await w.sophie.post(`/diagnostics/${old}/submit`, { confirm: '1' })).status).toBe(303);

    // This year's draft takes last year's answers, and the charter with them; a new file is added.
    const draft = await started(w.sophie, w.orgId, old);
    expect(w.ctx.db.select().from(evidenceFiles).where(eq(evidenceFiles.diagnosticId, draft)).all().map((r) => r.hash)).toEqual([charter]);
    const procedure = await attach(w.sophie, draft, 'ID-1.2', samplePdf('Procédure d’accueil 2026'), 'Procédure.pdf');
    expect(procedure).not.toBe(charter);
    expect(store.has(charter) && store.has(procedure)).toBe(true);

    const ask = text(await (await w.sophie.get(`/diagnostics/${draft}/delete`)).text());
    expect(ask).toContain('2 justificatifs joints');
    const res = await w.sophie.post(`/diagnostics/${draft}/delete`, { confirm: '1' });
    expect(res.status).toBe(303);
    // The file only this draft held is gone from disk right away (not at the next start)...
    expect(store.has(procedure)).toBe(false);
    // ...the charter stays: the submitted diagnostic still points at it, and still serves it.
    expect(store.has(charter)).toBe(true);
    const [kept] = w.ctx.db.select().from(evidenceFiles).where(eq(evidenceFiles.diagnosticId, old)).all();
    const dl = await w.sophie.get(`/diagnostics/${old}/evidence/fichier/${kept!.id}`);
    expect(dl.status).toBe(200);
    expect(Buffer.from(await dl.arrayBuffer()).equals(samplePdf('Charte des valeurs 2025'))).toBe(true);
    // The folder holds exactly what the table points at.
    expect(store.list()).toEqual([...referencedHashes(w.ctx.db)].sort());
    expect(w.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, draft), eq(auditEvents.action, 'delete'))).get()!.before).toMatchObject({ fileCount: 2 });
  });

  it('removes the last copy of a file when the draft was its only holder', async () => {
    const draft = await started(w.sophie, w.orgId);
    const only = await attach(w.sophie, draft, 'ID-1.1', samplePdf('Organigramme'), 'Organigramme.pdf');
    expect(store.list()).toEqual([only]);
    expect((await w.admin.post(`/diagnostics/${draft}/delete`, { confirm: '1' })).status).toBe(303);
    expect(store.has(only)).toBe(false);
    expect(store.list()).toEqual([]);
    expect(w.ctx.db.select().from(evidenceFiles).all()).toEqual([]);
  });
});
