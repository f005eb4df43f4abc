// The loaded-resource guards: one middleware loads the diagnostic (or the organisation) named in
// the URL, checks the permission with can(), and puts it on `c.var` for the handler; anyone who may
// not see it gets 404, as if it did not exist, and an anonymous visitor is sent to log in. Handlers
// read `c.var.diagnostic` / `c.var.organisation` (declared in AppEnv) with no assertion; only a
// route behind the matching guard reads them (test/unit/architecture.test.ts checks it).
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.ts';
import { can, type Action } from '../auth/permissions.ts';
import { diagnosticScope, getDiagnosticContext } from '../db/diagnostics.ts';
import { getOrganisation, orgScope } from '../db/organisations.ts';
import { notFound, requireUser } from './guards.ts';

/** Loads `:id` as a diagnostic the signed-in user may `action`, into `c.var.diagnostic`. */
export function loadDiagnostic(action: Action) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const user = c.get('user');
    if (!user) return requireUser(c, next);
    const ctx = getDiagnosticContext(c.get('deps').db, c.req.param('id') ?? '');
    if (!ctx || !can(user, action, diagnosticScope(ctx))) notFound();
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
    c.set('organisation', org);
    await next();
  });
}
