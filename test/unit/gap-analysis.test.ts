import { describe, expect, it } from 'vitest';
import { ISO9001_CLAUSES } from '../../src/referential/schema.ts';
import { builtinReferentials } from '../../src/referential/store.ts';
import { scoreDiagnostic, type Level } from '../../src/scoring/index.ts';
import { ISO9001_CLAUSE_LIST, subClausesOf } from '../../src/scoring/iso9001-clauses.ts';
import { assessRequirement, gapQuestionsOf, iso26000GapAnalysis, iso9001GapAnalysis, type GapEvidence } from '../../src/scoring/gap-analysis.ts';

const pdf = (id: string): GapEvidence => ({ id, name: `${id}.pdf`, size: 1000, mime: 'application/pdf' });
const q = (code: string, level: Level | null, evidence: GapEvidence[] = []) => ({ code, level, evidence });

describe('the ISO 9001:2015 clause list', () => {
  it('holds every clause from 4.1 to 10.3, in the order of the standard, each titled and explained', () => {
    expect(ISO9001_CLAUSE_LIST.map((c) => c.code)).toEqual([...ISO9001_CLAUSES]);
    expect(ISO9001_CLAUSE_LIST[0]!.code).toBe('4.1');
    expect(ISO9001_CLAUSE_LIST.at(-1)!.code).toBe('10.3');
    for (const c of ISO9001_CLAUSE_LIST) {
      expect(c.title.length, c.code).toBeGreaterThan(5);
      expect(c.expects.length, c.code).toBeGreaterThan(30);
      expect(c.expects, c.code).not.toMatch(/ [:;!?]/); // French spacing is no-break
    }
  });
  it('carries the 2024 climate amendment in 4.1 and 4.2 only', () => {
    expect(ISO9001_CLAUSE_LIST.filter((c) => c.climate2024).map((c) => c.code)).toEqual(['4.1', '4.2']);
    expect(ISO9001_CLAUSE_LIST.find((c) => c.code === '4.1')!.expects).toMatch(/changement climatique/);
  });
  it('knows which clauses have sub-clauses', () => {
    expect(subClausesOf('5.1')).toEqual(['5.1.1', '5.1.2']);
    expect(subClausesOf('7.1')).toEqual(['7.1.1', '7.1.2', '7.1.3', '7.1.4', '7.1.5', '7.1.6']);
    expect(subClausesOf('9.1')).toEqual(['9.1.1', '9.1.2', '9.1.3']);
    expect(subClausesOf('8.5')).toEqual([]);
  });
});

describe('the status of a requirement follows the documented rules', () => {
  it('« non informée » when no question informs it, or all are not applicable', () => {
    expect(assessRequirement([])).toEqual({ status: 'non-informe', reasons: [{ kind: 'no-question' }] });
    expect(assessRequirement([q('A', 'na'), q('B', 'na')])).toEqual({ status: 'non-informe', reasons: [{ kind: 'all-na' }] });
  });
  it('« sans réponse » when nothing is answered yet (never counted as zero)', () => {
    expect(assessRequirement([q('A', null), q('B', 'na')])).toEqual({ status: 'sans-reponse', reasons: [{ kind: 'none-answered', codes: ['A'] }] });
  });
  it('« à construire » when every answer is at level 0 or 1', () => {
    expect(assessRequirement([q('A', 0), q('B', 1, [pdf('x')])]).status).toBe('a-construire');
    expect(assessRequirement([q('A', 1), q('B', null)])).toEqual({ status: 'a-construire', reasons: [{ kind: 'informal-only' }, { kind: 'unanswered', codes: ['B'] }] });
  });
  it('« couvert » only when every question is at level 3 or more, all answered, with evidence', () => {
    expect(assessRequirement([q('A', 3, [pdf('x')]), q('B', 4), q('C', 'na')])).toEqual({ status: 'couvert', reasons: [{ kind: 'formalised', evidence: 1 }] });
  });
  it('« partiel » otherwise, saying why', () => {
    expect(assessRequirement([q('A', 3), q('B', 4)])).toEqual({ status: 'partiel', reasons: [{ kind: 'no-evidence' }] });
    expect(assessRequirement([q('A', 2, [pdf('x')]), q('B', 4)])).toEqual({ status: 'partiel', reasons: [{ kind: 'below-formalised', items: [{ code: 'A', level: 2 }] }] });
    expect(assessRequirement([q('A', 0), q('B', 2)]).status).toBe('partiel');
    expect(assessRequirement([q('A', 4, [pdf('x')]), q('B', null)])).toEqual({ status: 'partiel', reasons: [{ kind: 'unanswered', codes: ['B'] }] });
  });
});

