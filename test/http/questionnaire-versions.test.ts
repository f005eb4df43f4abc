// A CAP 2026 diagnostic started from a CAP 2023 one: answers, comments and open actions follow the
// mapping of CAP 2026 (docs/referentiel.md, « Table de correspondance »), through the pages.
import { describe, it, expect, beforeAll } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { Client, makeApp, org, user, text, type TestContext } from '../support/app.ts';
import { actions, answers, diagnostics, evidenceFiles, serviceFollowUp } from '../../src/db/schema.ts';
import { builtinReferentials, setDefaultReferential } from '../../src/referential/store.ts';
import { originsOf } from '../../src/referential/mapping.ts';
import { isApplicable } from '../../src/scoring/index.ts';

const [CAP_2023, CAP_2026] = builtinReferentials() as [ReturnType<typeof builtinReferentials>[0], ReturnType<typeof builtinReferentials>[0]];
const questionsOf = (ref: typeof CAP_2023) => ref.themes.flatMap((th) => th.criteria.flatMap((c) => c.questions)).filter((q) => isApplicable(q, ['AI']));

describe('starting a CAP 2026 diagnostic from a CAP 2023 one', () => {
  let ctx: TestContext;
  let member: Client;
  let orgId: string;
  let first: string;
  let second: string;
  const stored = (diagnosticId: string, code: string) => ctx.db.select().from(answers).where(and(eq(answers.diagnosticId, diagnosticId), eq(answers.questionCode, code))).get();

  beforeAll(async () => {
    ctx = makeApp();
    orgId = org(ctx.db, { name: 'Garonne Services', types: ['AI'], region: 'Occitanie' });
    await user(ctx.db, 'member', 'sophie@cap.test', { organisationIds: [orgId] });
    member = new Client(ctx);
    await member.login('sophie@cap.test');
    const start = async (from: string) => {
      await member.get(`/organisations/${orgId}`);
      const res = await member.post(`/organisations/${orgId}/diagnostics`, { mode: 'autodiagnostic', participantName: ['Sophie Durand'], participantRole: ['direction'], from });
      expect(res.status).toBe(303);
      return res.headers.get('Location')!.split('/').pop()!;
    };

    // Last year, while CAP 2023 was the default: everything at level 2, with a few particulars.
    ctx.now.value = new Date('2025-03-10T09:00:00Z');
    setDefaultReferential(ctx.db, 'cap-2023', null, ctx.now.value);
    first = await start('');
    const special: Record<string, { level: string; comment: string }> = {
      'ID-1.1': { level: '3', comment: 'Charte adoptée en 2024' },
      'ID-1.3': { level: '2', comment: 'Livret d’accueil remis à chaque salarié' },
      'SV-1.2': { level: '1', comment: 'Entretien d’accueil pas toujours tracé' },
      'SV-7.1': { level: 'na', comment: 'Aucune mise à disposition en entreprise' },
    };
    for (const q of questionsOf(CAP_2023)) {
      const res = await member.post(`/diagnostics/${first}/answers/${q.code}`, { level: '2', comment: '', ...special[q.code], revision: '0' });
      expect(res.status, q.code).toBe(303);
    }
    expect(stored(first, 'SV-7.1')).toMatchObject({ na: true });
    expect((await member.post(`/diagnostics/${first}/submit`, { confirm: '1' })).status).toBe(303);
    // Its plan: one action per answer below level 3; the one on ID-3.2 is done.
    await member.get(`/diagnostics/${first}/plan`);
    ctx.db.update(actions).set({ status: 'done' }).where(and(eq(actions.diagnosticId, first), eq(actions.questionCode, 'ID-3.2'))).run();

    // A document proved ID-1.3 (a row is enough: carrying evidence copies rows, not bytes).
    const file = { hash: 'a'.repeat(64), size: 1000, mime: 'application/pdf', name: 'Livret d’accueil.pdf', uploadedBy: null, uploadedAt: '2025-03-10T09:30:00.000Z', carriedFromId: null };
    ctx.db.insert(evidenceFiles).values({ ...file, id: 'ev-1', diagnosticId: first, questionCode: 'ID-1.3' }).run();

    // This year CAP 2026 is the default again, and the new diagnostic starts from last year's.
    ctx.now.value = new Date('2026-03-02T09:00:00Z');
    setDefaultReferential(ctx.db, 'cap-2026', null, ctx.now.value);
    second = await start(first);
  }, 120_000);

  it('takes the new version, and the old answers through the mapping, marked « repris »', async () => {
    const row = ctx.db.select().from(diagnostics).where(eq(diagnostics.id, second)).get()!;
    expect(row).toMatchObject({ referentialId: 'cap-2026', previousId: first });
    // Same code, same question: level and comment as they were.
    expect(stored(second, 'ID-1.1')).toMatchObject({ level: 3, comment: 'Charte adoptée en 2024', prefilledFrom: '2025-03-10T09:00:00.000Z', revision: 1 });
    // SV-1.2 merges ID-1.3 (2) and SV-1.2 (1): the lowest level, each comment under its former code.
    expect(stored(second, 'SV-1.2')).toMatchObject({ level: 1, comment: '[ID-1.3] Livret d’accueil remis à chaque salarié\n\n[SV-1.2] Entretien d’accueil pas toujours tracé' });
    // N/A goes where the new question allows it (SV-7.1), not where it does not (SV-7.5).
    expect(stored(second, 'SV-7.1')).toMatchObject({ na: true, level: null });
    expect(stored(second, 'SV-7.5')).toBeUndefined();
    // A question new in CAP 2026 is left to answer.
    expect(stored(second, 'ID-7.1')).toBeUndefined();
    // Every CAP 2026 question whose sources were answered with a level has its answer.
    const origins = originsOf(CAP_2026.mapping!);
    for (const q of questionsOf(CAP_2026)) {
      const origin = origins.get(q.code);
      if (!origin || origin.sources.some((s) => s === 'SV-7.1')) continue;
      expect(stored(second, q.code)?.prefilledFrom, q.code).toBe('2025-03-10T09:00:00.000Z');
    }
    const prefilled = ctx.db.select().from(answers).where(eq(answers.diagnosticId, second)).all();
    expect(prefilled.every((a) => CAP_2026.themes.some((th) => th.criteria.some((c) => c.questions.some((q) => q.code === a.questionCode))))).toBe(true);
    const overview = text(await (await member.get(`/diagnostics/${second}`)).text());
    expect(overview).toContain(`${prefilled.length} réponses reprises du diagnostic du 10 mars 2025`);
    const services = text(await (await member.get(`/diagnostics/${second}/themes/services`)).text());
    expect(services).toContain('Repris du diagnostic du 10 mars 2025');
    expect(services).toContain('[ID-1.3] Livret d’accueil remis à chaque salarié');
  });

  it('flags a carried action whose question is now a legal obligation below compliance « à sécuriser », on the results and in the plan', async () => {
    // CAP 2023's FS-6.4 (data security) was not legal; CAP 2026's is, met from level 3. Answered 2.
    const legalNow = new Set(questionsOf(CAP_2026).filter((q) => q.legal && (q.complianceLevel ?? 2) > 2).map((q) => q.code));
    const carried = ctx.db.select().from(actions).where(eq(actions.diagnosticId, second)).all().filter((a) => a.questionCode && legalNow.has(a.questionCode));
    const stale = carried.filter((a) => a.priority !== 'obligation');
    expect(stale.map((a) => a.questionCode)).toContain('FS-6.4');
    // The questions new in CAP 2026 answered too, so that results show.
    for (const q of questionsOf(CAP_2026)) {
      if (stored(second, q.code)) continue;
      expect((await member.post(`/diagnostics/${second}/answers/${q.code}`, { level: '2', comment: '', revision: '0' })).status, q.code).toBe(303);
    }
    // The results' three priorities are obligations to secure, and say so whatever was stored.
    const results = text(await (await member.get(`/diagnostics/${second}/results`)).text());
    const box = results.slice(results.indexOf('Priorités'), results.indexOf('Tout le plan de progrès'));
    expect(box.match(/Obligation légale à sécuriser/g)).toHaveLength(3);
    expect(box).not.toMatch(/Haute|Moyenne|Basse/);
    // The plan shows carried actions with their priority derived again, like proposed ones; viewing
    // it stores nothing, « Mettre le plan à jour » stores them.
    const plan = await member.get(`/diagnostics/${second}/plan`);
    expect(plan.status).toBe(200);
    expect(text(await plan.text())).toContain('Obligation légale à sécuriser');
    for (const a of stale) expect(ctx.db.select().from(actions).where(eq(actions.id, a.id)).get()!.priority, a.questionCode!).toBe(a.priority);
    expect((await member.post(`/diagnostics/${second}/plan/sync`, {})).status).toBe(303);
    for (const a of stale) expect(ctx.db.select().from(actions).where(eq(actions.id, a.id)).get()!.priority, a.questionCode!).toBe('obligation');
  });

  it('carries the open actions to the questions that take them over', async () => {
    // (The plan, stored above, has since proposed actions for the questions new in CAP 2026.)
    const carried = ctx.db.select().from(actions).where(eq(actions.diagnosticId, second)).all().filter((a) => a.origin === 'carried');
    const open = ctx.db.select().from(actions).where(eq(actions.diagnosticId, first)).all().filter((a) => a.status !== 'done');
    expect(carried).toHaveLength(open.length);
    expect(new Set(carried.map((a) => a.carriedFromId))).toEqual(new Set(open.map((a) => a.id)));
    // ID-1.3 is now part of SV-1.2, in the services theme.
    const fromId13 = open.find((a) => a.questionCode === 'ID-1.3')!;
    expect(carried.find((a) => a.carriedFromId === fromId13.id)).toMatchObject({ questionCode: 'SV-1.2', themeSlug: 'services', title: fromId13.title });
    // Every carried action points at a question of CAP 2026 (or none).
    const codes = new Set(CAP_2026.themes.flatMap((th) => th.criteria.flatMap((c) => c.questions.map((q) => q.code))));
    for (const a of carried) if (a.questionCode) expect(codes.has(a.questionCode), a.questionCode).toBe(true);
    expect((await member.get(`/diagnostics/${second}/plan`)).status).toBe(200);
  });

  it('moves evidence to the question that takes over its own', () => {
    const moved = ctx.db.select().from(evidenceFiles).where(eq(evidenceFiles.diagnosticId, second)).all();
    expect(moved.map((e) => [e.questionCode, e.name, e.carriedFromId])).toEqual([['SV-1.2', 'Livret d’accueil.pdf', 'ev-1']]);
  });

  it('compares last year’s completed actions through the mapping for the federation’s services followed by progress', async () => {
    // The done action on CAP 2023's ID-3.2 calls on a service; the CAP 2026 question taking ID-3.2
    // over is answered one level higher (its sources were at 2), and the diagnostic submitted.
    const done = ctx.db.select().from(actions).where(and(eq(actions.diagnosticId, first), eq(actions.questionCode, 'ID-3.2'))).get()!;
    const services = done.services.length ? done.services : ['SRV-TEST'];
    ctx.db.update(actions).set({ services }).where(eq(actions.id, done.id)).run();
    const origins = originsOf(CAP_2026.mapping!);
    const heir = questionsOf(CAP_2026).find((q) => origins.get(q.code)?.sources.includes('ID-3.2'))!;
    expect(origins.get(heir.code)!.sources.every((code) => stored(first, code)?.level === 2)).toBe(true);
    const res = await member.post(`/diagnostics/${second}/answers/${heir.code}`, { level: '3', comment: '', revision: String(stored(second, heir.code)!.revision) });
    expect(res.status).toBe(303);
    expect((await member.post(`/diagnostics/${second}/submit`, { confirm: '1' })).status).toBe(303);
    expect(ctx.db.select().from(diagnostics).where(eq(diagnostics.id, second)).get()!.status).toBe('submitted');
    // Stored where the data changed: this structure's share counts the action, followed by progress.
    const row = ctx.db.select().from(serviceFollowUp).where(eq(serviceFollowUp.organisationId, orgId)).get()!;
    expect(row.diagnosticId).toBe(second);
    expect(row.services).toEqual(Object.fromEntries([...new Set(services)].map((code) => [code, [1, 1]])));
  });
});
