import { describe, expect, it } from 'vitest';
import { builtinReferentials } from '../../src/referential/store.ts';
import { originsOf } from '../../src/referential/mapping.ts';
import { scoreDiagnostic, type Level } from '../../src/scoring/index.ts';
import { actionsProgress, completedInWindow, serviceCountsOf, servicesFollowedByProgress, servicesFollowUpOf, type CompletedActionInput } from '../../src/scoring/actions-progress.ts';

const ref = builtinReferentials().find((r) => r.id === 'cap-2023')!;
const ref2026 = builtinReferentials().find((r) => r.id === 'cap-2026')!;
const score = (levels: Record<string, Level>) => scoreDiagnostic(ref, ['ACI'], new Map(Object.entries(levels)));
const WINDOW = { from: '2025-03-01T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' };

let n = 0;
function action(questionCode: string | null, over: Partial<CompletedActionInput> = {}): CompletedActionInput {
  return { id: `a${n++}`, questionCode, title: `Action sur ${questionCode}`, services: ['FORM-QUALITE'], status: 'done', dropped: false, completedAt: '2025-09-15T10:00:00.000Z', ...over };
}

describe('which actions count as completed in between', () => {
  it('keeps done, not dropped, question-targeted actions completed within the window, once', () => {
    const ok = action('ID-1.1');
    const kept = completedInWindow(
      [
        ok,
        ok,
        action('ID-1.2', { status: 'in_progress' }),
        action('ID-1.3', { dropped: true }),
        action(null),
        action('ID-1.4', { completedAt: '2025-01-01T00:00:00.000Z' }),
        action('ID-2.1', { completedAt: '2026-04-01T00:00:00.000Z' }),
      ],
      WINDOW,
    );
    expect(kept).toEqual([ok]);
  });
});

describe('what a year of actions moved', () => {
  const previous = score({ 'ID-1.1': 1, 'ID-1.2': 2, 'ID-1.3': 2, 'ID-1.4': 3, 'ID-2.1': 'na', 'ID-2.2': 2 });
  const current = score({ 'ID-1.1': 3, 'ID-1.2': 2, 'ID-1.3': 3, 'ID-1.4': 2, 'ID-2.1': 3, 'ID-2.2': 2 });
  const a11 = action('ID-1.1', { title: 'Écrire la charte' });
  const a12 = action('ID-1.2', { title: 'Réviser le projet' });
  const a21 = action('ID-2.1', { title: 'Mesurer l’utilité sociale' });
  const progress = actionsProgress(previous, current, [a11, a12, a21], WINDOW);
  const move = (code: string) => progress.questions.find((m) => m.code === code);

  it('puts each compared question in one category', () => {
    expect(move('ID-1.1')).toMatchObject({ before: 1, after: 3, delta: 2, kind: 'with-action-progress', actions: [a11] });
    expect(move('ID-1.2')).toMatchObject({ before: 2, after: 2, delta: 0, kind: 'with-action-no-progress', actions: [a12] });
    expect(move('ID-1.3')).toMatchObject({ delta: 1, kind: 'moved-without-action' });
    expect(move('ID-1.4')).toMatchObject({ delta: -1, kind: 'moved-without-action' });
    expect(move('ID-2.2')).toMatchObject({ delta: 0, kind: 'steady' });
    expect(progress.counts).toEqual({ 'with-action-progress': 1, 'with-action-no-progress': 1, 'moved-without-action': 2, steady: 1 });
  });

  it('leaves out questions not answered with a level on both sides, and says which actions could not be compared', () => {
    expect(move('ID-2.1')).toBeUndefined();
    expect(move('SV-1.1')).toBeUndefined();
    expect(progress.actionsNotCompared).toEqual([a21]);
    expect(progress.completed).toBe(3);
  });

  it('sums up each criterion: score change, completed actions, questions up and down', () => {
    const id1 = progress.criteria.find((c) => c.code === 'ID-1')!;
    expect(id1).toMatchObject({ actions: 2, up: 2, down: 1, trend: 'up' });
    expect(id1.delta).toBeGreaterThan(0);
  });
});

