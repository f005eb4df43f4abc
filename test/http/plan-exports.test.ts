// The plan outside CAP (issue 14): /diagnostics/:id/plan.xlsx read back with exceljs and
// /diagnostics/:id/plan.ics read back with ical.js, on the demo's Chantier des Terrils answered at
// low levels; and the plans stored before titles existed, whose cut titles are replaced once.
import { describe, it, expect, beforeAll } from 'vitest';
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { eq } from 'drizzle-orm';
import { Client, makeApp, type TestContext } from '../support/app.ts';
import { insertTerrilsDiagnostic } from '../support/terrils.ts';
import { loadDemo } from '../../src/demo/index.ts';
import { DEMO_PASSWORD } from '../../src/demo/base.ts';
import { listActions } from '../../src/db/actions.ts';
import { actions as actionsTable, auditEvents } from '../../src/db/schema.ts';
import { getDiagnosticContext } from '../../src/db/diagnostics.ts';
import { indexOf } from '../../src/referential/lookup.ts';
import { upgradeLegacyActionTitles } from '../../src/db/action-titles.ts';
import { legacyActionTitle } from '../../src/plan/legacy-titles.ts';
import { t } from '../../src/i18n/index.ts';
import { withRevision } from '../support/plan.ts';

let ctx: TestContext;
let id: string;
let member: Client;

beforeAll(async () => {
  ctx = makeApp();
  await loadDemo(ctx.db, ctx.now.value);
  id = insertTerrilsDiagnostic(ctx.db);
  member = new Client(ctx);
  await member.login('membre5@cap.test', DEMO_PASSWORD);
  await member.get(`/diagnostics/${id}/plan`);
  const rows = listActions(ctx.db, id);
  // Two open actions with a due date (one past), one done with a due date, one dropped with one.
  await member.post(`/diagnostics/${id}/actions/${rows[0]!.id}`, withRevision(ctx.db, rows[0]!.id, { owner: 'Nadia Lefebvre', dueDate: '2026-04-30', status: 'in_progress', notes: '=SOMME(A1:A2) reste du texte' }));
  await member.post(`/diagnostics/${id}/actions/${rows[1]!.id}`, withRevision(ctx.db, rows[1]!.id, { dueDate: '2026-01-15' }));
  await member.post(`/diagnostics/${id}/actions/${rows[2]!.id}`, withRevision(ctx.db, rows[2]!.id, { dueDate: '2026-05-01', status: 'done' }));
  await member.post(`/diagnostics/${id}/actions/${rows[3]!.id}`, withRevision(ctx.db, rows[3]!.id, { dueDate: '2026-06-01' }));
  await member.post(`/diagnostics/${id}/actions/${rows[3]!.id}/drop`, { reason: 'Reprise par le GES' });
}, 60_000);

describe('GET /diagnostics/:id/plan.xlsx', () => {
  let res: Response;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    res = await member.get(`/diagnostics/${id}/plan.xlsx`);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
  });

  it('is a real workbook, downloaded under the structure’s name', () => {
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('Content-Disposition')).toBe('attachment; filename="plan-de-progres-chantier-des-terrils-demo-2026-03-02.xlsx"');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Plan d’actions', 'À propos']);
  });

  it('has one row per action, French headers, filters on, due dates as dates, titles and texts whole', () => {
    const ws = wb.getWorksheet('Plan d’actions')!;
    expect(ws.getRow(1).values).toEqual([undefined, ...t.plan.xlsx.headers]);
    const rows = listActions(ctx.db, id);
    expect(ws.rowCount).toBe(1 + rows.length);
    expect(ws.autoFilter).toBeTruthy();
    const index = indexOf(getDiagnosticContext(ctx.db, id)!.referential);
    const byTitle = new Map(rows.map((a) => [a.title, a]));
    for (let r = 2; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const title = String(row.getCell(3).value);
      expect(title).not.toMatch(/…$/);
      const a = byTitle.get(title)!;
      expect(a, title).toBeTruthy();
      expect(row.getCell(4).value).toBe(index.questions.get(a.questionCode!)!.question.recommendation.text);
    }
    // The first rows are the priorities: legal obligations first.
    expect(ws.getRow(2).getCell(2).value).toBe('Obligation légale à sécuriser');
    const due = ws.getColumn(8).values.filter((v) => v instanceof Date) as Date[];
    expect(due.map((d) => d.toISOString().slice(0, 10)).sort()).toEqual(['2026-01-15', '2026-04-30', '2026-05-01', '2026-06-01']);
    const late = (ws.getColumn(3).values as unknown[]).indexOf(rows[1]!.title);
    expect(ws.getRow(late).getCell(10).value).toBe('oui');
    expect(ws.getRow(late).getCell(8).numFmt).toBe('dd/mm/yyyy');
    // A note that looks like a formula stays text.
    const noted = (ws.getColumn(3).values as unknown[]).indexOf(rows[0]!.title);
    expect(ws.getRow(noted).getCell(14).value).toBe('=SOMME(A1:A2) reste du texte');
    expect(ws.getRow(noted).getCell(14).formula).toBeUndefined();
    // Done and dropped actions close the table.
    expect(ws.getRow(ws.rowCount).getCell(9).value).toBe('abandonnée');
    expect(ws.getRow(ws.rowCount).getCell(15).value).toBe('Reprise par le GES');
  });

  it('says what it is on its second sheet', () => {
    const text = (wb.getWorksheet('À propos')!.getColumn(2).values as unknown[]).join('\n');
    expect(text).toContain('Chantier des Terrils (démo)');
    expect(text).toContain('Hauts-de-France');
    expect(text).toContain('2 mars 2026');
  });
});

