// Full validation of a referential document: zod types, then the cross-checks that types cannot
// express (unique codes, known services, the four themes each once). Every error carries the path
// of the faulty field, e.g. `themes[2].criteria[0].questions[4].iso9001[1]` (error-places.ts
// turns it into the author's terms, « question SV-3.5 — clause ISO 9001 n° 2 »), and every error is
// reported at once: the cross-checks also run on a document whose types are wrong, as far as its
// shape allows, so that an author fixes a file in one pass.
import type { z } from 'zod';
import { ISO26000_ISSUES, referentialSchema, THEME_SLUGS, type Referential } from './schema.ts';
import { t } from '../i18n/index.ts';
import { positionOf } from './error-places.ts';
import { jsonDepth, LIMITS } from '../validation/limits.ts';

export interface ValidationError {
  path: string;
  message: string;
}

export type ValidationResult =
  | { ok: true; referential: Referential }
  | { ok: false; errors: ValidationError[] };

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(document)';
}

const TYPE_NAMES: Record<string, string> = {
  string: 'un texte',
  number: 'un nombre',
  int: 'un nombre entier',
  boolean: 'true ou false',
  array: 'une liste',
  object: 'un objet',
};

/** A received value as an author reads it: « texte » for strings, JSON otherwise, kept short. */
export function shown(value: unknown): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  const short = s.length > 60 ? `${s.slice(0, 57)}…` : s;
  return typeof value === 'string' ? `« ${short} »` : short;
}

function frenchIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? 'champ obligatoire manquant'
        : `${TYPE_NAMES[issue.expected] ?? issue.expected} est attendu, pas ${shown(issue.input)}`;
    case 'invalid_value': {
      const values = issue.values.map(String).join(', ');
      return issue.input === undefined ? `champ obligatoire manquant ; valeurs admises : ${values}` : `valeur inconnue ${shown(issue.input)} ; valeurs admises : ${values}`;
    }
    case 'too_big':
      return issue.origin === 'array' ? `${issue.maximum} éléments au plus` : issue.origin === 'number' ? `valeur maximale : ${issue.maximum}` : `${issue.maximum} caractères au plus`;
    case 'too_small':
      return issue.origin === 'array' ? `${issue.minimum} élément(s) au moins` : issue.origin === 'number' ? `valeur minimale : ${issue.minimum}` : 'texte obligatoire';
    case 'invalid_format':
      return 'format invalide';
    default:
      return 'valeur invalide';
  }
}

function zodErrors(error: z.ZodError): ValidationError[] {
  const out: ValidationError[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      // One line per key, on the key itself: the author sees exactly which field to rename.
      for (const key of issue.keys) out.push({ path: formatPath([...issue.path, key]), message: 'champ inconnu (faute de frappe ?)' });
      continue;
    }
    out.push({
      path: formatPath(issue.path),
      // Messages we wrote in the schema are French already; zod's defaults are not.
      message: issue.message && !/^(Invalid|Too|Expected|Unrecognized)/i.test(issue.message) ? issue.message : frenchIssue(issue),
    });
  }
  return out;
}

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const asRecord = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/**
 * What the validator may look up beyond the document: the question codes of another version, for a
 * mapping from it (undefined when that version is unknown).
 */
export interface ValidationContext {
  versionCodes?: (id: string) => ReadonlySet<string> | undefined;
}

/**
 * Words that betray a note left by an author for another author (« à vérifier », « TODO »): a
 * published question is read by structures, who cannot act on it.
 */
