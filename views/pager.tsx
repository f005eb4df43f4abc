// Links between the pages of a long list read by keyset (the federation's structures, accounts,
// organisations): the first page, the previous and the next one. Plain links: no JavaScript.
import { t } from '../src/i18n/index.ts';

export function KeysetPager(p: { label: string; first?: string; prev?: string; next?: string }) {
  if (!p.prev && !p.next) return null;
  return (
    <nav class="pager no-print" aria-label={p.label}>
      {p.first && p.first !== p.prev && (
        <a href={p.first} class="pager__first">
          {t.common.pager.first}
        </a>
      )}
      {p.prev && (
        <a href={p.prev} rel="prev">
          ← {t.common.pager.previous}
        </a>
      )}
      {p.next && (
        <a href={p.next} rel="next">
          {t.common.pager.next} →
        </a>
      )}
    </nav>
  );
}
