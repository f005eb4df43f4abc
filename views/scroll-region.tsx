// A table wider than a phone scrolls sideways inside its own region. The region is named and can
// take the focus, so that a keyboard user can scroll it too (WCAG 2.1.1; axe-core's
// « scrollable-region-focusable »).
import type { Child } from 'hono/jsx';

export function ScrollRegion({ label, children, class: extra }: { label: string; children: Child; class?: string }) {
  return (
    <div class={extra ? `table-wrap ${extra}` : 'table-wrap'} role="region" aria-label={label} tabindex={0}>
      {children}
    </div>
  );
}