describe('answers carried over and not yet reviewed', () => {
  it('are left out of the comparison and counted', () => {
    const previous = score({ 'ID-1.1': 1, 'ID-1.2': 2 });
    const current = score({ 'ID-1.1': 1, 'ID-1.2': 3 });
    const p = actionsProgress(previous, current, [action('ID-1.1')], WINDOW, new Set(['ID-1.1']));
    expect(p.questions.map((m) => m.code)).toEqual(['ID-1.2']);
    expect(p.notYetReviewed).toBe(1);
    expect(p.actionsNotCompared.map((a) => a.questionCode)).toEqual(['ID-1.1']);
  });
});

describe('across referential versions, through the mapping', () => {
  it('compares each CAP 2026 question with the lowest level of its CAP 2023 sources; criteria are not compared', () => {
    // SV-1.2 of CAP 2026 merges ID-1.3 (2) and SV-1.2 (1) of CAP 2023.
    const previous = score({ 'ID-1.1': 1, 'ID-1.3': 2, 'SV-1.2': 1 });
    const current = scoreDiagnostic(ref2026, ['ACI'], new Map(Object.entries({ 'ID-1.1': 3, 'SV-1.2': 3, 'ID-7.1': 2 } as Record<string, Level>)));
    // Actions are given with the codes of CAP 2026 (src/db/certification.ts translates them).
    const a = action('SV-1.2');
    const p = actionsProgress(previous, current, [a], WINDOW, new Set(), originsOf(ref2026.mapping!));
    expect(p.questions.map((m) => [m.code, m.before, m.after, m.kind])).toEqual([
      ['ID-1.1', 1, 3, 'moved-without-action'],
      ['SV-1.2', 1, 3, 'with-action-progress'],
    ]);
    expect(p.criteria.every((c) => c.before === null && c.trend === 'n/a')).toBe(true);
  });
});

describe('services most often followed by progress, for a region', () => {
  const previous = score({ 'ID-1.1': 1, 'ID-1.2': 1 });
  const up = score({ 'ID-1.1': 2, 'ID-1.2': 1 });
  const pair = (org: string, services: string[][]) => ({
    organisationId: org,
    progress: actionsProgress(previous, up, [action('ID-1.1', { services: services[0] ?? [] }), action('ID-1.2', { services: services[1] ?? [] })], WINDOW),
  });

  it('counts actions, progress after them and structures, and hides services with too few structures', () => {
    const pairs = [1, 2, 3, 4, 5].map((i) => pair(`o${i}`, [['FORM-QUALITE'], ['JUR-PLATEFORME']]));
    pairs.push(pair('o6', [['CAP-ISO9001'], []]));
    const r = servicesFollowedByProgress(pairs, 5);
    expect(r.rows).toEqual([
      { service: 'FORM-QUALITE', actions: 5, followedByProgress: 5, structures: 5 },
      { service: 'JUR-PLATEFORME', actions: 5, followedByProgress: 0, structures: 5 },
    ]);
    expect(r.hidden).toBe(1);
    expect(r.structures).toBe(6);
  });

  it('shows nothing below the threshold', () => {
    expect(servicesFollowedByProgress([pair('o1', [['FORM-QUALITE'], []])], 5)).toMatchObject({ rows: [], hidden: 1, structures: 1, minStructures: 5 });
  });

  it('adds up the shares stored per structure to the same picture; a service named twice on an action counts once', () => {
    expect(serviceCountsOf(pair('o1', [['FORM-QUALITE', 'FORM-QUALITE'], ['FORM-QUALITE', 'JUR-PLATEFORME']]).progress)).toEqual({ 'FORM-QUALITE': [2, 1], 'JUR-PLATEFORME': [1, 0] });
    const pairs = [1, 2, 3, 4, 5, 6].map((i) => pair(`o${i}`, [i % 2 ? ['FORM-QUALITE'] : ['CAP-ISO9001'], ['FORM-QUALITE']]));
    const stored = pairs.map((p) => ({ organisationId: p.organisationId, services: serviceCountsOf(p.progress) }));
    expect(servicesFollowUpOf(stored, 3)).toEqual(servicesFollowedByProgress(pairs, 3));
    // A structure with two comparable diagnostics but no completed action still counts among the structures.
    expect(servicesFollowUpOf([...stored, { organisationId: 'o7', services: {} }], 3).structures).toBe(7);
  });
});
