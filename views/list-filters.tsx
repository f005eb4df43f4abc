// The search and filter form above an administration list (users, organisations): a GET form,
// so that a filtered list is a link one can keep or share; it works without JavaScript.
import type { Child } from 'hono/jsx';

export function ListFilters(p: { action: string; title: string; apply: string; reset: string; children?: Child }) {
  return (
    <form method="get" action={p.action} class="panel filters" role="search" aria-labelledby="filters-title">
      <h2 id="filters-title" class="filters__title">
        {p.title}
      </h2>
      <div class="filters__fields">{p.children}</div>
      <div class="actions-row">
        <button type="submit" class="button">
          {p.apply}
        </button>
        <a href={p.action}>{p.reset}</a>
      </div>
    </form>
  );
}

/** A search field of a filter form. */
export function FilterSearch(p: { name: string; label: string; hint?: string; value?: string }) {
  const id = `filter-${p.name}`;
  return (
    <div class="field filters__search">
      <label for={id}>{p.label}</label>
      {p.hint && (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      )}
      <input type="search" id={id} name={p.name} value={p.value ?? ''} maxlength={100} aria-describedby={p.hint ? `${id}-hint` : undefined} />
    </div>
  );
}

/** A choice of a filter form; the empty option (« Toutes », « Tous ») keeps everything. */
export function FilterSelect(p: { name: string; label: string; all: string; value?: string; options: readonly (readonly [string, string])[] }) {
  const id = `filter-${p.name}`;
  return (
    <div class="field">
      <label for={id}>{p.label}</label>
      <select id={id} name={p.name}>
        <option value="">{p.all}</option>
        {p.options.map(([value, label]) => (
          <option value={value} selected={p.value === value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}
