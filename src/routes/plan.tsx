// The progress plan: GET /diagnostics/:id/plan (page), POST …/actions (add), POST …/actions/:actionId
// (edit), …/drop and …/restore, and GET /diagnostics/:id/plan.pdf. Proposed actions are brought in
// line with the answers whenever the plan or its PDF is asked for.
import { Hono, type Context } from 'hono';
import { PassThrough, Readable } from 'node:stream';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../context.ts';
import { t } from '../i18n/index.ts';
import { fragment, isHtmx, page } from '../web/render.tsx';
import { redirectWith } from '../web/flash.ts';
import { currentUser, notFound } from '../web/guards.ts';
import { loadDiagnostic } from '../web/load.ts';
import { can } from '../auth/permissions.ts';
import { diagnosticScope, scoreDiagnosticById, type DiagnosticContext } from '../db/diagnostics.ts';
import { isEditable } from '../diagnostics/status.ts';
import { createAction, dropAction, getAction, listActions, syncProposedActions, updateAction, type ActionRow } from '../db/actions.ts';
import { buildPlanReport } from '../plan/report.ts';
import { progressSincePrevious } from '../db/certification.ts';
import { buildGapReport } from '../certification/report.ts';
import { getServicesByCode, listServices } from '../referential/store.ts';
import { fieldErrors, formObject, readForm } from '../validation/forms.ts';
import { ACTION_EDIT_FIELDS, actionCreateSchema, actionEditSchema, dropSchema } from '../validation/plan.ts';
import { slugify } from '../plan/format.ts';
import { parisDay } from '../dates.ts';
import { ActionItem, PlanPage, PlanSummary, type PlanContext, type PlanFormState } from '../../views/plan.tsx';

type C = Context<AppEnv>;

export const planRoutes = new Hono<AppEnv>();

function sync(c: C, ctx: DiagnosticContext) {
  const { db, clock } = c.get('deps');
  const scores = scoreDiagnosticById(db, ctx);
  syncProposedActions(db, ctx, scores, currentUser(c).id, clock());
  return scores;
}

function planContext(c: C, ctx: DiagnosticContext, actions: readonly ActionRow[]): PlanContext {
  const { db, clock } = c.get('deps');
  return {
    diagnosticId: ctx.diagnostic.id,
    csrf: c.get('csrf'),
    canEdit: can(currentUser(c), 'plan.edit', diagnosticScope(ctx)),
    today: parisDay(clock()),
    services: getServicesByCode(db, actions.flatMap((a) => a.services)),
    themes: ctx.referential.themes.map((th) => ({ slug: th.slug, title: th.title })),
  };
}

function renderPlan(c: C, ctx: DiagnosticContext, state?: PlanFormState, status: ContentfulStatusCode = 200) {
  const { db } = c.get('deps');
  const actions = listActions(db, ctx.diagnostic.id);
  const pc = planContext(c, ctx, actions);
  return page(
    c,
    t.plan.pageTitle(ctx.organisation.name),
    <PlanPage
      {...pc}
      organisationName={ctx.organisation.name}
      organisationId={ctx.organisation.id}
      draft={isEditable(ctx.diagnostic.status)}
      actions={actions}
      activeServices={pc.canEdit ? listServices(db, { activeOnly: true }) : []}
      state={state}
    />,
    { status },
  );
}

function actionOr404(c: C, ctx: DiagnosticContext): ActionRow {
  return getAction(c.get('deps').db, ctx.diagnostic.id, c.req.param('actionId') ?? '') ?? notFound();
}

const planUrl = (ctx: DiagnosticContext) => `/diagnostics/${ctx.diagnostic.id}/plan`;
const scopeOf = (ctx: DiagnosticContext) => ({ diagnosticId: ctx.diagnostic.id, organisationId: ctx.organisation.id });

const viewer = loadDiagnostic('diagnostic.view');
const editor = loadDiagnostic('plan.edit');

planRoutes.get('/:id/plan', viewer, (c) => {
  const ctx = c.var.diagnostic;
  sync(c, ctx);
  return renderPlan(c, ctx);
});

planRoutes.post('/:id/actions/:actionId', editor, async (c) => {
  const ctx = c.var.diagnostic;
  const { db, clock } = c.get('deps');
  const action = actionOr404(c, ctx);
  const form = await readForm(c);
  // Fields absent from the form keep their stored value: a quick status change posts only `status`.
  const values: Record<string, string> = { title: action.title, description: action.description, owner: action.owner, dueDate: action.dueDate ?? '', status: action.status, notes: action.notes };
  for (const key of ACTION_EDIT_FIELDS) {
    const v = form.get(key);
    if (v !== null) values[key] = v;
  }
  const parsed = actionEditSchema.safeParse(values);
  if (!parsed.success) {
    const state: PlanFormState = { form: 'edit', actionId: action.id, values, errors: fieldErrors(parsed.error) };
    // htmx swaps this 422 fragment in place of the action (responseHandling in the layout).
    if (isHtmx(c)) return fragment(c, <ActionItem action={action} ctx={planContext(c, ctx, [action])} state={state} />, 422);
    return renderPlan(c, ctx, state, 422);
  }
  const updated = updateAction(db, scopeOf(ctx), action.id, parsed.data, currentUser(c).id, clock())!;
  if (isHtmx(c)) {
    const all = listActions(db, ctx.diagnostic.id);
    const pc = planContext(c, ctx, [updated]);
    return fragment(
      c,
      <>
        <ActionItem action={updated} ctx={pc} />
        <PlanSummary actions={all} today={pc.today} oob />
      </>,
    );
  }
  return redirectWith(c, `${planUrl(ctx)}#action-${action.id}`, { kind: 'success', message: t.plan.saved(updated.title) });
});

