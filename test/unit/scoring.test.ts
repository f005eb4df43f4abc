// Scoring on the mini referential (see the table in test/fixtures/mini-referential.ts). Every
// expected value is worked out by hand in the comment beside it.
import { describe, it, expect } from 'vitest';
import { miniReferential } from '../fixtures/mini-referential.ts';
import {
  bandFor,
  BANDS,
  isApplicable,
  rseLevelFor,
  RSE_LEVELS,
  scoreDiagnostic,
  type DiagnosticScores,
  type Level,
} from '../../src/scoring/index.ts';
import { validateReferential } from '../../src/referential/validate.ts';
import { SERVICES } from '../../src/referential/services-data.ts';

const answers = (o: Record<string, Level>): ReadonlyMap<string, Level> => new Map(Object.entries(o));

const theme = (s: DiagnosticScores, slug: string) => {
  const t = s.themes.find((x) => x.slug === slug);
  if (!t) throw new Error(`theme ${slug} missing`);
  return t;
};
const criterion = (s: DiagnosticScores, code: string) => {
  const c = s.themes.flatMap((t) => t.criteria).find((x) => x.code === code);
  if (!c) throw new Error(`criterion ${code} missing`);
  return c;
};
const codes = (qs: readonly { code: string }[]) => qs.map((q) => q.code);

// Scenario A, for an AI (every question applies):
//   ID-1.1 w3 → 4 (100)   ID-1.2 w1 legal → 0 (0)   ID-2.1 w2 → N/A
//   SE-1.1 w3 → 2 (50)    SE-1.2 w2 → 3 (75)        SE-1.3 w1 → unanswered
//   FS-1.1 w3 legal → 1 (25)   FS-2.1 w1 → 4 (100)
//   AC-1.1 w2 → N/A       AC-1.2 w1 → unanswered
const scenarioA = answers({ 'ID-1.1': 4, 'ID-1.2': 0, 'ID-2.1': 'na', 'SE-1.1': 2, 'SE-1.2': 3, 'FS-1.1': 1, 'FS-2.1': 4, 'AC-1.1': 'na' });

describe('the mini referential fixture', () => {
  it('is a valid referential', () => {
    const result = validateReferential(miniReferential, new Set(SERVICES.map((s) => s.code)));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });
});

describe('isApplicable', () => {
  const q = (code: string) => {
    const found = miniReferential.themes.flatMap((t) => t.criteria.flatMap((c) => c.questions)).find((x) => x.code === code);
    if (!found) throw new Error(code);
    return found;
  };
  it('needs one structure type in common', () => {
    expect(isApplicable(q('SE-1.2'), ['AI'])).toBe(true);
    expect(isApplicable(q('SE-1.2'), ['ACI'])).toBe(false);
    expect(isApplicable(q('SE-1.2'), ['ACI', 'AI'])).toBe(true);
    expect(isApplicable(q('AC-1.1'), ['EI'])).toBe(true);
    expect(isApplicable(q('ID-1.1'), ['autre'])).toBe(true);
    expect(isApplicable(q('ID-1.1'), [])).toBe(false);
  });
});

