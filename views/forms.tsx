// Accessible form fields: every input has a label, and its error is tied with aria-describedby.
import type { Child } from 'hono/jsx';
import { t } from '../src/i18n/index.ts';

export type FieldErrors = Record<string, string | undefined>;

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

export function ErrorSummary({ errors }: { errors: FieldErrors }) {
  const list = Object.entries(errors).filter(([, m]) => m);
  if (!list.length) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1}>
      <h2>{t.common.errorsTitle}</h2>
      <ul>
        {list.map(([field, message]) => (
          <li>
            <a href={`#f-${field}`}>{message}</a>
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
}

function describedBy(name: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `f-${name}-hint` : '', error ? `f-${name}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldMessages({ name, hint, error }: { name: string; hint?: string; error?: string }) {
  return (
    <>
      {hint && <p class="hint" id={`f-${name}-hint`}>{hint}</p>}
      {error && <p class="field-error" id={`f-${name}-error`}>{error}</p>}
    </>
  );
}

export function TextField(p: FieldProps) {
  return (
    <div class={p.error ? 'field field--error' : 'field'}>
      <label for={`f-${p.name}`}>
        {p.label} {p.required && <span class="required">{t.common.required}</span>}
      </label>
      <FieldMessages name={p.name} hint={p.hint} error={p.error} />
      <input
        id={`f-${p.name}`}
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
        aria-describedby={describedBy(p.name, p.hint, p.error)}
      />
    </div>
  );
}

export function TextArea(p: FieldProps & { rows?: number }) {
  return (
    <div class={p.error ? 'field field--error' : 'field'}>
      <label for={`f-${p.name}`}>{p.label}</label>
      <FieldMessages name={p.name} hint={p.hint} error={p.error} />
      <textarea
        id={`f-${p.name}`}
        name={p.name}
        rows={p.rows ?? 4}
        maxlength={p.maxlength}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(p.name, p.hint, p.error)}
      >
        {p.value ?? ''}
      </textarea>
    </div>
  );
}

export function SelectField(p: FieldProps & { options: readonly (readonly [string, string])[] }) {
  return (
    <div class={p.error ? 'field field--error' : 'field'}>
      <label for={`f-${p.name}`}>
        {p.label} {p.required && <span class="required">{t.common.required}</span>}
      </label>
      <FieldMessages name={p.name} hint={p.hint} error={p.error} />
      <select
        id={`f-${p.name}`}
        name={p.name}
        required={p.required}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(p.name, p.hint, p.error)}
      >
        <option value="">—</option>
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
}) {
  return (
    <fieldset class={p.error ? 'field field--error' : 'field'} id={`f-${p.name}`} aria-describedby={describedBy(p.name, p.hint, p.error)}>
      <legend>{p.legend}</legend>
      <FieldMessages name={p.name} hint={p.hint} error={p.error} />
      <div class="choices">
        {p.options.map(([value, label]) => (
          <label class="choice">
            <input type="checkbox" name={p.name} value={value} checked={p.values.includes(value)} /> {label}
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
