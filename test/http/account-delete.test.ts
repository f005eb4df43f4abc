// An admin deletes an account: the person's fields, access and sessions go; what they wrote stays,
// attributed to « utilisateur supprimé ».
import { describe, it, expect, beforeEach } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { Client, makeApp, org, user, text, type TestContext } from '../support/app.ts';
import { insertDiagnostic } from '../support/datadir.ts';
import { answers, auditEvents, consultantRegions, memberships, reviewComments, sessions, users } from '../../src/db/schema.ts';
import { audit } from '../../src/db/audit.ts';
import { loadAnswersWithAuthors } from '../../src/db/diagnostics.ts';
import { verifyPassword } from '../../src/auth/password.ts';

describe('deleting an account', () => {
  let ctx: TestContext;
  let orgId: string;
  let adminId: string;
  let memberId: string;
  let diag: string;
  let admin: Client;
  let victim: Client;
  beforeEach(async () => {
    ctx = makeApp();
    orgId = org(ctx.db, { name: 'Les Jardins d’Oc' });
    adminId = await user(ctx.db, 'admin', 'admin@cap.test');
    memberId = await user(ctx.db, 'member', 'claire.martin@cap.test', { organisationIds: [orgId] });
    audit(ctx.db, { userId: adminId, action: 'create', entity: 'user', entityId: memberId, after: { email: 'claire.martin@cap.test', name: 'Claire Martin', role: 'member' } }, ctx.now.value);
    diag = insertDiagnostic(ctx.db, orgId, memberId);
    const at = '2026-03-01T10:00:00.000Z';
    ctx.db.insert(answers).values({ diagnosticId: diag, questionCode: 'ID-1.1', level: 3, comment: 'Projet écrit et partagé.', updatedBy: memberId, updatedByRole: 'member', updatedAt: at }).run();
    ctx.db.insert(answers).values({ diagnosticId: diag, questionCode: 'ID-1.2', level: 2, comment: '', updatedBy: memberId, updatedByRole: 'member', updatedAt: at }).run();
    victim = new Client(ctx);
    await victim.login('claire.martin@cap.test');
    admin = new Client(ctx);
    await admin.login('admin@cap.test');
  });

  it('links to a confirmation page from the edit page that says what will happen', async () => {
    const edit = await admin.get(`/admin/users/${memberId}/edit`);
    expect(await edit.text()).toContain(`href="/admin/users/${memberId}/delete"`);
    const res = await admin.get(`/admin/users/${memberId}/delete`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const body = text(html);
    expect(body).toContain('Supprimer le compte de claire.martin');
    expect(body).toContain('La suppression est définitive.');
    expect(body).toContain('attribués à « utilisateur supprimé »');
    expect(body).toContain('Ce compte a saisi 2 réponses et 0 remarque de relecture.');
    expect(html).toContain(`action="/admin/users/${memberId}/delete"`);
    expect(html).toContain(`href="/admin/users/${memberId}/edit"`);
  });

  it('erases the person, ends their sessions, keeps their answers under « utilisateur supprimé », and audits it', async () => {
    const res = await admin.post(`/admin/users/${memberId}/delete`);
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/admin/users');
    const list = text(await (await admin.get('/admin/users')).text());
    expect(list).toContain('Le compte est supprimé. Ses réponses restent, attribuées à « utilisateur supprimé ».');
    expect(list).not.toContain('claire.martin');

    const row = ctx.db.select().from(users).where(eq(users.id, memberId)).get()!;
    expect(row).toMatchObject({ deleted: true, active: false, email: `supprime-${memberId}@invalid`, name: 'utilisateur supprimé' });
    expect(row.passwordHash).not.toMatch(/^scrypt\$/);
    expect(await verifyPassword('', row.passwordHash)).toBe(false);
    expect(ctx.db.select().from(memberships).where(eq(memberships.userId, memberId)).all()).toEqual([]);
    expect(ctx.db.select().from(sessions).where(eq(sessions.userId, memberId)).all()).toEqual([]);

    // Their open session is over, and they cannot log in again.
    expect((await victim.get('/')).headers.get('Location')).toBe('/login?next=%2F');
    expect((await new Client(ctx).login('claire.martin@cap.test')).status).toBe(401);
    expect((await new Client(ctx).login(`supprime-${memberId}@invalid`)).status).toBe(401);

    // The diagnostic keeps every answer, now attributed to « utilisateur supprimé ».
    const kept = loadAnswersWithAuthors(ctx.db, diag);
    expect(kept.map((a) => [a.questionCode, a.level, a.comment, a.authorName])).toEqual([
      ['ID-1.1', 3, 'Projet écrit et partagé.', 'utilisateur supprimé'],
      ['ID-1.2', 2, '', 'utilisateur supprimé'],
    ]);

    // The audit trail records the deletion and no longer holds the person's name or email.
    const trail = ctx.db.select().from(auditEvents).where(and(eq(auditEvents.entity, 'user'), eq(auditEvents.entityId, memberId))).all();
    expect(trail.map((e) => e.action)).toEqual(['create', 'delete']);
    expect(trail[1]).toMatchObject({ userId: adminId, before: { role: 'member', active: true, organisationIds: [orgId], regions: [] }, after: { deleted: true } });
    expect(JSON.stringify(trail)).not.toContain('claire.martin');
    expect(JSON.stringify(trail)).not.toContain('Claire Martin');

    // The address is free again: the person can be given a new account.
    const again = await admin.post('/admin/users', { name: 'Claire Martin', email: 'claire.martin@cap.test', role: 'member', organisationIds: [orgId], password: 'un-nouveau-depart' });
    expect(again.status).toBe(303);
  });

  it('removes a consultant’s regions and keeps their review remarks', async () => {
    const consultant = await user(ctx.db, 'consultant', 'conseil@cap.test', { regions: ['Occitanie', 'Bretagne'] });
    ctx.db.insert(reviewComments).values({ id: 'rc1', diagnosticId: diag, targetKind: 'diagnostic', target: '', authorId: consultant, body: 'À compléter.', createdAt: '2026-03-01T11:00:00.000Z' }).run();
    expect(text(await (await admin.get(`/admin/users/${consultant}/delete`)).text())).toContain('0 réponse et 1 remarque de relecture');
    expect((await admin.post(`/admin/users/${consultant}/delete`)).status).toBe(303);
    expect(ctx.db.select().from(consultantRegions).where(eq(consultantRegions.userId, consultant)).all()).toEqual([]);
    expect(ctx.db.select().from(reviewComments).all()).toMatchObject([{ id: 'rc1', authorId: consultant, body: 'À compléter.' }]);
  });

  it('does not let an admin delete their own account', async () => {
    expect(await (await admin.get(`/admin/users/${adminId}/edit`)).text()).not.toContain(`/admin/users/${adminId}/delete`);
    const page = await admin.get(`/admin/users/${adminId}/delete`);
    expect(page.status).toBe(303);
    expect(page.headers.get('Location')).toBe(`/admin/users/${adminId}/edit`);
    const res = await admin.post(`/admin/users/${adminId}/delete`);
    expect(res.status).toBe(303);
    expect(text(await (await admin.get(res.headers.get('Location')!)).text())).toContain('Vous ne pouvez pas supprimer votre propre compte.');
    expect(ctx.db.select().from(users).where(eq(users.id, adminId)).get()!.deleted).toBe(false);
  });

  it('is refused to non-admins (404), to forged requests (403), and for unknown or deleted accounts (404)', async () => {
    const other = await user(ctx.db, 'member', 'autre@cap.test', { organisationIds: [orgId] });
    expect((await victim.get(`/admin/users/${other}/delete`)).status).toBe(404);
    expect((await victim.post(`/admin/users/${other}/delete`)).status).toBe(404);
    expect((await admin.post(`/admin/users/${other}/delete`, {}, { csrf: null })).status).toBe(403);
    expect(ctx.db.select().from(users).where(eq(users.id, other)).get()!.deleted).toBe(false);
    expect((await admin.get('/admin/users/inconnu/delete')).status).toBe(404);
    expect((await admin.post(`/admin/users/${other}/delete`)).status).toBe(303);
    expect((await admin.post(`/admin/users/${other}/delete`)).status).toBe(404);
    expect((await admin.get(`/admin/users/${other}/edit`)).status).toBe(404);
  });
});
