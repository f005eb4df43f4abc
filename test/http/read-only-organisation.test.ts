// A deactivated organisation is read-only: its members (and the federation) still see its
// diagnostics, results, plan, PDF and exports; every write is refused with a French message and
// writes nothing; it is marked wherever it is listed; reactivation gives the pen back.
import { describe, it, expect } from 'vitest';
import { Client, makeApp, org, user, text } from '../support/app.ts';
import { insertDiagnostic } from '../support/plan.ts';
import { insertDiagnostic as insertDraft } from '../support/datadir.ts';
import { listActions } from '../../src/db/actions.ts';
import { t } from '../../src/i18n/index.ts';

async function world() {
  const ctx = makeApp();
  const orgId = org(ctx.db, { name: 'Atelier d’Oc', types: ['ACI'], region: 'Occitanie' });
  const memberId = await user(ctx.db, 'member', 'membre@cap.test', { organisationIds: [orgId] });
  await user(ctx.db, 'consultant', 'conseil@cap.test', { regions: ['Occitanie'] });
  await user(ctx.db, 'admin', 'admin@cap.test');
  const submitted = insertDiagnostic(ctx.db, { organisationId: orgId, types: ['ACI'], weak: 4, status: 'submitted' }).id;
  const draft = insertDraft(ctx.db, orgId, memberId);
  const member = new Client(ctx);
  await member.login('membre@cap.test');
  const consultant = new Client(ctx);
  await consultant.login('conseil@cap.test');
  const admin = new Client(ctx);
  await admin.login('admin@cap.test');
  await member.get(`/diagnostics/${submitted}/plan`);
  // Viewing a plan stores nothing: the proposed actions are put in place by the explicit step.
  await member.post(`/diagnostics/${submitted}/plan/sync`);
  const action = listActions(ctx.db, submitted)[0]!;
  const setActive = async (active: boolean) => {
    await admin.get(`/organisations/${orgId}`);
    expect((await admin.post(`/admin/organisations/${orgId}/active`, { active: active ? '1' : '0' })).status).toBe(303);
  };
  const counts = () => ctx.db.$client.prepare('SELECT (SELECT count(*) FROM answers) + (SELECT count(*) FROM actions) * 1000 + (SELECT count(*) FROM diagnostics) * 1000000 + (SELECT count(*) FROM review_comments) * 1000000000 AS n').get() as { n: number };
  return { ctx, orgId, submitted, draft, member, consultant, admin, action, setActive, counts };
}

