// The permission matrix, generated from the application's own route table: every route is called
// by each kind of visitor and must answer as its access class says. A route added without an entry
// below makes this test fail, and so does an entry whose route no longer exists.
import { describe, it, expect } from 'vitest';
import { ACTORS, appRoutes, concretePath, routeFixture, type ActorName, type RouteFixture } from '../support/routes.ts';

/**
 * Access classes:
 * - public: anyone, signed in or not;
 * - login: the login/logout/setup forms (their own rules, checked in foundation tests);
 * - signed-in: any signed-in user;
 * - org: members of the organisation, consultants of its region, admins (organisation.view,
 *   diagnostic.*, plan.edit);
 * - review: consultants of the region and admins (diagnostic.review);
 * - creator: whoever created the diagnostic (here a member of the organisation) and admins
 *   (diagnostic.delete);
 * - federation: consultants and admins;
 * - invite: who may invite members of the organisation — consultants of its region, admins (and its
 *   lead, who is no visitor of the fixture: test/http/invitations.test.ts);
 * - members: consultants of the region and admins (marking the structure's leads);
 * - admin: admins only.
 * The pages reached by a link from an e-mail (invitation, password reset, unsubscribe) are 'login':
 * their own rules, checked in their own tests.
 */
type Access = 'public' | 'login' | 'signed-in' | 'org' | 'review' | 'creator' | 'invite' | 'members' | 'federation' | 'admin';

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
  'GET /organisations/suggestions': 'signed-in',
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
  'GET /admin/organisations': 'admin',
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
  'GET /diagnostics/:id/plan.xlsx': 'org',
  'GET /diagnostics/:id/plan.ics': 'org',
  'POST /diagnostics/:id/actions': 'org',
  'POST /diagnostics/:id/actions/:actionId': 'org',
  'POST /diagnostics/:id/actions/:actionId/drop': 'org',
  'POST /diagnostics/:id/actions/:actionId/restore': 'org',
  'GET /diagnostics/:id/export.csv': 'org',
  'GET /diagnostics/:id/history': 'org',
  'POST /diagnostics/:id/comments': 'review',
  'POST /diagnostics/:id/comments/:commentId/replies': 'org',
  'POST /diagnostics/:id/comments/:commentId/resolve': 'org',
  'POST /diagnostics/:id/plan/sync': 'org',
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
  'POST /diagnostics/:id/evidence/:questionCode': 'org',
  'GET /diagnostics/:id/evidence/fichier/:evidenceId': 'org',
  'POST /diagnostics/:id/evidence/fichier/:evidenceId/retirer': 'org',
  'GET /diagnostics/:id/iso9001': 'org',
  'GET /diagnostics/:id/iso9001.xlsx': 'org',
  'GET /federation/progres': 'federation',
  'GET /questionnaire-vierge': 'signed-in',
  'GET /questionnaire-vierge.pdf': 'signed-in',
  'GET /organisations/new': 'federation',
  'POST /organisations/new': 'federation',
  'POST /organisations/:orgId/invitations': 'invite',
  'POST /organisations/:orgId/invitations/:invitationId/resend': 'invite',
  'POST /organisations/:orgId/invitations/:invitationId/revoke': 'invite',
  'POST /organisations/:orgId/leads/:memberId': 'members',
  'POST /account/notifications': 'signed-in',
  'GET /invitations/:token': 'login',
  'POST /invitations/:token': 'login',
  'GET /password-reset': 'login',
  'POST /password-reset': 'login',
  'GET /password-reset/:token': 'login',
  'POST /password-reset/:token': 'login',
  'GET /unsubscribe/:token': 'login',
  'POST /unsubscribe/:token': 'login',
  'GET /admin/invitations': 'admin',
  'POST /admin/invitations': 'admin',
  'POST /admin/invitations/:invitationId/resend': 'admin',
  'POST /admin/invitations/:invitationId/revoke': 'admin',
  'GET /admin/mail': 'admin',
  'POST /admin/mail/:mailId/resend': 'admin',
  'GET /diagnostics/:id/delete': 'creator',
  'POST /diagnostics/:id/delete': 'creator',
  'POST /diagnostics/:id/archive': 'admin',
  'POST /diagnostics/:id/unarchive': 'admin',
};

const ALLOWED: Record<Exclude<Access, 'login' | 'public'>, readonly ActorName[]> = {
  'signed-in': ['memberOfOrg', 'memberOfOther', 'consultantOfRegion', 'consultantOfOther', 'admin'],
  org: ['memberOfOrg', 'consultantOfRegion', 'admin'],
  review: ['consultantOfRegion', 'admin'],
  invite: ['consultantOfRegion', 'admin'],
  members: ['consultantOfRegion', 'admin'],
  creator: ['memberOfOrg', 'admin'],
  federation: ['consultantOfRegion', 'consultantOfOther', 'admin'],
  admin: ['admin'],
};

async function call(f: RouteFixture, sessions: Record<ActorName, { cookie: string; csrf: string }>, method: string, path: string, actor: ActorName) {
  const headers: Record<string, string> = { Cookie: sessions[actor].cookie };
  if (method === 'GET') return f.ctx.app.request(path, { headers });
  return f.ctx.app.request(path, {
    method,
    headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: sessions[actor].csrf }).toString(),
  });
}

describe('permission matrix over the route table', () => {
  it('has exactly one entry per route', async () => {
    const f = await routeFixture();
    const routes = appRoutes(f.ctx);
    const missing = routes.filter((r) => !(r in MATRIX));
    const stale = Object.keys(MATRIX).filter((r) => !routes.includes(r));
    expect(missing, 'routes without an entry in MATRIX').toEqual([]);
    expect(stale, 'MATRIX entries without a route').toEqual([]);
  });

  const routes = Object.entries(MATRIX).filter(([, access]) => access !== 'login');
  for (const [route, access] of routes) {
    it(`${route} (${access})`, async () => {
      const f = await routeFixture();
      const sessions = Object.fromEntries(ACTORS.map((a) => [a, f.session(a)])) as Record<ActorName, { cookie: string; csrf: string }>;
      const [method, pattern] = route.split(' ') as [string, string];
      const path = concretePath(pattern, f.params);
      const outcome: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const actor of ACTORS) {
        const res = await call(f, sessions, method, path, actor);
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
