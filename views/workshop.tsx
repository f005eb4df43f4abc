// The page that hands out the blank questionnaire for workshops: choose a structure type, get the
// PDF. A plain GET form: it works without JavaScript and its result can be bookmarked.
import { t } from '../src/i18n/index.ts';
import { STRUCTURE_TYPES } from '../src/referential/schema.ts';
import { workshopPdfUrl } from '../src/web/urls.ts';

const W = t.workshop;


export function WorkshopPage({ type, error, referentialLabel }: { type: string; error?: string; referentialLabel: string }) {
  return (
    <section>
      <h1>{W.pageTitle}</h1>
      <p>{W.pageIntro}</p>
      <p class="muted">{W.referential(referentialLabel)}</p>
      <form method="get" action={workshopPdfUrl} class="card">
        <div class={error ? 'field field--error' : 'field'}>
          <label for="f-type">{W.typeLabel}</label>
          {error && (
            <p class="field-error" id="f-type-error">
              {error}
            </p>
          )}
          <select id="f-type" name="type" aria-describedby={error ? 'f-type-error' : undefined} aria-invalid={error ? 'true' : undefined}>
            {STRUCTURE_TYPES.map((st) => (
              <option value={st} selected={st === type}>
                {t.common.structureTypes[st] ?? st}
              </option>
            ))}
          </select>
        </div>
        <p class="actions-row">
          <button type="submit" class="button">
            {W.download}
          </button>
        </p>
      </form>
    </section>
  );
}
