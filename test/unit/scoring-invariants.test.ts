// Properties that must hold for any answers, checked on 200 random diagnostics of the mini
// referential. The PRNG is seeded so that a failure replays identically.
import { describe, it, expect } from 'vitest';
import { miniReferential } from '../fixtures/mini-referential.ts';
import { STRUCTURE_TYPES, type StructureType } from '../../src/referential/schema.ts';
import { scoreDiagnostic, type Coverage, type DiagnosticScores, type Level } from '../../src/scoring/index.ts';
import { seededRandom as mulberry32 } from '../../src/random.ts';


const allQuestions = miniReferential.themes.flatMap((t) => t.criteria.flatMap((c) => c.questions));

interface Case {
  types: StructureType[];
  answers: Map<string, Level>;
}

function randomCase(rand: () => number): Case {
  const types = STRUCTURE_TYPES.filter(() => rand() < 0.3);
  if (types.length === 0) types.push(rand() < 0.5 ? 'AI' : 'ACI');
  const answers = new Map<string, Level>();
  for (const q of allQuestions) {
    const r = rand();
    if (r < 0.15) continue; // unanswered
    if (r < 0.25 && q.naAllowed) answers.set(q.code, 'na');
    else answers.set(q.code, Math.floor(rand() * 5) as Level);
  }
  return { types, answers };
}

const rand = mulberry32(20_230_611);
const cases = Array.from({ length: 200 }, () => randomCase(rand));

function everyScore(s: DiagnosticScores): (number | null)[] {
  return [
    s.overall,
    s.rse.score,
    ...s.questions.map((q) => q.score),
    ...s.themes.flatMap((t) => [t.score, ...t.criteria.map((c) => c.score)]),
    ...s.iso9001.map((g) => g.score),
    ...s.iso26000.map((x) => x.score),
  ];
}

function everyCoverage(s: DiagnosticScores): Coverage[] {
  return [s.coverage, s.rse.coverage, ...s.themes.flatMap((t) => [t.coverage, ...t.criteria.map((c) => c.coverage)]), ...s.iso9001.map((g) => g.coverage), ...s.iso26000.map((x) => x.coverage)];
}

describe('scoring invariants over 200 random diagnostics', () => {
  it('keeps every score within 0-100 or null', () => {
    for (const c of cases) {
      for (const score of everyScore(scoreDiagnostic(miniReferential, c.types, c.answers))) {
        if (score !== null) {
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(100);
        }
      }
    }
  });

  it('keeps coverage counts consistent (na ≤ answered ≤ applicable; themes add up to the total)', () => {
    for (const c of cases) {
      const s = scoreDiagnostic(miniReferential, c.types, c.answers);
      for (const cov of everyCoverage(s)) {
        expect(cov.na).toBeLessThanOrEqual(cov.answered);
        expect(cov.answered).toBeLessThanOrEqual(cov.applicable);
      }
      const sum = (k: keyof Coverage) => s.themes.reduce((n, t) => n + t.coverage[k], 0);
      expect(s.coverage).toEqual({ applicable: sum('applicable'), answered: sum('answered'), na: sum('na') });
      expect(s.coverage.applicable).toBe(s.questions.length);
      expect(s.unanswered.length).toBe(s.coverage.applicable - s.coverage.answered);
    }
  });

  it('matches a naive weighted mean over the scored questions', () => {
    for (const c of cases) {
      const s = scoreDiagnostic(miniReferential, c.types, c.answers);
      const scored = s.questions.filter((q) => q.score !== null);
      const weight = scored.reduce((n, q) => n + q.weight, 0);
      const expected = weight === 0 ? null : scored.reduce((n, q) => n + q.weight * (q.score ?? 0), 0) / weight;
      if (expected === null) expect(s.overall).toBeNull();
      else expect(s.overall).toBeCloseTo(expected, 10);
    }
  });

  it('never lowers the theme score or the overall when one answer is raised by a level', () => {
    const pick = mulberry32(7);
    let checked = 0;
    for (const c of cases) {
      const before = scoreDiagnostic(miniReferential, c.types, c.answers);
      const raisable = before.questions.filter((q) => typeof q.level === 'number' && q.level < 4);
      const target = raisable[Math.floor(pick() * raisable.length)];
      if (!target || typeof target.level !== 'number') continue;
      const raised = new Map(c.answers).set(target.code, (target.level + 1) as Level);
      const after = scoreDiagnostic(miniReferential, c.types, raised);
      const themeScore = (s: DiagnosticScores) => s.themes.find((t) => t.slug === target.themeSlug)?.score ?? null;
      expect(themeScore(after)).not.toBeNull();
      expect(themeScore(after) as number).toBeGreaterThanOrEqual(themeScore(before) as number);
      expect(after.overall as number).toBeGreaterThanOrEqual(before.overall as number);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(150);
  });

  it('is deterministic and leaves its inputs untouched', () => {
    for (const c of cases.slice(0, 20)) {
      const copy = new Map(c.answers);
      const refJson = JSON.stringify(miniReferential);
      expect(scoreDiagnostic(miniReferential, c.types, c.answers)).toEqual(scoreDiagnostic(miniReferential, c.types, c.answers));
      expect(c.answers).toEqual(copy);
      expect(JSON.stringify(miniReferential)).toBe(refJson);
    }
  });
});
