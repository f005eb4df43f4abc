// A diagnostic's life outside the questionnaire (mounted under /diagnostics): its creator or an
// administrator deletes a draft, after a confirmation (a page: it is rare and definitive); an
// administrator archives an old diagnostic and may bring it back.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../context.ts';
import { t } from '../i18n/index.ts';
import { page } from '../web/render.tsx';
import { redirectWith } from '../web/flash.ts';
import { currentUser, notFound } from '../web/guards.ts';
import { loadDiagnostic } from '../web/load.ts';
import { readForm } from '../validation/forms.ts';
import { getPerson } from '../db/users.ts';
import { personName } from '../people.ts';
import { archiveDiagnostic, deleteDraft, diagnosticContents, restoreDiagnostic } from '../db/diagnostic-lifecycle.ts';
import { isDeletable } from '../diagnostics/status.ts';
import { diagnosticUrl, organisationUrl } from '../web/urls.ts';
import { ConfirmPage } from '../../views/confirm.tsx';
import { DecisionConflictPage } from '../../views/review.tsx';

const dr = t.drafts;

// No .use(requireUser) here: mounted under /diagnostics it would run on every diagnostic request
// (the autosave included); the loaded-resource guards send anonymous visitors to log in.
export const diagnosticLifecycleRoutes = new Hono<AppEnv>();

const deleter = loadDiagnostic('diagnostic.delete');
const archiver = loadDiagnostic('diagnostic.archive');

function refused(c: Context<AppEnv>, message: string) {
  const d = c.var.diagnostic.diagnostic;
  return page(c, t.common.diagnosticStatus[d.status], <DecisionConflictPage message={message} back={diagnosticUrl(d.id)} />, { status: 409 });
}

function confirmDelete(c: Context<AppEnv>) {
  const { db } = c.get('deps');
  const ctx = c.var.diagnostic;
  const d = ctx.diagnostic;
  if (!isDeletable(d.status)) return refused(c, dr.notDeletable(t.common.diagnosticStatus[d.status]));
  const n = diagnosticContents(db, d.id);
  const creator = personName(d.createdBy ? getPerson(db, d.createdBy) : null);
  return page(
    c,
    dr.deletePageTitle(d.createdAt),
    <ConfirmPage
      id="confirm-delete"
      title={dr.deleteQuestion(d.createdAt)}
      action={`${diagnosticUrl(d.id)}/delete`}
      csrf={c.get('csrf')}
      confirmLabel={dr.deleteConfirm}
      cancelLabel={dr.deleteCancel}
      cancelHref={diagnosticUrl(d.id)}
      danger
      breadcrumb={
        <>
          <a href={organisationUrl(ctx.organisation.id)}>{ctx.organisation.name}</a> › <a href={diagnosticUrl(d.id)}>{t.questionnaire.diagnosticOf(d.createdAt)}</a>
        </>
      }
    >
      <p>
        {dr.deleteWho(creator)} {dr.deleteWhat(n.answers, n.remarks, n.actions, n.files)}
      </p>
      <p class="notice">{dr.deleteFinal}</p>
    </ConfirmPage>,
  );
}

diagnosticLifecycleRoutes.get('/:id/delete', deleter, (c) => confirmDelete(c));

diagnosticLifecycleRoutes.post('/:id/delete', deleter, async (c) => {
  const { db, clock } = c.get('deps');
  const ctx = c.var.diagnostic;
  const form = await readForm(c);
  if (form.get('confirm') !== '1') return confirmDelete(c);
  const store = c.get('deps').evidence.store;
  const r = deleteDraft(db, { diagnosticId: ctx.diagnostic.id, userId: currentUser(c).id }, clock(), (hash) => store.remove(hash));
  if (r.kind === 'missing') notFound();
  if (r.kind === 'locked') return refused(c, dr.notDeletable(t.common.diagnosticStatus[r.status]));
  return redirectWith(c, organisationUrl(ctx.organisation.id), { kind: 'success', message: dr.deleted(r.deleted.diagnostic.createdAt, r.deleted.answers) });
});

diagnosticLifecycleRoutes.post('/:id/archive', archiver, (c) => {
  const { db, clock } = c.get('deps');
  const d = c.var.diagnostic.diagnostic;
  const r = archiveDiagnostic(db, { diagnosticId: d.id, userId: currentUser(c).id }, clock());
  if (r.kind === 'missing') notFound();
  if (r.kind !== 'archived') return redirectWith(c, diagnosticUrl(d.id), { kind: 'info', message: dr.alreadyArchived });
  return redirectWith(c, diagnosticUrl(d.id), { kind: 'success', message: dr.archived(d.createdAt) });
});

diagnosticLifecycleRoutes.post('/:id/unarchive', archiver, (c) => {
  const { db, clock } = c.get('deps');
  const d = c.var.diagnostic.diagnostic;
  const r = restoreDiagnostic(db, { diagnosticId: d.id, userId: currentUser(c).id }, clock());
  if (r.kind === 'missing') notFound();
  if (r.kind === 'open') return redirectWith(c, diagnosticUrl(d.id), { kind: 'error', message: dr.restoreBlocked(r.open.createdAt) });
  if (r.kind !== 'restored') return redirectWith(c, diagnosticUrl(d.id), { kind: 'info', message: dr.notArchived });
  return redirectWith(c, diagnosticUrl(d.id), { kind: 'success', message: dr.restored(d.createdAt, t.common.diagnosticStatus[r.diagnostic.status]) });
});
