// A proposed action of the progress plan, as computed from the scores; members then edit, add,
// drop and track actions (stored elsewhere).
import type { ThemeSlug } from '../referential/schema.ts';
import type { NumericLevel } from '../scoring/levels.ts';

export const PRIORITIES = ['obligation', 'haute', 'moyenne', 'basse'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const PRIORITY_LABELS: Readonly<Record<Priority, string>> = {
  obligation: 'Obligation légale à sécuriser',
  haute: 'Haute',
  moyenne: 'Moyenne',
  basse: 'Basse',
};

/** Level a question should reach unless the caller asks otherwise (« formalisé, avec suivi »). */
export const DEFAULT_TARGET_LEVEL = 3;


export interface ProposeOptions {
  /** Level every question should reach; default 3. */
  targetLevel?: number;
}

export interface ProposedAction {
  questionCode: string;
  themeSlug: ThemeSlug;
  criterionCode: string;
  /** The recommendation's title: imperative, whole, at most ACTION_TITLE_MAX characters. */
  title: string;
  /** The full recommendation. */
  description: string;
  /** Service codes of the federation's catalogue that help. */
  services: string[];
  legal: boolean;
  weight: number;
  level: NumericLevel;
  /** target − level. */
  gap: number;
  /** weight × gap. */
  urgency: number;
  priority: Priority;
  /** One level to gain on a weight-3 question: little effort, visible effect. */
  quickWin: boolean;
  /** 1-based position in the plan. */
  rank: number;
}
