// The progress plan: GET /diagnostics/:id/plan (page, with its filters in the query string), POST
// …/actions (add), POST …/actions/:actionId (edit), …/drop and …/restore, and the plan outside CAP:
// GET /diagnostics/:id/plan.pdf, plan.xlsx and plan.ics. The page and the files show the plan in line
// with the answers without writing (projectPlan, src/db/actions.ts); it is stored at submission, or
// when a member asks (POST …/plan/sync, « Mettre le plan à jour »).
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
import { createAction, dropAction, getAction, projectPlan, syncProposedActions, updateAction, type ActionRow } from '../db/actions.ts';
import { refreshServiceFollowUp } from '../db/service-follow-up.ts';
import { buildPlanReport } from '../plan/report.ts';
import { progressSincePrevious } from '../db/certification.ts';
import { buildGapReport } from '../certification/report.ts';
import { renderPlanWorkbook } from '../plan/workbook.ts';
import { getServicesByCode, listServices } from '../referential/store.ts';
import { fieldErrors, formObject, readForm } from '../validation/forms.ts';
import { ACTION_EDIT_FIELDS, actionCreateSchema, actionUpdateSchema, dropSchema } from '../validation/plan.ts';
import { slugify } from '../plan/format.ts';
import { parisDay } from '../dates.ts';
import { focusOrder, priorities } from '../plan/focus.ts';
import { NO_FILTERS, type PlanFilters } from '../plan/filters.ts';
import { servicesFor, serviceApplies } from '../plan/services.ts';
import { FILTER_FIELDS, planFilterSchema } from '../validation/plan.ts';
import type { DiagnosticScores } from '../scoring/types.ts';
import { ActionItem, PlanPage, PlanSummary, type PlanContext, type PlanFormState } from '../../views/plan.tsx';

type C = Context<AppEnv>;

export const planRoutes = new Hono<AppEnv>();

/** The scores, and the plan in line with them as it will be once stored: read only. */
function projected(c: C, ctx: DiagnosticContext) {
  const { db } = c.get('deps');
  const scores = scoreDiagnosticById(db, ctx);
  return { scores, plan: projectPlan(db, ctx, scores) };
}

function planContext(c: C, ctx: DiagnosticContext, actions: readonly ActionRow[]): PlanContext {
  const { db, clock } = c.get('deps');
  return {
    diagnosticId: ctx.diagnostic.id,
    csrf: c.get('csrf'),
    canEdit: ctx.organisation.active && can(currentUser(c), 'plan.edit', diagnosticScope(ctx)),
    today: parisDay(clock()),
    // A service reserved to other structure types is never shown to this one.
    services: servicesFor(getServicesByCode(db, actions.flatMap((a) => a.services)), ctx.organisation.types),
    themes: ctx.referential.themes.map((th) => ({ slug: th.slug, title: th.title })),
  };
}

const collator = new Intl.Collator('fr', { sensitivity: 'base' });

interface RenderOptions {
  state?: PlanFormState;
  status?: ContentfulStatusCode;
  filters?: PlanFilters;
  filterErrors?: Record<string, string>;
  scores?: DiagnosticScores;
}

function renderPlan(c: C, ctx: DiagnosticContext, opts: RenderOptions = {}) {
  const { db } = c.get('deps');
  const scores = opts.scores ?? scoreDiagnosticById(db, ctx);
  const { actions, pending } = projectPlan(db, ctx, scores);
  const pc = planContext(c, ctx, actions);
  const kept = actions.filter((a) => a.droppedReason === null);
  const ordered = [...focusOrder(kept, scores.questions), ...kept.filter((a) => a.status === 'done')];
  const owners = [...new Set(kept.map((a) => a.owner.trim()).filter(Boolean))].sort(collator.compare);
  return page(
    c,
    t.plan.pageTitle(ctx.organisation.name),
    <PlanPage
      {...pc}
      organisationName={ctx.organisation.name}
      organisationId={ctx.organisation.id}
      organisationActive={ctx.organisation.active}
      draft={isEditable(ctx.diagnostic.status)}
      actions={actions}
      pending={pending}
      ordered={ordered}
      focus={priorities(kept, scores.questions)}
      filters={opts.filters ?? NO_FILTERS}
      filterErrors={opts.filterErrors}
      owners={owners}
      activeServices={pc.canEdit ? listServices(db, { activeOnly: true }).filter((s) => serviceApplies(s, ctx.organisation.types)) : []}
      state={opts.state}
    />,
    { status: opts.status ?? 200 },
  );
}

