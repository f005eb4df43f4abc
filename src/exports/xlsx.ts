// French workbooks written with exceljs (docs/decisions/tableur-exceljs.md): a sheet is a table
// with a bold, frozen header row and filters on, French labels, dates as real dates (shown
// JJ/MM/AAAA) and every other cell as text or a number — never a formula, so that a comment
// starting with « = » stays a comment — and every text as a cell can hold it (cellText). exceljs takes about a second to load: only with the first
// workbook asked for.
import type { Workbook, Worksheet } from 'exceljs';

let excel: Promise<typeof import('exceljs')> | undefined;

/** A new workbook, exceljs loaded on first use. */
export async function newWorkbook(meta: { creator: string; created: Date; title?: string }): Promise<Workbook> {
  const mod = await (excel ??= import('exceljs'));
  // A CommonJS module: its exports are the default export once imported from ESM.
  const ExcelJS = (mod as unknown as { default?: typeof mod }).default ?? mod;
  const wb = new ExcelJS.Workbook();
  wb.creator = meta.creator;
  wb.created = meta.created;
  if (meta.title) wb.title = meta.title;
  return wb;
}

/** Excel's limit for the text of one cell: past it, Excel « repairs » the workbook and cuts. */
export const CELL_MAX_CHARS = 32_767;
// What XML 1.0 cannot carry (one such character and the workbook does not open): C0 controls
// other than tab and line breaks, U+FFFE, U+FFFF and unpaired surrogates. Stored texts may hold
// them (older data, imports), whatever the forms accept today.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A text as a cell can hold it: the characters XML refuses removed, and cut within Excel's limit,
 * ending with `cut` (which says where the rest is).
 */
export function cellText(value: string, cut = ' […]'): string {
  const clean = value.replace(NOT_XML, '');
  if (clean.length <= CELL_MAX_CHARS) return clean;
  // Cut between two characters, never inside a surrogate pair.
  return clean.slice(0, CELL_MAX_CHARS - cut.length).replace(/[\ud800-\udbff]$/, '') + cut;
}

/** A row's values with every text through cellText. */
export function cells<T>(values: readonly T[], cut?: string): (T | string)[] {
  return values.map((v) => (typeof v === 'string' ? cellText(v, cut) : v));
}

export type CellValue = string | number | Date | null;

export interface Column {
  header: string;
  /** Width in characters. */
  width: number;
  /** `date` cells get the French date format. */
  kind?: 'text' | 'date' | 'number';
}

/** A `AAAA-MM-JJ` day as a date cell (midnight UTC: Excel dates carry no time zone). */
export function dayCell(day: string | null): Date | null {
  if (!day) return null;
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}

/** A sheet holding one table: header row, one row per item, filters and frozen header. */
export function addTableSheet(wb: Workbook, name: string, columns: readonly Column[], rows: readonly CellValue[][]): Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ width: c.width, style: c.kind === 'date' ? { numFmt: 'dd/mm/yyyy' } : {} }));
  const head = ws.addRow(cells(columns.map((c) => c.header)));
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', wrapText: true };
  for (const values of rows) {
    const row = ws.addRow(cells(values.map((v) => (v === null ? '' : v))));
    row.alignment = { vertical: 'top', wrapText: true };
    columns.forEach((c, i) => {
      if (c.kind === 'date' && values[i] instanceof Date) row.getCell(i + 1).numFmt = 'dd/mm/yyyy';
    });
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return ws;
}

/** A two-column sheet of labels and values (what the workbook is, when it was made). */
export function addAboutSheet(wb: Workbook, name: string, title: string, rows: readonly [string, string][]): Worksheet {
  const ws = wb.addWorksheet(name);
  ws.columns = [{ width: 28 }, { width: 100 }];
  ws.addRow(cells([title])).font = { bold: true, size: 14 };
  ws.addRow([]);
  for (const [label, value] of rows) {
    const row = ws.addRow(cells([label, value]));
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }
  return ws;
}

export async function workbookBuffer(wb: Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}
