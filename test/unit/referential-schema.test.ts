// The referential schema and its cross-checks: each kind of fault is refused with the path of the
// faulty field and a French message. The built-in « CAP 2023 » still parses (it predates the legal
// sources), and its successor « CAP 2026 » is checked in referential-cap-2026.test.ts.
import { describe, it, expect } from 'vitest';
import { builtinReferentials, builtinServices, validationContext } from '../../src/referential/store.ts';
import { parseReferentialJson, questionCount, validateReferential, type ValidationError } from '../../src/referential/validate.ts';
import { ISO26000_SUBJECTS, STRUCTURE_TYPES, THEME_SLUGS, type Question, type Referential } from '../../src/referential/schema.ts';
import { isApplicable } from '../../src/scoring/index.ts';

const SERVICE_CODES = new Set(builtinServices().map((s) => s.code));
/** The versions a mapping may come from: the built-ins, as the CLI sees them without a database. */
const CONTEXT = validationContext();

// A deep copy of a valid version (CAP 2026) as plain JSON, the way an author's file arrives.
function copy(): any {
  return JSON.parse(JSON.stringify(builtinReferentials()[1]));
}

function errorsOf(doc: unknown): ValidationError[] {
  const r = validateReferential(doc, SERVICE_CODES, CONTEXT);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors;
}

function questions(ref: Referential): Question[] {
  return ref.themes.flatMap((th) => th.criteria.flatMap((c) => c.questions));
}

