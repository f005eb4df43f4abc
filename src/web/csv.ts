// CSV files that French Excel opens right: UTF-8 with a BOM (otherwise accents break), `;` as the
// separator (`,` is the decimal mark in France), CRLF line ends, every value quoted. Cells that a
// spreadsheet would read as a formula (= + - @, or a leading tab / carriage return) get a leading
// apostrophe: a member's comment must never run as a formula on a consultant's computer.
import type { Context } from 'hono';

export type CsvValue = string | number | null | undefined;

const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (typeof value === 'number') return `"${formatNumber(value)}"`;
  let s = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

/** Numbers in French notation (decimal comma), so that Excel reads them as numbers. */
function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  return String(n).replace('.', ',');
}

export function csvLine(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(';') + '\r\n';
}

export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  let out = BOM + csvLine(header);
  for (const row of rows) out += csvLine(row);
  return out;
}

/** A file name safe in a Content-Disposition header (ASCII), with the UTF-8 form alongside. */
export function csvResponse(c: Context, fileName: string, body: string) {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-+/g, '-');
  return c.body(body, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    'Cache-Control': 'private, no-store',
  });
}
