// Prioritisation of the progress plan on the mini referential (see the table in
// test/fixtures/mini-referential.ts). Expected orders worked out by hand.
import { describe, it, expect } from 'vitest';
import { miniReferential } from '../fixtures/mini-referential.ts';
import { scoreDiagnostic, type Level } from '../../src/scoring/index.ts';
import { needOf, proposeActions } from '../../src/plan/prioritise.ts';
import { priorityNow } from '../../src/plan/focus.ts';
import type { QuestionScore } from '../../src/scoring/types.ts';
import { firstSentence, legacyActionTitle } from '../../src/plan/legacy-titles.ts';
import { PRIORITY_LABELS } from '../../src/plan/types.ts';

const answers = (o: Record<string, Level>): ReadonlyMap<string, Level> => new Map(Object.entries(o));

// Scenario P, for an AI, target level 3 (gap = 3 − level, urgency = weight × gap):
//   ID-1.1 w3 level 1        → gap 2, urgency 6 → haute
//   ID-1.2 w1 legal level 2  → gap 1, urgency 1 → basse (legal but at level 2: no longer an obligation)
//   ID-2.1 N/A               → no action
//   SE-1.1 w3 level 2        → gap 1, urgency 3 → moyenne, quick win (one level on a weight-3 question)
//   SE-1.2 w2 level 0        → gap 3, urgency 6 → haute
//   SE-1.3 unanswered        → no action
//   FS-1.1 w3 legal level 1  → gap 2, urgency 6 → obligation (legal below 2)
//   FS-2.1 w1 level 0        → gap 3, urgency 3 → moyenne
//   AC-1.1 N/A               → no action
//   AC-1.2 w1 level 3        → at target: no action
// Order: FS-1.1 (obligation); ID-1.1, SE-1.2 (urgency 6, referential order); SE-1.1, FS-2.1 (3); ID-1.2 (1).
const scenarioP = answers({ 'ID-1.1': 1, 'ID-1.2': 2, 'ID-2.1': 'na', 'SE-1.1': 2, 'SE-1.2': 0, 'FS-1.1': 1, 'FS-2.1': 0, 'AC-1.1': 'na', 'AC-1.2': 3 });
const scoresP = scoreDiagnostic(miniReferential, ['AI'], scenarioP);

const summary = (actions: ReturnType<typeof proposeActions>) => actions.map((a) => [a.rank, a.questionCode, a.urgency, a.priority]);

