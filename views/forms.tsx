// Accessible form fields: every input has a label, and its error is tied with aria-describedby.
import type { Child } from 'hono/jsx';
import { t } from '../src/i18n/index.ts';

export type FieldErrors = Record<string, string | undefined>;

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/**
 * The errors of a form, above it: each names its field (« Adresse électronique : … ») and links to
 * it, so that the list reads alone and a click lands in the field. `labels` gives the name of each
 * field, in the order of the form; `targets` the element to land on when it is not `f-<field>` (the first box of a group).
 * A message without a label (a problem with the whole form) is listed as it is.
 */
export function ErrorSummary({ errors, labels, targets = {} }: { errors: FieldErrors; labels: Record<string, string>; targets?: Record<string, string> }) {
  // In the order of the form, which is the order `labels` is written in.
  const order = Object.keys(labels);
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  const list = Object.entries(errors)
    .filter(([, m]) => m)
    .sort(([a], [b]) => rank(a) - rank(b));
  if (!list.length) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1}>
      <h2>{t.common.errorsTitle}</h2>
      <ul>
        {list.map(([field, message]) => (
          <li>
            <a href={`#${targets[field] ?? `f-${field}`}`}>{labels[field] ? t.common.fieldError(labels[field], message!) : message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  name: string;
  label: string;
  value?: string | number | null;
  error?: string;
  hint?: string;
  type?: string;
  required?: boolean;
  autocomplete?: string;
  maxlength?: number;
  inputmode?: 'decimal' | 'numeric' | 'email' | 'text';
  step?: string;
  min?: string;
  /** Distinguishes the ids of fields when several forms share a page (e.g. one per action). */
  scope?: string;
}

/** The element id of a field: `f-<name>`, or `f-<scope>-<name>` when forms repeat on a page. */
function fieldId(p: { name: string; scope?: string }): string {
  return p.scope ? `f-${p.scope}-${p.name}` : `f-${p.name}`;
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldMessages({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint && <p class="hint" id={`${id}-hint`}>{hint}</p>}
      {error && <p class="field-error" id={`${id}-error`}>{error}</p>}
    </>
  );
}

function FieldLabel({ id, label, required }: { id: string; label: string; required?: boolean }) {
  return (
    <label for={id}>
      {label} {required && <span class="required">{t.common.required}</span>}
    </label>
  );
}

export function TextField(p: FieldProps) {
  const id = fieldId(p);
  return (
    <div class={p.error ? 'field field--error' : 'field'}>
      <FieldLabel id={id} label={p.label} required={p.required} />
      <FieldMessages id={id} hint={p.hint} error={p.error} />
      <input
        id={id}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.value ?? ''}
        required={p.required}
        autocomplete={p.autocomplete}
        maxlength={p.maxlength}
        inputmode={p.inputmode}
        step={p.step}
        min={p.min}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(id, p.hint, p.error)}
      />
    </div>
  );
}

export function TextArea(p: FieldProps & { rows?: number }) {
  const id = fieldId(p);
  return (
    <div class={p.error ? 'field field--error' : 'field'}>
      <FieldLabel id={id} label={p.label} required={p.required} />
      <FieldMessages id={id} hint={p.hint} error={p.error} />
      <textarea
        id={id}
        name={p.name}
        rows={p.rows ?? 4}
        required={p.required}
        maxlength={p.maxlength}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(id, p.hint, p.error)}
      >
        {p.value ?? ''}
      </textarea>
    </div>
  );
}

export function SelectField(p: FieldProps & { options: readonly (readonly [string, string])[]; /** Label of the empty choice; false for none. */ empty?: string | false }) {
  const id = fieldId(p);
  const empty = p.empty === undefined ? '—' : p.empty;
  return (
    <div class={p.error ? 'field field--error' : 'field'}>
      <FieldLabel id={id} label={p.label} required={p.required} />
      <FieldMessages id={id} hint={p.hint} error={p.error} />
      <select id={id} name={p.name} required={p.required} aria-invalid={p.error ? 'true' : undefined} aria-describedby={describedBy(id, p.hint, p.error)}>
        {empty !== false && <option value="">{empty}</option>}
        {p.options.map(([value, label]) => (
          <option value={value} selected={String(p.value ?? '') === value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CheckboxGroup(p: {
  name: string;
  legend: string;
  options: readonly (readonly [string, string])[];
  values: readonly string[];
  error?: string;
  hint?: string;
  /** Lays the boxes out in columns (a long list of short labels, e.g. the regions). */
  columns?: boolean;
  /** The role this group is for, on a user form: shown only for it when scripts run. */
  roleScope?: string;
}) {
  return (
    // The first box carries `f-<name>`, where the error summary's link lands.
    <fieldset class={p.error ? 'field field--error' : 'field'} id={`f-${p.name}-group`} aria-describedby={describedBy(`f-${p.name}`, p.hint, p.error)} data-role-scope={p.roleScope}>
      <legend>{p.legend}</legend>
      <FieldMessages id={`f-${p.name}`} hint={p.hint} error={p.error} />
      <div class={p.columns ? 'choices choices--columns' : 'choices'}>
        {p.options.map(([value, label], i) => (
          <label class="choice">
            <input type="checkbox" id={i === 0 ? `f-${p.name}` : undefined} name={p.name} value={value} checked={p.values.includes(value)} /> {label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function Checkbox(p: { name: string; label: string; checked: boolean }) {
  return (
    <div class="field">
      <label class="choice" for={`f-${p.name}`}>
        <input type="checkbox" id={`f-${p.name}`} name={p.name} value="1" checked={p.checked} /> {p.label}
      </label>
    </div>
  );
}

export function SubmitButton({ children }: { children: Child }) {
  return (
    <button type="submit" class="button">
      {children}
    </button>
  );
}

/** Deactivate / reactivate a record (user, organisation, service): a separate small form. */
export function ActiveToggle(p: { csrf: string; action: string; active: boolean; deactivate: string; reactivate: string; hint?: string }) {
  return (
    <form method="post" action={p.action} class="form form--danger">
      <CsrfField token={p.csrf} />
      <input type="hidden" name="active" value={p.active ? '0' : '1'} />
      {p.active && p.hint && <p class="hint">{p.hint}</p>}
      <button type="submit" class={p.active ? 'button button--danger' : 'button button--secondary'}>
        {p.active ? p.deactivate : p.reactivate}
      </button>
    </form>
  );
}