planRoutes.post('/:id/actions/:actionId/drop', editor, async (c) => {
  const ctx = c.var.diagnostic;
  const { db, clock } = c.get('deps');
  const action = actionOr404(c, ctx);
  const form = await readForm(c);
  const parsed = dropSchema.safeParse(formObject(form));
  if (!parsed.success) {
    return renderPlan(c, ctx, { form: 'drop', actionId: action.id, values: { reason: form.get('reason') ?? '' }, errors: fieldErrors(parsed.error) }, 422);
  }
  dropAction(db, scopeOf(ctx), action.id, parsed.data.reason, currentUser(c).id, clock());
  return redirectWith(c, `${planUrl(ctx)}#plan-dropped-title`, { kind: 'success', message: t.plan.dropped(action.title) });
});

planRoutes.post('/:id/actions/:actionId/restore', editor, async (c) => {
  const ctx = c.var.diagnostic;
  const { db, clock } = c.get('deps');
  const action = actionOr404(c, ctx);
  if (action.droppedReason !== null) dropAction(db, scopeOf(ctx), action.id, null, currentUser(c).id, clock());
  return redirectWith(c, `${planUrl(ctx)}#action-${action.id}`, { kind: 'success', message: t.plan.restored(action.title) });
});

planRoutes.post('/:id/actions', editor, async (c) => {
  const ctx = c.var.diagnostic;
  const { db, clock } = c.get('deps');
  const form = await readForm(c);
  const raw = formObject(form) as Record<string, string>;
  const active = new Set(listServices(db, { activeOnly: true }).map((s) => s.code));
  const parsed = actionCreateSchema(
    ctx.referential.themes.map((th) => th.slug),
    active,
  ).safeParse(raw);
  if (!parsed.success) {
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw)) if (k !== '_csrf' && typeof v === 'string') values[k] = v;
    return renderPlan(c, ctx, { form: 'create', values, errors: fieldErrors(parsed.error) }, 422);
  }
  const { service, ...input } = parsed.data;
  const row = createAction(db, scopeOf(ctx), { ...input, services: service ? [service] : [] }, currentUser(c).id, clock());
  return redirectWith(c, `${planUrl(ctx)}#action-${row.id}`, { kind: 'success', message: t.plan.added(row.title) });
});

// pdfkit (with fontkit, its Unicode tables and the fonts) was a third of the server's start-up
// time (bench/RESULTS.md): it is loaded with the first PDF asked for.
let pdfModule: Promise<typeof import('../plan/pdf.ts')> | undefined;
const loadPdf = () => (pdfModule ??= import('../plan/pdf.ts'));
let annexModule: Promise<typeof import('../certification/pdf-annex.ts')> | undefined;
const loadAnnex = () => (annexModule ??= import('../certification/pdf-annex.ts'));

planRoutes.get('/:id/plan.pdf', viewer, async (c) => {
  const { writePlanPdf } = await loadPdf();
  const ctx = c.var.diagnostic;
  const { db, clock } = c.get('deps');
  const now = clock();
  const scores = sync(c, ctx);
  const report = buildPlanReport(db, ctx, scores, now);
  // After the plan: what a year of actions moved (when there is an earlier diagnostic), and the
  // ISO 9001 gap analysis when asked (?annexe=iso9001, from its page).
  const { writeGapAnnex, writeProgressSection } = await loadAnnex();
  const sections: ((doc: PDFKit.PDFDocument) => void)[] = [];
  const since = progressSincePrevious(db, ctx, scores, now);
  if (since) sections.push((doc) => writeProgressSection(doc, since.progress, new Date(since.previous.createdAt)));
  if (c.req.query('annexe') === 'iso9001') {
    const gap = buildGapReport(db, ctx, now);
    sections.push((doc) => writeGapAnnex(doc, gap));
  }
  const out = new PassThrough();
  writePlanPdf(report, out, { sections });
  const filename = `plan-de-progres-${slugify(ctx.organisation.name)}-${parisDay(now)}.pdf`;
  return c.body(Readable.toWeb(out) as ReadableStream, 200, {
    'Content-Type': 'application/pdf',
    'Content-Disposition': `attachment; filename="${filename}"`,
    'Cache-Control': 'private, no-store',
  });
});
