// A keyset page cursor in a URL (`?after=…` / `?before=…`): the sort value, sort key and id of a
// row, as base64url JSON. Links are shared and edited by hand: a cursor that does not decode to
// that shape is ignored (the first page), never an error.
import { z } from 'zod';

export type Cursor = [value: number | string | null, sortName: string, id: string];

const cursorSchema = z.tuple([z.union([z.number().finite(), z.string().max(64), z.null()]), z.string().max(400), z.string().min(1).max(64)]);

/** The longest cursor accepted in a URL, checked before decoding. */
export const MAX_CURSOR_LENGTH = 800;

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