function actionOr404(c: C, ctx: DiagnosticContext): ActionRow {
  return getAction(c.get('deps').db, ctx.diagnostic.id, c.req.param('actionId') ?? '') ?? notFound();
}

const planUrl = (ctx: DiagnosticContext) => `/diagnostics/${ctx.diagnostic.id}/plan`;
/** After a change to a plan: the structure's share of the region's services followed by progress. */
const followUp = (c: C, ctx: DiagnosticContext) => refreshServiceFollowUp(c.get('deps').db, ctx.organisation.id, c.get('deps').clock());
const scopeOf = (ctx: DiagnosticContext) => ({ diagnosticId: ctx.diagnostic.id, organisationId: ctx.organisation.id });

const viewer = loadDiagnostic('diagnostic.view');
const editor = loadDiagnostic('plan.edit');

planRoutes.get('/:id/plan', viewer, (c) => {
  const ctx = c.var.diagnostic;
  // The filters are checked before any action is read; refused ones are named, the whole plan shown.
  const parsed = planFilterSchema(ctx.referential.themes.map((th) => th.slug)).safeParse(c.req.query());
  const scores = scoreDiagnosticById(c.get('deps').db, ctx);
  if (!parsed.success) {
    const filterErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) filterErrors[FILTER_FIELDS[String(issue.path[0])] ?? 'filter'] ??= issue.message;
    return renderPlan(c, ctx, { scores, filterErrors, status: 400 });
  }
  return renderPlan(c, ctx, { scores, filters: parsed.data });
});

planRoutes.post('/:id/plan/sync', editor, (c) => {
  const ctx = c.var.diagnostic;
  const { db, clock } = c.get('deps');
  const r = syncProposedActions(db, ctx, scoreDiagnosticById(db, ctx), currentUser(c).id, clock());
  followUp(c, ctx);
  return redirectWith(c, planUrl(ctx), { kind: 'success', message: t.plan.synced(r.added, r.removed) });
});

planRoutes.post('/:id/actions/:actionId', editor, async (c) => {
  const ctx = c.var.diagnostic;
  const { db, clock } = c.get('deps');
  // The body first, then the row: loaded before a slow body, the row could already be stale.
  const form = await readForm(c);
  const action = actionOr404(c, ctx);
  // Fields absent from the form keep their stored value: a quick status change posts only `status`.
  const values: Record<string, string> = { title: action.title, description: action.description, owner: action.owner, dueDate: action.dueDate ?? '', status: action.status, notes: action.notes };
  for (const key of ACTION_EDIT_FIELDS) {
    const v = form.get(key);
    if (v !== null) values[key] = v;
  }
  const refuse = (state: PlanFormState, status: 409 | 422, shown: ActionRow = action) => {
    // htmx swaps this fragment in place of the action (responseHandling in the layout).
    if (isHtmx(c)) return fragment(c, <ActionItem action={shown} ctx={planContext(c, ctx, [shown])} state={state} />, status);
    return renderPlan(c, ctx, { state, status });
  };
  const parsed = actionUpdateSchema.safeParse({ ...values, revision: form.get('revision') ?? undefined });
  if (!parsed.success) return refuse({ form: 'edit', actionId: action.id, values, errors: fieldErrors(parsed.error) }, 422);
  const { revision, ...edit } = parsed.data;
  const result = updateAction(db, scopeOf(ctx), action.id, edit, revision, currentUser(c).id, clock());
  if (result.kind === 'missing') notFound();
  if (result.kind === 'conflict') return refuse({ form: 'edit', actionId: action.id, values, errors: {}, conflict: true }, 409, result.current);
  followUp(c, ctx);
  const updated = result.row;
  if (isHtmx(c)) {
    const all = projected(c, ctx).plan.actions;
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
    return renderPlan(c, ctx, { state: { form: 'drop', actionId: action.id, values: { reason: form.get('reason') ?? '' }, errors: fieldErrors(parsed.error) }, status: 422 });
  }
  dropAction(db, scopeOf(ctx), action.id, parsed.data.reason, currentUser(c).id, clock());
  followUp(c, ctx);
  return redirectWith(c, `${planUrl(ctx)}#plan-dropped-title`, { kind: 'success', message: t.plan.dropped(action.title) });
});

