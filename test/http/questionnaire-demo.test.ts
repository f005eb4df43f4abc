// The demo diagnostics: what membre1 and membre2 find, and loading twice changes nothing.
import { describe, it, expect } from 'vitest';
import { eq } from 'drizzle-orm';
import { Client, makeApp, text } from '../support/app.ts';
import { loadBaseDemo, DEMO_PASSWORD } from '../../src/demo/base.ts';
import { loadDiagnosticsDemo } from '../../src/demo/diagnostics.ts';
import { answers, diagnostics } from '../../src/db/schema.ts';
import { listOrganisationDiagnostics } from '../../src/db/diagnostics.ts';

describe('demo diagnostics', () => {
  it('gives membre1 a submitted CAP 2023 diagnostic from a year ago and a half-reviewed CAP 2026 draft, membre2 a draft', async () => {
    const ctx = makeApp();
    const ids = await loadBaseDemo(ctx.db, ctx.now.value);
    loadDiagnosticsDemo(ctx.db, ids, ctx.now.value);
    const count = () => ({ d: ctx.db.select().from(diagnostics).all().length, a: ctx.db.select().from(answers).all().length });
    const first = count();
    loadDiagnosticsDemo(ctx.db, ids, ctx.now.value);
    expect(count()).toEqual(first);

    const [draft, submitted] = listOrganisationDiagnostics(ctx.db, ids.organisations[0]!);
    expect(submitted!.status).toBe('submitted');
    expect(submitted!.mode).toBe('accompagne');
    expect(submitted!.submittedAt!.slice(0, 10)).toBe('2025-03-02');
    expect(submitted!.overallScore).toBeGreaterThan(20);
    expect(draft!.status).toBe('draft');
    expect(draft!.previousId).toBe(submitted!.id);
    // Last year's version, then this year's, the answers carried through the mapping.
    expect(submitted!.referentialId).toBe('cap-2023');
    expect(draft!.referentialId).toBe('cap-2026');
    const draftAnswers = ctx.db.select().from(answers).where(eq(answers.diagnosticId, draft!.id)).all();
    const prefilled = draftAnswers.filter((a) => a.prefilledFrom).length;
    expect(prefilled).toBeGreaterThan(draftAnswers.length / 3);
    expect(prefilled).toBeLessThan(draftAnswers.length * 0.7);
    const old = ctx.db.select().from(answers).where(eq(answers.diagnosticId, submitted!.id)).all();
    expect(old.some((a) => a.updatedByRole === 'consultant')).toBe(true);
    expect(old.filter((a) => a.comment).length).toBeGreaterThan(old.length / 2);

    const c = new Client(ctx);
    await c.login('membre1@cap.test', DEMO_PASSWORD);
    const overview = text(await (await c.get(`/diagnostics/${submitted!.id}`)).text());
    expect(overview).toContain('Accompagné par la fédération');
    expect(overview).toMatch(/(\d+) \/ \1 questions répondues/);
    const theme = text(await (await c.get(`/diagnostics/${submitted!.id}/themes/identite`)).text());
    expect(theme).toMatch(/Répondu par (Sophie Durand \(membre\)|Inès Martin \(conseiller·ère fédéral·e\)) le \d+ \S+ 2025 à \d\d:\d\d/);
    const reviewed = text(await (await c.get(`/diagnostics/${draft!.id}/themes/fonctions-support`)).text());
    expect(reviewed).toContain('Repris du diagnostic du');
    // FS-1.5 of CAP 2026 takes over FS-1.2 of CAP 2023: its comment keeps the former code.
    const fs15 = ctx.db.select().from(answers).where(eq(answers.diagnosticId, draft!.id)).all().find((a) => a.questionCode === 'FS-1.5');
    expect(fs15?.prefilledFrom).toBeTruthy();
    if (fs15!.comment) expect(fs15!.comment).toMatch(/^\[FS-1\.2\] /);
    // The comparison on the results page goes through the mapping too.
    const results = text(await (await c.get(`/diagnostics/${draft!.id}/results`)).text());
    expect(results).toContain('Le diagnostic précédent suivait la version CAP 2023 du référentiel');

    const [jardins] = listOrganisationDiagnostics(ctx.db, ids.organisations[1]!);
    expect(jardins!.status).toBe('draft');
    const m2 = new Client(ctx);
    await m2.login('membre2@cap.test', DEMO_PASSWORD);
    const list = text(await (await m2.get(`/organisations/${ids.organisations[1]}`)).text());
    expect(list).toContain('Brouillon');
    expect((await m2.get(`/diagnostics/${submitted!.id}`)).status).toBe(404);
  });
});
