// A full diagnostic (70 questions) must score in well under a millisecond: results pages, the PDF
// and the federation dashboard (hundreds of diagnostics) all score on the fly.
import { describe, it, expect } from 'vitest';
import { miniReferential } from '../fixtures/mini-referential.ts';
import type { Question, Referential } from '../../src/referential/schema.ts';
import { scoreDiagnostic, type Level } from '../../src/scoring/index.ts';

/** The mini referential with each criterion's questions repeated until there are 70 in all. */
function seventyQuestions(): Referential {
  const templates = miniReferential.themes.flatMap((t) => t.criteria.flatMap((c) => c.questions));
  let n = 0;
  return {
    ...miniReferential,
    themes: miniReferential.themes.map((theme, t) => ({
      ...theme,
      criteria: [0, 1, 2].map((c) => ({
        code: `${theme.slug.slice(0, 2).toUpperCase()}-${c + 1}`,
        title: `Critère ${t}.${c}`,
        description: '',
        // 4 themes × 3 criteria × 6 questions = 72, trimmed to 70 below.
        questions: Array.from({ length: t === 3 && c === 2 ? 4 : 6 }, (_, k): Question => {
          const template = templates[n++ % templates.length] as Question;
          return { ...template, code: `${theme.slug.slice(0, 2).toUpperCase()}-${c + 1}.${k + 1}` };
        }),
      })),
    })),
  };
}

describe('scoring speed', () => {
  it('scores a 70-question diagnostic in well under a millisecond', () => {
    const ref = seventyQuestions();
    const codes = ref.themes.flatMap((t) => t.criteria.flatMap((c) => c.questions.map((q) => q.code)));
    expect(codes).toHaveLength(70);
    const answers = new Map<string, Level>(codes.map((code, i) => [code, (i % 5) as Level]));

    for (let i = 0; i < 200; i++) scoreDiagnostic(ref, ['AI', 'ACI'], answers); // warm-up (JIT)
    const runs = 2000;
    const start = performance.now();
    for (let i = 0; i < runs; i++) scoreDiagnostic(ref, ['AI', 'ACI'], answers);
    const perRun = (performance.now() - start) / runs;
    expect(scoreDiagnostic(ref, ['AI', 'ACI'], answers).questions).toHaveLength(70);
    // About 0.03 ms on a 2-core machine; the bound leaves room for a loaded CI machine.
    expect(perRun).toBeLessThan(0.25);
  });
});
