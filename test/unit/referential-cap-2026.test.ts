// The built-in « CAP 2026 »: valid, within the counts the federation asked for, with sources on
// every legal question, ladders whose top level measures results, fair mappings, a glossary and a
// mapping from CAP 2023 — and none of the faults found in CAP 2023.
import { describe, it, expect } from 'vitest';
import { builtinReferentials, builtinServices, questionCodesOf, validationContext } from '../../src/referential/store.ts';
import { questionCount, validateReferential } from '../../src/referential/validate.ts';
import { ISO26000_ISSUES, ISO26000_SUBJECTS, STRUCTURE_TYPES, THEME_SLUGS, type Question, type Referential } from '../../src/referential/schema.ts';
import { linkTerms } from '../../src/referential/glossary.ts';
import { originsOf } from '../../src/referential/mapping.ts';
import { isApplicable } from '../../src/scoring/index.ts';

const [cap2023, ref] = builtinReferentials() as [Referential, Referential];
const all: Question[] = ref.themes.flatMap((th) => th.criteria.flatMap((c) => c.questions));
const byCode = new Map(all.map((q) => [q.code, q]));
const q = (code: string): Question => {
  const found = byCode.get(code);
  if (!found) throw new Error(`no question ${code}`);
  return found;
};
/** Every text a structure reads for a question. */
const textsOf = (x: Question): string[] => [x.text, x.help, ...x.levels, ...x.evidence, x.recommendation.title, x.recommendation.text];
const everyText = all.flatMap(textsOf).join('\n');

describe('CAP 2026, as a document', () => {
  it('validates against the schema, the built-in catalogue and the built-in CAP 2023', () => {
    const r = validateReferential(JSON.parse(JSON.stringify(ref)), new Set(builtinServices().map((s) => s.code)), validationContext());
    expect(r.ok ? [] : r.errors).toEqual([]);
    expect(r.ok && r.referential).toEqual(ref);
  });

  it('keeps every theme between 16 and 26 questions, in the four themes’ order', () => {
    expect(ref.themes.map((th) => th.slug)).toEqual([...THEME_SLUGS]);
    for (const th of ref.themes) {
      const n = th.criteria.reduce((m, c) => m + c.questions.length, 0);
      expect(n, th.slug).toBeGreaterThanOrEqual(16);
      expect(n, th.slug).toBeLessThanOrEqual(26);
    }
    expect(questionCount(ref)).toBeGreaterThan(questionCount(cap2023));
  });

  it('files every question under its criterion, codes in ascending order', () => {
    for (const c of ref.themes.flatMap((th) => th.criteria)) {
      const numbers = c.questions.map((x) => {
        expect(x.code.startsWith(`${c.code}.`), x.code).toBe(true);
        return Number(x.code.split('.')[1]);
      });
      expect(numbers, c.code).toEqual([...numbers].sort((a, b) => a - b));
    }
  });

  it('gives every question five distinct levels, evidence, one to three services and a whole action title', () => {
    for (const x of all) {
      expect(new Set(x.levels).size, x.code).toBe(5);
      expect(x.evidence.length, x.code).toBeGreaterThanOrEqual(1);
      expect(x.services.length, x.code).toBeGreaterThanOrEqual(1);
      expect(x.recommendation.title.length, x.code).toBeLessThanOrEqual(90);
    }
    expect(new Set(all.map((x) => x.recommendation.title)).size).toBe(all.length);
  });

  it('never reuses a CAP 2023 code for a question whose meaning changed without saying so', () => {
    const origins = originsOf(ref.mapping!);
    const old = questionCodesOf(cap2023);
    for (const x of all) {
      if (!old.has(x.code)) continue;
      const origin = origins.get(x.code);
      expect(origin?.sources, x.code).toContain(x.code);
    }
  });

  it('writes French typography: no plain space before « : ; ? ! », none inside guillemets', () => {
    for (const x of all) {
      for (const t of textsOf(x)) {
        expect(t, x.code).not.toMatch(/ [;:?!]/);
        expect(t, x.code).not.toMatch(/« | »/);
      }
    }
  });
});

