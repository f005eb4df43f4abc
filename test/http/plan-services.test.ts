// A service deactivated by an admin is no longer proposed in new plans, but stays on plans that
// already point to it.
import { describe, it, expect } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeApp, org } from '../support/app.ts';
import { insertDiagnostic } from '../support/plan.ts';
import { actions, services } from '../../src/db/schema.ts';
import { syncProposedActions, listActions } from '../../src/db/actions.ts';
import { getDiagnosticContext, scoreDiagnosticById } from '../../src/db/diagnostics.ts';

describe('deactivated services and the plan', () => {
  it('drops a deactivated service from new proposals and keeps it on stored actions', () => {
    const { db, now } = makeApp();
    const orgId = org(db, { types: ['ACI'] });
    const first = insertDiagnostic(db, { organisationId: orgId, types: ['ACI'], weak: 40 });
    const ctx1 = getDiagnosticContext(db, first.id)!;
    syncProposedActions(db, ctx1, scoreDiagnosticById(db, ctx1), null, now.value);
    const stored = listActions(db, first.id);
    const used = stored.flatMap((a) => a.services);
    const code = used.find((c) => used.filter((x) => x === c).length > 1)!;
    expect(code).toBeTruthy();

    db.update(services).set({ active: false }).where(eq(services.code, code)).run();

    // The plan already stored keeps the service.
    expect(listActions(db, first.id).some((a) => a.services.includes(code))).toBe(true);
    // A new diagnostic's plan no longer proposes it.
    const second = insertDiagnostic(db, { organisationId: orgId, types: ['ACI'], weak: 40, createdAt: '2026-02-01T09:00:00.000Z' });
    const ctx2 = getDiagnosticContext(db, second.id)!;
    syncProposedActions(db, ctx2, scoreDiagnosticById(db, ctx2), null, now.value);
    const fresh = db.select().from(actions).where(eq(actions.diagnosticId, second.id)).all();
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.some((a) => a.services.includes(code))).toBe(false);
  });
});