describe('scoreDiagnostic — scenario A (AI)', () => {
  const s = scoreDiagnostic(miniReferential, ['AI'], scenarioA);

  it('scores each question 0/25/50/75/100, null for N/A and unanswered', () => {
    const byCode = Object.fromEntries(s.questions.map((q) => [q.code, q.score]));
    expect(byCode).toEqual({
      'ID-1.1': 100, 'ID-1.2': 0, 'ID-2.1': null,
      'SE-1.1': 50, 'SE-1.2': 75, 'SE-1.3': null,
      'FS-1.1': 25, 'FS-2.1': 100,
      'AC-1.1': null, 'AC-1.2': null,
    });
    expect(s.questions.find((q) => q.code === 'ID-2.1')?.level).toBe('na');
    expect(s.questions.find((q) => q.code === 'SE-1.3')?.level).toBeNull();
    expect(s.questions[0]).toMatchObject({ code: 'ID-1.1', text: 'Question ID-1.1', themeSlug: 'identite', criterionCode: 'ID-1', weight: 3, legal: false, level: 4 });
  });

  it('weights criterion scores: ID-1 = (3×100 + 1×0) / 4 = 75', () => {
    expect(criterion(s, 'ID-1').score).toBe(75);
    expect(criterion(s, 'ID-1').coverage).toEqual({ applicable: 2, answered: 2, na: 0 });
  });

  it('leaves N/A out of the denominator: ID-2 has only an N/A → null; identite = 300/4 = 75, not 300/6', () => {
    expect(criterion(s, 'ID-2').score).toBeNull();
    expect(criterion(s, 'ID-2').coverage).toEqual({ applicable: 1, answered: 1, na: 1 });
    expect(theme(s, 'identite').score).toBe(75);
    expect(theme(s, 'identite').coverage).toEqual({ applicable: 3, answered: 3, na: 1 });
    expect(theme(s, 'identite').complete).toBe(true);
  });

  it('leaves unanswered questions out of the score but in the coverage: services = (3×50 + 2×75) / 5 = 60', () => {
    expect(theme(s, 'services').score).toBe(60);
    expect(theme(s, 'services').coverage).toEqual({ applicable: 3, answered: 2, na: 0 });
    expect(theme(s, 'services').complete).toBe(false);
  });

  it('fonctions-support = (3×25 + 1×100) / 4 = 43.75, unrounded', () => {
    expect(theme(s, 'fonctions-support').score).toBe(43.75);
    expect(criterion(s, 'FS-1').score).toBe(25);
    expect(criterion(s, 'FS-2').score).toBe(100);
  });

  it('gives a theme with nothing scorable a null score (AC: one N/A, one unanswered)', () => {
    expect(theme(s, 'amelioration-continue').score).toBeNull();
    expect(theme(s, 'amelioration-continue').coverage).toEqual({ applicable: 2, answered: 1, na: 1 });
  });

  it('computes overall over all questions, not over themes: 775 / 13', () => {
    // Σ w×s = 3×100 + 1×0 + 3×50 + 2×75 + 3×25 + 1×100 = 775 ; Σ w = 3+1+3+2+3+1 = 13
    expect(s.overall).toBe(775 / 13); // 59.615…
    // The mean of the theme scores would be (75 + 60 + 43.75) / 3 = 59.583…: not what we report.
    expect(s.overall).not.toBeCloseTo((75 + 60 + 43.75) / 3, 3);
    expect(s.band?.id).toBe('en-structuration');
    expect(s.band?.label).toBe('En structuration');
  });

  it('counts coverage and completeness', () => {
    expect(s.coverage).toEqual({ applicable: 10, answered: 8, na: 2 });
    expect(s.complete).toBe(false);
    expect(s.partial).toBe(true); // identite and fonctions-support complete, the others not
  });

  it('lists unanswered questions and legal obligations below level 2', () => {
    expect(codes(s.unanswered)).toEqual(['SE-1.3', 'AC-1.2']);
    expect(codes(s.legalFlags)).toEqual(['ID-1.2', 'FS-1.1']); // levels 0 and 1
  });

  it('keeps themes in referential order', () => {
    expect(s.themes.map((t) => t.slug)).toEqual(['identite', 'services', 'fonctions-support', 'amelioration-continue']);
    expect(codes(s.questions)).toEqual(['ID-1.1', 'ID-1.2', 'ID-2.1', 'SE-1.1', 'SE-1.2', 'SE-1.3', 'FS-1.1', 'FS-2.1', 'AC-1.1', 'AC-1.2']);
  });
});

