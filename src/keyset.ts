// Keyset pages of long lists (the federation's structures, accounts, organisations): a page starts
// after (or before) a row, named by its sort value, its name's sort key and its id — never by
// OFFSET over the whole list. The cursor travels in links as base64url JSON; a cursor that does not
// decode to that shape is ignored (the first page), never an error: links are shared and edited.
import { z } from 'zod';

export type Cursor = [value: number | string | null, sortName: string, id: string];

/** The longest cursor accepted in a URL, checked before decoding. */
export const MAX_CURSOR_LENGTH = 800;

const cursorSchema = z.tuple([z.union([z.number().finite(), z.string().max(64), z.null()]), z.string().max(400), z.string().min(1).max(64)]);

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c), 'utf8').toString('base64url');
}

export function decodeCursor(raw: string | undefined | null): Cursor | undefined {
  if (!raw || raw.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(raw)) return undefined;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    return parsed.success ? (parsed.data as Cursor) : undefined;
  } catch {
    return undefined;
  }
}

/** Where a list page starts, from a query string: `after` wins over `before`. */
export function pageCursor(params: { after?: string; before?: string }): { after?: Cursor; before?: Cursor } {
  const after = decodeCursor(params.after);
  return after ? { after } : { before: decodeCursor(params.before) };
}

/** A page of a keyset list, and where the pages next to it start. */
export interface KeysetPage<T> {
  rows: T[];
  /** Rows matching the search and filters, all pages together. */
  total: number;
  /** Matching rows before this page. */
  offset: number;
  next?: Cursor;
  prev?: Cursor;
}
