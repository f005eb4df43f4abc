import { describe, it, expect } from 'vitest';
import { decodeCursor, encodeCursor, type Cursor } from '../../src/keyset.ts';

describe('page cursors in URLs', () => {
  it('round-trip numbers, dates, null and names with accents', () => {
    for (const c of [[62.5, 'jardins du lauragais 012', 'aB3-_x'], ['2026-03-02T09:00:00.000Z', 'elan', 'x'], [null, 'régie', 'id']] as Cursor[]) {
      const raw = encodeCursor(c);
      expect(raw).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor(raw)).toEqual(c);
    }
  });

  it('ignore anything else: garbage, wrong shapes, overlong values', () => {
    const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    for (const raw of [undefined, '', 'not base64!', '%%%', enc({ a: 1 }), enc([1, 'a']), enc([1, 'a', '']), enc([{}, 'a', 'b']), enc([1, 'a'.repeat(401), 'b']), 'A'.repeat(801)]) {
      expect(decodeCursor(raw)).toBeUndefined();
    }
  });
});
