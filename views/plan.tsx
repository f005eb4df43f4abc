// The progress plan page: actions grouped by theme and priority, each with the federation's
// services that help. An action is one component, so htmx swaps exactly what the page shows.
import { t } from '../src/i18n/index.ts';
import type { ActionRow } from '../src/db/actions.ts';
import type { ServiceRow } from '../src/referential/store.ts';
import { PRIORITIES, PRIORITY_LABELS } from '../src/plan/types.ts';
import { isOverdue } from '../src/plan/format.ts';
import { frenchDay } from '../src/dates.ts';
import { CsrfField, SelectField, TextArea, TextField } from './forms.tsx';
import { actionUrl, questionUrl } from '../src/web/urls.ts';
import { TableRegion } from './table.tsx';

const p = t.plan;

export type PlanFieldErrors = Record<string, string | undefined>;
/** What the person typed, kept when the form comes back with errors. */
export type PlanFormValues = Record<string, string>;

/** The one form on the page that came back with errors, if any. */
export interface PlanFormState {
  form: 'edit' | 'drop' | 'create';
  actionId?: string;
  values: PlanFormValues;
  errors: PlanFieldErrors;
}

export interface PlanTheme {
  slug: string;
  title: string;
}

export interface PlanContext {
  diagnosticId: string;
  csrf: string;
  canEdit: boolean;
  /** Today in Paris, `AAAA-MM-JJ`: an action due before it and not done is overdue. */
  today: string;
  services: ReadonlyMap<string, ServiceRow>;
  themes: readonly PlanTheme[];
}

export interface PlanPageProps extends PlanContext {
  organisationName: string;
  organisationId: string;
  draft: boolean;
  actions: readonly ActionRow[];
  activeServices: readonly ServiceRow[];
  state?: PlanFormState;
}

const statusBadge: Record<string, string> = { todo: 'badge', in_progress: 'badge badge--warn', done: 'badge badge--ok' };
const priorityBadge: Record<string, string> = { obligation: 'badge badge--danger', haute: 'badge badge--warn', moyenne: 'badge badge--brand', basse: 'badge badge--muted' };


export function planSummary(actions: readonly ActionRow[], today: string) {
  const open = actions.filter((a) => a.droppedReason === null);
  return {
    total: open.length,
    done: open.filter((a) => a.status === 'done').length,
    inProgress: open.filter((a) => a.status === 'in_progress').length,
    overdue: open.filter((a) => isOverdue(a, today)).length,
  };
}

/** The summary line; `oob` when it rides along an htmx response to stay in step. */
export function PlanSummary({ actions, today, oob }: { actions: readonly ActionRow[]; today: string; oob?: boolean }) {
  const s = planSummary(actions, today);
  const pct = s.total ? Math.round((100 * s.done) / s.total) : 0;
  return (
    <div id="plan-summary" class="plan-summary panel" hx-swap-oob={oob ? 'true' : undefined}>
      <p class="plan-summary__line">
        <strong>{p.summary(s.done, s.total)}</strong>
        {s.inProgress > 0 && <span> · {p.inProgressCount(s.inProgress)}</span>}
        {s.overdue > 0 && <span class="overdue"> · {p.overdueCount(s.overdue)}</span>}
      </p>
      <div class="progress" aria-hidden="true">
        <span class="progress__bar">
          <span class="progress__fill progress__fill--ok" style={`width:${pct}%`}></span>
        </span>
      </div>
    </div>
  );
}

function FormErrors({ errors }: { errors: PlanFieldErrors }) {
  const list = Object.values(errors).filter(Boolean);
  if (!list.length) return null;
  return (
    <div class="error-summary" role="alert">
      <h2>{t.common.errorsTitle}</h2>
      <ul>
        {list.map((m) => (
          <li>{m}</li>
        ))}
      </ul>
    </div>
  );
}

export const STATUS_OPTIONS = (['todo', 'in_progress', 'done'] as const).map((s) => [s, p.status[s]!] as const);

