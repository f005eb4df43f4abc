// The federation's review: remarks on a diagnostic, a theme or a question; request changes;
// validate. Allowed to consultants of the region and admins; refused (404) to everyone else;
// transitions only from « submitted ».
import { describe, it, expect, beforeEach } from 'vitest';
import { eq } from 'drizzle-orm';
import { Client, makeApp, text, type TestContext } from '../support/app.ts';
import { network, type Network } from './federation-fixtures.ts';
import { auditEvents, diagnostics, reviewComments } from '../../src/db/schema.ts';
import { listComments } from '../../src/db/reviews.ts';

let ctx: TestContext;
let net: Network;

async function as(email: string): Promise<Client> {
  const c = new Client(ctx);
  await c.login(email);
  return c;
}

const diag = (id: string) => ctx.db.select().from(diagnostics).where(eq(diagnostics.id, id)).get()!;
const events = (action: string) => ctx.db.select().from(auditEvents).where(eq(auditEvents.action, action)).all();

beforeEach(async () => {
  ctx = makeApp();
  net = await network(ctx.db);
});

describe('POST /diagnostics/:id/comments', () => {
  it('lets a consultant of the region comment a question, without JavaScript, and comes back to the page', async () => {
    const c = await as('conseil.occitanie@cap.test');
    const res = await c.post('/diagnostics/diag-a2/comments', {
      targetKind: 'question',
      target: 'ID-1.1',
      body: 'Pouvez-vous joindre la charte ?',
      back: '/diagnostics/diag-a2/themes/identite',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/diagnostics/diag-a2/themes/identite#remarques-question-ID-1-1');
    const [comment] = listComments(ctx.db, 'diag-a2');
    expect(comment).toMatchObject({ targetKind: 'question', target: 'ID-1.1', body: 'Pouvez-vous joindre la charte ?', authorName: 'conseil.occitanie', authorRole: 'consultant' });
    const [ev] = events('create').filter((e) => e.entity === 'review_comment');
    expect(ev).toMatchObject({ userId: net.users.occ, entityId: comment!.id, diagnosticId: 'diag-a2', organisationId: net.orgs.alpha });
    expect(ev!.after).toEqual({ targetKind: 'question', target: 'ID-1.1', body: 'Pouvez-vous joindre la charte ?' });
  });

  it('answers htmx with the block of remarks of that target, the new one included', async () => {
    const c = await as('conseil.occitanie@cap.test');
    await c.post('/diagnostics/diag-a2/comments', { targetKind: 'theme', target: 'identite', body: 'Première remarque', back: '/diagnostics/diag-a2' });
    ctx.now.value = new Date('2026-03-02T09:05:00Z');
    const res = await c.post('/diagnostics/diag-a2/comments', { targetKind: 'theme', target: 'identite', body: 'Seconde remarque', back: '/diagnostics/diag-a2' }, { headers: { 'HX-Request': 'true' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain('<html');
    expect(html).toContain('id="remarques-theme-identite"');
    // Each remark with its state and, for whoever takes part, the reply and « dealt with » forms.
    expect(text(html)).toMatch(/Remarques sur le thème « Identité et projet » Première remarque conseil\.occitanie, conseiller·ère fédéral·e — 2 mars 2026 à 10:00 à traiter Répondre .* Seconde remarque conseil\.occitanie, conseiller·ère fédéral·e — 2 mars 2026 à 10:05 à traiter Répondre/);
    // A fresh form comes back, ready for the next remark.
    expect(html).toContain('hx-post="/diagnostics/diag-a2/comments"');
  });

  it('accepts a remark on the whole diagnostic from an admin', async () => {
    const c = await as('admin@cap.test');
    const res = await c.post('/diagnostics/diag-d1/comments', { targetKind: 'diagnostic', body: 'Bravo pour ce travail.' });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/diagnostics/diag-d1#remarques-diagnostic');
    expect(listComments(ctx.db, 'diag-d1').map((x) => [x.targetKind, x.target, x.body])).toEqual([['diagnostic', '', 'Bravo pour ce travail.']]);
  });

  it('refuses bad input with 422 and a French message, keeps the text, stores nothing', async () => {
    const c = await as('conseil.occitanie@cap.test');
    const empty = await c.post('/diagnostics/diag-a2/comments', { targetKind: 'question', target: 'ID-1.1', body: '   ' });
    expect(empty.status).toBe(422);
    expect(text(await empty.text())).toContain('Écrivez la remarque.');

    const long = 'é'.repeat(1001);
    const tooLong = await c.post('/diagnostics/diag-a2/comments', { targetKind: 'question', target: 'ID-1.1', body: long });
    expect(tooLong.status).toBe(422);
    const html = await tooLong.text();
    expect(text(html)).toContain('La remarque fait 1 000 caractères au plus.');
    expect(html).toContain(long);

    const unknownQuestion = await c.post('/diagnostics/diag-a2/comments', { targetKind: 'question', target: 'ZZ-9.9', body: 'Texte' });
    expect(unknownQuestion.status).toBe(422);
    expect(text(await unknownQuestion.text())).toContain('La cible de la remarque est inconnue pour ce diagnostic.');
    const unknownTheme = await c.post('/diagnostics/diag-a2/comments', { targetKind: 'theme', target: 'cuisine', body: 'Texte' });
    expect(unknownTheme.status).toBe(422);
    const badKind = await c.post('/diagnostics/diag-a2/comments', { targetKind: 'organisation', target: '', body: 'Texte' });
    expect(badKind.status).toBe(422);

    const htmx = await c.post('/diagnostics/diag-a2/comments', { targetKind: 'question', target: 'ID-1.1', body: '' }, { headers: { 'HX-Request': 'true' } });
    expect(htmx.status).toBe(422);
    expect(text(await htmx.text())).toContain('Écrivez la remarque.');

    expect(listComments(ctx.db, 'diag-a2')).toEqual([]);
    expect(ctx.db.select().from(reviewComments).all()).toEqual([]);
  });

  it('never redirects outside the diagnostic', async () => {
    const c = await as('conseil.occitanie@cap.test');
    for (const back of ['https://evil.example/', '//evil.example/diagnostics/diag-a2', '/diagnostics/diag-a2x', '/diagnostics/diag-b1/themes/identite', '/diagnostics/diag-a2/..//evil']) {
      const res = await c.post('/diagnostics/diag-a2/comments', { targetKind: 'diagnostic', body: 'Vu', back });
      expect(res.headers.get('Location')).toBe('/diagnostics/diag-a2#remarques-diagnostic');
    }
  });

  it('answers 404 to members (even of the organisation), consultants of another region, and unknown diagnostics', async () => {
    const member = await as('membre.alpha@cap.test');
    expect((await member.post('/diagnostics/diag-a2/comments', { targetKind: 'diagnostic', body: 'Moi aussi' })).status).toBe(404);
    const bzh = await as('conseil.bretagne@cap.test');
    expect((await bzh.post('/diagnostics/diag-a2/comments', { targetKind: 'diagnostic', body: 'Intrus' })).status).toBe(404);
    const occ = await as('conseil.occitanie@cap.test');
    expect((await occ.post('/diagnostics/diag-d1/comments', { targetKind: 'diagnostic', body: 'Intrus' })).status).toBe(404);
    expect((await occ.post('/diagnostics/inconnu/comments', { targetKind: 'diagnostic', body: 'Rien' })).status).toBe(404);
    expect(ctx.db.select().from(reviewComments).all()).toEqual([]);
  });

  it('refuses a forged POST without the CSRF token', async () => {
    const c = await as('conseil.occitanie@cap.test');
    expect((await c.post('/diagnostics/diag-a2/comments', { targetKind: 'diagnostic', body: 'Forgé' }, { csrf: null })).status).toBe(403);
    expect(listComments(ctx.db, 'diag-a2')).toEqual([]);
  });
});

describe('POST /diagnostics/:id/request-changes', () => {
  it('sends a submitted diagnostic back to the team with a message, audited', async () => {
    const c = await as('conseil.occitanie@cap.test');
    const res = await c.post('/diagnostics/diag-a2/request-changes', { message: 'Revoyez le thème « Identité » : preuves manquantes.' });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/diagnostics/diag-a2');
    expect(diag('diag-a2')).toMatchObject({ status: 'changes_requested', reviewMessage: 'Revoyez le thème « Identité » : preuves manquantes.' });
    const [ev] = events('request-changes');
    expect(ev).toMatchObject({ userId: net.users.occ, entity: 'diagnostic', entityId: 'diag-a2', diagnosticId: 'diag-a2' });
    expect(ev!.before).toEqual({ status: 'submitted', reviewMessage: null });
    expect(ev!.after).toEqual({ status: 'changes_requested', reviewMessage: 'Revoyez le thème « Identité » : preuves manquantes.' });
  });

  it('requires a message (422, nothing changed)', async () => {
    const c = await as('conseil.occitanie@cap.test');
    const res = await c.post('/diagnostics/diag-a2/request-changes', { message: '  ' });
    expect(res.status).toBe(422);
    expect(text(await res.text())).toContain('Écrivez le message à la structure : ce qu’il faut revoir.');
    expect(diag('diag-a2').status).toBe('submitted');
    expect(events('request-changes')).toEqual([]);
  });

  it('answers 409 with a French explanation when the diagnostic is not submitted', async () => {
    const c = await as('conseil.occitanie@cap.test');
    const draft = await c.post('/diagnostics/diag-b1/request-changes', { message: 'Revoir' });
    expect(draft.status).toBe(409);
    expect(text(await draft.text())).toContain('On ne peut demander des modifications que sur un diagnostic soumis ; celui-ci est au statut « Brouillon ».');
    await c.post('/diagnostics/diag-a2/request-changes', { message: 'Revoir' });
    const again = await c.post('/diagnostics/diag-a2/request-changes', { message: 'Encore' });
    expect(again.status).toBe(409);
    expect(text(await again.text())).toContain('« Modifications demandées »');
    expect(diag('diag-a2').reviewMessage).toBe('Revoir');
  });

  it('answers 404 to members and consultants of another region', async () => {
    expect((await (await as('membre.alpha@cap.test')).post('/diagnostics/diag-a2/request-changes', { message: 'x' })).status).toBe(404);
    expect((await (await as('conseil.bretagne@cap.test')).post('/diagnostics/diag-a2/request-changes', { message: 'x' })).status).toBe(404);
    expect(diag('diag-a2').status).toBe('submitted');
  });
});

describe('POST /diagnostics/:id/validate', () => {
  it('asks first: the review panel opens a dialog, and a post without the confirmation shows a page and validates nothing', async () => {
    const c = await as('conseil.occitanie@cap.test');
    const overview = await (await c.get('/diagnostics/diag-a2')).text();
    expect(overview).toContain('<form method="post" action="/diagnostics/diag-a2/validate" data-confirm-dialog="confirm-validate" class="inline">');
    expect(overview).toContain('<dialog id="confirm-validate"');
    const ask = await c.post('/diagnostics/diag-a2/validate');
    expect(ask.status).toBe(200);
    const body = text(await ask.text());
    expect(body).toContain('Valider le diagnostic ?');
    expect(body).toMatch(/Vous allez valider le diagnostic du .+ La validation est définitive/);
    expect(body).toContain('Oui, valider le diagnostic');
    expect(diag('diag-a2')).toMatchObject({ status: 'submitted', validatedBy: null });
    expect(events('validate')).toEqual([]);
    // A draft is refused before any question is asked.
    expect((await c.post('/diagnostics/diag-b1/validate')).status).toBe(409);
  });

  it('validates a submitted diagnostic and keeps who and when', async () => {
    const c = await as('conseil.occitanie@cap.test');
    const res = await c.post('/diagnostics/diag-a2/validate', { confirm: '1' });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/diagnostics/diag-a2');
    expect(diag('diag-a2')).toMatchObject({ status: 'validated', validatedBy: net.users.occ, validatedAt: '2026-03-02T09:00:00.000Z' });
    const [ev] = events('validate');
    expect(ev).toMatchObject({ userId: net.users.occ, entity: 'diagnostic', entityId: 'diag-a2', organisationId: net.orgs.alpha });
    expect(ev!.before).toEqual({ status: 'submitted' });
    expect(ev!.after).toEqual({ status: 'validated', validatedAt: '2026-03-02T09:00:00.000Z' });
  });

  it('refuses to validate a draft (409) and a diagnostic already validated or sent back', async () => {
    const c = await as('conseil.occitanie@cap.test');
    const draft = await c.post('/diagnostics/diag-b1/validate', { confirm: '1' });
    expect(draft.status).toBe(409);
    expect(text(await draft.text())).toContain('Seul un diagnostic soumis peut être validé ; celui-ci est au statut « Brouillon ».');
    expect(diag('diag-b1')).toMatchObject({ status: 'draft', validatedBy: null, validatedAt: null });

    const bzh = await as('conseil.bretagne@cap.test');
    const validated = await bzh.post('/diagnostics/diag-d1/validate', { confirm: '1' });
    expect(validated.status).toBe(409);
    expect(text(await validated.text())).toContain('« Validé »');

    await c.post('/diagnostics/diag-a2/request-changes', { message: 'Revoir' });
    const sentBack = await c.post('/diagnostics/diag-a2/validate', { confirm: '1' });
    expect(sentBack.status).toBe(409);
    expect(diag('diag-a2').status).toBe('changes_requested');
    expect(events('validate')).toEqual([]);
  });

  it('lets an admin validate any region, and nobody else outside the region', async () => {
    expect((await (await as('membre.alpha@cap.test')).post('/diagnostics/diag-a2/validate', { confirm: '1' })).status).toBe(404);
    expect((await (await as('conseil.bretagne@cap.test')).post('/diagnostics/diag-a2/validate', { confirm: '1' })).status).toBe(404);
    expect(diag('diag-a2').status).toBe('submitted');
    expect((await (await as('admin@cap.test')).post('/diagnostics/diag-a2/validate', { confirm: '1' })).status).toBe(303);
    expect(diag('diag-a2')).toMatchObject({ status: 'validated', validatedBy: net.users.admin });
  });
});
