// The organisation picker of a form: the structures chosen (ticked boxes), a search field and the
// structures found (boxes to tick). Without JavaScript, « Rechercher » posts the form, which comes
// back with everything kept and the structures found (src/web/organisation-picker.ts); with htmx,
// the structures found come as one types, and the boxes ticked meanwhile join the chosen ones.
// The same fragments answer GET /organisations/suggestions.
import { t } from '../src/i18n/index.ts';
import type { OrganisationRow } from '../src/db/organisation-list.ts';

const P = t.orgs.picker;

/** The picker's field names, shared by the form, the suggestions and src/web/organisation-picker.ts. */
export const PICKER = {
  /** The chosen organisations (checked boxes, chosen or found). */
  ids: 'organisationIds',
  /** What is typed in the search field. */
  search: 'orgSearch',
  /** The search whose results the form shows (so that saving after a search does not search again). */
  done: 'orgSearchDone',
  /** The « Rechercher » button's name and value. */
  step: '_step',
  stepValue: 'orgSearch',
} as const;

export interface PickerState {
  chosen: OrganisationRow[];
  query: string;
  /** The structures found for `query` (chosen ones left out) and how many matched, or null when no search was made. */
  found: { rows: OrganisationRow[]; total: number } | null;
}

function OrganisationBox({ o, checked }: { o: OrganisationRow; checked: boolean }) {
  return (
    <li>
      <label class="choice picker__choice">
        <input type="checkbox" name={PICKER.ids} value={o.id} checked={checked} />{' '}
        <span>
          {o.name} <span class="muted">({t.orgs.where(o.region, o.types.join(', '))})</span>
        </span>
      </label>
    </li>
  );
}

/** The chosen structures; `oob` to replace them from a suggestions answer. */
export function PickerChosen({ chosen, oob }: { chosen: OrganisationRow[]; oob?: boolean }) {
  return (
    <div id="picker-chosen" class="picker__chosen" hx-swap-oob={oob ? 'true' : undefined}>
      <p class="picker__title">
        {P.chosenTitle} ({chosen.length})
      </p>
      {chosen.length ? (
        <>
          <p class="hint">{P.uncheckHint}</p>
          <ul class="picker__list">
            {chosen.map((o) => (
              <OrganisationBox o={o} checked />
            ))}
          </ul>
        </>
      ) : (
        <p class="muted">{P.noneChosen}</p>
      )}
    </div>
  );
}

function statusText(state: PickerState): string {
  const f = state.found;
  if (!f) return '';
  if (!f.total) return P.notFound(state.query);
  return f.total > f.rows.length ? P.foundMore(f.total, f.rows.length, state.query) : P.found(f.total, state.query);
}

/** What the search says it found; a live region, so that a screen reader hears it as one types. */
export function PickerStatus({ state, oob }: { state: PickerState; oob?: boolean }) {
  return (
    <p id="picker-status" class="picker__status" role="status" hx-swap-oob={oob ? 'true' : undefined}>
      {statusText(state)}
    </p>
  );
}

/** The structures found, to tick. */
export function PickerResults({ state }: { state: PickerState }) {
  const rows = state.found?.rows ?? [];
  if (!rows.length) return null;
  return (
    <ul class="picker__list picker__found" aria-label={P.resultsTitle}>
      {rows.map((o) => (
        <OrganisationBox o={o} checked={false} />
      ))}
    </ul>
  );
}

/** The answer to GET /organisations/suggestions: the structures found, and the rest kept in step. */
export function PickerSuggestions({ state }: { state: PickerState }) {
  return (
    <>
      <PickerResults state={state} />
      <PickerChosen chosen={state.chosen} oob />
      <PickerStatus state={state} oob />
      <input type="hidden" id="picker-done" name={PICKER.done} value={state.query} hx-swap-oob="true" />
    </>
  );
}

export function OrganisationPicker(p: {
  state: PickerState;
  legend: string;
  error?: string;
  /** The form's address: « Rechercher » comes back to the picker (#picker). */
  action: string;
  /** The role this picker is for, on a user form: shown only for it when scripts run. */
  roleScope?: string;
}) {
  const { state } = p;
  const describedBy = ['picker-hint', p.error ? 'picker-error' : ''].filter(Boolean).join(' ');
  return (
    <fieldset class={p.error ? 'field field--error picker' : 'field picker'} id="picker" aria-describedby={describedBy} data-role-scope={p.roleScope}>
      <legend>{p.legend}</legend>
      <p class="hint" id="picker-hint">
        {P.hint}
      </p>
      {p.error && (
        <p class="field-error" id="picker-error">
          {p.error}
        </p>
      )}
      <PickerChosen chosen={state.chosen} />
      <div class="picker__search">
        <label for={`f-${PICKER.search}`}>{P.searchLabel}</label>
        <div class="picker__row">
          <input
            type="search"
            id={`f-${PICKER.search}`}
            name={PICKER.search}
            value={state.query}
            maxlength={100}
            autocomplete="off"
            spellcheck={false}
            aria-describedby="picker-status"
            hx-get="/organisations/suggestions"
            hx-trigger="input changed delay:300ms, search"
            hx-target="#picker-found"
            hx-include="#picker"
            hx-sync="this:replace"
          />
          <button type="submit" class="button button--secondary" name={PICKER.step} value={PICKER.stepValue} formaction={`${p.action}#picker`} formnovalidate>
            {P.searchButton}
          </button>
        </div>
        <input type="hidden" id="picker-done" name={PICKER.done} value={state.found ? state.query : ''} />
        <PickerStatus state={state} />
        <div id="picker-found">
          <PickerResults state={state} />
        </div>
      </div>
    </fieldset>
  );
}