describe('GET /diagnostics/:id/plan.ics', () => {
  it('is a calendar with one all-day event per open action with a due date', async () => {
    const res = await member.get(`/diagnostics/${id}/plan.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('Content-Disposition')).toBe('attachment; filename="plan-de-progres-chantier-des-terrils-demo-2026-03-02.ics"');
    const body = await res.text();
    const cal = new ICAL.Component(ICAL.parse(body));
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('Plan de progrès — Chantier des Terrils (démo)');
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const rows = listActions(ctx.db, id);
    expect(events.map((e) => e.summary).sort()).toEqual([`Échéance : ${rows[0]!.title}`, `Échéance : ${rows[1]!.title}`].map((s) => s.replace(' :', '\u00a0:')).sort());
    const first = events.find((e) => e.summary.endsWith(rows[0]!.title))!;
    expect(first.startDate.isDate).toBe(true);
    expect(first.startDate.toString()).toBe('2026-04-30');
    expect(first.endDate.toString()).toBe('2026-05-01');
    expect(first.uid).toBe(`action-${rows[0]!.id}@localhost`);
    expect(first.description).toContain(rows[0]!.description);
    expect(first.description).toContain('Nadia Lefebvre');
    expect(first.description).toContain(`http://localhost/diagnostics/${id}/plan#action-${rows[0]!.id}`);
  });

  it('is an empty calendar, still valid, when no open action has a due date; 404 for a stranger', async () => {
    const other = insertTerrilsDiagnostic(ctx.db, { createdAt: '2026-02-20T09:00:00.000Z' });
    const res = await member.get(`/diagnostics/${other}/plan.ics`);
    const cal = new ICAL.Component(ICAL.parse(await res.text()));
    expect(cal.getAllSubcomponents('vevent')).toHaveLength(0);
    const stranger = new Client(ctx);
    await stranger.login('membre1@cap.test', DEMO_PASSWORD);
    expect((await stranger.get(`/diagnostics/${id}/plan.ics`)).status).toBe(404);
    expect((await stranger.get(`/diagnostics/${id}/plan.xlsx`)).status).toBe(404);
  });
});

describe('plans stored before recommendations had titles', () => {
  it('get the recommendation’s title in place of the cut one, once; a title a member wrote is kept', () => {
    const diag = insertTerrilsDiagnostic(ctx.db, { createdAt: '2026-02-25T09:00:00.000Z' });
    const c = getDiagnosticContext(ctx.db, diag)!;
    const index = indexOf(c.referential);
    const [q1, q2] = index.entries.slice(0, 2).map((e) => e.question);
    const at = ctx.now.value.toISOString();
    const row = (aid: string, code: string, title: string) => ({ id: aid, diagnosticId: diag, questionCode: code, origin: 'proposed' as const, themeSlug: 'identite', title, services: [], priority: 'haute', createdAt: at, updatedAt: at });
    ctx.db.insert(actionsTable).values([row('legacy-1', q1!.code, legacyActionTitle(q1!.recommendation.text)), row('legacy-2', q2!.code, 'Notre propre intitulé')]).run();
    expect(legacyActionTitle(q1!.recommendation.text)).not.toBe(q1!.recommendation.title);

    expect(upgradeLegacyActionTitles(ctx.db, ctx.now.value)).toBe(1);
    const titles = new Map(listActions(ctx.db, diag).map((a) => [a.id, a.title]));
    expect(titles.get('legacy-1')).toBe(q1!.recommendation.title);
    expect(titles.get('legacy-2')).toBe('Notre propre intitulé');
    const events = ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'retitle')).all();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entity: 'plan', entityId: diag, userId: null });
    // Once per database.
    ctx.db.update(actionsTable).set({ title: legacyActionTitle(q1!.recommendation.text) }).where(eq(actionsTable.id, 'legacy-1')).run();
    expect(upgradeLegacyActionTitles(ctx.db, ctx.now.value)).toBe(0);
  });
});
