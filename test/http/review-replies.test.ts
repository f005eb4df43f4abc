// Two-way review: the structure's team replies to a remark and marks it dealt with; the consultant
// sees the replies, open remarks and answers per theme on the theme cards, and the remarks waiting
// for them on their home page (« À faire »); codes cited in remarks and change requests are links.
import { describe, it, expect, beforeEach } from 'vitest';
import { eq } from 'drizzle-orm';
import { Client, makeApp, org, text, user, type TestContext } from '../support/app.ts';
import { insertDiagnostic } from '../support/plan.ts';
import { addComment, requestChanges } from '../../src/db/reviews.ts';
import { getDiagnostic } from '../../src/db/diagnostics.ts';
import { auditEvents, mailQueue, organisations, reviewComments } from '../../src/db/schema.ts';

let ctx: TestContext;
let orgId: string;
let diagId: string;
let remarkId: string;
let consultantId: string;

async function as(email: string): Promise<Client> {
  const c = new Client(ctx);
  await c.login(email);
  return c;
}

const card = (html: string, title: string) => {
  const i = text(html).indexOf(title);
  return text(html).slice(i, i + 260);
};

beforeEach(async () => {
  ctx = makeApp();
  orgId = org(ctx.db, { name: 'Jardins du Lauragais', region: 'Occitanie', types: ['ACI'] });
  const otherId = org(ctx.db, { name: 'Autre', region: 'Bretagne', types: ['EI'], siret: '40483304800022' });
  await user(ctx.db, 'member', 'membre@cap.test', { organisationIds: [orgId] });
  await user(ctx.db, 'member', 'autre@cap.test', { organisationIds: [otherId] });
  consultantId = await user(ctx.db, 'consultant', 'conseil@cap.test', { regions: ['Occitanie'] });
  await user(ctx.db, 'consultant', 'bretagne@cap.test', { regions: ['Bretagne'] });
  diagId = insertDiagnostic(ctx.db, { organisationId: orgId, types: ['ACI'], weak: 4, status: 'submitted' }).id;
  const d = getDiagnostic(ctx.db, diagId)!;
  remarkId = addComment(ctx.db, { diagnostic: d, targetKind: 'question', target: 'ID-1.1', body: 'Pouvez-vous joindre la charte ? Voir aussi ID-1.2 et le critère SV-7.', userId: consultantId }, ctx.now.value)!;
});

