// The audit trail: an entry after each kind of write the federation's routes do, the admin journal
// (filters, pages of 100) and a diagnostic's history in readable French, each with its scope.
import { describe, it, expect, beforeEach } from 'vitest';
import { Client, makeApp, text, type TestContext } from '../support/app.ts';
import { network, rowsOf, type Network } from './federation-fixtures.ts';
import { audit } from '../../src/db/audit.ts';

let ctx: TestContext;
let net: Network;

async function as(email: string): Promise<Client> {
  const c = new Client(ctx);
  await c.login(email);
  return c;
}

async function body(c: Client, path: string, status = 200) {
  const res = await c.get(path);
  expect(res.status).toBe(status);
  return res.text();
}

beforeEach(async () => {
  ctx = makeApp();
  net = await network(ctx.db);
});

/** A consultant's review, each kind of write at its own minute. */
async function review() {
  const c = await as('conseil.occitanie@cap.test');
  ctx.now.value = new Date('2026-03-02T10:00:00Z');
  expect((await c.post('/diagnostics/diag-a2/comments', { targetKind: 'question', target: 'ID-1.1', body: 'Joindre la charte' })).status).toBe(303);
  ctx.now.value = new Date('2026-03-02T10:01:00Z');
  expect((await c.post('/diagnostics/diag-a2/request-changes', { message: 'Preuves manquantes' })).status).toBe(303);
  // The team answers again and resubmits (as the questionnaire does), then the consultant validates.
  ctx.now.value = new Date('2026-03-03T08:00:00Z');
  audit(ctx.db, { userId: net.users.memberAlpha, action: 'update', entity: 'answer', entityId: 'diag-a2:ID-1.1', organisationId: net.orgs.alpha, diagnosticId: 'diag-a2', before: { questionCode: 'ID-1.1', level: 1, na: false, comment: 'Valeurs à écrire', revision: 1 }, after: { questionCode: 'ID-1.1', level: 3, na: false, comment: 'Charte jointe', revision: 2 } }, ctx.now.value);
  const { diagnostics } = await import('../../src/db/schema.ts');
  const { eq } = await import('drizzle-orm');
  ctx.db.update(diagnostics).set({ status: 'submitted' }).where(eq(diagnostics.id, 'diag-a2')).run();
  ctx.now.value = new Date('2026-03-04T14:00:00Z');
  const later = await as('conseil.occitanie@cap.test');
  expect((await later.post('/diagnostics/diag-a2/validate', { confirm: '1' })).status).toBe(303);
}

describe('GET /diagnostics/:id/history', () => {
  it('tells the members of the organisation who changed what, when, before and after, newest first', async () => {
    await review();
    const html = await body(await as('membre.alpha@cap.test'), '/diagnostics/diag-a2/history');
    expect(text(html)).toContain('Historique du diagnostic — Alpha Insertion, 15 janvier 2026');
    expect(rowsOf(html, 'audit-table')).toEqual([
      '4 mars 2026 à 15:00 conseil.occitanie (conseiller·ère fédéral·e) validation : Diagnostic Statut : Soumis → Validé Validé le : 4 mars 2026 à 15:00',
      '3 mars 2026 à 09:00 membre.alpha (membre) modification : Réponse ID-1.1 Niveau : 1 → 3 Commentaire : Valeurs à écrire → Charte jointe',
      '2 mars 2026 à 11:01 conseil.occitanie (conseiller·ère fédéral·e) demande de modifications : Diagnostic Statut : Soumis → Modifications demandées Message de la fédération : Preuves manquantes',
      '2 mars 2026 à 11:00 conseil.occitanie (conseiller·ère fédéral·e) création : Remarque de la fédération — question ID-1.1 Portée : question Cible : ID-1.1 Texte : Joindre la charte',
    ]);
  });

  it('is open to whoever may view the diagnostic, and 404 to others', async () => {
    await review();
    await body(await as('conseil.occitanie@cap.test'), '/diagnostics/diag-a2/history');
    await body(await as('admin@cap.test'), '/diagnostics/diag-a2/history');
    await body(await as('membre.delta@cap.test'), '/diagnostics/diag-a2/history', 404);
    await body(await as('conseil.bretagne@cap.test'), '/diagnostics/diag-a2/history', 404);
    await body(await as('conseil.occitanie@cap.test'), '/diagnostics/diag-d1/history', 404);
    expect(text(await body(await as('membre.delta@cap.test'), '/diagnostics/diag-d1/history'))).toContain('Aucune modification enregistrée pour ce diagnostic.');
  });
});

