// Full validation of a referential document: zod types first, then the cross-checks that types
// cannot express (unique codes, known services, the four themes each once). Every error carries
// the path of the faulty field, e.g. `themes[2].criteria[0].questions[4].iso9001[1]`.
import type { z } from 'zod';
import { referentialSchema, THEME_SLUGS, type Referential } from './schema.ts';

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

function frenchIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'champ obligatoire manquant' : `type attendu : ${issue.expected}`;
    case 'invalid_value':
      return `valeur inconnue ; valeurs admises : ${issue.values.map(String).join(', ')}`;
    case 'too_big':
      return issue.origin === 'array' ? `${issue.maximum} éléments au plus` : issue.origin === 'number' ? `valeur maximale : ${issue.maximum}` : `${issue.maximum} caractères au plus`;
    case 'too_small':
      return issue.origin === 'array' ? `${issue.minimum} élément(s) au moins` : issue.origin === 'number' ? `valeur minimale : ${issue.minimum}` : 'texte obligatoire';
    case 'unrecognized_keys':
      return `champ(s) inconnu(s) : ${issue.keys.join(', ')}`;
    default:
      return issue.message;
  }
}

/** Validates `input` against the schema and the catalogue of service codes. */
export function validateReferential(input: unknown, serviceCodes: ReadonlySet<string>): ValidationResult {
  const parsed = referentialSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({
        path: formatPath(i.path),
        // Messages we wrote in the schema are French already; zod's defaults are not.
        message: i.message && !/^(Invalid|Too|Expected|Unrecognized)/i.test(i.message) ? i.message : frenchIssue(i),
      })),
    };
  }
  const ref = parsed.data;
  const errors: ValidationError[] = [];
  const seenThemes = new Set<string>();
  const seenCodes = new Map<string, string>();
  ref.themes.forEach((theme, t) => {
    if (seenThemes.has(theme.slug)) errors.push({ path: `themes[${t}].slug`, message: `thème « ${theme.slug} » en double` });
    seenThemes.add(theme.slug);
    theme.criteria.forEach((crit, c) => {
      const cpath = `themes[${t}].criteria[${c}]`;
      if (seenCodes.has(crit.code)) errors.push({ path: `${cpath}.code`, message: `code « ${crit.code} » déjà utilisé (${seenCodes.get(crit.code)})` });
      else seenCodes.set(crit.code, `${cpath}.code`);
      crit.questions.forEach((q, qi) => {
        const qpath = `${cpath}.questions[${qi}]`;
        if (seenCodes.has(q.code)) errors.push({ path: `${qpath}.code`, message: `code « ${q.code} » déjà utilisé (${seenCodes.get(q.code)})` });
        else seenCodes.set(q.code, `${qpath}.code`);
        q.services.forEach((s, si) => {
          if (!serviceCodes.has(s)) errors.push({ path: `${qpath}.services[${si}]`, message: `service « ${s} » absent du catalogue` });
        });
        if (new Set(q.appliesTo).size !== q.appliesTo.length) errors.push({ path: `${qpath}.appliesTo`, message: 'type de structure en double' });
      });
    });
  });
  for (const slug of THEME_SLUGS) {
    if (!seenThemes.has(slug)) errors.push({ path: 'themes', message: `thème « ${slug} » manquant` });
  }
  return errors.length ? { ok: false, errors } : { ok: true, referential: ref };
}