describe('CAP 2026, legal questions', () => {
  const legal = all.filter((x) => x.legal);

  it('gives each its sources, checked at a date, and a compliance level whose ladder step marks compliance', () => {
    expect(legal.length).toBeGreaterThan(20);
    expect(legal.length).toBeLessThan(all.length / 3);
    for (const x of legal) {
      expect(x.legalRefs?.length, x.code).toBeGreaterThanOrEqual(1);
      for (const r of x.legalRefs!) expect(r.verified, x.code).toMatch(/^2026-\d\d-\d\d$/);
      expect(x.complianceLevel, x.code).toBeGreaterThanOrEqual(2);
      expect(x.complianceLevel, x.code).toBeLessThanOrEqual(3);
    }
    for (const x of all.filter((y) => !y.legal)) expect(x.complianceLevel, x.code).toBeUndefined();
  });

  it('flags as legal the duties CAP 2023 left unflagged, and no longer the AG calendar set by statutes', () => {
    const flagged = (re: RegExp) => all.filter((x) => re.test(x.text));
    expect(flagged(/violation de données/).every((x) => x.legal)).toBe(true);
    expect(flagged(/accidents du travail sont-ils déclarés/).map((x) => [x.code, x.legal])).toEqual([['FS-2.3', true]]);
    expect(q('FS-2.3').help).toMatch(/48 heures/);
    expect(flagged(/médiateur de la consommation/).map((x) => [x.code, x.legal])).toEqual([['AC-2.5', true]]);
    expect([q('SV-7.5').legal, q('SV-7.3').legal]).toEqual([true, true]); // written placement contracts, AI and ETTI
    expect(q('ID-3.1').legal).toBe(false);
    expect(q('ID-3.1').help).toMatch(/fixés par les statuts/);
  });
});

describe('CAP 2026 fixes the faults of CAP 2023', () => {
  it('states the « entretien de parcours professionnel » of the law of 24 October 2025, for people on CDDI too', () => {
    const x = q('FS-1.5');
    expect(x.text).toMatch(/entretiens de parcours professionnel/);
    expect(x.help).toMatch(/dans l’année qui suit son arrivée, puis tous les quatre ans/);
    expect(x.help).toMatch(/tous les huit ans/);
    expect(x.help).toMatch(/1er octobre 2026/);
    expect(x.help).toMatch(/CDDI sont concernés/);
    expect(x.legalRefs!.map((r) => r.article)).toContain('art. L6315-1');
    expect(x.appliesTo).toEqual([...STRUCTURE_TYPES]);
    expect(everyText).not.toMatch(/tous les deux ans/);
  });

  it('names the commission spécialisée of the comité départemental pour l’emploi instead of the CDIAE', () => {
    for (const x of all) for (const t of textsOf(x)) if (/CDIAE/.test(t)) expect(t, x.code).toMatch(/a laissé la place|a remplacé/);
    expect(q('ID-5.2').help).toMatch(/décret n° 2024-560 du 18 juin 2024/);
    expect(q('FS-4.4').help).toMatch(/commission spécialisée du comité départemental pour l’emploi/);
  });

  it('gives the ACI revenue rule its article and its conditions', () => {
    const x = q('FS-4.4');
    expect(x.appliesTo).toEqual(['ACI']);
    expect(x.legalRefs!.map((r) => r.article)[0]).toBe('art. D5132-34');
    expect(x.legalRefs!.map((r) => r.text)).toContain('Circulaire DGEFP n° 2005-41 du 28 novembre 2005 relative aux ateliers et chantiers d’insertion');
    expect(x.help).toMatch(/inférieure à 30 %/);
    expect(x.help).toMatch(/commission spécialisée du comité départemental pour l’emploi/);
    expect(x.help).toMatch(/pour chaque atelier ou chantier/);
    expect(x.help).toMatch(/jusqu’à 50 %/);
    expect(x.help).toMatch(/pas déjà assurées par les entreprises locales/);
  });

  it('gives the AI 480-hour rule the prefect’s derogation', () => {
    expect(q('SV-7.1').help).toMatch(/peut autoriser une AI à y déroger, pour trois ans au plus renouvelables/);
    expect(q('SV-7.1').legalRefs!.map((r) => r.article)).toContain('art. D5132-18-1');
  });

  it('no longer ties the 20-hour minimum to the AI article alone; it applies to every CDDI', () => {
    const x = q('FS-3.4');
    expect(x.appliesTo).toEqual(['AI', 'ACI', 'EI']);
    expect(x.help).toMatch(/au moins 20 heures par semaine/);
    expect(x.legalRefs!.map((r) => r.article)).toContain('F14100 (durée minimale de 20 heures par semaine)');
    expect(q('SV-1.4').help).not.toMatch(/20 heures/);
    // The prefect's derogations exist in ACI only: for one person (D5132-43-5) or a whole workshop (D5132-43-8).
    expect(x.help).toMatch(/En ACI seulement/);
    expect(x.legalRefs!.map((r) => r.article)).toEqual(expect.arrayContaining(['art. L5132-15-1', 'art. D5132-43-5', 'art. D5132-43-8']));
  });

  it('does not credit the law of 14 December 2020 with a commission of people in pathways', () => {
    expect(q('ID-4.2').help).toMatch(/Aucune instance propre aux salariés en parcours n’est prévue par le code du travail/);
    expect(q('ID-4.2').help).not.toMatch(/loi du 14 décembre 2020/);
  });

  it('states the RGPD register exemption with its risk criterion and article 10 data', () => {
    const help = q('FS-6.3').help;
    expect(help).toMatch(/susceptible de comporter un risque/);
    expect(help).toMatch(/art\. 10/);
    expect(help).toMatch(/placées sous main de justice/);
    expect(q('FS-6.3').legalRefs!.map((r) => r.article)).toEqual(['art. 30, § 5', 'art. 9 et 10', 'art. 13 et 14']);
  });

  it('says the ESUS agreement is automatic for SIAE only when they belong to the ESS (statutes of a company)', () => {
    expect(q('ID-3.6').help).toMatch(/une société commerciale doit inscrire dans ses statuts/);
    expect(q('ID-3.6').iso9001).toEqual([]);
  });

  it('asks each satisfaction and complaint question once', () => {
    expect(all.filter((x) => /satisfaction des clients/.test(x.text)).map((x) => x.code)).toEqual(['AC-2.2']);
    expect(all.filter((x) => /réclamations/.test(x.text)).map((x) => x.code)).toEqual(['AC-2.4']);
    expect(all.filter((x) => /accidents du travail/.test(x.text)).map((x) => x.code)).toEqual(['FS-2.3']);
  });

  it('covers the missing topics', () => {
    const has = (re: RegExp) => all.filter((x) => re.test(x.text)).map((x) => x.code);
    expect(has(/recrutements.*sans discrimination/)).toEqual(['ID-7.1']);
    expect(has(/personnes handicapées/)).toEqual(['ID-7.3']);
    expect(q('ID-7.3').help).toMatch(/6 %/);
    expect(has(/harcèlement sexuel/)).toEqual(['ID-7.4']);
    expect(q('ID-7.4').help).toMatch(/référent/);
    expect(has(/durée hebdomadaire/)).toEqual(['FS-3.4']);
    expect(has(/convention collective/)).toEqual(['FS-3.5']);
    expect(has(/encadrement technique/)).toEqual(['SV-9.1']);
    expect(has(/coût de revient/)).toEqual(['FS-4.5']);
    expect(has(/déchets/)).toEqual(['FS-7.3']);
    expect(has(/phytopharmaceutiques/)).toEqual(['FS-7.4']);
    expect(q('FS-7.4').text).toMatch(/biodiversité/);
    expect(has(/savoirs de base.*français.*numériques/)).toEqual(['SV-2.5']);
    expect(has(/candidature/)).toEqual(['SV-1.5']);
    expect(has(/conflits d’intérêts/)).toEqual(['ID-6.1']);
    expect(has(/rémunération des dirigeants/)).toEqual(['ID-6.2']);
  });

  it('asks one thing per question: no question text joins two demands with « et » after a question mark', () => {
    for (const x of all) expect((x.text.match(/\?/g) ?? []).length, x.code).toBe(1);
  });
});