describe('GET /admin/audit', () => {
  it('lists every event for admins, with links to the records', async () => {
    await review();
    const html = await body(await as('admin@cap.test'), '/admin/audit');
    const rows = rowsOf(html, 'audit-table');
    expect(rows[0]).toMatch(/^4 mars 2026 à 15:00 conseil\.occitanie \(conseiller·ère fédéral·e\) validation : Diagnostic/);
    expect(rows.some((r) => r.includes('création : Remarque de la fédération — question ID-1.1'))).toBe(true);
    expect(html).toContain('href="/diagnostics/diag-a2"');
  });

  it('filters by object, user and dates (French days, both ends included)', async () => {
    await review();
    const c = await as('admin@cap.test');
    const comments = rowsOf(await body(c, '/admin/audit?entity=review_comment'), 'audit-table');
    expect(comments).toHaveLength(1);
    expect(comments[0]).toContain('Joindre la charte');
    const byMember = rowsOf(await body(c, `/admin/audit?user=${net.users.memberAlpha}`), 'audit-table');
    expect(byMember.map((r) => r.slice(0, 20))).toEqual(['3 mars 2026 à 09:00 ']);
    const day = rowsOf(await body(c, '/admin/audit?from=2026-03-03&to=2026-03-04'), 'audit-table');
    expect(day.map((r) => r.split(' ').slice(0, 5).join(' '))).toEqual(['4 mars 2026 à 15:00', '3 mars 2026 à 09:00']);
    const html = await body(c, `/admin/audit?entity=diagnostic&user=${net.users.occ}&from=2026-03-02&to=2026-03-02`);
    expect(rowsOf(html, 'audit-table').map((r) => r.split(' ').slice(0, 5).join(' '))).toEqual(['2 mars 2026 à 11:01']);
    expect(html).toMatch(/<option value="diagnostic" selected="">Diagnostic<\/option>/);
    expect(html).toContain('value="2026-03-02"');
  });

  it('refuses an impossible date with a French message (422) and applies no date filter', async () => {
    await review();
    const html = await body(await as('admin@cap.test'), '/admin/audit?from=2026-02-31', 422);
    expect(text(html)).toContain('Date invalide : saisissez une date du type AAAA-MM-JJ.');
    expect(rowsOf(html, 'audit-table').length).toBeGreaterThan(3);
  });

  it('pages by 100, newest first, keeping the filters in the links', async () => {
    for (let i = 0; i < 150; i++) {
      audit(ctx.db, { userId: net.users.admin, action: 'update', entity: 'essai', entityId: `S${i}`, before: { name: `Avant ${i}` }, after: { name: `Après ${i}` } }, new Date(Date.UTC(2026, 0, 1, 0, i)));
    }
    const c = await as('admin@cap.test');
    const first = await body(c, '/admin/audit?entity=essai');
    expect(text(first)).toContain('150 événements');
    expect(text(first)).toContain('Page 1 sur 2');
    expect(rowsOf(first, 'audit-table')).toHaveLength(100);
    expect(rowsOf(first, 'audit-table')[0]).toContain('Nom : Avant 149 → Après 149');
    expect(first).toContain('href="/admin/audit?entity=essai&amp;page=2"');
    const second = await body(c, '/admin/audit?entity=essai&page=2');
    expect(rowsOf(second, 'audit-table')).toHaveLength(50);
    expect(rowsOf(second, 'audit-table').at(-1)).toContain('Nom : Avant 0 → Après 0');
    expect(second).toContain('href="/admin/audit?entity=essai"');
    expect(rowsOf(await body(c, '/admin/audit?entity=essai&page=99'), 'audit-table')).toHaveLength(50);
  });

  it('is for admins only', async () => {
    await body(await as('conseil.occitanie@cap.test'), '/admin/audit', 404);
    await body(await as('membre.alpha@cap.test'), '/admin/audit', 404);
    expect((await new Client(ctx).get('/admin/audit')).status).toBe(303);
  });
});
