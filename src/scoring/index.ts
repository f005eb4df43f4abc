// Scoring: answers + referential → scores, maturity band, ISO 9001 and RSE readiness, comparison
// and radar geometry. Pure: no hono, no database, no clock.
export { type Level, type NumericLevel, LEVEL_SCORES, isNumericLevel, levelScore } from './levels.ts';
export { isApplicable } from './applicability.ts';
export { type Band, type BandId, BANDS, bandFor } from './bands.ts';
export { type Iso9001Group, ISO9001_GROUPS, ISO9001_GROUP_LABELS, clauseGroup } from './iso9001.ts';
export { type RseLevel, type RseLevelId, RSE_LEVELS, ISO26000_SUBJECT_LABELS, rseLevelFor, rsePoints } from './rse.ts';
export type {
  Answers,
  QuestionScore,
  Coverage,
  CriterionScore,
  ThemeScore,
  ClauseGroupReadiness,
  SubjectReadiness,
  RseReadiness,
  DiagnosticScores,
} from './types.ts';
export { scoreDiagnostic } from './score-diagnostic.ts';
export { shownScore, shownDelta } from './rounding.ts';
export { LEGAL_MINIMUM_LEVEL, complianceLevelOf, belowCompliance } from './legal.ts';
export { type Trend, type ScoreComparison, type ThemeComparison, type QuestionComparison, type PreviousOrigin, type Comparison, compareScore, compareScores } from './compare.ts';
export { type Point, type LabelPoint, type TextAnchor, type RadarRing, type RadarGeometry, type RadarOptions, RADAR_RINGS, radarPoints, svgPoints } from './radar.ts';
