// Every state-changing route of the route table refuses a forged request: without the CSRF proof,
// or from another site's origin, it answers 403 and the database is left exactly as it was.
import { describe, it, expect } from 'vitest';
import { makeApp, org, user } from '../support/app.ts';
import { createSession, SESSION_COOKIE } from '../../src/auth/sessions.ts';
import { diagnostics, answers, actions } from '../../src/db/schema.ts';
import type { Db } from '../../src/db/open.ts';

/** Every row of every table, as text: equal snapshots mean nothing changed. */
function snapshot(db: Db): string {
  const tables = db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name").all() as { name: string }[];
  return tables.map(({ name }) => `${name}:${JSON.stringify(db.$client.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all())}`).join('\n');
}

async function fixture() {
  const ctx = makeApp();
  const { db } = ctx;
  const now = ctx.now.value.toISOString();
  const orgId = org(db, { name: 'Structure A', region: 'Occitanie', types: ['ACI'] });
  const memberId = await user(db, 'member', 'a@cap.test', { organisationIds: [orgId] });
  const adminId = await user(db, 'admin', 'admin@cap.test');
  db.insert(diagnostics).values({ id: 'diag-1', organisationId: orgId, referentialId: 'cap-2023', status: 'draft', mode: 'autodiagnostic', participants: [{ name: 'Alice', role: 'direction' }], createdBy: memberId, createdAt: now }).run();
  db.insert(answers).values({ diagnosticId: 'diag-1', questionCode: 'ID-1.1', level: 2, na: false, comment: 'avant', updatedBy: memberId, updatedByRole: 'member', updatedAt: now, revision: 1 }).run();
  db.insert(actions).values({ id: 'action-1', diagnosticId: 'diag-1', questionCode: 'ID-1.1', origin: 'proposed', themeSlug: 'identite', title: 'Écrire le projet', services: ['CAP-ACCOMPAGNE'], priority: 'haute', createdAt: now, updatedAt: now }).run();
  const session = createSession(db, adminId, ctx.now.value);
  const params: Record<string, string> = { orgId, id: 'diag-1', theme: 'identite', questionCode: 'ID-1.1', actionId: 'action-1', userId: memberId, code: 'CAP-RSE', refId: 'cap-2023' };
  return { ctx, cookie: `${SESSION_COOKIE}=${session.token}`, csrf: session.csrf, params };
}

// Fields that would make each request succeed if the CSRF proof were not checked.
const BODY = { level: '4', comment: 'forgé', revision: '1', title: 'forgé', name: 'forgé', body: 'forgé', message: 'forgé', reason: 'forgé', active: '0', status: 'done', targetKind: 'diagnostic' };

describe('CSRF on every state-changing route', async () => {
  const probe = await fixture();
  // The one-click unsubscribe is exempt (RFC 8058: mail readers post it with no cookie nor token);
  // its signed link is the proof, checked below.
  const EXEMPT = ['/unsubscribe/:token'];
  const posts = [...new Set(probe.ctx.app.routes.filter((r) => r.method === 'POST').map((r) => r.path))].filter((p) => !EXEMPT.includes(p)).sort();

  it('the one-click unsubscribe, exempt from the token, refuses a link it did not sign and changes nothing', async () => {
    const f = await fixture();
    const before = snapshot(f.ctx.db);
    for (const token of ['forged', `${f.params.userId}.remark.${'A'.repeat(43)}`]) {
      const res = await f.ctx.app.request(`/unsubscribe/${token}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://site-malveillant.example', Host: 'localhost' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect(res.status).toBe(404);
    }
    expect(snapshot(f.ctx.db)).toBe(before);
  });

  it('finds the state-changing routes in the route table', () => {
    expect(posts.length).toBeGreaterThan(20);
    expect(posts).toContain('/diagnostics/:id/answers/:questionCode');
  });

  for (const path of posts) {
    it(`POST ${path} refuses a forged request and changes nothing`, async () => {
      const f = await fixture();
      const url = path.replace(/:(\w+)/g, (_, n: string) => f.params[n] ?? n);
      const before = snapshot(f.ctx.db);
      const noToken = await f.ctx.app.request(url, {
        method: 'POST',
        headers: { Cookie: f.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(BODY).toString(),
      });
      expect(noToken.status).toBe(403);
      expect(await noToken.text()).toContain('jeton de sécurité');
      const wrongToken = await f.ctx.app.request(url, {
        method: 'POST',
        headers: { Cookie: f.cookie, 'Content-Type': 'application/x-www-form-urlencoded', 'X-CSRF-Token': 'pas-le-bon-jeton' },
        body: new URLSearchParams(BODY).toString(),
      });
      expect(wrongToken.status).toBe(403);
      // The right token, but sent by another site's page: the Origin check refuses it.
      const crossSite = await f.ctx.app.request(url, {
        method: 'POST',
        headers: { Cookie: f.cookie, 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://site-malveillant.example', Host: 'localhost' },
        body: new URLSearchParams({ ...BODY, _csrf: f.csrf }).toString(),
      });
      expect(crossSite.status).toBe(403);
      expect(snapshot(f.ctx.db)).toBe(before);
    });
  }
});
