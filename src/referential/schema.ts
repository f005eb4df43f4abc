// The shape of one referential version, validated with zod. A referential is data written by
// the federation's authors; this schema is what keeps a faulty version out of the database.
import { z } from 'zod';
import { LIMITS } from '../validation/limits.ts';

export const THEME_SLUGS = ['identite', 'services', 'fonctions-support', 'amelioration-continue'] as const;
export type ThemeSlug = (typeof THEME_SLUGS)[number];

export const STRUCTURE_TYPES = ['AI', 'ACI', 'EI', 'ETTI', 'EITI', 'GEIQ', 'EBE', 'autre'] as const;
export type StructureType = (typeof STRUCTURE_TYPES)[number];

/** ISO 9001:2015 clauses a question may be mapped to (groups 4 to 10). */
export const ISO9001_CLAUSES = [
  '4.1', '4.2', '4.3', '4.4',
  '5.1', '5.1.1', '5.1.2', '5.2', '5.3',
  '6.1', '6.2', '6.3',
  '7.1', '7.1.1', '7.1.2', '7.1.3', '7.1.4', '7.1.5', '7.1.6', '7.2', '7.3', '7.4', '7.5',
  '8.1', '8.2', '8.3', '8.4', '8.5', '8.6', '8.7',
  '9.1', '9.1.1', '9.1.2', '9.1.3', '9.2', '9.3',
  '10.1', '10.2', '10.3',
] as const;
export type Iso9001Clause = (typeof ISO9001_CLAUSES)[number];

/** The seven core subjects of ISO 26000. */
export const ISO26000_SUBJECTS = [
  'gouvernance',
  'droits-humains',
  'relations-conditions-travail',
  'environnement',
  'loyaute-pratiques',
  'consommateurs',
  'communautes-developpement-local',
] as const;
export type Iso26000Subject = (typeof ISO26000_SUBJECTS)[number];