function editValues(a: ActionRow): PlanFormValues {
  return { title: a.title, description: a.description, owner: a.owner, dueDate: a.dueDate ?? '', status: a.status, notes: a.notes };
}

function ServiceList({ codes, services }: { codes: readonly string[]; services: ReadonlyMap<string, ServiceRow> }) {
  const known = codes.map((c) => services.get(c)).filter((s): s is ServiceRow => !!s);
  if (!known.length) return null;
  return (
    <div class="plan-services">
      <h5>{p.services}</h5>
      <ul>
        {known.map((s) => (
          <li>
            <strong>{s.name}</strong> <span class="badge badge--muted">{p.kinds[s.kind] ?? s.kind}</span>
            {!s.active && <span class="badge"> {p.serviceInactive}</span>}
            <br />
            <span class="plan-services__contact">{s.contact}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One action, read view and (for editors) its edit and drop forms. */
export function ActionItem({ action: a, ctx, state }: { action: ActionRow; ctx: PlanContext; state?: PlanFormState }) {
  const overdue = isOverdue(a, ctx.today);
  const mine = state && state.actionId === a.id ? state : undefined;
  const edit = mine?.form === 'edit' ? mine : undefined;
  const drop = mine?.form === 'drop' ? mine : undefined;
  const values = edit?.values ?? editValues(a);
  const url = actionUrl(ctx.diagnosticId, a.id);
  const scope = a.id;
  const theme = ctx.themes.find((th) => th.slug === a.themeSlug);
  return (
    <article id={`action-${a.id}`} class={`plan-action${overdue ? ' is-overdue' : ''}${a.status === 'done' ? ' plan-action--done' : ''}`} aria-labelledby={`action-${a.id}-title`}>
      <div class="plan-action__head">
        <h4 id={`action-${a.id}-title`}>{a.title}</h4>
        <span class={statusBadge[a.status] ?? 'badge'}>{p.status[a.status]}</span>
        {overdue && <span class="overdue">{p.overdue}</span>}
        {a.quickWin && (
          <span class="badge badge--ok" title={p.quickWinHint}>
            {p.quickWin}
          </span>
        )}
        {a.origin !== 'proposed' && <span class="badge badge--muted">{p.origin[a.origin]}</span>}
      </div>
      {a.description && a.description.replace(/[\s.]+$/, '') !== a.title && <p class="plan-action__description">{a.description}</p>}
      <dl class="plan-action__meta">
        <div>
          <dt>{p.owner}</dt>
          <dd>{a.owner || <span class="muted">{p.noOwner}</span>}</dd>
        </div>
        <div>
          <dt>{p.dueDate}</dt>
          <dd class={overdue ? 'overdue' : undefined}>{a.dueDate ? frenchDay(a.dueDate) : <span class="muted">{p.noDueDate}</span>}</dd>
        </div>
        {a.questionCode && theme && (
          <div>
            <dt>{p.question}</dt>
            <dd>
              <a href={questionUrl(ctx.diagnosticId, theme.slug, a.questionCode)}>{a.questionCode}</a>
            </dd>
          </div>
        )}
        {a.notes && (
          <div class="plan-action__notes">
            <dt>{p.notes}</dt>
            <dd>{a.notes}</dd>
          </div>
        )}
      </dl>
      <ServiceList codes={a.services} services={ctx.services} />
      {ctx.canEdit && (
        <div class="plan-action__tools">
          <details class="plan-action__form" open={!!edit}>
            <summary>{p.edit}</summary>
            <form method="post" action={url} hx-post={url} hx-target={`#action-${a.id}`} hx-swap="outerHTML" data-fallback-submit>
              <CsrfField token={ctx.csrf} />
              {edit && <FormErrors errors={edit.errors} />}
              <TextField scope={scope} name="title" label={p.actionTitle} value={values.title ?? ''} error={edit?.errors.title} required maxlength={200} />
              <TextArea scope={scope} name="description" label={p.description} value={values.description ?? ''} error={edit?.errors.description} maxlength={4000} />
              <div class="plan-form__row">
                <TextField scope={scope} name="owner" label={p.owner} value={values.owner ?? ''} error={edit?.errors.owner} maxlength={200} />
                <TextField scope={scope} name="dueDate" label={p.dueDate} type="date" value={values.dueDate ?? ''} error={edit?.errors.dueDate} hint={p.dueDateHint} />
                <SelectField empty={false} scope={scope} name="status" label={p.statusLabel} value={values.status ?? ''} options={STATUS_OPTIONS} error={edit?.errors.status} required />
              </div>
              <TextArea scope={scope} name="notes" label={p.notes} value={values.notes ?? ''} error={edit?.errors.notes} maxlength={4000} />
              <button type="submit" class="button button--small">
                {p.save}
              </button>
            </form>
          </details>
          <details class="plan-action__form" open={!!drop}>
            <summary>{p.drop}</summary>
            <form method="post" action={`${url}/drop`}>
              <CsrfField token={ctx.csrf} />
              {drop && <FormErrors errors={drop.errors} />}
              <TextField scope={`${scope}-drop`} name="reason" label={p.dropReason} value={drop?.values.reason ?? ''} error={drop?.errors.reason} hint={p.dropReasonHint} required maxlength={500} />
              <button type="submit" class="button button--secondary button--small">
                {p.dropConfirm}
              </button>
            </form>
          </details>
        </div>
      )}
    </article>
  );
}

function CreateForm({ ctx, activeServices, state }: { ctx: PlanContext; activeServices: readonly ServiceRow[]; state?: PlanFormState }) {
  const mine = state?.form === 'create' ? state : undefined;
  const v = mine?.values ?? {};
  const e = mine?.errors ?? {};
  const url = `/diagnostics/${ctx.diagnosticId}/actions`;
  return (
    <section class="panel plan-create" aria-labelledby="plan-create-title" id="plan-create">
      <details open={!!mine}>
        <summary>
          <h2 id="plan-create-title" class="plan-create__title">
            {p.add}
          </h2>
        </summary>
        <p>{p.addIntro}</p>
        <form method="post" action={url}>
          <CsrfField token={ctx.csrf} />
          <FormErrors errors={e} />
          <TextField scope="new" name="title" label={p.actionTitle} value={v.title ?? ''} error={e.title} required maxlength={200} />
          <TextArea scope="new" name="description" label={p.description} value={v.description ?? ''} error={e.description} maxlength={4000} />
          <div class="plan-form__row">
            <SelectField scope="new" name="themeSlug" label={p.theme} value={v.themeSlug ?? ''} options={ctx.themes.map((th) => [th.slug, th.title] as const)} error={e.themeSlug} required empty="—" />
            <SelectField empty={false} scope="new" name="priority" label={p.priority} value={v.priority ?? 'moyenne'} options={PRIORITIES.map((pr) => [pr, PRIORITY_LABELS[pr]] as const)} error={e.priority} required />
          </div>
          <div class="plan-form__row">
            <TextField scope="new" name="owner" label={p.owner} value={v.owner ?? ''} error={e.owner} maxlength={200} />
            <TextField scope="new" name="dueDate" label={p.dueDate} type="date" value={v.dueDate ?? ''} error={e.dueDate} hint={p.dueDateHint} />
            <SelectField empty={false} scope="new" name="status" label={p.statusLabel} value={v.status ?? 'todo'} options={STATUS_OPTIONS} error={e.status} required />
          </div>
          <SelectField scope="new" name="service" label={p.service} value={v.service ?? ''} options={activeServices.map((s) => [s.code, s.name] as const)} error={e.service} empty="—" />
          <TextArea scope="new" name="notes" label={p.notes} value={v.notes ?? ''} error={e.notes} maxlength={4000} />
          <button type="submit" class="button">
            {p.add}
          </button>
        </form>
      </details>
    </section>
  );
}

function DroppedList({ actions, ctx }: { actions: readonly ActionRow[]; ctx: PlanContext }) {
  if (!actions.length) return null;
  return (
    <section aria-labelledby="plan-dropped-title" class="plan-dropped">
      <h2 id="plan-dropped-title">{p.droppedTitle}</h2>
      <p>{p.droppedIntro}</p>
      <TableRegion label={p.droppedTitle}>
        <table class="stack">
          <caption class="visually-hidden">{p.droppedTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{p.actionTitle}</th>
              <th scope="col">{p.theme}</th>
              <th scope="col">{p.droppedReasonLabel}</th>
              {ctx.canEdit && <th scope="col"><span class="visually-hidden">{p.restore}</span></th>}
            </tr>
          </thead>
          <tbody>
            {actions.map((a) => (
              <tr id={`action-${a.id}`}>
                <th scope="row">{a.title}</th>
                <td data-label={p.theme}>{ctx.themes.find((th) => th.slug === a.themeSlug)?.title ?? a.themeSlug}</td>
                <td class="plan-dropped__reason" data-label={p.droppedReasonLabel}>
                  {a.droppedReason}
                </td>
                {ctx.canEdit && (
                  <td>
                    <form method="post" action={`${actionUrl(ctx.diagnosticId, a.id)}/restore`} class="inline">
                      <CsrfField token={ctx.csrf} />
                      <button type="submit" class="button button--link">
                        {p.restore}
                      </button>
                    </form>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}

export function PlanPage(props: PlanPageProps) {
  const active = props.actions.filter((a) => a.droppedReason === null);
  const dropped = props.actions.filter((a) => a.droppedReason !== null);
  return (
    <>
      <p class="breadcrumb">
        <a href={`/organisations/${props.organisationId}`}>{props.organisationName}</a>
      </p>
      <h1>{p.pageTitle(props.organisationName)}</h1>
      <p>{p.intro}</p>
      {props.draft && <p class="notice">{p.draftNotice}</p>}
      {!props.canEdit && <p class="notice">{p.readOnlyNotice}</p>}
      <div class="actions-row">
        <a class="button" href={`/diagnostics/${props.diagnosticId}/plan.pdf`} download>
          {p.downloadPdf}
        </a>
        <a class="button button--secondary" href={`/diagnostics/${props.diagnosticId}/results`}>
          {p.backToResults}
        </a>
        <a class="button button--secondary" href={`/diagnostics/${props.diagnosticId}`}>
          {p.backToDiagnostic}
        </a>
      </div>
      <PlanSummary actions={props.actions} today={props.today} />
      {!active.length && <p>{p.empty}</p>}
      <nav aria-label={p.themeNav}>
        <ul class="theme-nav">
          {props.themes.map((th) => (
            <li>
              <a href={`#theme-${th.slug}`}>
                {th.title} ({active.filter((a) => a.themeSlug === th.slug).length})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {props.themes.map((th) => {
        const mine = active.filter((a) => a.themeSlug === th.slug);
        return (
          <section class="plan-theme" id={`theme-${th.slug}`} aria-labelledby={`theme-${th.slug}-title`}>
            <h2 id={`theme-${th.slug}-title`}>
              {th.title} <span class="plan-theme__count">{p.actionsCount(mine.length)}</span>
            </h2>
            {!mine.length && <p class="muted">{p.emptyTheme}</p>}
            {PRIORITIES.map((pr) => {
              const group = mine.filter((a) => a.priority === pr);
              if (!group.length) return null;
              return (
                <div class="plan-priority">
                  <h3>
                    <span class={priorityBadge[pr]}>{PRIORITY_LABELS[pr]}</span>
                  </h3>
                  {group.map((a) => (
                    <ActionItem action={a} ctx={props} state={props.state} />
                  ))}
                </div>
              );
            })}
          </section>
        );
      })}
      {props.canEdit && <CreateForm ctx={props} activeServices={props.activeServices} state={props.state} />}
      <DroppedList actions={dropped} ctx={props} />
    </>
  );
}