describe('the gap analysis of a CAP 2026 diagnostic', () => {
  it('informs 7.1.5, 8.1 and 8.6, which CAP 2023 left out; only two general clauses stay uninformed', () => {
    const ref = builtinReferentials().find((r) => r.id === 'cap-2026')!;
    const scores = scoreDiagnostic(ref, ['ACI'], new Map());
    const iso = iso9001GapAnalysis({ questions: gapQuestionsOf(ref, scores.questions, new Map()), evidence: new Map(), actions: [] });
    expect(iso.rows.filter((r) => r.status === 'non-informe').map((r) => r.id)).toEqual(['5.1.1', '10.1']);
    for (const code of ['7.1.5', '8.1', '8.6']) expect(iso.rows.find((r) => r.id === code)!.status, code).toBe('sans-reponse');
  });
});

describe('the gap analysis of a CAP 2023 diagnostic', () => {
  const ref = builtinReferentials().find((r) => r.id === 'cap-2023')!;
  const all = ref.themes.flatMap((t) => t.criteria.flatMap((c) => c.questions));

  function analyse(levels: Record<string, Level>, evidence: Record<string, GapEvidence[]> = {}, actions: { id: string; questionCode: string; title: string; status: 'todo' | 'in_progress' | 'done' }[] = []) {
    const scores = scoreDiagnostic(ref, ['ACI'], new Map(Object.entries(levels)));
    const input = { questions: gapQuestionsOf(ref, scores.questions, new Map([['ID-1.1', 'Charte validée en CA']])), evidence: new Map(Object.entries(evidence)), actions };
    return { iso: iso9001GapAnalysis(input), rse: iso26000GapAnalysis(input) };
  }

  it('lists every clause, those no question informs included, as such', () => {
    const { iso } = analyse({});
    expect(iso.rows.map((r) => r.id)).toEqual([...ISO9001_CLAUSES]);
    const uninformed = iso.rows.filter((r) => r.status === 'non-informe').map((r) => r.id);
    // CAP 2023 maps no question to these (checked against the referential itself below).
    expect(uninformed).toEqual(['5.1.1', '7.1.1', '7.1.5', '8.1', '8.6', '9.1.1', '10.1']);
    for (const code of uninformed) expect(all.some((x) => x.iso9001.includes(code as never))).toBe(false);
    expect(iso.counts['sans-reponse'] + iso.counts['non-informe']).toBe(ISO9001_CLAUSES.length);
  });

  it('reads a parent clause with the questions of its sub-clauses', () => {
    const { iso } = analyse({});
    const c51 = iso.rows.find((r) => r.id === '5.1')!;
    const via = c51.questions.filter((x) => x.via === '5.1.2').map((x) => x.code);
    expect(via.length).toBeGreaterThan(0);
    for (const code of via) expect(all.find((x) => x.code === code)!.iso9001).toContain('5.1.2');
  });

  it('shows levels, comments, evidence and the plan’s actions on each clause', () => {
    const informing52 = all.filter((x) => x.iso9001.includes('5.2')).map((x) => x.code);
    const levels = Object.fromEntries(informing52.map((c) => [c, 3 as Level]));
    const { iso } = analyse(levels, { 'ID-1.1': [pdf('charte')] }, [{ id: 'a1', questionCode: 'ID-1.2', title: 'Réviser le projet', status: 'in_progress' }]);
    const c52 = iso.rows.find((r) => r.id === '5.2')!;
    expect(c52.status).toBe('couvert');
    expect(c52.evidenceCount).toBe(1);
    expect(c52.questions.find((x) => x.code === 'ID-1.1')).toMatchObject({ level: 3, comment: 'Charte validée en CA', evidence: [pdf('charte')] });
    expect(c52.actions.map((a) => a.title)).toEqual(['Réviser le projet']);
    // The same question informs 5.1, whose other questions are unanswered: partial there.
    expect(iso.rows.find((r) => r.id === '5.1')!.status).toBe('partiel');
  });

  it('reads the same diagnostic by ISO 26000 core subject', () => {
    const { rse } = analyse({ 'ID-1.1': 1 });
    expect(rse.rows.map((r) => r.title)).toContain('Gouvernance de l’organisation');
    expect(rse.rows).toHaveLength(7);
    const gov = rse.rows.find((r) => r.id === 'gouvernance')!;
    expect(gov.status).toBe('a-construire');
    expect(gov.reasons[0]).toEqual({ kind: 'informal-only' });
  });
});
