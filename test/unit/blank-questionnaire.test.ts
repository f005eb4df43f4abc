import { describe, expect, it } from 'vitest';
import { builtinReferential } from '../../src/referential/store.ts';
import { STRUCTURE_TYPES } from '../../src/referential/schema.ts';
import { isApplicable } from '../../src/scoring/applicability.ts';
import { questionsFor, renderBlankQuestionnaire } from '../../src/workshop/questionnaire-pdf.ts';
import { pdfText } from '../support/pdf.ts';

const ref = builtinReferential();

describe('the blank questionnaire for workshops', () => {
  it('holds exactly the questions that apply to the structure type, in referential order', () => {
    for (const type of STRUCTURE_TYPES) {
      const printed = questionsFor(ref, type).flatMap((th) => th.criteria.flatMap((c) => c.questions.map((q) => q.code)));
      const expected = ref.themes.flatMap((th) => th.criteria.flatMap((c) => c.questions.filter((q) => isApplicable(q, [type])).map((q) => q.code)));
      expect(printed, type).toEqual(expected);
    }
    // EBE employ on permanent contracts: questions on pathways do not reach them.
    const ebe = questionsFor(ref, 'EBE').flatMap((th) => th.criteria.flatMap((c) => c.questions));
    const ai = questionsFor(ref, 'AI').flatMap((th) => th.criteria.flatMap((c) => c.questions));
    expect(ebe.length).toBeLessThan(ai.length);
  });

  it('renders a PDF with a cover and room for every question', async () => {
    const { pdf, pages, questions } = await renderBlankQuestionnaire({ referential: ref, type: 'ACI', date: new Date('2026-03-02T10:00:00Z') });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(questions).toBe(questionsFor(ref, 'ACI').reduce((n, th) => n + th.criteria.reduce((m, c) => m + c.questions.length, 0), 0));
    // A cover, four themes, and about two questions a page with their writing lines.
    expect(pages).toBeGreaterThan(1 + 4 + Math.floor(questions / 3));
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
    expect(text).toContain('Questionnaire CAP — version papier');
    expect(text).toContain('Pour une structure de type : Atelier et chantier d’insertion (ACI)');
    const first = ref.themes[0]!.criteria[0]!.questions[0]!;
    expect(text).toContain(`${first.code} — `);
    for (let level = 0; level <= 4; level++) expect(text).toContain(`Niveau ${level} — ${first.levels[level]!.slice(0, 30)}`.replace(/\s+/g, ' '));
    expect(text).toContain('Ce qui justifie notre réponse');
    expect(text).toContain(`Page ${pages} sur ${pages}`);
    // CAP 2026: its guide's levels on the cover, the glossary of the printed terms at the end.
    expect(text).toContain(`4 — ${ref.levelGuide!.levels[4]!.slice(0, 40)}`.replace(/\s+/g, ' '));
    expect(text).toMatch(/Glossaire IAE — insertion par l’activité économique /);
    expect(text).toContain('DUERP — document unique d’évaluation des risques professionnels');
    expect(text).toContain(ref.glossary!.find((g) => g.id === 'duerp')!.definition.slice(0, 40).replace(/\s+/g, ' '));
    // About 35 pages laid out, then read back by PDF.js: more than the unit suite's default 5 s on a busy machine.
  }, 30_000);
});
