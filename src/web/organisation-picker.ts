// The organisation picker of a form (a user's structures; an invitation's): the structures chosen
// so far, a search field, and the structures found. It works without JavaScript as a search step:
// the form is posted with the « Rechercher » button (or Enter in the search field) and comes back
// with everything typed kept and the structures found to tick; with htmx, suggestions come as one
// types (GET /organisations/suggestions). The field names are the view's (views/organisation-picker.tsx).
import type { Db } from '../db/open.ts';
import type { Actor } from '../auth/permissions.ts';
import { organisationsByIds } from '../db/organisation-list.ts';
import { findOrganisations } from './organisation-search.ts';
import { PICKER, type PickerState } from '../../views/organisation-picker.tsx';
import { LIMITS, MAX_LENGTH } from '../validation/limits.ts';

/** Structures found at once: enough to pick from, few enough to read on a phone. */
export const PICKER_RESULTS = 20;

const queryOf = (form: URLSearchParams) => (form.get(PICKER.search) ?? '').trim().slice(0, MAX_LENGTH.filter);

/**
 * Whether a posted form asks for a search rather than to be saved: the « Rechercher » button, or a
 * search typed and not yet made (Enter in the search field submits the form without the button).
 */
export function wantsSearch(form: URLSearchParams): boolean {
  if (form.get(PICKER.step) === PICKER.stepValue) return true;
  const query = queryOf(form);
  return query !== '' && query !== (form.get(PICKER.done) ?? '').trim();
}

/**
 * The chosen ids of a posted form: as many as a form may carry, and one more, so that the form's
 * own check says there are too many instead of some being dropped.
 */
export function chosenIds(form: URLSearchParams): string[] {
  return [...new Set(form.getAll(PICKER.ids))].slice(0, LIMITS.organisationsPerUser + 1);
}

/** The picker of a posted form (or of the suggestions' query): chosen ones, and what the search finds. */
export function pickerFromForm(db: Db, actor: Actor, form: URLSearchParams, search: boolean): PickerState {
  const chosen = organisationsByIds(db, actor, chosenIds(form));
  const query = queryOf(form);
  const found = search && query ? findOrganisations(db, actor, { q: query, active: true }, PICKER_RESULTS, chosen.map((o) => o.id)) : null;
  return { chosen, query, found };
}

/** The picker of a form opened on saved choices. */
export function pickerOf(db: Db, actor: Actor, ids: readonly string[]): PickerState {
  return { chosen: organisationsByIds(db, actor, ids), query: '', found: null };
}
