// The spreadsheets (ISO 9001 gap analysis, plan) from the texts a member can type or that older
// data holds: characters XML cannot carry (a workbook with one does not open: Excel « repairs »
// it, exceljs refuses it) and comments long enough that one clause's cell would pass Excel's
// 32,767 characters.
import { beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { Client, makeApp, org, user, type TestContext } from '../support/app.ts';
import { eq } from 'drizzle-orm';
import { createDiagnostic, created } from '../../src/db/diagnostic-writes.ts';
import { actions } from '../../src/db/schema.ts';
import { insertDiagnostic } from '../support/plan.ts';
import { builtinReferential } from '../../src/referential/store.ts';
import { MAX_LENGTH } from '../../src/validation/limits.ts';

const ref = builtinReferential();
const questions = ref.themes.flatMap((t) => t.criteria.flatMap((c) => c.questions.filter((q) => q.appliesTo.includes('ACI')).map((q) => ({ q, theme: t.slug }))));
// The requirement (ISO 9001 clause or ISO 26000 core subject) most questions inform: its
// « Commentaires » cell gathers all their comments.
const byRequirement = new Map<string, typeof questions>();
for (const x of questions) for (const key of [...x.q.iso9001, ...x.q.iso26000]) byRequirement.set(key, [...(byRequirement.get(key) ?? []), x]);
const [, crowded] = [...byRequirement].sort((a, b) => b[1].length - a[1].length)[0]!;

let ctx: TestContext;
let diagnosticId: string;
let orgId: string;
let member: Client;

beforeEach(async () => {
  ctx = makeApp();
  orgId = org(ctx.db, { name: 'Atelier d’Oc', region: 'Occitanie', types: ['ACI'] });
  const memberId = await user(ctx.db, 'member', 'membre@cap.test', { organisationIds: [orgId] });
  diagnosticId = created(createDiagnostic(ctx.db, { organisationId: orgId, referentialId: ref.id, mode: 'autodiagnostic', participants: [], userId: memberId }, ctx.now.value)).id;
  member = new Client(ctx);
  await member.login('membre@cap.test');
  await member.get(`/diagnostics/${diagnosticId}/themes/${crowded[0]!.theme}`);
});

async function workbook(): Promise<ExcelJS.Workbook> {
  const res = await member.get(`/diagnostics/${diagnosticId}/iso9001.xlsx`);
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await res.arrayBuffer()) as never);
  return wb;
}

describe('the ISO 9001 spreadsheet holds whatever the answers say', () => {
  it('opens although a comment holds characters XML cannot carry', async () => {
    const save = await member.post(`/diagnostics/${diagnosticId}/answers/${crowded[0]!.q.code}`, { level: '3', comment: 'Avant\u0001\u0002\u000b\u000c après \uffff\ufffe fin', revision: '0' });
    expect(save.status).toBe(303);
    const wb = await workbook();
    const cells = ['ISO 9001', 'ISO 26000'].flatMap((name) => wb.getWorksheet(name)!.getColumn(6).values.filter((v): v is string => typeof v === 'string'));
    expect(cells.some((v) => v.includes('Avant après  fin'))).toBe(true);
  });

  it('keeps every cell within Excel’s 32,767 characters, saying where the rest is', async () => {
    expect(crowded.length * MAX_LENGTH.answerComment).toBeGreaterThan(32_767);
    for (const { q } of crowded) {
      const comment = `${q.code} ${'Procédure écrite, appliquée et revue chaque année. '.repeat(60)}`.slice(0, MAX_LENGTH.answerComment);
      expect((await member.post(`/diagnostics/${diagnosticId}/answers/${q.code}`, { level: '3', comment, revision: '0' })).status).toBe(303);
    }
    const wb = await workbook();
    let cut = 0;
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const v = String(cell.value ?? '');
          expect(v.length).toBeLessThanOrEqual(32_767);
          if (v.endsWith('(la suite sur la page de l’analyse dans CAP)')) cut++;
        }),
      ),
    );
    expect(cut).toBeGreaterThan(0);
  });
});

describe('the plan spreadsheet holds whatever its actions say', () => {
  it('opens although an action’s texts, stored before today’s forms, hold characters XML cannot carry', async () => {
    const { id } = insertDiagnostic(ctx.db, { organisationId: orgId, types: ['ACI'], weak: 3 });
    await member.get(`/diagnostics/${id}/plan`);
    // Viewing a plan stores nothing: the proposed actions are put in place by the explicit step.
    await member.post(`/diagnostics/${id}/plan/sync`);
    const [first] = ctx.db.select().from(actions).where(eq(actions.diagnosticId, id)).all();
    ctx.db.update(actions).set({ notes: 'Note\u0001 reprise \uffff', owner: 'Jeanne\u0008' }).where(eq(actions.id, first!.id)).run();
    const res = await member.get(`/diagnostics/${id}/plan.xlsx`);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as never);
    const values = wb.getWorksheet('Plan d’actions')!.getSheetValues().flat().map(String);
    expect(values).toContain('Note reprise ');
    expect(values).toContain('Jeanne');
  });
});