describe('CAP 2026, structure types', () => {
  const only = (...codes: string[]) => codes.map((c) => [c, q(c).appliesTo]);

  it('gives GEIQ, EBE and EITI questions of their own', () => {
    expect(all.filter((x) => x.appliesTo.length === 1 && x.appliesTo[0] === 'GEIQ').map((x) => x.code)).toEqual(['SV-10.1']);
    expect(all.filter((x) => x.appliesTo.length === 1 && x.appliesTo[0] === 'EBE').map((x) => x.code)).toEqual(['ID-5.4', 'ID-5.5']);
    expect(all.filter((x) => x.appliesTo.length === 1 && x.appliesTo[0] === 'EITI').map((x) => x.code)).toEqual(['SV-10.2']);
  });

  it('leaves EITI out of questions that assume people in pathways are employees', () => {
    for (const code of ['ID-4.2', 'SV-2.3', 'SV-3.2', 'SV-9.1', 'SV-1.4', 'FS-3.4', 'FS-3.5']) expect(q(code).appliesTo, code).not.toContain('EITI');
    expect(isApplicable(q('SV-1.1'), ['EITI'])).toBe(true); // the PASS IAE frames EITI pathways too
  });

  it('keeps IAE rules off GEIQ, EBE and other members', () => {
    for (const code of ['SV-1.1', 'SV-1.5', 'FS-4.2']) expect(q(code).appliesTo, code).toEqual(['AI', 'ACI', 'EI', 'ETTI', 'EITI']);
    expect(only('SV-7.1', 'SV-7.5', 'SV-7.2', 'SV-7.3', 'SV-7.4')).toEqual([
      ['SV-7.1', ['AI']],
      ['SV-7.5', ['AI']],
      ['SV-7.2', ['ETTI']],
      ['SV-7.3', ['ETTI']],
      ['SV-7.4', ['ETTI']],
    ]);
  });
});