describe('a member replies to a remark and marks it dealt with', () => {
  it('without JavaScript, from the theme page, and the consultant sees it everywhere it matters', async () => {
    const m = await as('membre@cap.test');
    const theme = await (await m.get(`/diagnostics/${diagId}/themes/identite`)).text();
    // Inside the theme's big form, the reply field points to a form of its own.
    expect(theme).toContain(`form="reponse-${remarkId}"`);
    expect(theme).toContain(`<form id="reponse-${remarkId}" method="post" action="/diagnostics/${diagId}/comments/${remarkId}/replies"`);

    const res = await m.post(`/diagnostics/${diagId}/comments/${remarkId}/replies`, { body: 'Charte jointe, voir ID-1.2 mise à jour.', back: `/diagnostics/${diagId}/themes/identite`, detached: '1' });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe(`/diagnostics/${diagId}/themes/identite#remarques-question-ID-1-1`);
    const after = await (await m.get(`/diagnostics/${diagId}/themes/identite`)).text();
    expect(text(after)).toContain('Charte jointe, voir ID-1.2 mise à jour. membre —');
    expect(text(after)).toContain('Réponse envoyée.');
    // The code cited in the reply links to the question.
    expect(after).toContain(`<a href="/diagnostics/${diagId}/themes/identite#q-ID-1_2">ID-1.2</a> mise à jour.`);

    const c = await as('conseil@cap.test');
    const overview = await (await c.get(`/diagnostics/${diagId}`)).text();
    expect(card(overview, 'Identité et projet')).toContain('1 remarque à traiter · 1 réponse de la structure');
    const home = await (await c.get('/')).text();
    expect(text(home)).toContain('Remarques auxquelles les membres ont répondu (1)');
    expect(text(home).replace(/\u00a0/g, ' ')).toContain('Jardins du Lauragais — remarque sur la question ID-1.1 : réponse aujourd’hui « Pouvez-vous joindre la charte');
    expect(home).toContain(`href="/diagnostics/${diagId}/themes/identite#q-ID-1_1"`);

    // The member marks it dealt with: no longer open; still waiting for the consultant, who read nothing yet.
    expect((await m.post(`/diagnostics/${diagId}/comments/${remarkId}/resolve`, { resolved: '1', back: `/diagnostics/${diagId}` })).status).toBe(303);
    const resolved = await (await c.get(`/diagnostics/${diagId}`)).text();
    expect(card(resolved, 'Identité et projet')).toContain('1 réponse de la structure');
    expect(card(resolved, 'Identité et projet')).not.toContain('à traiter');
    expect(text(await (await c.get(`/diagnostics/${diagId}/themes/identite`)).text())).toMatch(/traitée par membre le \d+ \w+ 2026/);
    expect(text(await (await c.get('/')).text())).toContain('Remarques auxquelles les membres ont répondu (1)');

    // The consultant answers: off their list, and the member sees the answer.
    expect((await c.post(`/diagnostics/${diagId}/comments/${remarkId}/replies`, { body: 'Merci, c’est parfait.', back: `/diagnostics/${diagId}` })).status).toBe(303);
    expect(text(await (await c.get('/')).text())).toContain('Remarques auxquelles les membres ont répondu (0)');
    expect(card(await (await c.get(`/diagnostics/${diagId}`)).text(), 'Identité et projet')).not.toContain('réponse de la structure');
    expect(text(await (await m.get(`/diagnostics/${diagId}/themes/identite`)).text())).toContain('Merci, c’est parfait. conseil, conseiller·ère fédéral·e');

    const trail = ctx.db.select().from(auditEvents).where(eq(auditEvents.entity, 'review_comment')).all().map((e) => e.action);
    expect(trail).toEqual(['create', 'reply', 'resolve', 'reply']);
  });

  it('with htmx, gets the remarks of the question back, and can reopen', async () => {
    const m = await as('membre@cap.test');
    await m.get(`/diagnostics/${diagId}/themes/identite`);
    const res = await m.post(`/diagnostics/${diagId}/comments/${remarkId}/replies`, { body: 'En cours de rédaction.', back: `/diagnostics/${diagId}/themes/identite`, detached: '1' }, { headers: { 'HX-Request': 'true' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/^<div class="review-block" id="remarques-question-ID-1-1">/);
    expect(text(html)).toContain('En cours de rédaction.');
    const done = await (await m.post(`/diagnostics/${diagId}/comments/${remarkId}/resolve`, { resolved: '1', detached: '1' }, { headers: { 'HX-Request': 'true' } })).text();
    expect(text(done)).toContain('Rouvrir la remarque');
    const open = await (await m.post(`/diagnostics/${diagId}/comments/${remarkId}/resolve`, { resolved: '0', detached: '1' }, { headers: { 'HX-Request': 'true' } })).text();
    expect(text(open)).toContain('Marquer comme traitée');
    expect(ctx.db.select().from(reviewComments).where(eq(reviewComments.id, remarkId)).get()!.resolvedAt).toBeNull();
  });

  it('refuses an empty or overlong reply in French, keeping the text, and writes nothing', async () => {
    const m = await as('membre@cap.test');
    await m.get(`/diagnostics/${diagId}`);
    const empty = await m.post(`/diagnostics/${diagId}/comments/${remarkId}/replies`, { body: '   ', back: `/diagnostics/${diagId}` });
    expect(empty.status).toBe(422);
    expect(text(await empty.text())).toContain('Écrivez la réponse.');
    const long = await m.post(`/diagnostics/${diagId}/comments/${remarkId}/replies`, { body: 'é'.repeat(1001) }, { headers: { 'HX-Request': 'true' } });
    expect(long.status).toBe(422);
    const html = await long.text();
    expect(text(html)).toContain('La réponse fait 1 000 caractères au plus.');
    expect(html).toContain('é'.repeat(1000));
    expect(ctx.db.select().from(reviewComments).all()).toHaveLength(1);
  });

  it('answers 404 to someone outside the structure and its region, and to a reply taken for a remark', async () => {
    const other = await as('autre@cap.test');
    expect((await other.post(`/diagnostics/${diagId}/comments/${remarkId}/replies`, { body: 'Intrus' })).status).toBe(404);
    expect((await (await as('bretagne@cap.test')).post(`/diagnostics/${diagId}/comments/${remarkId}/resolve`, { resolved: '1' })).status).toBe(404);
    const m = await as('membre@cap.test');
    await m.post(`/diagnostics/${diagId}/comments/${remarkId}/replies`, { body: 'Réponse' });
    const reply = ctx.db.select().from(reviewComments).where(eq(reviewComments.parentId, remarkId)).get()!;
    expect((await m.post(`/diagnostics/${diagId}/comments/${reply.id}/replies`, { body: 'Réponse à la réponse' })).status).toBe(404);
    expect((await m.post(`/diagnostics/${diagId}/comments/inconnue/resolve`, { resolved: '1' })).status).toBe(404);
  });
});

describe('the remark’s author hears of a reply by mail', () => {
  const queued = () => ctx.db.select().from(mailQueue).where(eq(mailQueue.kind, 'reply')).all();

  it('a member’s reply queues one message to the consultant who wrote the remark; the consultant’s own reply queues none', async () => {
    const m = await as('membre@cap.test');
    await m.get(`/diagnostics/${diagId}`);
    expect((await m.post(`/diagnostics/${diagId}/comments/${remarkId}/replies`, { body: 'Charte jointe au dossier.', back: `/diagnostics/${diagId}` })).status).toBe(303);
    const rows = queued();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ recipient: 'conseil@cap.test', subject: 'Réponse de Jardins du Lauragais à votre remarque' });
    expect(rows[0]!.payload).toMatchObject({ authorName: 'membre', where: 'Question ID-1.1', path: `/diagnostics/${diagId}/themes/identite#q-ID-1_1`, body: 'Charte jointe au dossier.' });

    const c = await as('conseil@cap.test');
    expect((await c.post(`/diagnostics/${diagId}/comments/${remarkId}/replies`, { body: 'Merci.', back: `/diagnostics/${diagId}` })).status).toBe(303);
    expect(queued()).toHaveLength(1);
  });

  it('« Mon compte » offers the consultant to turn it off, and then nothing is queued', async () => {
    const c = await as('conseil@cap.test');
    const account = text(await (await c.get('/account')).text());
    expect(account).toContain('Réponses à vos remarques');
    expect(text(await (await (await as('membre@cap.test')).get('/account')).text())).not.toContain('Réponses à vos remarques');
    expect((await c.post('/account/notifications', { shown: '1', topics: ['submitted', 'reminders'] })).status).toBe(303);
    const m = await as('membre@cap.test');
    await m.get(`/diagnostics/${diagId}`);
    expect((await m.post(`/diagnostics/${diagId}/comments/${remarkId}/replies`, { body: 'Fait.', back: `/diagnostics/${diagId}` })).status).toBe(303);
    expect(queued()).toHaveLength(0);
  });
});

