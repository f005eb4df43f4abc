import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { builtinReferentials } from '../../src/referential/store.ts';
import { ISO9001_CLAUSES } from '../../src/referential/schema.ts';
import { scoreDiagnostic, type Level } from '../../src/scoring/index.ts';
import { gapQuestionsOf } from '../../src/scoring/gap-analysis.ts';
import { gapReport } from '../../src/certification/report.ts';
import { renderGapWorkbook } from '../../src/certification/xlsx.ts';

// CAP 2023, which informs no clause 8.1 (CAP 2026 does).
const ref = builtinReferentials().find((r) => r.id === 'cap-2023')!;

async function workbook(levels: Record<string, Level>, comments: Record<string, string>) {
  const scores = scoreDiagnostic(ref, ['ACI'], new Map(Object.entries(levels)));
  const report = gapReport(
    { organisation: { name: 'Atelier d’Oc', types: ['ACI'], region: 'Occitanie' }, date: new Date('2026-03-02T10:00:00Z'), diagnostic: { startedAt: new Date('2026-02-01T10:00:00Z'), status: 'Brouillon' }, referentialLabel: 'CAP 2023' },
    {
      questions: gapQuestionsOf(ref, scores.questions, new Map(Object.entries(comments))),
      evidence: new Map([['ID-1.1', [{ id: 'e1', name: 'Charte.pdf', size: 1000, mime: 'application/pdf' }]]]),
      actions: [{ id: 'a1', questionCode: 'ID-1.2', title: 'Réviser le projet associatif', status: 'in_progress' }],
    },
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await renderGapWorkbook(report)) as never);
  return wb;
}

describe('the gap analysis spreadsheet', () => {
  it('has one row per ISO 9001 clause from 4.1 to 10.3, with status, questions, evidence and actions', async () => {
    const wb = await workbook({ 'ID-1.1': 3, 'ID-1.2': 2 }, { 'ID-1.1': '=HYPERLINK("http://x")' });
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Lecture', 'ISO 9001', 'ISO 26000']);
    const ws = wb.getWorksheet('ISO 9001')!;
    const ids = ws.getColumn(1).values.slice(2);
    expect(ids).toEqual([...ISO9001_CLAUSES]);
    const row52 = ws.getRow(2 + ISO9001_CLAUSES.indexOf('5.2'));
    expect(row52.getCell(2).value).toBe('Politique');
    expect(row52.getCell(3).value).toBe('partiel');
    expect(String(row52.getCell(5).value)).toContain('ID-1.1 (niveau 3) — ');
    expect(row52.getCell(7).value).toBe('ID-1.1\u00a0: Charte.pdf');
    expect(row52.getCell(8).value).toBe('Réviser le projet associatif (en cours)');
    // A comment that looks like a formula stays text.
    expect(row52.getCell(6).value).toBe('ID-1.1\u00a0: =HYPERLINK("http://x")');
    expect(row52.getCell(6).formula).toBeUndefined();
    const row811 = ws.getRow(2 + ISO9001_CLAUSES.indexOf('8.1'));
    expect(row811.getCell(3).value).toBe('non renseignée');
    expect(row811.getCell(5).value).toBe('Aucune question du questionnaire ne renseigne cette exigence.');
    const row41 = ws.getRow(2);
    expect(row41.getCell(11).value).toBe('Amendement 2024 : changement climatique'.replace(' :', '\u00a0:'));
  });

  it('reads the same diagnostic by ISO 26000 core subject, and states its rules', async () => {
    const wb = await workbook({}, {});
    expect(wb.getWorksheet('ISO 26000')!.rowCount).toBe(1 + 7);
    const about = wb.getWorksheet('Lecture')!;
    const text = about.getColumn(2).values.join('\n');
    expect(text).toContain('Atelier d’Oc');
    expect(text).toContain('«\u00a0Couvert\u00a0»');
  });
});
