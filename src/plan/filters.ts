// The plan page's filters (theme, status, owner, overdue) and its two views, read from the query
// string so that a filtered plan has an address one can share. The schema checks every value
// before any work (limits from src/validation/limits.ts); applying them is pure.
import { isOverdue } from './format.ts';

export const PLAN_VIEWS = ['fiches', 'tableau'] as const;
export type PlanView = (typeof PLAN_VIEWS)[number];
/** « ouvertes »: to do or in progress. */
export const STATUS_FILTERS = ['ouvertes', 'todo', 'in_progress', 'done'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];
/** The owner filter's value for actions nobody has taken yet. */
export const NO_OWNER = '-';

export interface PlanFilters {
  theme: string;
  status: StatusFilter | '';
  owner: string;
  overdue: boolean;
  view: PlanView;
}

export const NO_FILTERS: PlanFilters = { theme: '', status: '', owner: '', overdue: false, view: 'fiches' };

export function hasFilters(f: PlanFilters): boolean {
  return !!(f.theme || f.status || f.owner || f.overdue);
}

interface Filterable {
  themeSlug: string;
  status: string;
  owner: string;
  dueDate: string | null;
}

export function matches(a: Filterable, f: PlanFilters, today: string): boolean {
  if (f.theme && a.themeSlug !== f.theme) return false;
  if (f.status === 'ouvertes' ? a.status === 'done' : f.status && a.status !== f.status) return false;
  if (f.owner && (f.owner === NO_OWNER ? a.owner.trim() !== '' : a.owner.trim() !== f.owner)) return false;
  if (f.overdue && !isOverdue(a, today)) return false;
  return true;
}

/** The query string of a set of filters (defaults left out), for links and the form's own URL. */
export function filterQuery(f: PlanFilters): string {
  const p = new URLSearchParams();
  if (f.theme) p.set('theme', f.theme);
  if (f.status) p.set('statut', f.status);
  if (f.owner) p.set('responsable', f.owner);
  if (f.overdue) p.set('retard', '1');
  if (f.view !== 'fiches') p.set('vue', f.view);
  const q = p.toString();
  return q ? `?${q}` : '';
}