describe('a deactivated organisation is read-only for the conversation too', () => {
  it('shows the remarks without reply forms and refuses a reply or « dealt with » with 409, writing nothing', async () => {
    ctx.db.update(organisations).set({ active: false }).where(eq(organisations.id, orgId)).run();
    const m = await as('membre@cap.test');
    const page = await (await m.get(`/diagnostics/${diagId}/themes/identite`)).text();
    expect(text(page)).toContain('Pouvez-vous joindre la charte');
    expect(page).not.toContain(`/comments/${remarkId}/replies`);
    const reply = await m.post(`/diagnostics/${diagId}/comments/${remarkId}/replies`, { body: 'Malgré tout.' });
    expect(reply.status).toBe(409);
    expect((await m.post(`/diagnostics/${diagId}/comments/${remarkId}/resolve`, { resolved: '1' })).status).toBe(409);
    expect(ctx.db.select().from(reviewComments).all()).toHaveLength(1);
    expect(ctx.db.select().from(reviewComments).where(eq(reviewComments.id, remarkId)).get()!.resolvedAt).toBeNull();
  });
});

describe('codes cited by the federation become links', () => {
  it('in a remark and in a change request', async () => {
    const d = getDiagnostic(ctx.db, diagId)!;
    requestChanges(ctx.db, d, consultantId, 'Merci de revoir SV-7.2 et ID-1 ; ZZ-9 n’existe pas.', ctx.now.value);
    const m = await as('membre@cap.test');
    const overview = await (await m.get(`/diagnostics/${diagId}`)).text();
    expect(overview).toContain(`Merci de revoir <a href="/diagnostics/${diagId}/themes/services#q-SV-7_2">SV-7.2</a> et <a href="/diagnostics/${diagId}/themes/identite#cr-ID-1">ID-1</a> ; ZZ-9 n’existe pas.`);
    const theme = await (await m.get(`/diagnostics/${diagId}/themes/identite`)).text();
    expect(theme).toContain(`Voir aussi <a href="/diagnostics/${diagId}/themes/identite#q-ID-1_2">ID-1.2</a> et le critère <a href="/diagnostics/${diagId}/themes/services#cr-SV-7">SV-7</a>.`);
  });
});
