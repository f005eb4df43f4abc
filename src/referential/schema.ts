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

/**
 * The issues (domaines d’action) of ISO 26000, by clause number, each under its core subject.
 * Governance (6.2) has no sub-issues: the clause itself is the issue.
 */
export const ISO26000_ISSUES = {
  '6.2': { subject: 'gouvernance', label: 'Gouvernance de l’organisation' },
  '6.3.3': { subject: 'droits-humains', label: 'Devoir de vigilance' },
  '6.3.4': { subject: 'droits-humains', label: 'Situations présentant un risque pour les droits de l’Homme' },
  '6.3.5': { subject: 'droits-humains', label: 'Prévention de la complicité' },
  '6.3.6': { subject: 'droits-humains', label: 'Remédier aux atteintes aux droits de l’Homme' },
  '6.3.7': { subject: 'droits-humains', label: 'Discrimination et groupes vulnérables' },
  '6.3.8': { subject: 'droits-humains', label: 'Droits civils et politiques' },
  '6.3.9': { subject: 'droits-humains', label: 'Droits économiques, sociaux et culturels' },
  '6.3.10': { subject: 'droits-humains', label: 'Principes fondamentaux et droits au travail' },
  '6.4.3': { subject: 'relations-conditions-travail', label: 'Emploi et relations employeur/employé' },
  '6.4.4': { subject: 'relations-conditions-travail', label: 'Conditions de travail et protection sociale' },
  '6.4.5': { subject: 'relations-conditions-travail', label: 'Dialogue social' },
  '6.4.6': { subject: 'relations-conditions-travail', label: 'Santé et sécurité au travail' },
  '6.4.7': { subject: 'relations-conditions-travail', label: 'Développement du capital humain' },
  '6.5.3': { subject: 'environnement', label: 'Prévention de la pollution' },
  '6.5.4': { subject: 'environnement', label: 'Utilisation durable des ressources' },
  '6.5.5': { subject: 'environnement', label: 'Atténuation des changements climatiques et adaptation' },
  '6.5.6': { subject: 'environnement', label: 'Protection de l’environnement, biodiversité et réhabilitation des habitats naturels' },
  '6.6.3': { subject: 'loyaute-pratiques', label: 'Lutte contre la corruption' },
  '6.6.4': { subject: 'loyaute-pratiques', label: 'Engagement politique responsable' },
  '6.6.5': { subject: 'loyaute-pratiques', label: 'Concurrence loyale' },
  '6.6.6': { subject: 'loyaute-pratiques', label: 'Promotion de la responsabilité sociétale dans la chaîne de valeur' },
  '6.6.7': { subject: 'loyaute-pratiques', label: 'Respect des droits de propriété' },
  '6.7.3': { subject: 'consommateurs', label: 'Pratiques loyales en matière de commercialisation, d’informations et de contrats' },
  '6.7.4': { subject: 'consommateurs', label: 'Protection de la santé et de la sécurité des consommateurs' },
  '6.7.5': { subject: 'consommateurs', label: 'Consommation durable' },
  '6.7.6': { subject: 'consommateurs', label: 'Service après-vente, assistance et résolution des réclamations et litiges' },
  '6.7.7': { subject: 'consommateurs', label: 'Protection des données et de la vie privée des consommateurs' },
  '6.7.8': { subject: 'consommateurs', label: 'Accès aux services essentiels' },
  '6.7.9': { subject: 'consommateurs', label: 'Éducation et sensibilisation' },
  '6.8.3': { subject: 'communautes-developpement-local', label: 'Implication auprès des communautés' },
  '6.8.4': { subject: 'communautes-developpement-local', label: 'Éducation et culture' },
  '6.8.5': { subject: 'communautes-developpement-local', label: 'Création d’emplois et développement des compétences' },
  '6.8.6': { subject: 'communautes-developpement-local', label: 'Développement des technologies et accès à la technologie' },
  '6.8.7': { subject: 'communautes-developpement-local', label: 'Création de richesses et de revenus' },
  '6.8.8': { subject: 'communautes-developpement-local', label: 'La santé' },
  '6.8.9': { subject: 'communautes-developpement-local', label: 'Investissement dans la société' },
} as const satisfies Record<string, { subject: Iso26000Subject; label: string }>;
export type Iso26000Issue = keyof typeof ISO26000_ISSUES;
const ISO26000_ISSUE_CODES = Object.keys(ISO26000_ISSUES) as [Iso26000Issue, ...Iso26000Issue[]];

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