describe('CAP 2026, ladders', () => {
  it('makes level 4 about results measured against targets and their trend, not about sharing', () => {
    for (const x of all) {
      const top = x.levels[4]!;
      expect(top, x.code).toMatch(/objectif|cible|100 %/i);
      expect(top, x.code).toMatch(/progress|évolution|tendance|depuis|d’une année sur l’autre|d’un .+ à l’autre|(deux|trois|plusieurs) ans|diminu|s’amélior|se réduis|tenu|tient|tiennent|rapproch/i);
      expect(top, x.code).not.toMatch(/partagée? avec (le|d’autres structures du) réseau/);
    }
  });

  it('ships a guide to choosing a level whose level 4 matches the ladders', () => {
    expect(ref.levelGuide!.levels).toHaveLength(5);
    expect(ref.levelGuide!.levels[4]).toMatch(/objectifs/);
    expect(ref.levelGuide!.advice.join(' ')).toMatch(/obligation légale à sécuriser/);
  });
});

describe('CAP 2026, mappings and services', () => {
  it('covers ISO 9001 7.1.5, 8.1 and 8.6, and every clause group', () => {
    const clauses = new Set(all.flatMap((x) => x.iso9001));
    for (const c of ['7.1.5', '8.1', '8.6'] as const) expect(clauses.has(c), c).toBe(true);
    expect(new Set([...clauses].map((c) => c.split('.')[0]))).toEqual(new Set(['4', '5', '6', '7', '8', '9', '10']));
  });

  it('drops the forced ISO 9001 links of CAP 2023 (CSE → 7.4, ESUS → 4.2, complementary health → 7.1.2)', () => {
    expect(q('ID-4.1').iso9001).not.toContain('7.4');
    expect(q('ID-3.6').iso9001).not.toContain('4.2');
    expect(q('FS-3.2').iso9001).not.toContain('7.1.2');
  });

  it('maps every ISO 26000 subject a question lists to at least one of its issues', () => {
    for (const x of all) {
      const issues = x.iso26000Issues ?? [];
      expect(new Set(issues.map((i) => ISO26000_ISSUES[i].subject)), x.code).toEqual(new Set(x.iso26000));
    }
    const subjects = new Set(all.flatMap((x) => x.iso26000));
    for (const s of ISO26000_SUBJECTS) expect(subjects.has(s), s).toBe(true);
    expect(all.some((x) => x.iso26000Issues?.includes('6.4.4'))).toBe(true);
  });

  it('cites every service of the catalogue', () => {
    const cited = new Set(all.flatMap((x) => x.services));
    expect(builtinServices().filter((s) => !cited.has(s.code)).map((s) => s.code)).toEqual([]);
  });
});

describe('CAP 2026, glossary', () => {
  const glossary = ref.glossary!;

  it('defines the terms the issue names, each used in some question', () => {
    const ids = new Set(glossary.map((t) => t.id));
    for (const id of ['cddi', 'pmsmp', 'duerp', 'falc', 'ust', 'asp', 'cta', 'pass-iae', 'entretien-parcours']) expect(ids.has(id), id).toBe(true);
    const helps = all.flatMap((x) => [x.text, x.help]);
    for (const term of glossary) expect(helps.some((t) => linkTerms(t, glossary).some((s) => s.termId === term.id)), term.id).toBe(true);
  });

  it('links terms in question texts', () => {
    const linked = all.filter((x) => linkTerms(x.text, glossary).some((s) => s.termId));
    expect(linked.length).toBeGreaterThan(all.length / 4);
    expect(linkTerms(q('SV-1.1').text, glossary).filter((s) => s.termId).map((s) => s.text)).toEqual(['PASS IAE']);
  });
});

describe('CAP 2026, mapping from CAP 2023', () => {
  it('accounts for every CAP 2023 question exactly once', () => {
    const from = ref.mapping!.questions.map((e) => e.from);
    expect(new Set(from).size).toBe(from.length);
    expect(new Set(from)).toEqual(questionCodesOf(cap2023));
  });

  it('gives a note to every question merged, split, moved or dropped', () => {
    for (const e of ref.mapping!.questions) if (e.to.length !== 1 || e.to[0] !== e.from) expect(e.note, e.from).toBeTruthy();
  });
});