export const SERVICE_KINDS = ['formation', 'juridique', 'outil', 'accompagnement', 'partenaire', 'financement'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

const text = (max = 2000) => z.string().trim().min(1, 'texte obligatoire').max(max);

/** An action title fits one line of the plan and of its PDF. */
export const ACTION_TITLE_MAX = 90;

/**
 * What makes an action title wrong, or null. A title reads alone on the plan: whole (never cut
 * with an ellipsis), without a final period, opening on a verb (« Écrire… », « Tenez… ») — the
 * verb test is a heuristic on the first word's ending, enough to catch a noun phrase or a
 * sentence copied from the question.
 */
export function actionTitleProblem(title: string): string | null {
  if (/…|\.\.\./.test(title)) return 'titre coupé : écrire un titre entier, sans « … »';
  if (/[.;:,]$/.test(title)) return 'titre sans ponctuation finale';
  const words = title.replace(/^(se |s’|s'|ne |n’|n')/i, '').split(/[\s’']/);
  const verb = words[0] ?? '';
  if (!/^\p{Lu}/u.test(title)) return 'titre commençant par une majuscule';
  if (!/(er|ir|re|ez|oir)$/i.test(verb)) return `titre commençant par un verbe à l’infinitif ou à l’impératif (« Écrire… », « Tenez… »), pas « ${verb} »`;
  return null;
}

/** The recommendation of a question: the action the plan proposes, under a short title. */
export const recommendationSchema = z.strictObject({
  /** The action's title on the plan: imperative, whole, at most ACTION_TITLE_MAX characters. */
  title: z
    .string()
    .trim()
    .min(1, 'texte obligatoire')
    .max(ACTION_TITLE_MAX, `titre de ${ACTION_TITLE_MAX} caractères au plus`)
    .superRefine((title, ctx) => {
      if (!title) return; // « texte obligatoire » says it already
      const problem = actionTitleProblem(title);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  /** What to do and which services help, in a few sentences. */
  text: text(),
});

/** A French message for an unknown enum value, naming the value received. */
const unknownValue = (what: string, allowed: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? 'champ obligatoire manquant' : `${what} ${typeof issue.input === 'string' ? `« ${issue.input} »` : JSON.stringify(issue.input)} ; ${allowed}`;

/** « doit être 1, 2 ou 3, pas 4 »: the one message for a weight, whatever is wrong with it. */
const weightError = (issue: { input?: unknown }) =>
  issue.input === undefined ? 'champ obligatoire manquant' : `doit être 1, 2 ou 3, pas ${typeof issue.input === 'string' ? `« ${issue.input} »` : JSON.stringify(issue.input)}`;

// Strict objects: a misspelt key (« recomendation ») is reported with its path instead of being
// silently dropped from the stored version.

export const questionSchema = z.strictObject({
  code: z.string().regex(/^[A-Z]{2,3}-\d+\.\d+$/, 'code attendu du type « ID-2.3 »'),
  text: text(500),
  help: text(),
  /** Level descriptors 0 to 4, written for this question. */
  levels: z.array(text(600)).length(5, 'exactement cinq descripteurs de niveau (0 à 4)'),
  evidence: z.array(text(300)).min(1),
  /** 1, 2 or 3: how much the question counts in its theme's score. */
  weight: z.number({ error: weightError }).int({ error: weightError }).min(1, { error: weightError }).max(3, { error: weightError }),
  legal: z.boolean(),
  naAllowed: z.boolean(),
  appliesTo: z.array(z.enum(STRUCTURE_TYPES, { error: unknownValue('type de structure inconnu', `types admis : ${STRUCTURE_TYPES.join(', ')}`) })).min(1),
  iso9001: z.array(z.enum(ISO9001_CLAUSES, { error: unknownValue('clause ISO 9001 inconnue', 'clauses admises : 4.1 à 4.4, 5.1 à 5.3, 6.1 à 6.3, 7.1 à 7.5, 8.1 à 8.7, 9.1 à 9.3, 10.1 à 10.3 et leurs sous-clauses 5.1.1, 5.1.2, 7.1.1 à 7.1.6, 9.1.1 à 9.1.3') })),
  iso26000: z.array(z.enum(ISO26000_SUBJECTS, { error: unknownValue('question centrale ISO 26000 inconnue', `valeurs admises : ${ISO26000_SUBJECTS.join(', ')}`) })),
  services: z.array(z.string().min(1)).min(1).max(3),
  recommendation: recommendationSchema,
});

export const criterionSchema = z.strictObject({
  code: z.string().regex(/^[A-Z]{2,3}-\d+$/, 'code attendu du type « ID-2 »'),
  title: text(200),
  description: z.string().trim().max(2000).default(''),
  questions: z.array(questionSchema).min(1).max(LIMITS.questionsPerReferential),
});

export const themeSchema = z.strictObject({
  slug: z.enum(THEME_SLUGS, { error: unknownValue('thème inconnu', `slugs admis : ${THEME_SLUGS.join(', ')}`) }),
  title: text(200),
  description: text(),
  criteria: z.array(criterionSchema).min(1).max(LIMITS.questionsPerReferential),
});

export const referentialSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,60}$/, 'identifiant en minuscules, chiffres et tirets'),
  label: text(120),
  language: z.literal('fr'),
  themes: z.array(themeSchema).length(4, 'exactement quatre thèmes'),
}).refine((ref) => ref.themes.reduce((n, th) => n + th.criteria.reduce((m, c) => m + c.questions.length, 0), 0) <= LIMITS.questionsPerReferential, {
  path: ['themes'],
  // Every question may propose an action: more questions than a plan holds would not fit.
  message: `${LIMITS.questionsPerReferential} questions au plus dans une version`,
});

export type Recommendation = z.infer<typeof recommendationSchema>;
export type Question = z.infer<typeof questionSchema>;
export type Criterion = z.infer<typeof criterionSchema>;
export type Theme = z.infer<typeof themeSchema>;
export type Referential = z.infer<typeof referentialSchema>;

export const serviceSchema = z.object({
  code: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,40}$/, 'code en majuscules, chiffres et tirets'),
  name: text(200),
  kind: z.enum(SERVICE_KINDS),
  description: text(),
  /** How to get the service, in a sentence. */
  contact: text(300),
  /** Who to ask and how to reach them; empty when the catalogue has none. */
  contactName: z.string().trim().max(120).default(''),
  email: z.union([z.literal(''), z.email().max(254)]).default(''),
  phone: z.string().trim().max(30).regex(/^(\+?[0-9][0-9 .-]{5,28})?$/, 'numéro de téléphone').default(''),
  url: z.union([z.literal(''), z.string().trim().max(300).regex(/^https?:\/\/\S+$/, 'adresse web')]).default(''),
  /** Structure types the service is for (empty: every type); it is never proposed to the others. */
  structureTypes: z.array(z.enum(STRUCTURE_TYPES)).default([]),
});
export type Service = z.infer<typeof serviceSchema>;
/** A service as written in the built-in catalogue: contacts and types may be left out. */
export type ServiceInput = z.input<typeof serviceSchema>;
