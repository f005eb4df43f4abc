// Overall maturity bands. Four bands (not five) so that each one maps to a clear next step:
// start, structure, consolidate, share. Thresholds on the overall score (0-100), unrounded:
//
//   premiers-pas       0  ≤ score < 40   « Premiers pas »
//   en-structuration   40 ≤ score < 60   « En structuration »
//   maitrise           60 ≤ score < 80   « Maîtrisé »
//   exemplaire         80 ≤ score ≤ 100  « Exemplaire »
//
// 40 is the mean of a diagnostic answered mostly « actions ponctuelles » (level 2 = 50) with some
// gaps; 60 needs most practices formalised; 80 needs most of them integrated and reviewed.

export type BandId = 'premiers-pas' | 'en-structuration' | 'maitrise' | 'exemplaire';

export interface Band {
  id: BandId;
  label: string;
  /** Inclusive lower bound. */
  min: number;
  /** Exclusive upper bound, except for the last band, which includes 100. */
  max: number;
  description: string;
}

export const BANDS: readonly Band[] = [
  {
    id: 'premiers-pas',
    label: 'Premiers pas',
    min: 0,
    max: 40,
    description: 'Les pratiques existent surtout de façon informelle ; la démarche d’amélioration continue commence.',
  },
  {
    id: 'en-structuration',
    label: 'En structuration',
    min: 40,
    max: 60,
    description: 'Des actions sont menées et certaines pratiques sont formalisées ; le suivi reste à organiser.',
  },
  {
    id: 'maitrise',
    label: 'Maîtrisé',
    min: 60,
    max: 80,
    description: 'Les pratiques sont formalisées, avec des objectifs et un suivi régulier.',
  },
  {
    id: 'exemplaire',
    label: 'Exemplaire',
    min: 80,
    max: 100,
    description: 'Les pratiques sont intégrées, évaluées et améliorées en continu ; la structure peut viser une certification ou un label.',
  },
];

/** The band of an overall score; null when there is no score (nothing answered yet). */
export function bandFor(score: number): Band;
export function bandFor(score: number | null): Band | null;
export function bandFor(score: number | null): Band | null {
  if (score === null) return null;
  for (const band of BANDS) if (score < band.max) return band;
  // 100 (and anything above, which scoring never produces) belongs to the top band.
  return BANDS[BANDS.length - 1] ?? null;
}
