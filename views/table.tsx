// Tables that fit a phone (the CSS is in static/app.css, « Tables »).
//
// A table sits in a region that scrolls sideways when the table is wider than the screen; the
// region is named after the table and focusable, so that someone on a keyboard can scroll it
// (WCAG 2.1.1, axe's scrollable-region-focusable). A table marked `stack` does not need to
// scroll on a phone: below 40rem each row becomes a card, its row header as the card's title and
// each cell preceded by its column's name, taken from the cell's `data-label` — so the status or
// the score of a row is never off-screen. A `stack` table whose column headers are links (sorting)
// keeps them as a row of links above the cards.
import type { Child } from 'hono/jsx';

export function TableRegion({ label, children, class: extra }: { label: string; children?: Child; class?: string }) {
  return (
    <div class={extra ? `table-wrap ${extra}` : 'table-wrap'} role="region" aria-label={label} tabindex={0}>
      {children}
    </div>
  );
}