describe('a deactivated organisation', () => {
  it('refuses every write, from members and from the federation, with a French message and no change', async () => {
    const w = await world();
    await w.setActive(false);
    await w.member.get(`/diagnostics/${w.draft}`);
    await w.consultant.get(`/diagnostics/${w.submitted}`);
    const before = w.counts().n;
    const auditBefore = (w.ctx.db.$client.prepare('SELECT count(*) AS n FROM audit_events').get() as { n: number }).n;
    const writes: [Client, string, Record<string, string>][] = [
      [w.member, `/diagnostics/${w.draft}/answers/ID-1.1`, { level: '3', comment: 'ok', revision: '0' }],
      [w.member, `/diagnostics/${w.draft}/themes/identite`, { 'level.ID-1.1': '3', 'comment.ID-1.1': '', 'revision.ID-1.1': '0' }],
      [w.member, `/diagnostics/${w.draft}/submit`, { confirm: '1' }],
      [w.member, `/diagnostics/${w.draft}/delete`, { confirm: '1' }],
      [w.member, `/organisations/${w.orgId}/diagnostics`, { mode: 'autodiagnostic', participantName: 'Alice', participantRole: 'direction' }],
      [w.member, `/diagnostics/${w.submitted}/actions`, { title: 'Nouvelle action', themeSlug: 'identite', priority: 'haute' }],
      [w.member, `/diagnostics/${w.submitted}/actions/${w.action.id}`, { title: w.action.title, status: 'done', revision: String(w.action.revision) }],
      [w.member, `/diagnostics/${w.submitted}/actions/${w.action.id}/drop`, { reason: 'Plus utile' }],
      [w.member, `/diagnostics/${w.submitted}/plan/sync`, {}],
      [w.consultant, `/diagnostics/${w.submitted}/comments`, { targetKind: 'diagnostic', body: 'Une remarque' }],
      [w.consultant, `/diagnostics/${w.submitted}/request-changes`, { message: 'À revoir' }],
      [w.consultant, `/diagnostics/${w.submitted}/validate`, { confirm: '1' }],
      [w.consultant, `/diagnostics/${w.draft}/answers/ID-1.1`, { level: '2', comment: '', revision: '0' }],
    ];
    for (const [client, path, fields] of writes) {
      const res = await client.post(path, fields);
      expect(res.status, path).toBe(409);
      expect(text(await res.text()), path).toContain(text(t.common.readOnlyOrganisation));
      const htmx = await client.post(path, fields, { headers: { 'HX-Request': 'true' } });
      expect(htmx.status, `${path} (htmx)`).toBe(409);
      expect(text(await htmx.text()), `${path} (htmx)`).toContain(text(t.common.readOnlyOrganisation));
    }
    expect(w.counts().n).toBe(before);
    expect((w.ctx.db.$client.prepare('SELECT count(*) AS n FROM audit_events').get() as { n: number }).n).toBe(auditBefore);
  });

  it('stays readable: overview, themes, results, plan, PDF, CSV and history, marked read-only', async () => {
    const w = await world();
    await w.setActive(false);
    for (const path of [`/organisations/${w.orgId}`, `/diagnostics/${w.submitted}`, `/diagnostics/${w.draft}/themes/identite`, `/diagnostics/${w.submitted}/results`, `/diagnostics/${w.submitted}/plan`, `/diagnostics/${w.submitted}/plan.pdf`, `/diagnostics/${w.submitted}/export.csv`, `/diagnostics/${w.submitted}/history`]) {
      const res = await w.member.get(path);
      expect(res.status, path).toBe(200);
    }
    const theme = await (await w.member.get(`/diagnostics/${w.draft}/themes/identite`)).text();
    expect(text(theme)).toContain(text(t.common.readOnlyOrganisation));
    expect(theme).not.toContain(`hx-post="/diagnostics/${w.draft}/answers/`);
    const plan = await (await w.member.get(`/diagnostics/${w.submitted}/plan`)).text();
    expect(text(plan)).toContain(text(t.common.readOnlyOrganisation));
    expect(plan).not.toContain(`action="/diagnostics/${w.submitted}/actions"`);
    const orgPage = text(await (await w.member.get(`/organisations/${w.orgId}`)).text());
    expect(orgPage).toContain(text(t.common.readOnlyOrganisation));
  });

  it('is marked « désactivée » wherever it is listed (the federation dashboard lists active structures only)', async () => {
    const w = await world();
    await w.setActive(false);
    expect(text(await (await w.consultant.get('/federation')).text())).not.toContain('Atelier d’Oc');
    for (const [client, path] of [[w.member, '/organisations'], [w.member, '/'], [w.consultant, '/organisations'], [w.admin, '/organisations']] as const) {
      const page = text(await (await client.get(path)).text());
      expect(page, path).toMatch(/Atelier d’Oc[^.]{0,80}désactivée|désactivée[^.]{0,80}Atelier d’Oc/i);
    }
  });

  it('gives the pen back when reactivated', async () => {
    const w = await world();
    await w.setActive(false);
    await w.setActive(true);
    await w.member.get(`/diagnostics/${w.draft}`);
    expect((await w.member.post(`/diagnostics/${w.draft}/answers/ID-1.1`, { level: '3', comment: 'ok', revision: '0' })).status).toBe(303);
    expect((await w.member.post(`/diagnostics/${w.submitted}/actions`, { title: 'Nouvelle action', themeSlug: 'identite', priority: 'haute' })).status).toBe(303);
    const list = text(await (await w.member.get('/organisations')).text());
    expect(list).not.toContain(text(t.orgs.inactive));
  });
});
