// Plan actions carry a revision, like answers: an edit made on a stale version is refused (409)
// with both versions shown, and two concurrent edits never silently revert one another.
import { describe, it, expect } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { Client, makeApp, org, user, text } from '../support/app.ts';
import { insertDiagnostic } from '../support/plan.ts';
import { actions, auditEvents } from '../../src/db/schema.ts';
import { listActions } from '../../src/db/actions.ts';
import { t } from '../../src/i18n/index.ts';

async function world() {
  const ctx = makeApp();
  const orgId = org(ctx.db, { types: ['ACI'] });
  await user(ctx.db, 'member', 'alice@cap.test', { organisationIds: [orgId] });
  await user(ctx.db, 'member', 'bruno@cap.test', { organisationIds: [orgId] });
  const diagId = insertDiagnostic(ctx.db, { organisationId: orgId, types: ['ACI'], weak: 4 }).id;
  const alice = new Client(ctx);
  await alice.login('alice@cap.test');
  const bruno = new Client(ctx);
  await bruno.login('bruno@cap.test');
  await alice.get(`/diagnostics/${diagId}/plan`);
  // Viewing a plan stores nothing: the proposed actions are put in place by the explicit step.
  await alice.post(`/diagnostics/${diagId}/plan/sync`);
  await bruno.get(`/diagnostics/${diagId}/plan`);
  const action = listActions(ctx.db, diagId)[0]!;
  const updates = () => ctx.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, action.id), eq(auditEvents.action, 'update'))).all().length;
  const row = () => ctx.db.select().from(actions).where(eq(actions.id, action.id)).get()!;
  const url = `/diagnostics/${diagId}/actions/${action.id}`;
  const form = (over: Record<string, string>) => ({ title: action.title, description: action.description, owner: '', dueDate: '', status: 'todo', notes: '', revision: String(action.revision), ...over });
  return { ctx, diagId, action, alice, bruno, updates, row, url, form };
}

describe('action revisions', () => {
  it('starts at 1, is in the edit form, and grows with each saved edit', async () => {
    const w = await world();
    expect(w.action.revision).toBe(1);
    const page = await (await w.alice.get(`/diagnostics/${w.diagId}/plan`)).text();
    expect(page).toContain(`name="revision" value="1"`);
    expect((await w.alice.post(w.url, w.form({ status: 'in_progress' }))).status).toBe(303);
    expect(w.row()).toMatchObject({ status: 'in_progress', revision: 2 });
    expect((await w.alice.post(w.url, w.form({ status: 'done', revision: '2' }))).status).toBe(303);
    expect(w.row()).toMatchObject({ status: 'done', revision: 3 });
  });

  it('refuses a stale edit with 409, showing the stored version and the refused one, without writing', async () => {
    const w = await world();
    expect((await w.alice.post(w.url, w.form({ status: 'done', owner: 'Alice Martin' }))).status).toBe(303);
    const before = w.updates();
    const stale = await w.bruno.post(w.url, w.form({ owner: 'Bruno Petit', notes: 'Relancer la délégation' }));
    expect(stale.status).toBe(409);
    const page = text(await stale.text());
    expect(page).toContain(text(t.plan.conflict.title));
    expect(page).toContain(text(t.plan.conflict.stored));
    expect(page).toContain('Alice Martin');
    expect(page).toContain(text(t.plan.conflict.mine));
    expect(page).toContain('Bruno Petit');
    expect(page).toContain('Relancer la délégation');
    expect(w.row()).toMatchObject({ status: 'done', owner: 'Alice Martin', notes: '', revision: 2 });
    expect(w.updates()).toBe(before);
    // The htmx fragment says the same, in place of the action.
    const fragment = await w.bruno.post(w.url, w.form({ owner: 'Bruno Petit' }), { headers: { 'HX-Request': 'true' } });
    expect(fragment.status).toBe(409);
    const html = await fragment.text();
    expect(html).not.toContain('<!DOCTYPE html>');
    expect(text(html)).toContain(text(t.plan.conflict.title));
    // Built on the stored revision, Bruno's edit goes through.
    expect((await w.bruno.post(w.url, w.form({ owner: 'Bruno Petit', status: 'done', revision: '2' }))).status).toBe(303);
    expect(w.row()).toMatchObject({ status: 'done', owner: 'Bruno Petit', revision: 3 });
  });

  it('lets exactly one of two concurrent edits through (token in the header, as htmx sends it); « done » is never lost', async () => {
    for (let round = 0; round < 5; round++) {
      const w = await world();
      const before = w.updates();
      const headers = (c: Client) => ({ headers: { 'HX-Request': 'true', 'X-CSRF-Token': c.csrf } });
      const [done, owned] = await Promise.all([
        w.alice.post(w.url, w.form({ status: 'done' }), { csrf: null, ...headers(w.alice) }),
        w.bruno.post(w.url, w.form({ owner: 'Bruno Petit' }), { csrf: null, ...headers(w.bruno) }),
      ]);
      expect([done.status, owned.status].sort()).toEqual([200, 409]);
      const row = w.row();
      expect(row.revision).toBe(2);
      if (done.status === 200) expect(row).toMatchObject({ status: 'done', owner: '' });
      else expect(row).toMatchObject({ status: 'todo', owner: 'Bruno Petit' });
      expect(w.updates()).toBe(before + 1);
    }
  });

  it('needs a revision: an edit without one is refused (422), a made-up one is a conflict', async () => {
    const w = await world();
    const { revision: _r, ...withoutRevision } = w.form({ status: 'done' });
    const missing = await w.alice.post(w.url, withoutRevision);
    expect(missing.status).toBe(422);
    expect((await w.alice.post(w.url, w.form({ status: 'done', revision: 'abc' }))).status).toBe(422);
    expect((await w.alice.post(w.url, w.form({ status: 'done', revision: '99' }))).status).toBe(409);
    expect(w.row()).toMatchObject({ status: 'todo', revision: 1 });
  });

  it('bumps the revision when an action is dropped or restored, so an edit from before is stale', async () => {
    const w = await world();
    expect((await w.alice.post(`${w.url}/drop`, { reason: 'Déjà traité' })).status).toBe(303);
    expect(w.row().revision).toBe(2);
    expect((await w.bruno.post(w.url, w.form({ status: 'done' }))).status).toBe(409);
    expect((await w.alice.post(`${w.url}/restore`)).status).toBe(303);
    expect(w.row()).toMatchObject({ droppedReason: null, revision: 3 });
  });
});
