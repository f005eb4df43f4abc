import type { Question, StructureType } from '../referential/schema.ts';

/**
 * A question applies when the organisation has at least one of the structure types it targets.
 * Organisations often combine types (an AI and an ACI under one association), hence the intersection.
 */
export function isApplicable(q: Question, types: readonly StructureType[]): boolean {
  // appliesTo holds at most eight entries: a linear scan is cheaper than building a Set per call.
  for (const t of types) if (q.appliesTo.includes(t)) return true;
  return false;
}
