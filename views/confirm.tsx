// Asking before an irreversible step (submitting, validating, deleting a draft). One text, two
// forms: with JavaScript, the button's form opens a modal <dialog> (static/app.js) holding the
// confirming form; without it, the form posts without `confirm` and the server answers with the
// same question as a page of its own. Either way the step happens only on a post with `confirm=1`.
import type { Child } from 'hono/jsx';
import { CsrfField } from './forms.tsx';

export interface ConfirmProps {
  /** Element id of the dialog (and prefix of its title's id). */
  id: string;
  title: string;
  /** Where the confirming form posts. */
  action: string;
  csrf: string;
  confirmLabel: string;
  cancelLabel: string;
  /** The confirming button's look: danger for a deletion. */
  danger?: boolean;
  children?: Child;
}

/** The button that asks: a form posting to `action` without `confirm`, enhanced to open dialog `id`. */
export function ConfirmTrigger({ id, action, csrf, label, describedBy, secondary }: { id: string; action: string; csrf: string; label: string; describedBy?: string; secondary?: boolean }) {
  return (
    <form method="post" action={action} data-confirm-dialog={id} class="inline">
      <CsrfField token={csrf} />
      <button type="submit" class={secondary ? 'button button--secondary' : 'button'} aria-describedby={describedBy}>
        {label}
      </button>
    </form>
  );
}

function ConfirmForm(p: ConfirmProps & { cancelHref?: string }) {
  return (
    <form method="post" action={p.action} class="confirm-form">
      <CsrfField token={p.csrf} />
      <input type="hidden" name="confirm" value="1" />
      <p class="actions-row">
        <button type="submit" class={p.danger ? 'button button--danger' : 'button'}>
          {p.confirmLabel}
        </button>
        {p.cancelHref ? (
          <a class="button button--secondary" href={p.cancelHref}>
            {p.cancelLabel}
          </a>
        ) : (
          // The safer choice has the focus when the dialog opens.
          <button type="button" class="button button--secondary" data-close-dialog="" autofocus>
            {p.cancelLabel}
          </button>
        )}
      </p>
    </form>
  );
}

/** The dialog, in the page that holds the trigger; hidden until static/app.js opens it. */
export function ConfirmDialog(p: ConfirmProps) {
  return (
    <dialog id={p.id} class="confirm-dialog" aria-labelledby={`${p.id}-title`}>
      <h2 id={`${p.id}-title`}>{p.title}</h2>
      {p.children}
      <ConfirmForm {...p} />
    </dialog>
  );
}

/** The same question as a page, for a post without `confirm` (no JavaScript). */
export function ConfirmPage(p: ConfirmProps & { cancelHref: string; breadcrumb?: Child }) {
  return (
    <section class="narrow confirm-page">
      {p.breadcrumb && <p class="breadcrumb">{p.breadcrumb}</p>}
      <h1 id={`${p.id}-title`}>{p.title}</h1>
      {p.children}
      <ConfirmForm {...p} />
    </section>
  );
}