describe('scoreDiagnostic — structure types', () => {
  // Same answers plus SE-1.2 and AC-1.2, but for an ACI: SE-1.2 (AI), AC-1.1 (AI, EI) and AC-1.2
  // (AI) do not apply, and their answers must be ignored.
  const s = scoreDiagnostic(miniReferential, ['ACI'], answers({ ...Object.fromEntries(scenarioA), 'AC-1.2': 0 }));

  it('leaves non-applicable questions out of everything', () => {
    expect(codes(s.questions)).not.toContain('SE-1.2');
    expect(s.questions).toHaveLength(7);
    // services: only SE-1.1 (w3, 50) is scored; SE-1.3 unanswered → 150 / 3 = 50
    expect(theme(s, 'services').score).toBe(50);
    expect(theme(s, 'services').coverage).toEqual({ applicable: 2, answered: 1, na: 0 });
    // overall: 775 − 2×75 = 625 over 13 − 2 = 11
    expect(s.overall).toBe(625 / 11);
    expect(codes(s.unanswered)).toEqual(['SE-1.3']);
  });

  it('gives a theme with no applicable question a null score and an empty coverage', () => {
    const ac = theme(s, 'amelioration-continue');
    expect(ac.score).toBeNull();
    expect(ac.coverage).toEqual({ applicable: 0, answered: 0, na: 0 });
    // Its criteria, none of whose questions applies, are left out (no « 0 sur 0 » row).
    expect(ac.criteria).toEqual([]);
    expect(s.iso9001.find((g) => g.group === '10')).toMatchObject({ score: null, coverage: { applicable: 0, answered: 0, na: 0 }, questions: [] });
  });

  it('combines several types (AI + ACI → every question applies)', () => {
    expect(scoreDiagnostic(miniReferential, ['ACI', 'AI'], scenarioA).questions).toHaveLength(10);
  });

  it('scores nothing when nothing is answered', () => {
    const empty = scoreDiagnostic(miniReferential, ['AI'], new Map());
    expect(empty.overall).toBeNull();
    expect(empty.band).toBeNull();
    expect(empty.coverage).toEqual({ applicable: 10, answered: 0, na: 0 });
    expect(empty.partial).toBe(false);
    expect(empty.unanswered).toHaveLength(10);
    expect(empty.rse).toEqual({ score: null, points: null, level: null, coverage: { applicable: 7, answered: 0, na: 0 } });
  });
});

describe('scoreDiagnostic — weights and answers', () => {
  it('weights 3 and 1 with levels 0 and 4 → (3×0 + 1×100) / 4 = 25', () => {
    const s = scoreDiagnostic(miniReferential, ['AI'], answers({ 'ID-1.1': 0, 'ID-1.2': 4 }));
    expect(criterion(s, 'ID-1').score).toBe(25);
    expect(s.overall).toBe(25);
  });

  it('treats an N/A on a question that does not allow it as unanswered', () => {
    const s = scoreDiagnostic(miniReferential, ['AI'], answers({ 'SE-1.1': 'na', 'SE-1.2': 4 }));
    expect(s.questions.find((q) => q.code === 'SE-1.1')).toMatchObject({ level: null, score: null });
    expect(codes(s.unanswered)).toContain('SE-1.1');
    expect(theme(s, 'services').coverage).toEqual({ applicable: 3, answered: 1, na: 0 });
  });

  it('is complete when every applicable question is answered, N/A included', () => {
    const all = answers({ 'ID-1.1': 3, 'ID-1.2': 3, 'ID-2.1': 'na', 'SE-1.1': 3, 'SE-1.3': 3, 'FS-1.1': 3, 'FS-2.1': 'na' });
    const s = scoreDiagnostic(miniReferential, ['ACI'], all);
    expect(s.complete).toBe(true);
    expect(s.partial).toBe(false);
    expect(s.overall).toBe(75);
    expect(s.unanswered).toEqual([]);
  });

  it('does not flag a legal obligation at level 2 or answered N/A', () => {
    const s = scoreDiagnostic(miniReferential, ['AI'], answers({ 'ID-1.2': 2, 'FS-1.1': 4 }));
    expect(s.legalFlags).toEqual([]);
  });
});