planRoutes.post('/:id/actions/:actionId/restore', editor, async (c) => {
  const ctx = c.var.diagnostic;
  const { db, clock } = c.get('deps');
  const action = actionOr404(c, ctx);
  if (action.droppedReason !== null) {
    dropAction(db, scopeOf(ctx), action.id, null, currentUser(c).id, clock());
    followUp(c, ctx);
  }
  return redirectWith(c, `${planUrl(ctx)}#action-${action.id}`, { kind: 'success', message: t.plan.restored(action.title) });
});

planRoutes.post('/:id/actions', editor, async (c) => {
  const ctx = c.var.diagnostic;
  const { db, clock } = c.get('deps');
  const form = await readForm(c);
  const raw = formObject(form) as Record<string, string>;
  const active = new Set(listServices(db, { activeOnly: true }).filter((s) => serviceApplies(s, ctx.organisation.types)).map((s) => s.code));
  const parsed = actionCreateSchema(
    ctx.referential.themes.map((th) => th.slug),
    active,
  ).safeParse(raw);
  if (!parsed.success) {
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw)) if (k !== '_csrf' && typeof v === 'string') values[k] = v;
    return renderPlan(c, ctx, { state: { form: 'create', values, errors: fieldErrors(parsed.error) }, status: 422 });
  }
  const { service, ...input } = parsed.data;
  const row = createAction(db, scopeOf(ctx), { ...input, services: service ? [service] : [] }, currentUser(c).id, clock());
  if (!row) {
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw)) if (k !== '_csrf' && typeof v === 'string') values[k] = v;
    return renderPlan(c, ctx, { state: { form: 'create', values, errors: { title: t.plan.errors.tooManyActions } }, status: 422 });
  }
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
  const { scores, plan } = projected(c, ctx);
  const report = buildPlanReport(db, ctx, scores, now, plan.actions);
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
  const filename = fileName(ctx, now, 'pdf');
  return c.body(Readable.toWeb(out) as ReadableStream, 200, {
    'Content-Type': 'application/pdf',
    'Content-Disposition': `attachment; filename="${filename}"`,
    'Cache-Control': 'private, no-store',
  });
});

/** The plan's data for its files: scores in line, the same report as the PDF. */
function planReport(c: C) {
  const ctx = c.var.diagnostic;
  const { db, clock } = c.get('deps');
  const now = clock();
  const { scores, plan } = projected(c, ctx);
  return { ctx, now, report: buildPlanReport(db, ctx, scores, now, plan.actions) };
}

const fileName = (ctx: DiagnosticContext, now: Date, ext: string) => `plan-de-progres-${slugify(ctx.organisation.name)}-${parisDay(now)}.${ext}`;

planRoutes.get('/:id/plan.xlsx', viewer, async (c) => {
  const { ctx, now, report } = planReport(c);
  const body = await renderPlanWorkbook(report);
  return c.body(new Uint8Array(body), 200, {
    'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'Content-Disposition': `attachment; filename="${fileName(ctx, now, 'xlsx')}"`,
    'Cache-Control': 'private, no-store',
  });
});

// The calendar writer (ics and its validator) is loaded with the first calendar asked for.
let calendarModule: Promise<typeof import('../plan/calendar.ts')> | undefined;

planRoutes.get('/:id/plan.ics', viewer, async (c) => {
  const { renderPlanCalendar } = await (calendarModule ??= import('../plan/calendar.ts'));
  const { ctx, now, report } = planReport(c);
  const here = new URL(c.req.url);
  const body = renderPlanCalendar(report, `${here.origin}${planUrl(ctx)}`, here.hostname);
  return c.body(body, 200, {
    'Content-Type': 'text/calendar; charset=utf-8',
    'Content-Disposition': `attachment; filename="${fileName(ctx, now, 'ics')}"`,
    'Cache-Control': 'private, no-store',
  });
});
