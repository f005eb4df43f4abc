// « À faire » on the home page of a consultant (their regions) and of an admin (every region):
// diagnostics awaiting review oldest first with how long, change requests unanswered for more than
// 30 days, structures without a diagnostic for more than 12 months, remarks members answered —
// each with its count and links.
import { describe, it, expect, beforeEach } from 'vitest';
import { eq } from 'drizzle-orm';
import { Client, makeApp, org, text, type TestContext } from '../support/app.ts';
import { network, type Network } from './federation-fixtures.ts';
import { createDiagnostic } from '../../src/db/diagnostic-writes.ts';
import { getDiagnostic } from '../../src/db/diagnostics.ts';
import { addComment, addReply, getRemark, requestChanges } from '../../src/db/reviews.ts';
import { consultantTodo } from '../../src/db/consultant-todo.ts';
import { diagnostics } from '../../src/db/schema.ts';
import { rebuildDerivedData } from '../../src/db/derived-data.ts';

let ctx: TestContext;
let net: Network;

async function home(email: string): Promise<{ html: string; t: string }> {
  const c = new Client(ctx);
  await c.login(email);
  const res = await c.get('/');
  expect(res.status).toBe(200);
  const html = await res.text();
  return { html, t: text(html).replace(/\u00a0/g, ' ') };
}

/** The list items of one « À faire » block, as text. */
function items(html: string, id: string): string[] {
  const block = html.slice(html.indexOf(`id="${id}"`));
  const list = block.slice(0, block.indexOf('</section>'));
  return [...list.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => text(m[1]!).replace(/\u00a0/g, ' '));
}

beforeEach(async () => {
  ctx = makeApp();
  net = await network(ctx.db);
});

describe('À faire', () => {
  it('lists for a consultant what awaits them in their region, oldest first, with counts and links', async () => {
    // Alpha's submitted diagnostic waits behind a newer draft; a second Occitanie structure was sent
    // back 40 days ago (listed) and a third 10 days ago (not yet).
    createDiagnostic(ctx.db, { organisationId: net.orgs.alpha, referentialId: 'cap-2023', mode: 'autodiagnostic', participants: [], fromId: 'diag-a2', userId: net.users.memberAlpha }, ctx.now.value);
    const old = org(ctx.db, { name: 'Omega Recyclerie', region: 'Occitanie', types: ['ACI'], siret: '32929954800011' });
    const recent = org(ctx.db, { name: 'Zeta Travail', region: 'Occitanie', types: ['ACI'], siret: '32929954800029' });
    for (const [orgId, id, daysAgo] of [[old, 'diag-o1', 40], [recent, 'diag-z1', 10]] as const) {
      ctx.db.insert(diagnostics).values({ id, organisationId: orgId, referentialId: 'cap-2023', status: 'submitted', mode: 'autodiagnostic', participants: [], createdAt: '2026-01-02T09:00:00Z', submittedAt: '2026-01-03T09:00:00Z' }).run();
      rebuildDerivedData(ctx.db);
      requestChanges(ctx.db, getDiagnostic(ctx.db, id)!, net.users.occ, 'Merci de compléter.', new Date(ctx.now.value.getTime() - daysAgo * 86_400_000));
    }
    const remark = addComment(ctx.db, { diagnostic: getDiagnostic(ctx.db, 'diag-a2')!, targetKind: 'theme', target: 'services', body: 'Précisez les accompagnements.', userId: net.users.occ }, ctx.now.value)!;
    addReply(ctx.db, { diagnostic: getDiagnostic(ctx.db, 'diag-a2')!, remark: getRemark(ctx.db, 'diag-a2', remark)!, body: 'Fait.', userId: net.users.memberAlpha, side: 'member' }, new Date('2026-03-01T10:00:00Z'));

    const { html, t } = await home('conseil.occitanie@cap.test');
    expect(t).toContain('Ce qui attend la fédération dans votre région (Occitanie), le plus ancien d’abord.');
    expect(t).toContain('Diagnostics à relire (1)');
    expect(items(html, 'todo-reviews')).toEqual(['Alpha Insertion — soumis le 15 janvier 2026, il y a 46 jours']);
    expect(html).toContain('href="/diagnostics/diag-a2"');
    expect(html).toContain('href="/federation?status=submitted&amp;sort=pending&amp;dir=asc"');
    expect(t).toContain('Demandes de modifications sans réponse depuis plus de 30 jours (1)');
    expect(items(html, 'todo-changes')).toEqual(['Omega Recyclerie — demandées le 21 janvier 2026, il y a 40 jours']);
    expect(t).toContain('Structures sans diagnostic depuis plus de 12 mois (2)');
    // None first, then the oldest.
    expect(items(html, 'todo-stale')).toEqual(['Gamma Jardins — aucun diagnostic', 'Bêta Services — dernier diagnostic commencé le 1er décembre 2024']);
    expect(t).toContain('Remarques auxquelles les membres ont répondu (1)');
    expect(items(html, 'todo-replies')).toEqual(['Alpha Insertion — remarque sur le thème « Services aux salariés en parcours et aux clients » : réponse il y a 1 jour « Précisez les accompagnements. »']);
    expect(html).toContain('href="/diagnostics/diag-a2/themes/services#remarques-theme-services"');
    // Nothing of Bretagne, and no region named with a single one.
    expect(t).not.toContain('Delta');
    expect(t).not.toContain('(Occitanie) —');
  });

  it('gives an admin the same lists across regions, each item with its region', async () => {
    ctx.db.update(diagnostics).set({ status: 'submitted', submittedAt: '2026-02-01T15:00:00Z', validatedAt: null }).where(eq(diagnostics.id, 'diag-d1')).run();
    const { html, t } = await home('admin@cap.test');
    expect(t).toContain('Ce qui attend la fédération dans toutes les régions, le plus ancien d’abord.');
    expect(items(html, 'todo-reviews')).toEqual(['Alpha Insertion (Occitanie) — soumis le 15 janvier 2026, il y a 46 jours', 'Delta Bretagne (Bretagne) — soumis le 1er février 2026, il y a 29 jours']);
    expect(t).toContain('Aucune réponse de membre n’attend votre lecture.');
  });

  it('says there is nothing when there is nothing, and keeps members away', async () => {
    const { t } = await home('conseil.bretagne@cap.test');
    expect(t).toContain('Aucun diagnostic n’attend de relecture.');
    expect(t).toContain('Aucune demande de modifications n’attend depuis plus de 30 jours.');
    expect(t).toContain('Toutes les structures ont commencé un diagnostic dans les 12 derniers mois.');
    const member = await home('membre.alpha@cap.test');
    expect(member.t).not.toContain('À faire');
  });

  it('counts everything but returns at most the limit, for reminders by e-mail as for the page', () => {
    const all = consultantTodo(ctx.db, null, ctx.now.value, 1);
    expect(all.stale.count).toBe(2);
    expect(all.stale.items).toHaveLength(1);
    expect(consultantTodo(ctx.db, ['Bretagne'], ctx.now.value).stale.count).toBe(0);
    expect(consultantTodo(ctx.db, [], ctx.now.value).reviews.count).toBe(0);
  });
});