describe('maturity bands', () => {
  it('documents four contiguous bands from 0 to 100', () => {
    expect(BANDS.map((b) => [b.label, b.min, b.max])).toEqual([
      ['Premiers pas', 0, 40],
      ['En structuration', 40, 60],
      ['Maîtrisé', 60, 80],
      ['Exemplaire', 80, 100],
    ]);
    for (const b of BANDS) expect(b.description.length).toBeGreaterThan(10);
  });

  it.each([
    [0, 'premiers-pas'],
    [39.99, 'premiers-pas'],
    [40, 'en-structuration'],
    [59.99, 'en-structuration'],
    [60, 'maitrise'],
    [79.99, 'maitrise'],
    [80, 'exemplaire'],
    [100, 'exemplaire'],
  ] as const)('%s → %s', (score, id) => {
    expect(bandFor(score).id).toBe(id);
  });

  it('has no band without a score', () => {
    expect(bandFor(null)).toBeNull();
  });

  it('puts an exact 40 and 80 computed from answers in the upper band (no float drift)', () => {
    // SE-1.1 w3 level 2 (50), SE-1.2 w2 level 1 (25): (150 + 50) / 5 = 40
    const forty = scoreDiagnostic(miniReferential, ['AI'], answers({ 'SE-1.1': 2, 'SE-1.2': 1 }));
    expect(forty.overall).toBe(40);
    expect(forty.band?.label).toBe('En structuration');
    // SE-1.1 w3 level 4 (100), SE-1.2 w2 level 2 (50): (300 + 100) / 5 = 80
    const eighty = scoreDiagnostic(miniReferential, ['AI'], answers({ 'SE-1.1': 4, 'SE-1.2': 2 }));
    expect(eighty.overall).toBe(80);
    expect(eighty.band?.label).toBe('Exemplaire');
  });
});

describe('ISO 9001 readiness — scenario A', () => {
  const s = scoreDiagnostic(miniReferential, ['AI'], scenarioA);
  const group = (g: string) => s.iso9001.find((x) => x.group === g);

  it('lists the seven clause groups in order with their French labels', () => {
    expect(s.iso9001.map((g) => [g.group, g.label])).toEqual([
      ['4', 'Contexte de l’organisation'],
      ['5', 'Leadership'],
      ['6', 'Planification'],
      ['7', 'Support'],
      ['8', 'Réalisation des activités opérationnelles'],
      ['9', 'Évaluation des performances'],
      ['10', 'Amélioration'],
    ]);
  });

  it('maps each question to the groups of its clauses', () => {
    // 4: ID-1.2 (4.2, w1, 0) and ID-2.1 (4.1, N/A) → 0 / 1 = 0
    expect(group('4')).toMatchObject({ score: 0, coverage: { applicable: 2, answered: 2, na: 1 }, questions: ['ID-1.2', 'ID-2.1'] });
    // 5: ID-1.1 (5.1 and 5.2, counted once) → 100
    expect(group('5')).toMatchObject({ score: 100, coverage: { applicable: 1, answered: 1, na: 0 }, questions: ['ID-1.1'] });
    // 6: FS-2.1 → 100 ; 7: FS-1.1 → 25
    expect(group('6')?.score).toBe(100);
    expect(group('7')?.score).toBe(25);
    // 8: SE-1.1 (8.2 and 8.5, once, w3, 50) and SE-1.2 (w2, 75) → (150 + 150) / 5 = 60
    expect(group('8')).toMatchObject({ score: 60, coverage: { applicable: 2, answered: 2, na: 0 }, questions: ['SE-1.1', 'SE-1.2'] });
    // 9: SE-1.3 (9.1 and 9.1.2, unanswered) and AC-1.1 (9.3, N/A) → nothing scorable
    expect(group('9')).toMatchObject({ score: null, coverage: { applicable: 2, answered: 1, na: 1 }, questions: ['SE-1.3', 'AC-1.1'] });
    // 10: AC-1.1 (10.3, N/A) and AC-1.2 (10.2, unanswered)
    expect(group('10')).toMatchObject({ score: null, coverage: { applicable: 2, answered: 1, na: 1 }, questions: ['AC-1.1', 'AC-1.2'] });
  });

  it('weights a multi-clause question once per group', () => {
    // Only SE-1.1 (8.2 + 8.5) answered at 4: group 8 = 300 / 3, not 600 / 6 — and coverage 1, not 2.
    const only = scoreDiagnostic(miniReferential, ['ACI'], answers({ 'SE-1.1': 4 }));
    expect(only.iso9001.find((g) => g.group === '8')).toMatchObject({ score: 100, coverage: { applicable: 1, answered: 1, na: 0 } });
  });
});

