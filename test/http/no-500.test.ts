// No input makes CAP answer 500. Generated from the route table: every state-changing route gets
// bodies of the wrong content type, empty bodies, 1 MB of repeated fields, invalid UTF-8, broken
// percent-encoding and multipart, and JSON nested 100,000 levels deep, from each kind of visitor
// (the CSRF token in the header, as htmx sends it, so that the body reaches the route); every GET
// gets hostile query strings. Each answer is a 4xx (415 for a content type no route takes, 422 for
// a form it cannot use) or, for the few routes that take no field, their ordinary answer; and the
// server still answers /healthz afterwards.
import { describe, it, expect } from 'vitest';
import { makeApp } from '../support/app.ts';
import { ACTORS, appRoutes, concretePath, routeFixture, type ActorName } from '../support/routes.ts';
import { LIMITS } from '../../src/validation/limits.ts';

const FORM = 'application/x-www-form-urlencoded';

/** Routes that read no field: an empty form is an ordinary request for them. */
const FIELDLESS = new Set([
  'POST /logout',
  'POST /admin/users/:userId/active',
  'POST /admin/organisations/:orgId/active',
  'POST /admin/services/:code/active',
  'POST /admin/referentials/:refId/publish',
  'POST /admin/referentials/:refId/default',
  'POST /admin/users/:userId/delete',
  'POST /diagnostics/:id/actions/:actionId/restore',
  'POST /diagnostics/:id/submit',
  'POST /diagnostics/:id/validate',
  // Puts the proposed actions in place; marks a remark dealt with (« resolved=0 » reopens it).
  'POST /diagnostics/:id/plan/sync',
  'POST /diagnostics/:id/comments/:commentId/resolve',
  // Administrators' buttons on a diagnostic (reversible: no confirmation, no field).
  'POST /diagnostics/:id/archive',
  'POST /diagnostics/:id/unarchive',
  // Check boxes (an empty form unchecks them all) and buttons of the mail pages.
  'POST /account/notifications',
  'POST /admin/invitations/:invitationId/resend',
  'POST /admin/invitations/:invitationId/revoke',
  'POST /admin/mail/:mailId/resend',
  'POST /organisations/:orgId/invitations/:invitationId/resend',
  'POST /organisations/:orgId/invitations/:invitationId/revoke',
  'POST /organisations/:orgId/leads/:memberId',
]);

/** Routes that stream their own multipart body (an evidence file), after their guard. */
const STREAMED = new Set(['POST /diagnostics/:id/evidence/:questionCode']);

/** About 1 MB of the repeated fields the forms take (participants, memberships, types…), under the body limit. */
function repeatedFields(): string {
  const unit = 'participantName=Participant&participantRole=direction&organisationIds=x&regions=Occitanie&types=ACI&level=2&comment=c&';
  return unit.repeat(Math.floor((LIMITS.bodyBytes - 200) / unit.length));
}

const DEEP_JSON = '['.repeat(100_000) + ']'.repeat(100_000);

interface Variant {
  name: string;
  type?: string;
  body: BodyInit;
  /** The status every visitor gets, whatever the route (checked before sessions and routes). */
  always?: number;
}

const VARIANTS: Variant[] = [
  { name: 'JSON', type: 'application/json', body: '{"name":"JSON","level":"2"}', always: 415 },
  { name: 'JSON nested 100,000 levels', type: 'application/json', body: DEEP_JSON, always: 415 },
  { name: 'plain text', type: 'text/plain', body: 'name=texte', always: 415 },
  { name: 'XML', type: 'application/xml', body: '<a><b/></a>', always: 415 },
  { name: 'bytes', type: 'application/octet-stream', body: new Uint8Array([0, 1, 2, 255]), always: 415 },
  { name: 'empty form', type: FORM, body: '' },
  { name: 'no content type, no body', body: '' },
  { name: '1 MB of repeated fields', type: FORM, body: repeatedFields(), always: 422 },
  { name: 'invalid UTF-8', type: FORM, body: new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x3d, 0xff, 0xfe, 0xc3, 0x28]), always: 400 },
  { name: 'broken percent-encoding', type: FORM, body: 'name=%E0%A4%A&siret=%zz&types=%&comment=%C3%28' },
  { name: 'broken multipart', type: 'multipart/form-data; boundary=xyz', body: '--xyz\r\nnot a part', always: 400 },
  { name: 'JSON nested in a form field', type: FORM, body: `json=${encodeURIComponent('['.repeat(5000) + ']'.repeat(5000))}&name=x` },
];

const QUERIES = ['?region=%zz&type=%E0%A4%A&sort=%00', `?${'region=Occitanie&'.repeat(2000)}`, `?q=${'x'.repeat(8000)}&page=-1&from=2026-13-45`];

describe('no input answers 500', () => {
  it('covers every route of the table', async () => {
    const f = await routeFixture();
    const routes = appRoutes(f.ctx);
    expect(routes.filter((r) => r.startsWith('POST ')).length).toBeGreaterThan(20);
    for (const r of FIELDLESS) expect(routes, r).toContain(r);
  });

  // The route table is the same for every fixture: read once to name the tests.
  const routes = appRoutes(makeApp());
  for (const route of routes) {
    const [method, pattern] = route.split(' ') as [string, string];
    it(`${route}`, { timeout: 60_000 }, async () => {
      const f = await routeFixture();
      const path = concretePath(pattern, f.params);
      const seen: string[] = [];
      // Actors outer, admin last: an admin's toggle (deactivating a colleague) runs after the others.
      for (const actor of ACTORS) {
        const send = async (variant: Variant | null, query = '') => {
          const { cookie, csrf } = f.session(actor);
          const headers: Record<string, string> = { Cookie: cookie, 'X-CSRF-Token': csrf };
          if (variant?.type) headers['Content-Type'] = variant.type;
          const res = method === 'GET' ? await f.ctx.app.request(path + query, { headers }) : await f.ctx.app.request(path, { method, headers, body: variant!.body });
          await res.arrayBuffer();
          return res;
        };
        if (method === 'GET') {
          for (const q of QUERIES) {
            const res = await send(null, q);
            seen.push(`${actor} ${q.slice(0, 20)}: ${res.status}`);
            expect(res.status, `${actor} GET ${q.slice(0, 40)}`).toBeLessThan(500);
          }
          continue;
        }
        for (const variant of VARIANTS) {
          const res = await send(variant);
          const where = `${actor}, ${variant.name}: ${res.status}`;
          seen.push(where);
          expect(res.status, where).toBeLessThan(500);
          const ownMultipart = STREAMED.has(route) && (variant.type ?? '').startsWith('multipart/');
          if (variant.always && !ownMultipart) expect(res.status, where).toBe(variant.always);
          else if (!FIELDLESS.has(route)) expect(isRefusal(res, actor), where).toBe(true);
        }
      }
      const health = await f.ctx.app.request('/healthz');
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok' });
      expect(seen.length).toBeGreaterThan(0);
    });
  }
});

/** A 4xx, or, for the anonymous visitor, being sent to the login page. */
function isRefusal(res: Response, actor: ActorName): boolean {
  if (res.status >= 400 && res.status < 500) return true;
  return actor === 'anonymous' && res.status === 303 && (res.headers.get('Location') ?? '').startsWith('/login');
}
