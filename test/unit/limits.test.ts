import { describe, it, expect } from 'vitest';
import { atMost, cleanText, jsonDepth, LIMITS, MAX_LENGTH } from '../../src/validation/limits.ts';

describe('cleanText', () => {
  it('keeps tab and newline, turns CRLF and CR into LF', () => {
    expect(cleanText('a\tb\r\nc\rd\ne')).toBe('a\tb\nc\nd\ne');
  });

  it('removes every other control character: NUL, escape sequences, DEL, C1', () => {
    const controls = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('') + '\u007f' + Array.from({ length: 32 }, (_, i) => String.fromCharCode(0x80 + i)).join('');
    // CR becomes a newline of its own.
    expect(cleanText(`x${controls}y`)).toBe('x\t\n\ny');
    expect(cleanText('nom\u0000<script>\u001b[31mrouge\u009b')).toBe('nom<script>[31mrouge');
  });

  it('composes to NFC and leaves typography, emoji and bidirectional marks alone', () => {
    expect(cleanText('e\u0301quipe')).toBe('équipe');
    const typed = 'Cœur d’Écluse\u00a0: « ça\u202fpousse » 👩🏽‍🌾 \u202eRTL\u202c';
    expect(cleanText(typed)).toBe(typed);
  });
});

describe('atMost', () => {
  it('keeps the first items and says when there were more', () => {
    expect(atMost([1, 2, 3], 3)).toEqual({ items: [1, 2, 3], over: false });
    expect(atMost([1, 2, 3, 4], 3)).toEqual({ items: [1, 2, 3], over: true });
  });
});

describe('jsonDepth', () => {
  it('counts nesting on the text, ignoring brackets inside strings', () => {
    expect(jsonDepth('{}')).toBe(1);
    expect(jsonDepth('{"a":[1,{"b":[]}]}')).toBe(4);
    expect(jsonDepth('{"a":"[[[[{{{{\\"]]]"}')).toBe(1);
    expect(jsonDepth('"plain"')).toBe(0);
  });

  it('measures 100,000 nested arrays without recursing', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(jsonDepth(deep)).toBe(100_000);
  });
});

describe('the limits themselves', () => {
  it('hold together: every question may propose an action without passing the plan limit', () => {
    expect(LIMITS.questionsPerReferential).toBeLessThanOrEqual(LIMITS.actionsPerDiagnostic);
    expect(LIMITS.participants).toBe(30);
    for (const [name, max] of Object.entries(MAX_LENGTH)) expect(max, name).toBeGreaterThan(0);
  });
});
