// Comparison of two diagnostics, on the mini referential. Expected values worked out by hand.
import { describe, it, expect } from 'vitest';
import { miniReferential } from '../fixtures/mini-referential.ts';
import { compareScore, compareScores, scoreDiagnostic, type Level } from '../../src/scoring/index.ts';

const answers = (o: Record<string, Level>): ReadonlyMap<string, Level> => new Map(Object.entries(o));

// Last year (same as scenario A of scoring.test.ts): identite 75, services 60, fonctions-support 43.75, AC null.
const previous = scoreDiagnostic(miniReferential, ['AI'], answers({ 'ID-1.1': 4, 'ID-1.2': 0, 'ID-2.1': 'na', 'SE-1.1': 2, 'SE-1.2': 3, 'FS-1.1': 1, 'FS-2.1': 4, 'AC-1.1': 'na' }));
// This year: ID-1.2 0→2 (up), ID-2.1 N/A→3 (not compared), SE-1.2 3→1 (down), SE-1.3 none→2 (not
// compared), FS-1.1 1→3 (up); ID-1.1, SE-1.1, FS-2.1 unchanged.
const current = scoreDiagnostic(miniReferential, ['AI'], answers({ 'ID-1.1': 4, 'ID-1.2': 2, 'ID-2.1': 3, 'SE-1.1': 2, 'SE-1.2': 1, 'SE-1.3': 2, 'FS-1.1': 3, 'FS-2.1': 4, 'AC-1.1': 'na' }));

describe('compareScores', () => {
  const c = compareScores(previous, current);

  it('compares themes by slug, in the current order', () => {
    expect(c.themes.map((t) => [t.slug, t.trend])).toEqual([
      ['identite', 'up'],
      ['services', 'down'],
      ['fonctions-support', 'up'],
      ['amelioration-continue', 'n/a'],
    ]);
    // identite: (3×100 + 1×50 + 2×75) / 6 = 500 / 6 = 83.33…, was 75
    expect(c.themes[0]).toMatchObject({ title: 'Identité et projet', before: 75, after: 500 / 6 });
    // Shown 83 % and 75 %: the difference shown is 83 − 75 = 8 points.
    expect(c.themes[0]?.delta).toBe(8);
    // services: (3×50 + 2×25 + 1×50) / 6 = 250 / 6 = 41.67, was 60
    expect(c.themes[1]).toMatchObject({ before: 60, after: 250 / 6 });
    // Shown 42 % and 60 %: −18 points.
    expect(c.themes[1]?.delta).toBe(-18);
    // fonctions-support: (3×75 + 1×100) / 4 = 81.25, was 43.75: shown 81 % and 44 %, +37 points
    // (not the +37.5 of the hidden decimals, which would round to +38).
    expect(c.themes[2]).toMatchObject({ before: 43.75, after: 81.25, delta: 37 });
    // amelioration-continue: no score either year
    expect(c.themes[3]).toMatchObject({ before: null, after: null, delta: null });
  });

  it('compares questions answered with a level in both, by level', () => {
    expect(c.questions.map((q) => [q.code, q.before, q.after, q.trend])).toEqual([
      ['ID-1.1', 4, 4, 'same'],
      ['ID-1.2', 0, 2, 'up'],
      ['SE-1.1', 2, 2, 'same'],
      ['SE-1.2', 3, 1, 'down'],
      ['FS-1.1', 1, 3, 'up'],
      ['FS-2.1', 4, 4, 'same'],
    ]);
    expect(c.questions[1]?.text).toBe('Question ID-1.2');
    expect(c.counts).toEqual({ up: 2, down: 1, same: 3 });
  });

  it('compares the overall score', () => {
    // before 775 / 13 ; after (300 + 50 + 150 + 150 + 50 + 50 + 225 + 100) / (3+1+2+3+2+1+3+1) = 1075 / 16
    expect(c.overall).toMatchObject({ before: 775 / 13, after: 1075 / 16, trend: 'up' });
  });

  it('skips questions that apply to only one of the two diagnostics', () => {
    const asAci = scoreDiagnostic(miniReferential, ['ACI'], answers({ 'SE-1.1': 1, 'SE-1.2': 1 }));
    const asAi = scoreDiagnostic(miniReferential, ['AI'], answers({ 'SE-1.1': 3, 'SE-1.2': 4 }));
    const cmp = compareScores(asAci, asAi);
    expect(cmp.questions.map((q) => q.code)).toEqual(['SE-1.1']);
    expect(cmp.counts).toEqual({ up: 1, down: 0, same: 0 });
  });

  it('compares a diagnostic with itself as unchanged', () => {
    const same = compareScores(current, current);
    expect(same.themes.map((t) => t.trend)).toEqual(['same', 'same', 'same', 'n/a']);
    expect(same.counts).toEqual({ up: 0, down: 0, same: current.questions.filter((q) => typeof q.level === 'number').length });
  });
});

describe('compareScores across versions, through origins', () => {
  // As if `current` were a later version: ID-1.2 merges last year's ID-1.1 (4) and ID-1.2 (0);
  // SE-1.2 took over SE-1.1 (2); FS-1.1 keeps its code; nothing maps to the other questions.
  const origins = new Map([
    ['ID-1.2', { sources: ['ID-1.1', 'ID-1.2'], changed: true }],
    ['SE-1.2', { sources: ['SE-1.1'], changed: true }],
    ['FS-1.1', { sources: ['FS-1.1'], changed: false }],
  ]);
  const c = compareScores(previous, current, origins);

  it('compares each question with the lowest level of its sources and names changed ones', () => {
    expect(c.questions).toEqual([
      { code: 'ID-1.2', text: 'Question ID-1.2', before: 0, after: 2, trend: 'up', from: ['ID-1.1', 'ID-1.2'] },
      { code: 'SE-1.2', text: 'Question SE-1.2', before: 2, after: 1, trend: 'down', from: ['SE-1.1'] },
      { code: 'FS-1.1', text: 'Question FS-1.1', before: 1, after: 3, trend: 'up' },
    ]);
    expect(c.counts).toEqual({ up: 2, down: 1, same: 0 });
  });

  it('counts the questions nothing maps to, and says it compared across versions', () => {
    // Every other scored question of the current diagnostic has no origin.
    expect(c.newQuestions).toBe(current.questions.length - 3);
    expect(c.acrossVersions).toBe(true);
    expect(compareScores(previous, current).acrossVersions).toBe(false);
    expect(compareScores(previous, current).newQuestions).toBe(0);
  });

  it('still compares themes by slug', () => {
    expect(c.themes.map((t) => t.trend)).toEqual(compareScores(previous, current).themes.map((t) => t.trend));
  });
});

describe('compareScore — from the values shown', () => {
  it.each([
    [60, 60.4, 'same', 0],
    [60, 60.5, 'up', 1],
    [60, 59.6, 'same', 0],
    [60, 59.4, 'down', -1],
    [60, 60, 'same', 0],
    [59.4, 60.4, 'up', 1],
    [null, 60, 'n/a', null],
    [60, null, 'n/a', null],
  ] as const)('%s → %s is %s (%s)', (before, after, trend, delta) => {
    expect(compareScore(before, after)).toMatchObject({ trend, delta });
  });

  it('computes the difference from the rounded values a reader sees: 59 % → 70 % is +11 points', () => {
    // 58.6 shows as 59, 70.4 as 70: the raw difference 11.8 would have read « +12 ».
    expect(compareScore(58.6, 70.4)).toEqual({ before: 58.6, after: 70.4, delta: 11, trend: 'up' });
  });
});
