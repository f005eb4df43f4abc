// The acceptance check: a CAP 2026 diagnostic started, through the pages, from the demo's
// CAP 2023 diagnostic (Garonne Services Emploi, an AI) is pre-filled for every question the
// mapping gives a source answered with a level, each answer marked « repris ».
import { describe, it, expect } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { Client, makeApp, text } from '../support/app.ts';
import { loadDemo } from '../../src/demo/index.ts';
import { DEMO_PASSWORD } from '../../src/demo/base.ts';
import { answers, diagnostics } from '../../src/db/schema.ts';
import { builtinReferentials } from '../../src/referential/store.ts';
import { originsOf } from '../../src/referential/mapping.ts';
import { isApplicable } from '../../src/scoring/index.ts';

describe('starting a CAP 2026 diagnostic from the demo’s CAP 2023 one', () => {
  it('pre-fills every mapped question whose source was answered with a level', async () => {
    const ctx = makeApp();
    const ids = await loadDemo(ctx.db, ctx.now.value);
    const orgId = ids.organisations[0]!;
    const rows = ctx.db.select().from(diagnostics).where(eq(diagnostics.organisationId, orgId)).all();
    const old = rows.find((d) => d.referentialId === 'cap-2023')!;
    expect(old.status).toBe('submitted');
    // The demo's own CAP 2026 draft is set aside (submitted), so that a new one can start.
    for (const d of rows.filter((r) => r.status === 'draft')) ctx.db.update(diagnostics).set({ status: 'submitted', submittedAt: ctx.now.value.toISOString() }).where(eq(diagnostics.id, d.id)).run();

    const member = new Client(ctx);
    await member.login('membre1@cap.test', DEMO_PASSWORD);
    await member.get(`/organisations/${orgId}`);
    const res = await member.post(`/organisations/${orgId}/diagnostics`, { mode: 'autodiagnostic', participantName: ['Sophie Durand'], participantRole: ['direction'], from: old.id });
    expect(res.status).toBe(303);
    const id = res.headers.get('Location')!.split('/').pop()!;
    expect(ctx.db.select().from(diagnostics).where(eq(diagnostics.id, id)).get()).toMatchObject({ referentialId: 'cap-2026', previousId: old.id });

    const cap2026 = builtinReferentials()[1]!;
    const origins = originsOf(cap2026.mapping!);
    const before = new Map(ctx.db.select().from(answers).where(eq(answers.diagnosticId, old.id)).all().map((a) => [a.questionCode, a]));
    const expected = cap2026.themes
      .flatMap((th) => th.criteria.flatMap((c) => c.questions))
      .filter((q) => isApplicable(q, ['AI']) && origins.get(q.code)?.sources.some((s) => typeof before.get(s)?.level === 'number'))
      .map((q) => q.code);
    expect(expected.length).toBeGreaterThan(60);
    for (const code of expected) {
      const a = ctx.db.select().from(answers).where(and(eq(answers.diagnosticId, id), eq(answers.questionCode, code))).get();
      expect(a?.prefilledFrom, code).toBeTruthy();
    }
    const overview = text(await (await member.get(`/diagnostics/${id}`)).text());
    expect(overview).toMatch(/\d+ réponses reprises du diagnostic du \d+ \S+ 2025/);
  }, 120_000);
});