describe('proposeActions', () => {
  const actions = proposeActions(miniReferential, scoresP);

  it('orders legal obligations first, then weight × gap, ties in referential order', () => {
    expect(summary(actions)).toEqual([
      [1, 'FS-1.1', 6, 'obligation'],
      [2, 'ID-1.1', 6, 'haute'],
      [3, 'SE-1.2', 6, 'haute'],
      [4, 'SE-1.1', 3, 'moyenne'],
      [5, 'FS-2.1', 3, 'moyenne'],
      [6, 'ID-1.2', 1, 'basse'],
    ]);
  });

  it('never proposes an action for N/A, unanswered or at-target questions', () => {
    const codes = actions.map((a) => a.questionCode);
    for (const code of ['ID-2.1', 'AC-1.1', 'SE-1.3', 'AC-1.2']) expect(codes).not.toContain(code);
  });

  it('marks quick wins: a gap of exactly one level on a weight-3 question', () => {
    expect(actions.filter((a) => a.quickWin).map((a) => a.questionCode)).toEqual(['SE-1.1']);
    // ID-1.2 is one level away too, but weighs 1.
    expect(actions.find((a) => a.questionCode === 'ID-1.2')?.quickWin).toBe(false);
  });

  it('carries the question’s recommendation, services and figures', () => {
    expect(actions[0]).toEqual({
      questionCode: 'FS-1.1',
      themeSlug: 'fonctions-support',
      criterionCode: 'FS-1',
      title: 'Mettre à jour le DUERP chaque année',
      description: 'Mettez à jour le DUERP chaque année (art. L. 4121-3 du Code du travail). Associez le CSE.',
      services: ['SANTE-TRAVAIL', 'JUR-PLATEFORME'],
      legal: true,
      weight: 3,
      level: 1,
      gap: 2,
      urgency: 6,
      priority: 'obligation',
      quickWin: false,
      rank: 1,
    });
  });

  it('puts a heavier legal obligation before a lighter one even when it comes later in the referential', () => {
    // ID-1.2 (w1, level 0: urgency 3) comes before FS-1.1 (w3, level 1: urgency 6) in the referential.
    const s = scoreDiagnostic(miniReferential, ['AI'], answers({ 'ID-1.2': 0, 'FS-1.1': 1, 'ID-1.1': 0 }));
    // ID-1.1 (w3, level 0: urgency 9) is not legal, so it comes after both obligations.
    expect(summary(proposeActions(miniReferential, s))).toEqual([
      [1, 'FS-1.1', 6, 'obligation'],
      [2, 'ID-1.2', 3, 'obligation'],
      [3, 'ID-1.1', 9, 'haute'],
    ]);
  });

  it('follows the target level option', () => {
    // Target 4: every gap grows by one. ID-1.1 9, ID-1.2 2, SE-1.1 6, SE-1.2 8, FS-1.1 9 (obligation),
    // FS-2.1 4, AC-1.2 1 (now below target). No quick win: SE-1.1 is two levels away.
    const four = proposeActions(miniReferential, scoresP, { targetLevel: 4 });
    expect(summary(four)).toEqual([
      [1, 'FS-1.1', 9, 'obligation'],
      [2, 'ID-1.1', 9, 'haute'],
      [3, 'SE-1.2', 8, 'haute'],
      [4, 'SE-1.1', 6, 'haute'],
      [5, 'FS-2.1', 4, 'moyenne'],
      [6, 'ID-1.2', 2, 'basse'],
      [7, 'AC-1.2', 1, 'basse'],
    ]);
    expect(four.filter((a) => a.quickWin)).toEqual([]);
    // Target 2: ID-1.1 gap 1 u3 (quick win), SE-1.2 gap 2 u4, FS-1.1 gap 1 u3 (obligation, quick win),
    // FS-2.1 gap 2 u2; ID-1.2 and SE-1.1 are at level 2 already.
    const two = proposeActions(miniReferential, scoresP, { targetLevel: 2 });
    expect(summary(two)).toEqual([
      [1, 'FS-1.1', 3, 'obligation'],
      [2, 'SE-1.2', 4, 'moyenne'],
      [3, 'ID-1.1', 3, 'moyenne'],
      [4, 'FS-2.1', 2, 'basse'],
    ]);
    expect(two.filter((a) => a.quickWin).map((a) => a.questionCode)).toEqual(['FS-1.1', 'ID-1.1']); // in plan order
    expect(two.map((a) => a.gap)).toEqual([1, 2, 1, 2]);
  });

  it('takes the compliance level of each legal question, and aims at it even when the target is lower', () => {
    // As in CAP 2026, ID-1.2 met only from level 3: at level 2 it is an obligation to secure.
    const stricter = structuredClone(miniReferential);
    const id12 = stricter.themes[0]!.criteria[0]!.questions[1]!;
    expect(id12.code).toBe('ID-1.2');
    id12.complianceLevel = 3;
    const s = scoreDiagnostic(stricter, ['AI'], scenarioP);
    expect(s.legalFlags.map((q) => q.code)).toEqual(['ID-1.2', 'FS-1.1']);
    expect(summary(proposeActions(stricter, s)).slice(0, 2)).toEqual([
      [1, 'FS-1.1', 6, 'obligation'],
      [2, 'ID-1.2', 1, 'obligation'],
    ]);
    // Target 2: ID-1.2 is at the target but below its compliance level, so it stays, gap 1.
    const two = proposeActions(stricter, s, { targetLevel: 2 });
    expect(two.find((a) => a.questionCode === 'ID-1.2')).toMatchObject({ priority: 'obligation', gap: 1, rank: 2 });
  });

  it('proposes nothing for an empty or fully mature diagnostic', () => {
    expect(proposeActions(miniReferential, scoreDiagnostic(miniReferential, ['AI'], new Map()))).toEqual([]);
    const mature = answers(Object.fromEntries(scoresP.questions.map((q) => [q.code, 4 as Level])));
    expect(proposeActions(miniReferential, scoreDiagnostic(miniReferential, ['AI'], mature))).toEqual([]);
  });

  it('skips questions that do not apply to the structure', () => {
    // For an ACI, SE-1.2 (AI only) does not apply: its answer of 0 yields nothing.
    const aci = proposeActions(miniReferential, scoreDiagnostic(miniReferential, ['ACI'], scenarioP));
    expect(aci.map((a) => a.questionCode)).toEqual(['FS-1.1', 'ID-1.1', 'SE-1.1', 'FS-2.1', 'ID-1.2']);
    expect(aci.map((a) => a.rank)).toEqual([1, 2, 3, 4, 5]);
  });

  it('is deterministic and does not touch its inputs', () => {
    const before = JSON.stringify(scoresP);
    expect(proposeActions(miniReferential, scoresP)).toEqual(proposeActions(miniReferential, scoresP));
    expect(JSON.stringify(scoresP)).toBe(before);
    // The services list is a copy: editing a plan must not edit the referential.
    const first = proposeActions(miniReferential, scoresP)[0];
    first?.services.push('X');
    expect(proposeActions(miniReferential, scoresP)[0]?.services).toEqual(['SANTE-TRAVAIL', 'JUR-PLATEFORME']);
  });
});

