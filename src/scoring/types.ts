// What scoring returns. Plain data: views, the PDF, the plan and the federation dashboard read it.
// Scores are 0-100 and never rounded here (rounding belongs to display).
import type { Iso26000Subject, StructureType, ThemeSlug } from '../referential/schema.ts';
import type { Band } from './bands.ts';
import type { Iso9001Group } from './iso9001.ts';
import type { Level } from './levels.ts';
import type { RseLevel } from './rse.ts';

/** Answers of one diagnostic: question code → level. A code absent from the map is unanswered. */
export type Answers = ReadonlyMap<string, Level>;

export type { StructureType };

/** One applicable question (questions that do not apply to the structure are left out entirely). */
export interface QuestionScore {
  code: string;
  text: string;
  themeSlug: ThemeSlug;
  criterionCode: string;
  weight: number;
  legal: boolean;
  /** For a legal question, the first level at which the obligation is met (src/scoring/legal.ts). */
  complianceLevel: number;
  /** null when unanswered. */
  level: Level | null;
  /** 0-100; null if N/A or unanswered. */
  score: number | null;
}

/** What a score is computed on, so that every number can explain itself. */
export interface Coverage {
  /** Questions that apply to the structure's types. */
  applicable: number;
  /** Applicable questions with an answer, N/A included. */
  answered: number;
  /** Applicable questions answered N/A (out of the score's denominator). */
  na: number;
}

export interface CriterionScore {
  code: string;
  title: string;
  score: number | null;
  coverage: Coverage;
  questions: QuestionScore[];
}

export interface ThemeScore {
  slug: ThemeSlug;
  title: string;
  score: number | null;
  coverage: Coverage;
  /** Every applicable question of the theme answered (N/A counts as an answer). */
  complete: boolean;
  /** Criteria with at least one applicable question (the others say nothing to this structure). */
  criteria: CriterionScore[];
}

export interface ClauseGroupReadiness {
  group: Iso9001Group;
  label: string;
  score: number | null;
  coverage: Coverage;
  /** Codes of the applicable questions mapped to a clause of this group, in referential order. */
  questions: string[];
}

export interface SubjectReadiness {
  subject: Iso26000Subject;
  label: string;
  score: number | null;
  coverage: Coverage;
  questions: string[];
  rseLevel: RseLevel | null;
}

export interface RseReadiness {
  /** Weighted mean over the applicable questions mapped to any ISO 26000 subject (each once). */
  score: number | null;
  /** score × 10, out of 1000 like the Engagé RSE label. */
  points: number | null;
  level: RseLevel | null;
  coverage: Coverage;
}

export interface DiagnosticScores {
  /** Weighted mean over every scorable question (not the mean of the theme scores). */
  overall: number | null;
  band: Band | null;
  coverage: Coverage;
  complete: boolean;
  /** Some theme is complete but not all: results can be read theme by theme already. */
  partial: boolean;
  /** In referential order. */
  themes: ThemeScore[];
  /** Every applicable question, in referential order. */
  questions: QuestionScore[];
  unanswered: QuestionScore[];
  /** Legal obligations answered below their compliance level (belowCompliance). */
  legalFlags: QuestionScore[];
  iso9001: ClauseGroupReadiness[];
  iso26000: SubjectReadiness[];
  rse: RseReadiness;
}
