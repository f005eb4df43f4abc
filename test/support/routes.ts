// The application's route table (Hono's app.routes) with a fixture that gives every route
// parameter a real value, and a session for each kind of visitor. Tests generated from the route
// table (permission matrix, no-500 suite) use it, so a new route is covered as soon as it exists.
import { makeApp, org, user, type TestContext } from './app.ts';
import { createSession, SESSION_COOKIE } from '../../src/auth/sessions.ts';
import { diagnostics, answers, actions, reviewComments, evidenceFiles, invitations, mailQueue } from '../../src/db/schema.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStore } from '../../src/evidence/store.ts';

/** Visitors who should be refused come first, so that a write by an allowed one cannot change what a refused one sees. */
export const ACTORS = ['anonymous', 'memberOfOther', 'consultantOfOther', 'memberOfOrg', 'consultantOfRegion', 'admin'] as const;
export type ActorName = (typeof ACTORS)[number];

export interface RouteFixture {
  ctx: TestContext;
  /** User ids (null for the anonymous visitor). */
  ids: Record<ActorName, string | null>;
  /** A value for every `:param` of the route table. */
  params: Record<string, string>;
  /** A fresh session for an actor: its Cookie header and CSRF token. */
  session(actor: ActorName): { cookie: string; csrf: string };
}

/** `METHOD /path` for every route of the app, sorted (ALL entries are middleware). */
export function appRoutes(ctx: TestContext): string[] {
  const keys = new Set<string>();
  for (const r of ctx.app.routes) if (r.method !== 'ALL') keys.add(`${r.method} ${r.path}`);
  return [...keys].sort();
}

/**
 * Two organisations (A in Occitanie, B in Bretagne), one account per kind of visitor, a submitted
 * diagnostic of A with an answer, an action, an evidence file and a review remark.
 */
export async function routeFixture(): Promise<RouteFixture> {
  const files = mkdtempSync(join(tmpdir(), 'cap-routes-'));
  process.once('exit', () => rmSync(files, { recursive: true, force: true }));
  const store = new FileStore(files).ensure();
  const ctx = makeApp({ evidence: { store } });
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
  const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
  const hash = createHash('sha256').update(pdf).digest('hex');
  writeFileSync(store.pathOf(hash), pdf);
  db.insert(evidenceFiles).values({ id: 'evidence-a-1', diagnosticId: diagId, questionCode: 'ID-1.1', hash, size: pdf.length, mime: 'application/pdf', name: 'preuve.pdf', uploadedBy: ids.memberOfOrg, uploadedAt: now.toISOString() }).run();
  db.insert(reviewComments).values({ id: 'comment-a-1', diagnosticId: diagId, targetKind: 'diagnostic', target: '', authorId: ids.consultantOfRegion, body: 'Bien', createdAt: now.toISOString() }).run();
  // A pending invitation to A (by the admin) and a failed message, for the routes that act on them.
  db.insert(invitations)
    .values({ id: 'invitation-a-1', tokenHash: 'hash-of-a-token', email: 'invitee@cap.test', name: 'Invitée', role: 'member', organisationIds: [orgA], regions: [], invitedBy: ids.admin, createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + 7 * 86_400_000).toISOString() })
    .run();
  db.insert(mailQueue)
    .values({ id: 'mail-a-1', kind: 'validated', recipient: 'a@cap.test', userId: ids.memberOfOrg, subject: 'Diagnostic validé', payload: {}, status: 'failed', attempts: 10, nextAttemptAt: now.toISOString(), lastError: 'ECONNREFUSED', createdAt: now.toISOString() })
    .run();
  return {
    ctx,
    ids,
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
      evidenceId: 'evidence-a-1',
      invitationId: 'invitation-a-1',
      memberId: ids.memberOfOrg!,
      mailId: 'mail-a-1',
      token: 'a-token-that-matches-nothing',
    },
    session(actor) {
      const id = ids[actor];
      if (!id) return { cookie: 'cap_csrf=anonymous-token-0123456789', csrf: 'anonymous-token-0123456789' };
      const s = createSession(db, id, ctx.now.value);
      return { cookie: `${SESSION_COOKIE}=${s.token}`, csrf: s.csrf };
    },
  };
}

/** A route pattern with the fixture's values (static files: a real one). */
export function concretePath(route: string, params: Record<string, string>): string {
  return route
    .replace(/:(\w+)/g, (_, name: string) => {
      const v = params[name];
      if (!v) throw new Error(`no fixture value for :${name} in ${route}`);
      return encodeURIComponent(v);
    })
    .replace('/*', '/app.css');
}
