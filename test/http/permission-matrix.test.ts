// The permission matrix, generated from the application's own route table: every route is called
// by each kind of visitor and must answer as its access class says. A route added without an entry
// below makes this test fail, and so does an entry whose route no longer exists.
import { describe, it, expect } from 'vitest';
import { makeApp, org, user, type TestContext } from '../support/app.ts';
import { createSession, SESSION_COOKIE } from '../../src/auth/sessions.ts';
import { diagnostics, answers, actions, reviewComments } from '../../src/db/schema.ts';

/**
 * Access classes:
 * - public: anyone, signed in or not;
 * - login: the login/logout/setup forms (their own rules, checked in foundation tests);
 * - signed-in: any signed-in user;
 * - org: members of the organisation, consultants of its region, admins (organisation.view,
 *   diagnostic.*, plan.edit);
 * - review: consultants of the region and admins (diagnostic.review);
 * - federation: consultants and admins;
 * - admin: admins only.
 */
type Access = 'public' | 'login' | 'signed-in' | 'org' | 'review' | 'federation' | 'admin';

export const MATRIX: Record<string, Access> = {
  'GET /healthz': 'public',
  'GET /static/*': 'public',
  'GET /setup': 'login',
  'POST /setup': 'login',
  'GET /login': 'login',
  'POST /login': 'login',
  'POST /logout': 'login',
  'GET /': 'signed-in',
  'GET /organisations': 'signed-in',
  'GET /organisations/:orgId': 'org',
  'GET /admin/users': 'admin',
  'GET /admin/users/new': 'admin',
  'POST /admin/users': 'admin',
  'GET /admin/users/:userId/edit': 'admin',
  'POST /admin/users/:userId': 'admin',
  'POST /admin/users/:userId/active': 'admin',
  'GET /admin/users/:userId/delete': 'admin',
  'POST /admin/users/:userId/delete': 'admin',
  'GET /account': 'signed-in',
  'POST /account/password': 'signed-in',
  'GET /account/export.json': 'signed-in',
  'GET /admin/organisations/new': 'admin',
  'POST /admin/organisations': 'admin',
  'GET /admin/organisations/:orgId/edit': 'admin',
  'POST /admin/organisations/:orgId': 'admin',
  'POST /admin/organisations/:orgId/active': 'admin',
  'GET /admin/referentials': 'admin',
  'GET /admin/referentials/import': 'admin',
  'POST /admin/referentials/import': 'admin',
  'GET /admin/referentials/:refId': 'admin',
  'GET /admin/referentials/:refId/export.json': 'admin',
  'POST /admin/referentials/:refId/publish': 'admin',
  'POST /admin/referentials/:refId/default': 'admin',
  'GET /admin/services': 'admin',
  'GET /admin/services/new': 'admin',
  'POST /admin/services': 'admin',
  'GET /admin/services/:code/edit': 'admin',
  'POST /admin/services/:code': 'admin',
  'POST /admin/services/:code/active': 'admin',
  'GET /admin/audit': 'admin',
  'GET /diagnostics/:id/plan': 'org',
  'GET /diagnostics/:id/plan.pdf': 'org',
  'POST /diagnostics/:id/actions': 'org',
  'POST /diagnostics/:id/actions/:actionId': 'org',
  'POST /diagnostics/:id/actions/:actionId/drop': 'org',
  'POST /diagnostics/:id/actions/:actionId/restore': 'org',
  'GET /diagnostics/:id/export.csv': 'org',
  'GET /diagnostics/:id/history': 'org',
  'POST /diagnostics/:id/comments': 'review',
  'POST /diagnostics/:id/request-changes': 'review',
  'POST /diagnostics/:id/validate': 'review',
  'GET /federation': 'federation',
  'GET /federation/export.csv': 'federation',
  'GET /diagnostics/:id/results': 'org',
  'POST /organisations/:orgId/diagnostics': 'org',
  'GET /diagnostics/:id': 'org',
  'GET /diagnostics/:id/themes/:theme': 'org',
  'POST /diagnostics/:id/answers/:questionCode': 'org',
  'POST /diagnostics/:id/themes/:theme': 'org',
  'POST /diagnostics/:id/submit': 'org',
};

// Visitors who should be refused go first, so that a write by an allowed visitor cannot change
// what a refused one sees.
const ACTORS = ['anonymous', 'memberOfOther', 'consultantOfOther', 'memberOfOrg', 'consultantOfRegion', 'admin'] as const;
type ActorName = (typeof ACTORS)[number];

const ALLOWED: Record<Exclude<Access, 'login' | 'public'>, readonly ActorName[]> = {
  'signed-in': ['memberOfOrg', 'memberOfOther', 'consultantOfRegion', 'consultantOfOther', 'admin'],
  org: ['memberOfOrg', 'consultantOfRegion', 'admin'],
  review: ['consultantOfRegion', 'admin'],
  federation: ['consultantOfRegion', 'consultantOfOther', 'admin'],
  admin: ['admin'],
};

function appRoutes(ctx: TestContext): string[] {
  const keys = new Set<string>();
  for (const r of ctx.app.routes) if (r.method !== 'ALL') keys.add(`${r.method} ${r.path}`);
  return [...keys].sort();
}

