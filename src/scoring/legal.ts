// When a legal obligation counts as met. One rule for the results page, the plan's priorities and
// the PDF. Pure.
import type { Level } from './levels.ts';

/** Below this level a legal obligation is not met, unless the question sets its own level. */
export const LEGAL_MINIMUM_LEVEL = 2;

/**
 * The first level at which a legal question's obligation is met: the question's own
 * `complianceLevel` when the referential gives one (CAP 2026 does, question by question), else 2.
 */
export function complianceLevelOf(question: object): number {
  // Read structurally: versions written before compliance levels existed have no such field.
  const level = (question as { complianceLevel?: unknown }).complianceLevel;
  return typeof level === 'number' ? level : LEGAL_MINIMUM_LEVEL;
}

/** A legal question answered with a level below its compliance level (N/A and unanswered are not). */
export function belowCompliance(qs: { legal: boolean; level: Level | null; complianceLevel: number }): boolean {
  return qs.legal && typeof qs.level === 'number' && qs.level < qs.complianceLevel;
}