const versionId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,60}$/, 'identifiant en minuscules, chiffres et tirets');
const questionCode = z.string().regex(/^[A-Z]{2,3}-\d+\.\d+$/, 'code attendu du type « ID-2.3 »');

/** An ISO date (YYYY-MM-DD) that exists in the calendar. */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date attendue au format AAAA-MM-JJ')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'date inexistante');

/**
 * A legal source a question relies on: the text (code, law, decree, regulation), the article and
 * the date an author last checked it against the official source.
 */
export const legalRefSchema = z.strictObject({
  /** « Code du travail », « Loi n° 2025-989 du 24 octobre 2025 », « Règlement (UE) 2016/679 (RGPD) »… */
  text: text(200),
  /** « art. L6315-1 », « art. 30, § 5 »… */
  article: text(120),
  /** When an author last read the article in force (Légifrance, EUR-Lex, service-public.fr…). */
  verified: isoDate,
  /** The official page, when there is a stable one. */
  url: z.string().trim().max(400).regex(/^https:\/\/\S+$/, 'adresse https:// attendue').optional(),
});

/** Level at and above which a legal question's answer means the obligation is met. */
export const complianceLevelSchema = z.number().int().min(1).max(4);

export const questionSchema = z.strictObject({
  code: questionCode,
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
  /** ISO 26000 issues (domaines d’action) by clause, each under a core subject listed in iso26000. */
  iso26000Issues: z.array(z.enum(ISO26000_ISSUE_CODES, { error: unknownValue('domaine d’action ISO 26000 inconnu', 'valeurs admises : 6.2, 6.3.3 à 6.3.10, 6.4.3 à 6.4.7, 6.5.3 à 6.5.6, 6.6.3 à 6.6.7, 6.7.3 à 6.7.9, 6.8.3 à 6.8.9') })).max(8).optional(),
  /** The legal sources of a legal question (required when legal is true). */
  legalRefs: z.array(legalRefSchema).min(1).max(8).optional(),
  /** For a legal question: the first level that means the obligation is met (required when legal is true). */
  complianceLevel: complianceLevelSchema.optional(),
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

/** A term of the glossary; its forms are the spellings linked to it in question texts. */
export const glossaryTermSchema = z.strictObject({
  /** Anchor of the definition: lower case, digits and dashes (« cddi », « pass-iae »). */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/, 'identifiant en minuscules, chiffres et tirets'),
  term: text(80),
  definition: text(700),
  /** Exact spellings (case-sensitive) that link to the definition: « CDDI », « PASS IAE »… */
  forms: z.array(z.string().trim().min(2, '2 caractères au moins').max(80)).min(1).max(8),
});

/** How to choose a level: what each level means in general, and a few pieces of advice. */
export const levelGuideSchema = z.strictObject({
  intro: text(600),
  /** The general meaning of levels 0 to 4. */
  levels: z.array(text(300)).length(5, 'exactement cinq niveaux (0 à 4)'),
  advice: z.array(text(400)).min(1).max(8),
});

/**
 * Where each question of an earlier version went: `to` lists the codes of this version that take
 * it over (one, several when it was split, none when it was dropped). Every question of the earlier
 * version appears exactly once.
 */
export const mappingSchema = z.strictObject({
  from: versionId,
  questions: z
    .array(
      z.strictObject({
        from: questionCode,
        to: z.array(questionCode).max(5),
        /** Why, for a question dropped, merged or split (shown to authors and on comparisons). */
        note: z.string().trim().max(300).optional(),
      }),
    )
    .min(1)
    .max(LIMITS.questionsPerReferential),
});

export const referentialSchema = z.strictObject({
  id: versionId,
  label: text(120),
  language: z.literal('fr'),
  themes: z.array(themeSchema).length(4, 'exactement quatre thèmes'),
  glossary: z.array(glossaryTermSchema).max(300).optional(),
  levelGuide: levelGuideSchema.optional(),
  mapping: mappingSchema.optional(),
}).refine((ref) => ref.themes.reduce((n, th) => n + th.criteria.reduce((m, c) => m + c.questions.length, 0), 0) <= LIMITS.questionsPerReferential, {
  path: ['themes'],
  // Every question may propose an action: more questions than a plan holds would not fit.
  message: `${LIMITS.questionsPerReferential} questions au plus dans une version`,
});

export type Recommendation = z.infer<typeof recommendationSchema>;
export type LegalRef = z.infer<typeof legalRefSchema>;
export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;
export type LevelGuide = z.infer<typeof levelGuideSchema>;
export type Mapping = z.infer<typeof mappingSchema>;
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