interface Fixture {
  ctx: TestContext;
  cookies: Record<ActorName, string>;
  csrf: Record<ActorName, string>;
  params: Record<string, string>;
}

async function fixture(): Promise<Fixture> {
  const ctx = makeApp();
  const { db } = ctx;
  const now = ctx.now.value;
  const orgA = org(db, { name: 'Structure A', region: 'Occitanie', types: ['ACI'] });
  const orgB = org(db, { name: 'Structure B', region: 'Bretagne', types: ['EI'], siret: '44306184100047' });
  const ids: Record<ActorName, string | null> = {
    anonymous: null,
    memberOfOrg: await user(db, 'member', 'a@cap.test', { organisationIds: [orgA] }),
    memberOfOther: await user(db, 'member', 'b@cap.test', { organisationIds: [orgB] }),
    consultantOfRegion: await user(db, 'consultant', 'c.occ@cap.test', { regions: ['Occitanie'] }),
    consultantOfOther: await user(db, 'consultant', 'c.bzh@cap.test', { regions: ['Bretagne'] }),
    admin: await user(db, 'admin', 'admin@cap.test'),
  };
  const diagId = 'diag-a-1';
  db.insert(diagnostics)
    .values({ id: diagId, organisationId: orgA, referentialId: 'cap-2023', status: 'submitted', mode: 'autodiagnostic', participants: [{ name: 'Alice', role: 'direction' }], createdBy: ids.memberOfOrg, createdAt: now.toISOString(), submittedAt: now.toISOString(), submittedBy: ids.memberOfOrg })
    .run();
  db.insert(answers).values({ diagnosticId: diagId, questionCode: 'ID-1.1', level: 2, na: false, comment: 'ok', updatedBy: ids.memberOfOrg, updatedByRole: 'member', updatedAt: now.toISOString(), revision: 1 }).run();
  db.insert(actions)
    .values({ id: 'action-a-1', diagnosticId: diagId, questionCode: 'ID-1.1', origin: 'proposed', themeSlug: 'identite', title: 'Écrire le projet', services: ['CAP-ACCOMPAGNE'], priority: 'haute', createdAt: now.toISOString(), updatedAt: now.toISOString() })
    .run();
  db.insert(reviewComments).values({ id: 'comment-a-1', diagnosticId: diagId, targetKind: 'diagnostic', target: '', authorId: ids.consultantOfRegion, body: 'Bien', createdAt: now.toISOString() }).run();
  const cookies = {} as Record<ActorName, string>;
  const csrf = {} as Record<ActorName, string>;
  for (const a of ACTORS) {
    const id = ids[a];
    if (!id) {
      cookies[a] = 'cap_csrf=anonymous-token-0123456789';
      csrf[a] = 'anonymous-token-0123456789';
      continue;
    }
    const s = createSession(db, id, now);
    cookies[a] = `${SESSION_COOKIE}=${s.token}`;
    csrf[a] = s.csrf;
  }
  return {
    ctx,
    cookies,
    csrf,
    params: {
      orgId: orgA,
      id: diagId,
      theme: 'identite',
      questionCode: 'ID-1.1',
      actionId: 'action-a-1',
      commentId: 'comment-a-1',
      userId: ids.memberOfOther!,
      code: 'CAP-RSE',
      refId: 'cap-2023',
    },
  };
}

function concretePath(route: string, params: Record<string, string>): string {
  return route.replace(/:(\w+)/g, (_, name: string) => {
    const v = params[name];
    if (!v) throw new Error(`no fixture value for :${name} in ${route}`);
    return encodeURIComponent(v);
  }).replace('/*', '/app.css');
}

async function call(f: Fixture, method: string, path: string, actor: ActorName) {
  const headers: Record<string, string> = { Cookie: f.cookies[actor] };
  if (method === 'GET') return f.ctx.app.request(path, { headers });
  return f.ctx.app.request(path, {
    method,
    headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: f.csrf[actor] }).toString(),
  });
}

describe('permission matrix over the route table', () => {
  it('has exactly one entry per route', async () => {
    const f = await fixture();
    const routes = appRoutes(f.ctx);
    const missing = routes.filter((r) => !(r in MATRIX));
    const stale = Object.keys(MATRIX).filter((r) => !routes.includes(r));
    expect(missing, 'routes without an entry in MATRIX').toEqual([]);
    expect(stale, 'MATRIX entries without a route').toEqual([]);
  });

  const routes = Object.entries(MATRIX).filter(([, access]) => access !== 'login');
  for (const [route, access] of routes) {
    it(`${route} (${access})`, async () => {
      const f = await fixture();
      const [method, pattern] = route.split(' ') as [string, string];
      const path = concretePath(pattern, f.params);
      const outcome: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const actor of ACTORS) {
        const res = await call(f, method, path, actor);
        const location = res.headers.get('Location') ?? '';
        outcome[actor] =
          res.status === 404 ? 'not found' : res.status === 403 ? 'forbidden' : res.status >= 500 ? `error ${res.status}` : location.startsWith('/login') ? 'to login' : 'allowed';
        if (access === 'public') expected[actor] = 'allowed';
        else if (actor === 'anonymous') expected[actor] = 'to login';
        else expected[actor] = ALLOWED[access as keyof typeof ALLOWED].includes(actor) ? 'allowed' : 'not found';
      }
      expect(outcome).toEqual(expected);
    });
  }
});
