// Percentages, overdue actions and file names as the plan page and the PDF print them. Pure.
// Dates are src/dates.ts's; rounding is src/scoring/rounding.ts's.
import { shownScore } from '../scoring/rounding.ts';

/** The id a proposed action not yet stored carries on the plan page and in the PDF (src/db/actions.ts projectPlan). */
export const PENDING_PREFIX = 'a-venir-';

/** A proposed action shown before it is stored: there is no row to edit yet. */
export function isPendingAction(a: { id: string }): boolean {
  return a.id.startsWith(PENDING_PREFIX);
}

/** An action is overdue when its due day is past (in Paris) and it is not done. */
export function isOverdue(action: { dueDate: string | null; status: string }, today: string): boolean {
  return !!action.dueDate && action.status !== 'done' && action.dueDate < today;
}

/** « 62 % » (narrow no-break space, as French typography wants); « — » without a score. */
export function percent(score: number | null): string {
  return score === null ? '—' : `${shownScore(score)}\u202f%`;
}

/** ASCII, lower case, dashes: « Les Jardins du Lauragais (démo) » → « les-jardins-du-lauragais-demo ». */
export function slugify(name: string): string {
  const slug = name
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'OE')
    .replace(/æ/g, 'ae')
    .replace(/Æ/g, 'AE')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'structure';
}
