// The gap analysis as a spreadsheet (exceljs): one sheet per reading — ISO 9001 clauses, ISO 26000
// core subjects — one row per requirement, and a sheet that states the rules and the context. A
// certification consultant works in such a table; every cell is plain text (never a formula), so
// a comment that starts with « = » stays a comment.
import { t } from '../i18n/index.ts';
import { frenchDate } from '../dates.ts';
import type { GapQuestion, GapRequirement } from '../scoring/gap-analysis.ts';
import type { GapReport } from './report.ts';
import { cells as textCells } from '../exports/xlsx.ts';

const I = t.certification.iso;
const S = t.certification;

/** The lines of the « questions » cell: « ID-1.1 (niveau 3) — text ». */
export function questionsCell(r: GapRequirement): string {
  if (!r.questions.length) return I.noQuestion;
  return r.questions.map((q) => `${q.code} (${S.level(q.level)}${q.via ? `, ${I.via(q.via)}` : ''}) — ${q.text}`).join('\n');
}

function commentsCell(r: GapRequirement): string {
  return r.questions
    .filter((q: GapQuestion) => q.comment)
    .map((q) => `${q.code} : ${q.comment}`)
    .join('\n');
}

function evidenceCell(r: GapRequirement): string {
  const lines = r.questions.flatMap((q) => q.evidence.map((e) => `${q.code} : ${e.name}`));
  return lines.length ? lines.join('\n') : I.noEvidence;
}

function actionsCell(r: GapRequirement): string {
  return r.actions.length ? r.actions.map((a) => `${a.title} (${S.actionStatus[a.status] ?? a.status})`).join('\n') : I.noAction;
}

/** A row of cells, every text through cellText (cut with a pointer to the page). */
function cells(values: readonly unknown[]): unknown[] {
  return textCells(values, I.cellCut);
}

const STATUS_FILL: Record<string, string> = {
  couvert: 'FFD8EFDD',
  partiel: 'FFFCEFC7',
  'a-construire': 'FFF8D7DA',
  'sans-reponse': 'FFEEF1F5',
  'non-informe': 'FFEEF1F5',
};

export async function renderGapWorkbook(report: GapReport): Promise<Buffer> {
  // exceljs takes a second to load: only when a workbook is asked for.
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'CAP — réseau Coorace';
  wb.created = report.date;

  const about = wb.addWorksheet('Lecture');
  about.columns = [{ width: 28 }, { width: 100 }];
  const meta: [string, string][] = [
    ['Structure', report.organisation.name],
    ['Types', report.organisation.types.join(', ')],
    ['Région', report.organisation.region],
    ['Diagnostic', `${frenchDate(report.diagnostic.startedAt)} (${report.diagnostic.status})`],
    ['Référentiel', report.referentialLabel],
    ['Édité le', frenchDate(report.date)],
    ['ISO 9001', I.countsLine(report.iso9001.counts)],
    ['ISO 26000', I.countsLine(report.iso26000.counts)],
  ];
  about.addRow(cells([I.title])).font = { bold: true, size: 14 };
  about.addRow([]);
  for (const [k, v] of meta) about.addRow(cells([k, v])).getCell(1).font = { bold: true };
  about.addRow([]);
  about.addRow(cells([I.rulesTitle])).font = { bold: true };
  for (const rule of I.rules) {
    const row = about.addRow(cells(['', rule]));
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }
  about.addRow(cells(['', I.intro])).getCell(2).alignment = { wrapText: true };

  const headers = [I.clause, 'Intitulé', I.status, 'Pourquoi', I.questions, 'Commentaires', I.evidence, I.actions];
  const widths = [10, 38, 14, 40, 60, 40, 36, 40];

  function sheet(name: string, firstHeader: string, rows: { id: string; title: string; r: GapRequirement; extra?: string[] }[], extraHeaders: string[] = [], extraWidths: number[] = []) {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
    ws.columns = [...widths, ...extraWidths].map((width) => ({ width }));
    const head = ws.addRow(cells([firstHeader, ...headers.slice(1), ...extraHeaders]));
    head.font = { bold: true };
    head.alignment = { vertical: 'middle', wrapText: true };
    for (const { id, title, r, extra } of rows) {
      const row = ws.addRow(cells([id, title, S.statuses[r.status], S.reasons(r.reasons), questionsCell(r), commentsCell(r), evidenceCell(r), actionsCell(r), ...(extra ?? [])]));
      row.alignment = { wrapText: true, vertical: 'top' };
      row.getCell(3).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: STATUS_FILL[r.status] ?? 'FFFFFFFF' } };
    }
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length + extraHeaders.length } };
  }

  sheet(
    'ISO 9001',
    I.clause,
    report.iso9001.rows.map((r) => ({
      id: r.id,
      title: r.clause.title,
      r,
      extra: [r.clause.expects, r.clause.documented ?? '', r.clause.climate2024 ? I.climate : ''],
    })),
    [I.expects, I.documented, I.climate],
    [60, 40, 20],
  );
  sheet(
    'ISO 26000',
    I.subject,
    report.iso26000.rows.map((r) => ({ id: r.subject, title: r.title, r })),
  );

  return Buffer.from(await wb.xlsx.writeBuffer());
}
