// Full validation of a referential document: zod types, then the cross-checks that types cannot
// express (unique codes, known services, the four themes each once). Every error carries the path
// of the faulty field, e.g. `themes[2].criteria[0].questions[4].iso9001[1]` (error-places.ts
// turns it into the author's terms, « question SV-3.5 — clause ISO 9001 n° 2 »), and every error is
// reported at once: the cross-checks also run on a document whose types are wrong, as far as its
// shape allows, so that an author fixes a file in one pass.
import type { z } from 'zod';
import { referentialSchema, THEME_SLUGS, type Referential } from './schema.ts';
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

/** Checks beyond types, on whatever part of the document has the expected shape. */
function crossChecks(input: unknown, serviceCodes: ReadonlySet<string>): ValidationError[] {
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
      });
    });
  });
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

function byDocumentOrder(a: ValidationError, b: ValidationError): number {
  const x = indices(a.path);
  const y = indices(b.path);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

/** Validates `input` against the schema and the catalogue of service codes. */
export function validateReferential(input: unknown, serviceCodes: ReadonlySet<string>): ValidationResult {
  const parsed = referentialSchema.safeParse(input, { reportInput: true });
  const errors = [...(parsed.success ? [] : zodErrors(parsed.error)), ...crossChecks(input, serviceCodes)];
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