describe('action titles', () => {
  const actions = proposeActions(miniReferential, scoresP, { targetLevel: 4 });
  const titles = Object.fromEntries(actions.map((a) => [a.questionCode, a.title]));

  it('are the recommendations’ own titles, whole, distinct from their texts', () => {
    expect(titles['ID-1.1']).toBe('Formaliser le projet associatif avec le conseil d’administration');
    expect(titles['SE-1.1']).toBe('Formaliser le parcours d’accompagnement de chaque salarié');
    expect(titles['FS-1.1']).toBe('Mettre à jour le DUERP chaque année');
    for (const a of actions) {
      expect(a.title).not.toMatch(/…|\.\.\.$|\.$/);
      expect(a.description).not.toBe(a.title);
    }
  });
});

describe('legacy titles (recognised in plans stored before titles existed)', () => {
  it('were the recommendation’s first sentence, without its period', () => {
    expect(legacyActionTitle('Formalisez votre projet associatif avec le conseil d’administration. Présentez-le.')).toBe('Formalisez votre projet associatif avec le conseil d’administration');
    expect(legacyActionTitle('Tenez l’assemblée générale (cf. art. 5 des statuts types). Publiez.')).toBe('Tenez l’assemblée générale (cf. art. 5 des statuts types)');
    expect(legacyActionTitle('Formez l’équipe… ')).toBe('Formez l’équipe');
  });

  it('were cut at 140 characters with an ellipsis', () => {
    const title = legacyActionTitle(`Formalisez un parcours ${'très '.repeat(40)}long. Puis.`);
    expect(title.length).toBeLessThanOrEqual(140);
    expect(title.endsWith('…')).toBe(true);
  });

  it('split sentences only before a new sentence', () => {
    expect(firstSentence('Voir p. 12 du guide. Puis agir.')).toBe('Voir p. 12 du guide.');
    expect(firstSentence('Mesurez 2.5 fois par an. Ensuite, partagez.')).toBe('Mesurez 2.5 fois par an.');
    expect(firstSentence('  Une seule phrase sans point  ')).toBe('Une seule phrase sans point');
  });
});

describe('PRIORITY_LABELS', () => {
  it('names each priority in French', () => {
    expect(PRIORITY_LABELS).toEqual({ obligation: 'Obligation légale à sécuriser', haute: 'Haute', moyenne: 'Moyenne', basse: 'Basse' });
  });
});

describe('priorityNow (the priority an action shows, from the answer as it stands)', () => {
  const q = (code: string, level: number | null, legal = false) => ({ code, level, legal, complianceLevel: 3, weight: 2 }) as unknown as QuestionScore;
  it('says « à sécuriser » for a legal question below its compliance level, whatever was stored', () => {
    expect(priorityNow({ questionCode: 'A-1.1', priority: 'moyenne' }, [q('A-1.1', 2, true)])).toBe('obligation');
  });
  it('follows the gap for any other answered question below the target, and keeps the stored one otherwise', () => {
    expect(priorityNow({ questionCode: 'A-1.1', priority: 'obligation' }, [q('A-1.1', 0)])).toBe('haute');
    expect(priorityNow({ questionCode: 'A-1.1', priority: 'basse' }, [q('A-1.1', 3)])).toBe('basse');
    expect(priorityNow({ questionCode: 'A-1.1', priority: 'haute' }, [q('A-1.1', null)])).toBe('haute');
    expect(priorityNow({ questionCode: null, priority: 'basse' }, [q('A-1.1', 0, true)])).toBe('basse');
  });
  it('agrees with needOf, the rule proposeActions uses', () => {
    expect(needOf(q('A-1.1', 1, true))).toEqual({ gap: 2, urgency: 4, priority: 'obligation', quickWin: false });
    expect(needOf(q('A-1.1', 3, true))).toBeNull();
  });
});