describe('ISO 26000 and RSE readiness — scenario A', () => {
  const s = scoreDiagnostic(miniReferential, ['AI'], scenarioA);
  const subject = (slug: string) => s.iso26000.find((x) => x.subject === slug);

  it('lists the seven core subjects with their French names', () => {
    expect(s.iso26000.map((x) => x.label)).toEqual([
      'Gouvernance de l’organisation',
      'Droits de l’Homme',
      'Relations et conditions de travail',
      'Environnement',
      'Loyauté des pratiques',
      'Questions relatives aux consommateurs',
      'Communautés et développement local',
    ]);
  });

  it('scores each subject and gives its Engagé RSE level', () => {
    // gouvernance: ID-1.1 (w3, 100) + ID-1.2 (w1, 0) → 75 → 750 points → Exemplaire
    expect(subject('gouvernance')).toMatchObject({ score: 75, questions: ['ID-1.1', 'ID-1.2'] });
    expect(subject('gouvernance')?.rseLevel?.label).toBe('Exemplaire');
    // relations-conditions-travail: SE-1.1 (w3, 50) + FS-1.1 (w3, 25) → 225 / 6 = 37.5 → 375 → Progression
    expect(subject('relations-conditions-travail')?.score).toBe(37.5);
    expect(subject('relations-conditions-travail')?.rseLevel?.label).toBe('Progression');
    // environnement: FS-2.1 → 100
    expect(subject('environnement')?.score).toBe(100);
    // consommateurs: SE-1.3 unanswered → null, and no level
    expect(subject('consommateurs')).toMatchObject({ score: null, rseLevel: null, coverage: { applicable: 1, answered: 0, na: 0 } });
    // communautés: ID-2.1 N/A → null
    expect(subject('communautes-developpement-local')).toMatchObject({ score: null, coverage: { applicable: 1, answered: 1, na: 1 } });
    // no question on human rights or fair practices
    expect(subject('droits-humains')).toMatchObject({ score: null, coverage: { applicable: 0, answered: 0, na: 0 }, questions: [], rseLevel: null });
  });

  it('gives an overall RSE score over every question mapped to a subject', () => {
    // ID-1.1 300, ID-1.2 0, SE-1.1 150, FS-1.1 75, FS-2.1 100 → 625 over 3+1+3+3+1 = 11
    expect(s.rse.score).toBe(625 / 11); // 56.818…
    expect(s.rse.points).toBe((625 / 11) * 10); // 568.18… / 1000
    expect(s.rse.level?.label).toBe('Confirmé');
    // ID-2.1 N/A and SE-1.3 unanswered are in the coverage
    expect(s.rse.coverage).toEqual({ applicable: 7, answered: 6, na: 1 });
  });

  it('documents the Engagé RSE scale', () => {
    expect(RSE_LEVELS.map((l) => [l.label, l.minPoints, l.maxPoints])).toEqual([
      ['Initial', 0, 300],
      ['Progression', 301, 500],
      ['Confirmé', 501, 700],
      ['Exemplaire', 701, 1000],
    ]);
  });

  it.each([
    [0, 'Initial'],
    [30, 'Initial'], // 300 points
    [30.1, 'Progression'], // 301
    [50, 'Progression'], // 500
    [50.1, 'Confirmé'], // 501
    [70, 'Confirmé'], // 700
    [70.1, 'Exemplaire'], // 701
    [100, 'Exemplaire'],
  ] as const)('score %s → %s', (score, label) => {
    expect(rseLevelFor(score).label).toBe(label);
  });

  it('has no RSE level without a score', () => {
    expect(rseLevelFor(null)).toBeNull();
  });
});
