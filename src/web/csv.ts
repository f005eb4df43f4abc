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
function csvHeaders(fileName: string): Record<string, string> {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-+/g, '-');
  return {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    'Cache-Control': 'private, no-store',
  };
}

export function csvResponse(c: Context, fileName: string, body: string) {
  return c.body(body, 200, csvHeaders(fileName));
}

/**
 * A CSV sent as it is produced: the header first, then one chunk of rows per read of the stream.
 * `chunks` is pulled lazily (the federation's export reads the network 500 rows at a time), so
 * neither the rows nor the text are ever held whole, and nothing runs once the client is gone.
 */
export function csvStreamResponse(c: Context, fileName: string, header: readonly string[], chunks: Iterator<readonly (readonly CsvValue[])[]>) {
  const encoder = new TextEncoder();
  let started = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(BOM + csvLine(header)));
        return;
      }
      const next = chunks.next();
      if (next.done) return controller.close();
      let text = '';
      for (const row of next.value) text += csvLine(row);
      controller.enqueue(encoder.encode(text));
    },
    cancel() {
      chunks.return?.(undefined);
    },
  });
  return c.body(stream, 200, csvHeaders(fileName));
}
