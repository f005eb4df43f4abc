// Carrying answers across versions through a mapping, and finding glossary terms in a text.
import { describe, it, expect } from 'vitest';
import { builtinReferentials } from '../../src/referential/store.ts';
import { carryAnswers, mappingBetween, originsOf, type CarriedAnswer } from '../../src/referential/mapping.ts';
import { linkTerms, termsUsed } from '../../src/referential/glossary.ts';
import type { GlossaryTerm, Referential } from '../../src/referential/schema.ts';

const [cap2023, cap2026] = builtinReferentials() as [Referential, Referential];
const mapping = cap2026.mapping!;

const answer = (level: number | null, comment = '', na = false): CarriedAnswer => ({ level, na, comment });

describe('originsOf', () => {
  const origins = originsOf(mapping);

  it('sees a question kept under its code as unchanged', () => {
    expect(origins.get('ID-1.1')).toEqual({ sources: ['ID-1.1'], changed: false, notes: [] });
  });

  it('gathers merged questions and marks them changed, with their notes', () => {
    const accueil = origins.get('SV-1.2')!;
    expect(accueil.sources).toEqual(['ID-1.3', 'SV-1.2']);
    expect(accueil.changed).toBe(true);
    expect(accueil.notes[0]).toMatch(/Doublon avec l’accueil/);
    expect(origins.get('AC-2.2')!.sources).toEqual(['SV-5.2', 'AC-2.2']);
  });

  it('marks a question narrowed under the same code as changed, and a new question has no origin', () => {
    expect(origins.get('ID-3.5')).toMatchObject({ sources: ['ID-3.5'], changed: true });
    expect(origins.get('SV-2.5')).toBeUndefined();
    expect(origins.get('FS-1.5')).toMatchObject({ sources: ['FS-1.2'], changed: true });
  });
});

describe('mappingBetween', () => {
  it('finds the mapping only from the version it names', () => {
    expect(mappingBetween('cap-2023', cap2026)).toBe(mapping);
    expect(mappingBetween('cap-2026', cap2026)).toBeUndefined();
    expect(mappingBetween('cap-2025', cap2026)).toBeUndefined();
    expect(mappingBetween('cap-2023', cap2023)).toBeUndefined();
  });
});

describe('carryAnswers', () => {
  it('carries a kept question’s level and comment as they were', () => {
    const out = carryAnswers(mapping, cap2026, new Map([['ID-1.1', answer(3, 'Charte votée en 2024.')]]), 2000);
    expect(out.get('ID-1.1')).toEqual({ level: 3, na: false, comment: 'Charte votée en 2024.', sources: ['ID-1.1'] });
  });

  it('gives a merged question the lowest level of its sources, and each comment marked with its former code', () => {
    const out = carryAnswers(mapping, cap2026, new Map([['ID-1.3', answer(1, 'Pas de support.')], ['SV-1.2', answer(3, 'Livret à jour.')]]), 2000);
    expect(out.get('SV-1.2')).toEqual({ level: 1, na: false, comment: '[ID-1.3] Pas de support.\n\n[SV-1.2] Livret à jour.', sources: ['ID-1.3', 'SV-1.2'] });
  });

  it('gives each part of a split question the former level', () => {
    const out = carryAnswers(mapping, cap2026, new Map([['SV-4.2', answer(2, 'Plan de sortie pour la moitié.')]]), 2000);
    expect(out.get('SV-4.2')?.level).toBe(2);
    expect(out.get('SV-4.4')).toEqual({ level: 2, na: false, comment: '[SV-4.2] Plan de sortie pour la moitié.', sources: ['SV-4.2'] });
  });

  it('carries N/A only where the new question allows it, and a level over an N/A', () => {
    const out = carryAnswers(
      mapping,
      cap2026,
      new Map([
        ['ID-3.4', answer(null, '', true)], // bénévoles: N/A allowed in both
        ['FS-2.3', answer(null, '', true)], // accidents: N/A not allowed in CAP 2026
        ['SV-5.2', answer(null, '', true)],
        ['AC-2.2', answer(2)], // merged with SV-5.2 (N/A): the level wins
      ]),
      2000,
    );
    expect(out.get('ID-3.4')).toMatchObject({ level: null, na: true });
    expect(out.has('FS-2.3')).toBe(false);
    expect(out.get('AC-2.2')).toMatchObject({ level: 2, na: false });
  });

  it('leaves out what does not fit, never cutting a comment', () => {
    const long = 'x'.repeat(60);
    const out = carryAnswers(mapping, cap2026, new Map([['ID-1.3', answer(2, long)], ['SV-1.2', answer(2, long)]]), 100);
    expect(out.get('SV-1.2')!.comment).toBe(`[ID-1.3] ${long}`);
  });

  it('pre-fills every question of CAP 2026 that a fully answered CAP 2023 diagnostic maps to', () => {
    const previous = new Map<string, CarriedAnswer>();
    for (const th of cap2023.themes) for (const c of th.criteria) for (const q of c.questions) previous.set(q.code, answer(2));
    const out = carryAnswers(mapping, cap2026, previous, 2000);
    const targets = new Set(mapping.questions.flatMap((e) => e.to));
    expect(new Set(out.keys())).toEqual(targets);
    expect(out.size).toBeGreaterThan(70);
  });
});

describe('linkTerms', () => {
  const glossary: GlossaryTerm[] = [
    { id: 'iae', term: 'IAE', definition: 'd', forms: ['IAE'] },
    { id: 'pass-iae', term: 'PASS IAE', definition: 'd', forms: ['PASS IAE'] },
    { id: 'ai', term: 'AI', definition: 'd', forms: ['AI', 'association intermédiaire'] },
  ];

  it('prefers the longest form, matches whole words only, and marks a term once', () => {
    expect(linkTerms('Un PASS IAE pour l’IAE, en AI ; une AIDE et une autre AI.', glossary)).toEqual([
      { text: 'Un ' },
      { text: 'PASS IAE', termId: 'pass-iae' },
      { text: ' pour l’' },
      { text: 'IAE', termId: 'iae' },
      { text: ', en ' },
      { text: 'AI', termId: 'ai' },
      { text: ' ; une AIDE et une autre AI.' },
    ]);
  });

  it('returns the text whole when there is no glossary or no term', () => {
    expect(linkTerms('Rien à lier.', glossary)).toEqual([{ text: 'Rien à lier.' }]);
    expect(linkTerms('Une AI.', undefined)).toEqual([{ text: 'Une AI.' }]);
  });

  it('lists the terms used by a page in glossary order', () => {
    expect(termsUsed(['Une association intermédiaire', 'le PASS IAE'], glossary).map((t) => t.id)).toEqual(['pass-iae', 'ai']);
  });
});
