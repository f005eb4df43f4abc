// CSR (RSE) readiness, read per ISO 26000 core subject and expressed on the scale of AFNOR's
// « Engagé RSE » label so that members see how far they are from it: the score (0-100) × 10 gives
// points out of 1000, then
//
//   initial       0 ≤ points ≤ 300   « Initial »
//   progression 300 < points ≤ 500   « Progression »  (301-500 on the label's integer scale)
//   confirme    500 < points ≤ 700   « Confirmé »     (501-700)
//   exemplaire  700 < points ≤ 1000  « Exemplaire »   (701-1000)
//
// Our points are not rounded, so 300.5 is already « Progression ».
import type { Iso26000Subject } from '../referential/schema.ts';

export const ISO26000_SUBJECT_LABELS: Readonly<Record<Iso26000Subject, string>> = {
  gouvernance: 'Gouvernance de l’organisation',
  'droits-humains': 'Droits de l’Homme',
  'relations-conditions-travail': 'Relations et conditions de travail',
  environnement: 'Environnement',
  'loyaute-pratiques': 'Loyauté des pratiques',
  consommateurs: 'Questions relatives aux consommateurs',
  'communautes-developpement-local': 'Communautés et développement local',
};

export type RseLevelId = 'initial' | 'progression' | 'confirme' | 'exemplaire';

export interface RseLevel {
  id: RseLevelId;
  label: string;
  /** Lower bound as the label writes it (integer points). */
  minPoints: number;
  /** Inclusive upper bound, in points out of 1000. */
  maxPoints: number;
  description: string;
}

export const RSE_LEVELS: readonly RseLevel[] = [
  { id: 'initial', label: 'Initial', minPoints: 0, maxPoints: 300, description: 'La démarche RSE est engagée ; les premières pratiques se mettent en place.' },
  { id: 'progression', label: 'Progression', minPoints: 301, maxPoints: 500, description: 'Des pratiques responsables sont déployées sur plusieurs questions centrales.' },
  { id: 'confirme', label: 'Confirmé', minPoints: 501, maxPoints: 700, description: 'La démarche est structurée, suivie et partagée avec les parties prenantes.' },
  { id: 'exemplaire', label: 'Exemplaire', minPoints: 701, maxPoints: 1000, description: 'La RSE est intégrée à la stratégie et améliorée en continu.' },
];

/** Points out of 1000 for a score out of 100. */
export function rsePoints(score: number): number {
  return score * 10;
}

/** The Engagé RSE-style level of a score (0-100); null when there is no score. */
export function rseLevelFor(score: number): RseLevel;
export function rseLevelFor(score: number | null): RseLevel | null;
export function rseLevelFor(score: number | null): RseLevel | null {
  if (score === null) return null;
  const points = rsePoints(score);
  for (const level of RSE_LEVELS) if (points <= level.maxPoints) return level;
  return RSE_LEVELS[RSE_LEVELS.length - 1] ?? null;
}
