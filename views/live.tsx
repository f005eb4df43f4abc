// The page's polite live region: one place where what an htmx update did is said to screen-reader
// users (« Réponse ID-1.1 enregistrée. »), instead of every status area speaking at once. The
// layout holds the empty region; an htmx answer fills it out of band.

export const LIVE_REGION_ID = 'live-region';

/** The empty region, once per page (views/layout.tsx), outside anything htmx replaces. */
export function LiveRegion() {
  // aria-live without role="status": the page's flash message is its one status; this region only speaks.
  return <div id={LIVE_REGION_ID} class="visually-hidden" aria-live="polite" aria-atomic="true"></div>;
}

/** The message of an htmx answer, swapped into the region (only its content changes: the region stays). */
export function LiveMessage({ message }: { message: string }) {
  return (
    <div id={LIVE_REGION_ID} hx-swap-oob="innerHTML">
      {message}
    </div>
  );
}
