// The loaded-resource guards: one middleware loads the diagnostic (or the organisation) named in
// the URL, checks the permission with can(), and puts it on `c.var` for the handler; anyone who may
// not see it gets 404, as if it did not exist, and an anonymous visitor is sent to log in. Handlers
// read `c.var.diagnostic` / `c.var.organisation` (declared in AppEnv) with no assertion; only a
// route behind the matching guard reads them (test/unit/architecture.test.ts checks it).
import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../context.ts';
import { t } from '../i18n/index.ts';
import { can, type Action } from '../auth/permissions.ts';
import { diagnosticScope, getDiagnosticContext } from '../db/diagnostics.ts';
import { getOrganisation, orgScope } from '../db/organisations.ts';
import { notFound, requireUser } from './guards.ts';

/** What changes an organisation's data: refused, for everyone, while the organisation is deactivated. */
const WRITES: ReadonlySet<Action> = new Set(['diagnostic.create', 'diagnostic.answer', 'diagnostic.submit', 'diagnostic.review', 'diagnostic.delete', 'plan.edit']);

/**
 * A deactivated organisation is read-only: its pages stay open, but a write answers 409 with a
 * French message (htmx swaps it in beside the control), before the handler reads anything.
 */
function refuseWritesWhenInactive(method: string, action: Action, organisation: { active: boolean }, writes = false): void {
  if (!organisation.active && (writes || WRITES.has(action)) && method !== 'GET' && method !== 'HEAD') {
    throw new HTTPException(409, { message: t.common.readOnlyOrganisation });
  }
}

/**
 * Loads `:id` as a diagnostic the signed-in user may `action`, into `c.var.diagnostic`. `writes`
 * marks a route that changes data under a reading permission (a reply to a remark needs only to
 * see the diagnostic): it is refused too while the organisation is deactivated.
 */
export function loadDiagnostic(action: Action, options: { writes?: boolean } = {}) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const user = c.get('user');
    if (!user) return requireUser(c, next);
    const ctx = getDiagnosticContext(c.get('deps').db, c.req.param('id') ?? '');
    if (!ctx || !can(user, action, diagnosticScope(ctx))) notFound();
    refuseWritesWhenInactive(c.req.method, action, ctx.organisation, options.writes);
    c.set('diagnostic', ctx);
    await next();
  });
}

/** Loads `:orgId` as an organisation the signed-in user may `action`, into `c.var.organisation`. */
export function loadOrganisation(action: Action) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const user = c.get('user');
    if (!user) return requireUser(c, next);
    const org = getOrganisation(c.get('deps').db, c.req.param('orgId') ?? '');
    if (!org || !can(user, action, orgScope(org))) notFound();
    refuseWritesWhenInactive(c.req.method, action, org);
    c.set('organisation', org);
    await next();
  });
}