describe('validateReferential refuses each kind of fault with its path', () => {
  it('a duplicate question code, naming the first use', () => {
    const doc = copy();
    // SV-2.5 is new in CAP 2026: no question of CAP 2023 maps to it.
    doc.themes[1].criteria[1].questions[3].code = doc.themes[0].criteria[0].questions[0].code;
    const errors = errorsOf(doc);
    expect(errors).toEqual([
      { path: 'themes[1].criteria[1].questions[3].code', message: 'code « ID-1.1 » déjà utilisé : question n°\u00a01 du critère ID-1, thème «\u00a0Identité et projet\u00a0»' },
    ]);
  });

  it('a duplicate criterion code', () => {
    const doc = copy();
    doc.themes[2].criteria[1].code = doc.themes[2].criteria[0].code;
    expect(errorsOf(doc)).toEqual([{ path: 'themes[2].criteria[1].code', message: 'code « FS-1 » déjà utilisé : critère n°\u00a01 du thème «\u00a0Fonctions support et ressources\u00a0»' }]);
  });

  it('a service absent from the catalogue', () => {
    const doc = copy();
    doc.themes[3].criteria[1].questions[0].services[1] = 'SERVICE-FANTOME';
    expect(errorsOf(doc)).toEqual([{ path: 'themes[3].criteria[1].questions[0].services[1]', message: 'service « SERVICE-FANTOME » absent du catalogue' }]);
  });

  it('an unknown ISO 9001 clause', () => {
    const doc = copy();
    doc.themes[2].criteria[0].questions[2].iso9001 = ['7.1', '4.9'];
    const [e, ...rest] = errorsOf(doc);
    expect(rest).toEqual([]);
    expect(e!.path).toBe('themes[2].criteria[0].questions[2].iso9001[1]');
    expect(e!.message).toMatch(/^clause ISO 9001 inconnue « 4\.9 »/);
  });

  it('an unknown ISO 26000 core subject', () => {
    const doc = copy();
    doc.themes[0].criteria[1].questions[0].iso26000 = ['sante-securite'];
    delete doc.themes[0].criteria[1].questions[0].iso26000Issues;
    const [e, ...rest] = errorsOf(doc);
    expect(rest).toEqual([]);
    expect(e!.path).toBe('themes[0].criteria[1].questions[0].iso26000[0]');
    expect(e!.message).toContain('question centrale ISO 26000 inconnue « sante-securite »');
    expect(e!.message).toContain('communautes-developpement-local');
  });

  it('four level descriptors instead of five', () => {
    const doc = copy();
    doc.themes[1].criteria[0].questions[3].levels.pop();
    expect(errorsOf(doc)).toEqual([{ path: 'themes[1].criteria[0].questions[3].levels', message: 'exactement cinq descripteurs de niveau (0 à 4)' }]);
  });

  it('a fifth theme', () => {
    const doc = copy();
    doc.themes.push({ ...doc.themes[0], slug: 'autre-theme', criteria: [] });
    const errors = errorsOf(doc);
    expect(errors[0]).toEqual({ path: 'themes', message: 'exactement quatre thèmes' });
  });

  it('a missing theme, even when four are listed', () => {
    const doc = copy();
    doc.themes[3] = { ...doc.themes[3], slug: 'services' };
    const errors = errorsOf(doc);
    expect(errors).toContainEqual({ path: 'themes[3].slug', message: 'thème « services » en double' });
    expect(errors).toContainEqual({ path: 'themes', message: 'thème « amelioration-continue » manquant' });
  });

  it('weight 4', () => {
    const doc = copy();
    doc.themes[0].criteria[0].questions[0].weight = 4;
    expect(errorsOf(doc)).toEqual([{ path: 'themes[0].criteria[0].questions[0].weight', message: 'doit être 1, 2 ou 3, pas 4' }]);
    doc.themes[0].criteria[0].questions[0].weight = 1.5;
    expect(errorsOf(doc)).toEqual([{ path: 'themes[0].criteria[0].questions[0].weight', message: 'doit être 1, 2 ou 3, pas 1.5' }]);
    doc.themes[0].criteria[0].questions[0].weight = '2';
    expect(errorsOf(doc)).toEqual([{ path: 'themes[0].criteria[0].questions[0].weight', message: 'doit être 1, 2 ou 3, pas « 2 »' }]);
    delete doc.themes[0].criteria[0].questions[0].weight;
    expect(errorsOf(doc)).toEqual([{ path: 'themes[0].criteria[0].questions[0].weight', message: 'champ obligatoire manquant' }]);
  });

  it('a wrong type, a missing field, a misspelt key and a repeated structure type, all in one pass', () => {
    const doc = copy();
    const q = doc.themes[1].criteria[1].questions[0];
    q.legal = 'oui';
    delete q.help;
    q.recomendation = q.recommendation;
    q.appliesTo = ['AI', 'AI'];
    doc.themes[0].criteria[0].questions[0].services[0] = 'INCONNU';
    const errors = errorsOf(doc);
    const base = 'themes[1].criteria[1].questions[0]';
    expect(errors).toContainEqual({ path: `${base}.legal`, message: 'true ou false est attendu, pas « oui »' });
    expect(errors).toContainEqual({ path: `${base}.help`, message: 'champ obligatoire manquant' });
    expect(errors).toContainEqual({ path: `${base}.recomendation`, message: 'champ inconnu (faute de frappe ?)' });
    expect(errors).toContainEqual({ path: `${base}.appliesTo`, message: 'type de structure en double' });
    // Listed in document order: the first theme's error comes first.
    expect(errors[0]!.path).toBe('themes[0].criteria[0].questions[0].services[0]');
    expect(errors).toHaveLength(5);
  });

  it('an unknown structure type and a bad code format', () => {
    const doc = copy();
    doc.themes[0].criteria[0].questions[0].appliesTo = ['SIAE'];
    doc.themes[0].criteria[0].questions[1].code = 'id-1.2';
    const errors = errorsOf(doc);
    expect(errors).toContainEqual({ path: 'themes[0].criteria[0].questions[0].appliesTo[0]', message: expect.stringMatching(/^type de structure inconnu « SIAE »/) });
    expect(errors).toContainEqual({ path: 'themes[0].criteria[0].questions[1].code', message: 'code attendu du type « ID-2.3 »' });
  });

  it('a recommendation without a title, or as a bare text', () => {
    const doc = copy();
    delete doc.themes[0].criteria[0].questions[0].recommendation.title;
    doc.themes[0].criteria[0].questions[1].recommendation = 'Écrire le projet.';
    expect(errorsOf(doc)).toEqual([
      { path: 'themes[0].criteria[0].questions[0].recommendation.title', message: 'champ obligatoire manquant' },
      { path: 'themes[0].criteria[0].questions[1].recommendation', message: 'un objet est attendu, pas « Écrire le projet. »' },
    ]);
  });

  it('an action title that is too long, cut, ends with a period or opens on a noun', () => {
    const doc = copy();
    const title = (n: number, t: string) => (doc.themes[1].criteria[0].questions[n].recommendation.title = t);
    title(0, `Écrire ${'une procédure très détaillée '.repeat(4)}`);
    title(1, 'Rédiger le livret d’accueil avec les salariés…');
    title(2, 'Tenir un registre des entrées.');
    title(3, 'Tableau des échéances des contrats');
    const base = 'themes[1].criteria[0].questions';
    expect(errorsOf(doc)).toEqual([
      { path: `${base}[0].recommendation.title`, message: 'titre de 90 caractères au plus' },
      { path: `${base}[1].recommendation.title`, message: 'titre coupé : écrire un titre entier, sans « … »' },
      { path: `${base}[2].recommendation.title`, message: 'titre sans ponctuation finale' },
      { path: `${base}[3].recommendation.title`, message: 'titre commençant par un verbe à l’infinitif ou à l’impératif (« Écrire… », « Tenez… »), pas « Tableau »' },
    ]);
  });

  it('accepts titles opening on a reflexive or second-person verb', () => {
    const doc = copy();
    doc.themes[0].criteria[0].questions[0].recommendation.title = 'S’appuyer sur la charte des adhérents';
    doc.themes[0].criteria[0].questions[1].recommendation.title = 'Formalisez votre projet';
    expect(validateReferential(doc, SERVICE_CODES, CONTEXT).ok).toBe(true);
  });

  it('a legal question without sources or compliance level, and a level on a question that is not legal', () => {
    const doc = copy();
    const legal = doc.themes[1].criteria[0].questions[0]; // SV-1.1, PASS IAE
    delete legal.legalRefs;
    delete legal.complianceLevel;
    doc.themes[0].criteria[0].questions[0].complianceLevel = 3; // ID-1.1, not legal
    expect(errorsOf(doc)).toEqual([
      { path: 'themes[0].criteria[0].questions[0].complianceLevel', message: 'niveau de conformité réservé aux questions légales' },
      { path: 'themes[1].criteria[0].questions[0].legalRefs', message: 'question légale : au moins une référence (texte, article, date de vérification) est attendue' },
      { path: 'themes[1].criteria[0].questions[0].complianceLevel', message: 'question légale : le niveau à partir duquel l’obligation est remplie (1 à 4) est attendu' },
    ]);
  });

  it('a legal reference without article, with an impossible date or a plain-http address', () => {
    const doc = copy();
    doc.themes[1].criteria[0].questions[0].legalRefs = [
      { text: 'Code du travail', article: '', verified: '2026-12-01' },
      { text: 'Code du travail', article: 'art. L5132-3', verified: '2026-02-30' },
      { text: 'Code du travail', article: 'art. L5132-3', verified: '2026-12-01', url: 'http://www.legifrance.gouv.fr/' },
    ];
    const base = 'themes[1].criteria[0].questions[0].legalRefs';
    expect(errorsOf(doc)).toEqual([
      { path: `${base}[0].article`, message: 'texte obligatoire' },
      { path: `${base}[1].verified`, message: 'date inexistante' },
      { path: `${base}[2].url`, message: 'adresse https:// attendue' },
    ]);
  });

  it('an ISO 26000 issue outside the subjects of the question, and a subject without issue', () => {
    const doc = copy();
    const q = doc.themes[0].criteria[0].questions[0]; // ID-1.1: gouvernance, 6.2
    q.iso26000 = ['gouvernance', 'environnement'];
    q.iso26000Issues = ['6.2', '6.4.4'];
    expect(errorsOf(doc)).toEqual([
      { path: 'themes[0].criteria[0].questions[0].iso26000Issues[1]', message: 'le domaine d’action 6.4.4 relève de la question centrale « relations-conditions-travail », absente de iso26000' },
      { path: 'themes[0].criteria[0].questions[0].iso26000[1]', message: 'question centrale « environnement » sans domaine d’action dans iso26000Issues' },
    ]);
    q.iso26000Issues = ['6.2', '6.9.1'];
    expect(errorsOf(doc)[0]!.message).toMatch(/^domaine d’action ISO 26000 inconnu « 6\.9\.1 »/);
  });

  it('an author’s note left in a published text', () => {
    const doc = copy();
    doc.themes[2].criteria[0].questions[1].help += ' (vérifier le texte applicable)';
    doc.themes[3].criteria[0].questions[0].levels[2] = 'TODO : réécrire ce niveau.';
    expect(errorsOf(doc)).toEqual([
      { path: 'themes[2].criteria[0].questions[1].help', message: 'note d’auteur à retirer du texte publié (« vérifier le texte applicable »)' },
      { path: 'themes[3].criteria[0].questions[0].levels[2]', message: 'note d’auteur à retirer du texte publié (« TODO »)' },
    ]);
  });

  it('a glossary term defined twice, or a form linked to two terms', () => {
    const doc = copy();
    doc.glossary.push({ ...doc.glossary[0] });
    doc.glossary.push({ id: 'autre-cddi', term: 'CDDI (bis)', definition: 'Doublon.', forms: ['CDDI'] });
    const n = doc.glossary.length;
    const errors = errorsOf(doc);
    expect(errors).toContainEqual({ path: `glossary[${n - 2}].id`, message: 'terme « iae » déjà défini (glossary[0])' });
    expect(errors).toContainEqual({ path: `glossary[${n - 1}].forms[0]`, message: 'forme « CDDI » déjà rattachée au terme « cddi »' });
  });

  it('a mapping that forgets a question, names an unknown one or points outside the version', () => {
    const doc = copy();
    const entries = doc.mapping.questions;
    const forgotten = entries.splice(3, 1)[0].from; // ID-1.4
    entries[0].from = 'ID-9.9';
    entries[1].to = ['ID-1.2', 'XX-1.1', 'ID-1.2'];
    entries[5].from = entries[4].from;
    const errors = errorsOf(doc);
    expect(errors).toEqual([
      { path: 'mapping.questions', message: `questions de « cap-2023 » sans correspondance : ID-1.1, ${forgotten}, ID-3.1 (indiquer "to": [] pour une question abandonnée)` },
      { path: 'mapping.questions[0].from', message: 'question « ID-9.9 » absente de la version « cap-2023 »' },
      { path: 'mapping.questions[1].to', message: 'question en double' },
      { path: 'mapping.questions[1].to[1]', message: 'question « XX-1.1 » absente de cette version' },
      { path: 'mapping.questions[5].from', message: 'question « ID-2.2 » déjà placée (mapping.questions[4])' },
    ]);
  });

  it('a mapping from an unknown version, or from itself', () => {
    const doc = copy();
    doc.mapping.from = 'cap-1999';
    expect(errorsOf(doc)).toEqual([{ path: 'mapping.from', message: 'version « cap-1999 » inconnue : la correspondance ne peut pas être vérifiée' }]);
    doc.mapping.from = doc.id;
    expect(errorsOf(doc)).toEqual([{ path: 'mapping.from', message: 'une version ne peut pas se correspondre à elle-même' }]);
  });

  it('a document that is not an object, and a file that is not JSON', () => {
    expect(errorsOf([])).toEqual([{ path: '(document)', message: 'un objet est attendu, pas []' }]);
    const broken = parseReferentialJson('{\n  "id": "x",\n  "label" "y"\n}');
    expect(broken.ok).toBe(false);
    expect(broken.ok ? '' : broken.errors[0]!.message).toMatch(/^Le contenu n’est pas un JSON lisible \(vers la ligne 3, colonne \d+\)/);
    expect(parseReferentialJson('\uFEFF{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
  });
});

describe('the built-in referential « CAP 2023 »', () => {
  const ref = builtinReferentials()[0]!;
  const all = questions(ref);

  it('passes the schema and the catalogue; the checks added since flag only its legal questions without sources', () => {
    const r = validateReferential(JSON.parse(JSON.stringify(ref)), SERVICE_CODES, CONTEXT);
    const errors = r.ok ? [] : r.errors;
    const legal = all.filter((q) => q.legal).length;
    const notes = errors.filter((e) => !/^question légale : /.test(e.message));
    expect(errors.length - notes.length).toBe(legal * 2);
    // The author's note once left in the help of its « entretien professionnel » question is gone
    // (and corrected in place in databases that stored it: src/referential/corrections.ts).
    expect(notes).toEqual([]);
  });

  it('has the four themes in order, at least 64 questions, 14 per theme and 3 criteria per theme', () => {
    expect(ref.themes.map((th) => th.slug)).toEqual([...THEME_SLUGS]);
    expect(questionCount(ref)).toBeGreaterThanOrEqual(64);
    for (const th of ref.themes) {
      expect(th.criteria.length, th.slug).toBeGreaterThanOrEqual(3);
      expect(th.criteria.reduce((n, c) => n + c.questions.length, 0), th.slug).toBeGreaterThanOrEqual(14);
    }
  });

  it('gives every question five distinct descriptors, 1 to 3 services, evidence, and a code under its criterion', () => {
    for (const c of ref.themes.flatMap((th) => th.criteria)) for (const q of c.questions) expect(q.code.startsWith(`${c.code}.`), q.code).toBe(true);
    for (const q of all) {
      expect(q.levels, q.code).toHaveLength(5);
      expect(new Set(q.levels).size, q.code).toBe(5);
      expect(q.services.length, q.code).toBeGreaterThanOrEqual(1);
      expect(q.services.length, q.code).toBeLessThanOrEqual(3);
      expect(q.evidence.length, q.code).toBeGreaterThanOrEqual(1);
    }
  });

  it('maps at least one question to each ISO 9001 clause group 4 to 10 and each ISO 26000 core subject', () => {
    const groups = new Set(all.flatMap((q) => q.iso9001.map((c) => c.split('.')[0])));
    expect([...groups].sort((a, b) => Number(a) - Number(b))).toEqual(['4', '5', '6', '7', '8', '9', '10']);
    const subjects = new Set(all.flatMap((q) => q.iso26000));
    for (const s of ISO26000_SUBJECTS) expect(subjects.has(s), s).toBe(true);
  });

  it('ships a catalogue of at least 20 services, every one cited by some question', () => {
    const services = builtinServices();
    expect(services.length).toBeGreaterThanOrEqual(20);
    expect(new Set(services.map((s) => s.code)).size).toBe(services.length);
    const cited = new Set(all.flatMap((q) => q.services));
    expect(services.filter((s) => !cited.has(s.code)).map((s) => s.code)).toEqual([]);
  });

  it('applies type-specific legal questions only to the right types', () => {
    const byText = (re: RegExp) => all.filter((q) => re.test(q.text));
    const ai480 = byText(/480 heures/);
    expect(ai480).toHaveLength(1);
    expect(ai480[0]!.appliesTo).toEqual(['AI']);
    expect(ai480[0]!.legal).toBe(true);
    expect(isApplicable(ai480[0]!, ['AI'])).toBe(true);
    expect(isApplicable(ai480[0]!, ['ACI', 'EI', 'ETTI'])).toBe(false);
    const triple = byText(/triple exclusivité/);
    expect(triple).toHaveLength(1);
    expect(triple[0]!.appliesTo).toEqual(['ETTI']);
    // The PASS IAE is an IAE rule: not for GEIQ, EBE or other members.
    const pass = byText(/PASS IAE/)[0]!;
    expect(pass.appliesTo).not.toContain('GEIQ');
    expect(pass.appliesTo).not.toContain('EBE');
    expect(pass.appliesTo).not.toContain('autre');
  });

  it('gives every recommendation its own short action title, distinct from the others', () => {
    for (const q of all) {
      expect(q.recommendation.title.length, q.code).toBeLessThanOrEqual(90);
      expect(q.recommendation.text.length, q.code).toBeGreaterThan(q.recommendation.title.length);
    }
    expect(new Set(all.map((q) => q.recommendation.title)).size).toBe(all.length);
  });

  it('flags as legal only a minority of questions, and names only known structure types', () => {
    const legal = all.filter((q) => q.legal);
    expect(legal.length).toBeGreaterThan(5);
    expect(legal.length).toBeLessThan(all.length / 3);
    for (const q of all) for (const ty of q.appliesTo) expect(STRUCTURE_TYPES).toContain(ty);
  });
});