const AUTHOR_NOTE = /\b(TODO|FIXME|XXX)\b|à vérifier|vérifier le texte applicable|note de l[’']auteur|\[\s*note/i;

function authorNotes(q: Record<string, unknown>, qpath: string, errors: ValidationError[]): void {
  const fields: [string, unknown][] = [['text', q.text], ['help', q.help]];
  asArray(q.levels).forEach((l, i) => fields.push([`levels[${i}]`, l]));
  asArray(q.evidence).forEach((e, i) => fields.push([`evidence[${i}]`, e]));
  const rec = asRecord(q.recommendation);
  fields.push(['recommendation.title', rec.title], ['recommendation.text', rec.text]);
  for (const [field, value] of fields) {
    if (typeof value === 'string' && AUTHOR_NOTE.test(value)) errors.push({ path: `${qpath}.${field}`, message: `note d’auteur à retirer du texte publié (« ${AUTHOR_NOTE.exec(value)![0]} »)` });
  }
}

/** A legal question carries its sources and compliance level; only a legal question has a level. */
function legalChecks(q: Record<string, unknown>, qpath: string, errors: ValidationError[]): void {
  if (q.legal === true) {
    if (!Array.isArray(q.legalRefs) || q.legalRefs.length === 0) errors.push({ path: `${qpath}.legalRefs`, message: 'question légale : au moins une référence (texte, article, date de vérification) est attendue' });
    if (q.complianceLevel === undefined) errors.push({ path: `${qpath}.complianceLevel`, message: 'question légale : le niveau à partir duquel l’obligation est remplie (1 à 4) est attendu' });
  } else if (q.legal === false && q.complianceLevel !== undefined) {
    errors.push({ path: `${qpath}.complianceLevel`, message: 'niveau de conformité réservé aux questions légales' });
  }
}

/** Each ISO 26000 issue sits under a subject the question lists, and each listed subject has one. */
function iso26000Checks(q: Record<string, unknown>, qpath: string, errors: ValidationError[]): void {
  if (!Array.isArray(q.iso26000Issues) || q.iso26000Issues.length === 0) return;
  const subjects = new Set(asArray(q.iso26000));
  const covered = new Set<string>();
  q.iso26000Issues.forEach((issue, i) => {
    const known = typeof issue === 'string' ? ISO26000_ISSUES[issue as keyof typeof ISO26000_ISSUES] : undefined;
    if (!known) return;
    covered.add(known.subject);
    if (!subjects.has(known.subject)) errors.push({ path: `${qpath}.iso26000Issues[${i}]`, message: `le domaine d’action ${issue} relève de la question centrale « ${known.subject} », absente de iso26000` });
  });
  asArray(q.iso26000).forEach((subject, i) => {
    if (typeof subject === 'string' && !covered.has(subject)) errors.push({ path: `${qpath}.iso26000[${i}]`, message: `question centrale « ${subject} » sans domaine d’action dans iso26000Issues` });
  });
  if (new Set(q.iso26000Issues).size !== q.iso26000Issues.length) errors.push({ path: `${qpath}.iso26000Issues`, message: 'domaine d’action en double' });
}

function glossaryChecks(doc: Record<string, unknown>, errors: ValidationError[]): void {
  const ids = new Map<string, number>();
  const forms = new Map<string, string>();
  asArray(doc.glossary).forEach((termValue, t) => {
    const term = asRecord(termValue);
    if (typeof term.id === 'string') {
      if (ids.has(term.id)) errors.push({ path: `glossary[${t}].id`, message: `terme « ${term.id} » déjà défini (glossary[${ids.get(term.id)}])` });
      else ids.set(term.id, t);
    }
    asArray(term.forms).forEach((form, f) => {
      if (typeof form !== 'string') return;
      const owner = forms.get(form);
      if (owner !== undefined) errors.push({ path: `glossary[${t}].forms[${f}]`, message: `forme « ${form} » déjà rattachée au terme « ${owner} »` });
      else forms.set(form, String(term.id));
    });
  });
}

/**
 * A mapping from an earlier version accounts for each of its questions exactly once, and points
 * only to questions of this version.
 */
function mappingChecks(doc: Record<string, unknown>, ownCodes: ReadonlySet<string>, context: ValidationContext, errors: ValidationError[]): void {
  if (doc.mapping === undefined) return;
  const mapping = asRecord(doc.mapping);
  if (typeof mapping.from !== 'string') return;
  if (mapping.from === doc.id) {
    errors.push({ path: 'mapping.from', message: 'une version ne peut pas se correspondre à elle-même' });
    return;
  }
  const source = context.versionCodes?.(mapping.from);
  if (!source) errors.push({ path: 'mapping.from', message: `version « ${mapping.from} » inconnue : la correspondance ne peut pas être vérifiée` });
  const seen = new Map<string, number>();
  asArray(mapping.questions).forEach((entryValue, i) => {
    const entry = asRecord(entryValue);
    const path = `mapping.questions[${i}]`;
    if (typeof entry.from === 'string') {
      if (seen.has(entry.from)) errors.push({ path: `${path}.from`, message: `question « ${entry.from} » déjà placée (mapping.questions[${seen.get(entry.from)}])` });
      else seen.set(entry.from, i);
      if (source && !source.has(entry.from)) errors.push({ path: `${path}.from`, message: `question « ${entry.from} » absente de la version « ${mapping.from} »` });
    }
    const targets = asArray(entry.to);
    targets.forEach((code, j) => {
      if (typeof code === 'string' && !ownCodes.has(code)) errors.push({ path: `${path}.to[${j}]`, message: `question « ${code} » absente de cette version` });
    });
    if (new Set(targets).size !== targets.length) errors.push({ path: `${path}.to`, message: 'question en double' });
  });
  if (source) {
    const missing = [...source].filter((code) => !seen.has(code));
    if (missing.length) errors.push({ path: 'mapping.questions', message: `${missing.length === 1 ? 'question' : 'questions'} de « ${mapping.from} » sans correspondance : ${missing.join(', ')} (indiquer "to": [] pour une question abandonnée)` });
  }
}

/** Checks beyond types, on whatever part of the document has the expected shape. */
function crossChecks(input: unknown, serviceCodes: ReadonlySet<string>, context: ValidationContext): ValidationError[] {
  const errors: ValidationError[] = [];
  const doc = asRecord(input);
  const seenThemes = new Set<string>();
  const seenCodes = new Map<string, string>();
  const claim = (code: unknown, path: string) => {
    if (typeof code !== 'string' || !code) return;
    const first = seenCodes.get(code);
    if (first) errors.push({ path, message: `code « ${code} » déjà utilisé : ${positionOf(input, first)}` });
    else seenCodes.set(code, path);
  };
  asArray(doc.themes).forEach((themeValue, t) => {
    const theme = asRecord(themeValue);
    if (typeof theme.slug === 'string') {
      if (seenThemes.has(theme.slug)) errors.push({ path: `themes[${t}].slug`, message: `thème « ${theme.slug} » en double` });
      seenThemes.add(theme.slug);
    }
    asArray(theme.criteria).forEach((critValue, c) => {
      const crit = asRecord(critValue);
      const cpath = `themes[${t}].criteria[${c}]`;
      claim(crit.code, `${cpath}.code`);
      asArray(crit.questions).forEach((qValue, qi) => {
        const q = asRecord(qValue);
        const qpath = `${cpath}.questions[${qi}]`;
        claim(q.code, `${qpath}.code`);
        asArray(q.services).forEach((s, si) => {
          if (typeof s === 'string' && s && !serviceCodes.has(s)) errors.push({ path: `${qpath}.services[${si}]`, message: `service « ${s} » absent du catalogue` });
        });
        const types = asArray(q.appliesTo);
        if (new Set(types).size !== types.length) errors.push({ path: `${qpath}.appliesTo`, message: 'type de structure en double' });
        legalChecks(q, qpath, errors);
        iso26000Checks(q, qpath, errors);
        authorNotes(q, qpath, errors);
      });
    });
  });
  glossaryChecks(doc, errors);
  const ownCodes = new Set<string>();
  for (const th of asArray(doc.themes)) for (const c of asArray(asRecord(th).criteria)) for (const q of asArray(asRecord(c).questions)) {
    const code = asRecord(q).code;
    if (typeof code === 'string') ownCodes.add(code);
  }
  mappingChecks(doc, ownCodes, context, errors);
  if (Array.isArray(doc.themes) && doc.themes.length === THEME_SLUGS.length) {
    for (const slug of THEME_SLUGS) {
      if (!seenThemes.has(slug)) errors.push({ path: 'themes', message: `thème « ${slug} » manquant` });
    }
  }
  return errors;
}

/** The array indices of a path, to list errors in document order (theme, criterion, question…). */
function indices(path: string): number[] {
  return [...path.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
}

/** Top-level fields in the order a document is written. */
const FIELD_ORDER = ['(document)', 'id', 'label', 'language', 'themes', 'glossary', 'levelGuide', 'mapping'];

function fieldRank(path: string): number {
  const top = /^[^.[]+/.exec(path)?.[0] ?? path;
  const rank = FIELD_ORDER.indexOf(top);
  return rank === -1 ? FIELD_ORDER.length : rank;
}

function byDocumentOrder(a: ValidationError, b: ValidationError): number {
  const field = fieldRank(a.path) - fieldRank(b.path);
  if (field) return field;
  const x = indices(a.path);
  const y = indices(b.path);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

/**
 * Validates `input` against the schema, the catalogue of service codes and, for a mapping, the
 * versions the context knows.
 */
export function validateReferential(input: unknown, serviceCodes: ReadonlySet<string>, context: ValidationContext = {}): ValidationResult {
  const parsed = referentialSchema.safeParse(input, { reportInput: true });
  const errors = [...(parsed.success ? [] : zodErrors(parsed.error)), ...crossChecks(input, serviceCodes, context)];
  if (errors.length || !parsed.success) return { ok: false, errors: errors.sort(byDocumentOrder) };
  return { ok: true, referential: parsed.data };
}

/** Counts the questions of a valid referential. */
export function questionCount(ref: Referential): number {
  return ref.themes.reduce((n, th) => n + th.criteria.reduce((m, c) => m + c.questions.length, 0), 0);
}

/**
 * Parses the text of a referential file. A syntax error becomes a validation error that says
 * where, as the line and column an editor shows (V8 reports a character position).
 */
export function parseReferentialJson(text: string): { ok: true; value: unknown } | { ok: false; errors: ValidationError[] } {
  const clean = text.replace(/^\uFEFF/, '');
  // Measured on the text: JSON.parse and the schema would recurse into a document nested 100,000 deep.
  const depth = jsonDepth(clean);
  if (depth > LIMITS.jsonDepth) return { ok: false, errors: [{ path: '(document)', message: t.referentials.tooDeep(depth, LIMITS.jsonDepth) }] };
  try {
    return { ok: true, value: JSON.parse(clean) };
  } catch (e) {
    const m = /position (\d+)/.exec(e instanceof Error ? e.message : '');
    let where = '';
    if (m) {
      const before = clean.slice(0, Number(m[1]));
      where = t.referentials.notJsonAt(before.split('\n').length, before.length - before.lastIndexOf('\n'));
    }
    return { ok: false, errors: [{ path: '(document)', message: t.referentials.notJson(where) }] };
  }
}
