// Progress bars of a diagnostic. The same component renders in pages and, out of band, in the
// fragment htmx receives after each save, so bars follow the answers without a reload.
import { t } from '../src/i18n/index.ts';

const q = t.questionnaire;

export function progressId(slug?: string): string {
  return slug ? `progress-theme-${slug}` : 'progress-overall';
}

export function ProgressBar(p: { slug?: string; caption: string; answered: number; applicable: number; prefilled: number; oob?: boolean; hideCaption?: boolean }) {
  const pct = (n: number) => (p.applicable ? Math.round((n / p.applicable) * 1000) / 10 : 0);
  const done = p.applicable > 0 && p.answered === p.applicable && p.prefilled === 0;
  return (
    <div class="progress progress--labelled" id={progressId(p.slug)} hx-swap-oob={p.oob ? 'true' : undefined}>
      <span class={p.hideCaption ? 'visually-hidden' : 'progress__caption'}>{p.caption}</span>
      <span class="progress__bar" aria-hidden="true">
        <span class={done ? 'progress__fill progress__fill--ok' : 'progress__fill'} style={`width:${pct(p.answered - p.prefilled)}%`}></span>
        {p.prefilled > 0 && <span class="progress__fill progress__fill--prefilled" style={`width:${pct(p.prefilled)}%`}></span>}
      </span>
      <span class="progress__label">
        {q.progressLabel(p.answered, p.applicable)}
        {p.prefilled > 0 && <span class="prefilled"> {q.prefilledLeft(p.prefilled)}</span>}
      </span>
    </div>
  );
}

const BADGES: Record<string, string> = {
  draft: 'badge badge--brand',
  submitted: 'badge badge--warn',
  changes_requested: 'badge badge--danger',
  validated: 'badge badge--ok',
};

export function StatusBadge({ status, label }: { status: string; label: string }) {
  return <span class={BADGES[status] ?? 'badge'}>{label}</span>;
}
