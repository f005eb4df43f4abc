// The progress plan page: actions grouped by theme and priority, each with the federation's
// services that help. An action is one component, so htmx swaps exactly what the page shows.
import { t } from '../src/i18n/index.ts';
import type { ActionRow } from '../src/db/actions.ts';
import type { ServiceRow } from '../src/referential/store.ts';
import { PRIORITIES, PRIORITY_LABELS } from '../src/plan/types.ts';
import { isOverdue, isPendingAction } from '../src/plan/format.ts';
import { hasFilters, matches, NO_OWNER, PLAN_VIEWS, STATUS_FILTERS, type PlanFilters } from '../src/plan/filters.ts';
import { mailtoHref, telHref } from '../src/plan/services.ts';
import { exampleDay, frenchDay } from '../src/dates.ts';
import { CsrfField, ErrorSummary, SelectField, TextArea, TextField } from './forms.tsx';
import { actionUrl, planUrl, questionUrl } from '../src/web/urls.ts';
import { TableRegion } from './table.tsx';
import { MAX_LENGTH } from '../src/validation/limits.ts';

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
  /** The edit was made on an older version of the action: both are shown, nothing was saved. */
  conflict?: boolean;
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
  /** A deactivated organisation's plan is read-only. */
  organisationActive: boolean;
  draft: boolean;
  /** Every action of the plan, dropped ones included (for the summary line and the dropped list). */
  actions: readonly ActionRow[];
  /** What « Mettre le plan à jour » would store (proposed actions shown but not yet stored). */
  pending: { added: number; removed: number; updated: number };
  /** Open actions in the order to tackle them, then the done ones (src/plan/focus.ts). */
  ordered: readonly ActionRow[];
  /** « Vos priorités »: the first open actions of `ordered`. */
  focus: readonly ActionRow[];
  filters: PlanFilters;
  /** Refused filter values, by filter: the page then shows the whole plan and says why. */
  filterErrors?: Record<string, string>;
  /** Owners named in the plan, for the owner filter. */
  owners: readonly string[];
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

/** The errors of one of the plan's forms, each naming its field and linking to it (ids scoped per form). */
function FormErrors({ errors, scope }: { errors: PlanFieldErrors; scope: string }) {
  const labels = { title: p.actionTitle, description: p.description, themeSlug: p.theme, priority: p.priority, owner: p.owner, dueDate: p.dueDate, status: p.statusLabel, notes: p.notes, reason: p.dropReason };
  const targets = Object.fromEntries(Object.keys(labels).map((field) => [field, `f-${scope}-${field}`]));
  return <ErrorSummary errors={errors} labels={labels} targets={targets} />;
}

export const STATUS_OPTIONS = (['todo', 'in_progress', 'done'] as const).map((s) => [s, p.status[s]!] as const);

function editValues(a: ActionRow): PlanFormValues {
  return { title: a.title, description: a.description, owner: a.owner, dueDate: a.dueDate ?? '', status: a.status, notes: a.notes };
}

/** How to reach a service: its contact person, e-mail, telephone and web page, as links. */
export function ServiceReach({ service: s }: { service: ServiceRow }) {
  const links = [
    s.email && (
      <a href={mailtoHref(s.email)}>
        <span class="visually-hidden">{p.reach.email(s.email)}</span>
        <span aria-hidden="true">{s.email}</span>
      </a>
    ),
    s.phone && (
      <a href={telHref(s.phone)}>
        <span class="visually-hidden">{p.reach.phone(s.phone)}</span>
        <span aria-hidden="true">{s.phone}</span>
      </a>
    ),
    s.url && <a href={s.url}>{s.kind === 'formation' ? p.reach.register : p.reach.web}</a>,
  ].filter(Boolean);
  return (
    <>
      <span class="plan-services__contact">{s.contact}</span>
      {(s.contactName || links.length > 0) && (
        <span class="plan-services__reach">
          {s.contactName && (
            <span>
              {p.reach.contactName} : {s.contactName}
            </span>
          )}
          {links.map((l) => (
            <span>{l}</span>
          ))}
        </span>
      )}
    </>
  );
}

function ServiceList({ codes, services }: { codes: readonly string[]; services: ReadonlyMap<string, ServiceRow> }) {
  const known = codes.map((c) => services.get(c)).filter((s): s is ServiceRow => !!s);
  if (!known.length) return null;
  return (
    <div class="plan-services">
      <p class="plan-services__title">{p.services}</p>
      <ul>
        {known.map((s) => (
          <li>
            <strong>{s.name}</strong> <span class="badge badge--muted">{p.kinds[s.kind] ?? s.kind}</span>
            {!s.active && <span class="badge"> {p.serviceInactive}</span>}
            <br />
            <ServiceReach service={s} />
          </li>
        ))}
      </ul>
    </div>
  );
}

const CONFLICT_FIELDS = ['title', 'status', 'owner', 'dueDate', 'description', 'notes'] as const;

function fieldLabel(key: (typeof CONFLICT_FIELDS)[number]): string {
  return { title: p.actionTitle, status: p.statusLabel, owner: p.owner, dueDate: p.dueDate, description: p.description, notes: p.notes }[key];
}

function shownValue(key: (typeof CONFLICT_FIELDS)[number], value: string | undefined) {
  if (!value) return <span class="muted">{t.common.none}</span>;
  if (key === 'status') return p.status[value] ?? value;
  if (key === 'dueDate') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? frenchDay(value) : value;
  return value;
}

/** A stale edit: the version stored meanwhile and the refused one, field by field where they differ. */
function ActionConflict({ stored, mine, id }: { stored: PlanFormValues; mine: PlanFormValues; id: string }) {
  const differ = CONFLICT_FIELDS.filter((k) => (stored[k] ?? '') !== (mine[k] ?? ''));
  const keys = differ.length ? differ : CONFLICT_FIELDS;
  const side = (title: string, values: PlanFormValues) => (
    <div class="conflict__side">
      <h5>{title}</h5>
      <dl>
        {keys.map((k) => (
          <>
            <dt>{fieldLabel(k)}</dt>
            <dd class="conflict__comment">{shownValue(k, values[k])}</dd>
          </>
        ))}
      </dl>
    </div>
  );
  return (
    <div class="conflict" role="alert" aria-labelledby={`conflict-${id}`}>
      <h4 id={`conflict-${id}`}>{p.conflict.title}</h4>
      <p>{p.conflict.intro}</p>
      <div class="conflict__choices">
        {side(p.conflict.stored, stored)}
        {side(p.conflict.mine, mine)}
      </div>
    </div>
  );
}

/** One action, read view and (for editors) its edit and drop forms. */
export function ActionItem({ action: a, ctx: context, state }: { action: ActionRow; ctx: PlanContext; state?: PlanFormState }) {
  // A proposed action not stored yet has no row to edit: shown, not editable.
  const pending = isPendingAction(a);
  const ctx = pending ? { ...context, canEdit: false } : context;
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
        <h3 id={`action-${a.id}-title`}>{a.title}</h3>
        <span class={priorityBadge[a.priority] ?? 'badge'}>{PRIORITY_LABELS[a.priority as keyof typeof PRIORITY_LABELS] ?? a.priority}</span>
        <span class={statusBadge[a.status] ?? 'badge'}>{p.status[a.status]}</span>
        {overdue && <span class="overdue">{p.overdue}</span>}
        {a.quickWin && (
          <span class="badge badge--ok" title={p.quickWinHint}>
            {p.quickWin}
          </span>
        )}
        {a.origin !== 'proposed' && <span class="badge badge--muted">{p.origin[a.origin]}</span>}
        {pending && (
          <span class="badge badge--brand" title={p.pendingItemHint}>
            {p.pendingBadge}
          </span>
        )}
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
        {theme && (
          <div>
            <dt>{p.theme}</dt>
            <dd>{theme.title}</dd>
          </div>
        )}
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
      {edit?.conflict && <ActionConflict stored={editValues(a)} mine={edit.values} id={a.id} />}
      {ctx.canEdit && (
        <div class="plan-action__tools">
          <details class="plan-action__form" open={!!edit}>
            <summary>{p.edit}</summary>
            <form method="post" action={url} hx-post={url} hx-target={`#action-${a.id}`} hx-swap="outerHTML" data-fallback-submit>
              <CsrfField token={ctx.csrf} />
              {/* The version this form was built on: saving over a newer one is a conflict (409). */}
              <input type="hidden" name="revision" value={String(a.revision)} />
              {edit && <FormErrors errors={edit.errors} scope={scope} />}
              <TextField scope={scope} name="title" label={p.actionTitle} value={values.title ?? ''} error={edit?.errors.title} required maxlength={MAX_LENGTH.actionTitle} />
              <TextArea scope={scope} name="description" label={p.description} value={values.description ?? ''} error={edit?.errors.description} maxlength={MAX_LENGTH.actionDescription} />
              <div class="plan-form__row">
                <TextField scope={scope} name="owner" label={p.owner} value={values.owner ?? ''} error={edit?.errors.owner} maxlength={MAX_LENGTH.actionOwner} />
                <TextField scope={scope} name="dueDate" label={p.dueDate} type="date" value={values.dueDate ?? ''} error={edit?.errors.dueDate} hint={p.dueDateHint(exampleDay(ctx.today))} />
                <SelectField empty={false} scope={scope} name="status" label={p.statusLabel} value={values.status ?? ''} options={STATUS_OPTIONS} error={edit?.errors.status} required />
              </div>
              <TextArea scope={scope} name="notes" label={p.notes} value={values.notes ?? ''} error={edit?.errors.notes} maxlength={MAX_LENGTH.actionNotes} />
              <button type="submit" class="button button--small">
                {p.save}
              </button>
            </form>
          </details>
          <details class="plan-action__form" open={!!drop}>
            <summary>{p.drop}</summary>
            <form method="post" action={`${url}/drop`}>
              <CsrfField token={ctx.csrf} />
              {drop && <FormErrors errors={drop.errors} scope={`${scope}-drop`} />}
              <TextField scope={`${scope}-drop`} name="reason" label={p.dropReason} value={drop?.values.reason ?? ''} error={drop?.errors.reason} hint={p.dropReasonHint} required maxlength={MAX_LENGTH.dropReason} />
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
          <FormErrors errors={e} scope="new" />
          <TextField scope="new" name="title" label={p.actionTitle} value={v.title ?? ''} error={e.title} required maxlength={MAX_LENGTH.actionTitle} />
          <TextArea scope="new" name="description" label={p.description} value={v.description ?? ''} error={e.description} maxlength={MAX_LENGTH.actionDescription} />
          <div class="plan-form__row">
            <SelectField scope="new" name="themeSlug" label={p.theme} value={v.themeSlug ?? ''} options={ctx.themes.map((th) => [th.slug, th.title] as const)} error={e.themeSlug} required empty="—" />
            <SelectField empty={false} scope="new" name="priority" label={p.priority} value={v.priority ?? 'moyenne'} options={PRIORITIES.map((pr) => [pr, PRIORITY_LABELS[pr]] as const)} error={e.priority} required />
          </div>
          <div class="plan-form__row">
            <TextField scope="new" name="owner" label={p.owner} value={v.owner ?? ''} error={e.owner} maxlength={MAX_LENGTH.actionOwner} />
            <TextField scope="new" name="dueDate" label={p.dueDate} type="date" value={v.dueDate ?? ''} error={e.dueDate} hint={p.dueDateHint(exampleDay(ctx.today))} />
            <SelectField empty={false} scope="new" name="status" label={p.statusLabel} value={v.status ?? 'todo'} options={STATUS_OPTIONS} error={e.status} required />
          </div>
          <SelectField scope="new" name="service" label={p.service} value={v.service ?? ''} options={activeServices.map((s) => [s.code, s.name] as const)} error={e.service} empty="—" />
          <TextArea scope="new" name="notes" label={p.notes} value={v.notes ?? ''} error={e.notes} maxlength={MAX_LENGTH.actionNotes} />
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

/** Proposed actions shown but not stored yet, and the button that stores them. */
function PendingNotice(props: PlanPageProps) {
  const { added, removed, updated } = props.pending;
  if (!added && !removed && !updated) return null;
  return (
    <div class="notice plan-pending" role="status">
      <p>{added || removed ? p.pendingNotice(added, removed) : p.pendingReorder}</p>
      <p class="hint">{p.pendingHint}</p>
      {props.canEdit && (
        <form method="post" action={`/diagnostics/${props.diagnosticId}/plan/sync`}>
          <CsrfField token={props.csrf} />
          <button type="submit" class="button button--small">
            {p.syncSubmit}
          </button>
        </form>
      )}
    </div>
  );
}

function FilterForm(props: PlanPageProps) {
  const f = p.filters;
  const v = props.filters;
  const id = (name: string) => `filtre-${name}`;
  return (
    <form method="get" action={planUrl(props.diagnosticId)} class="panel filters plan-filters" aria-labelledby="plan-filters-title">
      <h2 id="plan-filters-title" class="filters__title">
        {f.title}
      </h2>
      <div class="filters__fields">
        <div class="field">
          <label for={id('theme')}>{f.theme}</label>
          <select id={id('theme')} name="theme">
            <option value="">{f.any}</option>
            {props.themes.map((th) => (
              <option value={th.slug} selected={v.theme === th.slug}>
                {th.title}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={id('statut')}>{f.status}</label>
          <select id={id('statut')} name="statut">
            <option value="">{f.anyStatus}</option>
            {STATUS_FILTERS.map((st) => (
              <option value={st} selected={v.status === st}>
                {f.statuses[st]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={id('responsable')}>{f.owner}</label>
          <select id={id('responsable')} name="responsable">
            <option value="">{f.any}</option>
            <option value={NO_OWNER} selected={v.owner === NO_OWNER}>
              {f.noOwner}
            </option>
            {props.owners.map((o) => (
              <option value={o} selected={v.owner === o}>
                {o}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={id('vue')}>{f.view}</label>
          <select id={id('vue')} name="vue">
            {PLAN_VIEWS.map((view) => (
              <option value={view === 'fiches' ? '' : view} selected={v.view === view}>
                {f.views[view]}
              </option>
            ))}
          </select>
        </div>
        <div class="field filters__check">
          <label class="choice" for={id('retard')}>
            <input type="checkbox" id={id('retard')} name="retard" value="1" checked={v.overdue} /> {f.overdue}
          </label>
        </div>
      </div>
      <p class="actions-row">
        <button type="submit" class="button button--small">
          {f.apply}
        </button>
        {(hasFilters(v) || v.view !== 'fiches') && (
          <a href={planUrl(props.diagnosticId)} class="button button--secondary button--small">
            {f.reset}
          </a>
        )}
      </p>
    </form>
  );
}

function ActionTable({ actions, ctx, captionId }: { actions: readonly ActionRow[]; ctx: PlanContext; captionId: string }) {
  return (
    <TableRegion label={p.filters.tableCaption}>
      <table class="plan-table stack">
        <caption id={captionId} class="visually-hidden">
          {p.filters.tableCaption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{p.col.action}</th>
            <th scope="col">{p.col.priority}</th>
            <th scope="col">{p.col.theme}</th>
            <th scope="col">{p.col.owner}</th>
            <th scope="col">{p.col.due}</th>
            <th scope="col">{p.col.status}</th>
          </tr>
        </thead>
        <tbody>
          {actions.map((a) => {
            const overdue = isOverdue(a, ctx.today);
            return (
              <tr class={overdue ? 'is-overdue' : undefined}>
                <th scope="row">
                  <a href={`${planUrl(ctx.diagnosticId)}#action-${a.id}`}>{a.title}</a>
                  {a.quickWin && (
                    <>
                      {' '}
                      <span class="badge badge--ok">{p.quickWin}</span>
                    </>
                  )}
                </th>
                <td data-label={p.col.priority}>
                  <span class={priorityBadge[a.priority] ?? 'badge'}>{PRIORITY_LABELS[a.priority as keyof typeof PRIORITY_LABELS] ?? a.priority}</span>
                </td>
                <td data-label={p.col.theme}>{ctx.themes.find((th) => th.slug === a.themeSlug)?.title ?? a.themeSlug}</td>
                <td data-label={p.col.owner}>{a.owner || <span class="muted">{p.noOwner}</span>}</td>
                <td data-label={p.col.due} class={overdue ? 'overdue nowrap' : 'nowrap'}>
                  {a.dueDate ? frenchDay(a.dueDate) : <span class="muted">{p.noDueDate}</span>}
                  {overdue && (
                    <>
                      <br />
                      {p.overdue}
                    </>
                  )}
                </td>
                <td data-label={p.col.status}>
                  <span class={statusBadge[a.status] ?? 'badge'}>{p.status[a.status]}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableRegion>
  );
}

/** Actions grouped by theme, each theme a section with its own heading (open) or a folded disclosure. */
function ThemeGroups({ actions, props, folded }: { actions: readonly ActionRow[]; props: PlanPageProps; folded: boolean }) {
  return (
    <>
      {props.themes.map((th) => {
        const mine = actions.filter((a) => a.themeSlug === th.slug);
        if (!mine.length) return null;
        const open = mine.filter((a) => a.status !== 'done').length;
        const heading = (
          <h2 id={`theme-${th.slug}-title`} class="plan-theme__title">
            {th.title} <span class="plan-theme__count">{p.themeOpenCount(open, mine.length)}</span>
          </h2>
        );
        const items = mine.map((a) => <ActionItem action={a} ctx={props} state={props.state} />);
        return folded ? (
          <details class="plan-theme" id={`theme-${th.slug}`} open={!!props.state?.actionId && mine.some((a) => a.id === props.state?.actionId)}>
            <summary>{heading}</summary>
            {items}
          </details>
        ) : (
          <section class="plan-theme" id={`theme-${th.slug}`} aria-labelledby={`theme-${th.slug}-title`}>
            {heading}
            {items}
          </section>
        );
      })}
    </>
  );
}

function FilterErrors({ errors }: { errors: Record<string, string> }) {
  const list = Object.values(errors);
  if (!list.length) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1}>
      <h2>{p.filters.errorsTitle}</h2>
      <ul>
        {list.map((m) => (
          <li>{m}</li>
        ))}
      </ul>
    </div>
  );
}

export function PlanPage(props: PlanPageProps) {
  const dropped = props.actions.filter((a) => a.droppedReason !== null);
  const open = props.ordered.filter((a) => a.status !== 'done');
  const filtered = hasFilters(props.filters);
  const shown = filtered ? props.ordered.filter((a) => matchesFilters(a, props)) : props.ordered;
  const focusIds = new Set(props.focus.map((a) => a.id));
  const base = planUrl(props.diagnosticId);
  return (
    <>
      <p class="breadcrumb">
        <a href={`/organisations/${props.organisationId}`}>{props.organisationName}</a>
      </p>
      <h1>{p.pageTitle(props.organisationName)}</h1>
      <p>{p.intro}</p>
      {props.draft && <p class="notice">{p.draftNotice}</p>}
      {!props.organisationActive ? <p class="notice">{t.common.readOnlyOrganisation}</p> : !props.canEdit && <p class="notice">{p.readOnlyNotice}</p>}
      <PendingNotice {...props} />
      <div class="actions-row">
        <a class="button" href={`${base}.pdf`} download>
          {p.downloadPdf}
        </a>
        <a class="button button--secondary" href={`${base}.xlsx`} download>
          {p.downloadXlsx}
        </a>
        <a class="button button--secondary" href={`${base}.ics`} download>
          {p.downloadIcs}
        </a>
        <a class="button button--secondary" href={`/diagnostics/${props.diagnosticId}/results`}>
          {p.backToResults}
        </a>
      </div>
      <PlanSummary actions={props.actions} today={props.today} />
      {props.filterErrors && <FilterErrors errors={props.filterErrors} />}
      {!props.ordered.length && <p>{p.empty}</p>}
      {props.ordered.length > 0 && <FilterForm {...props} />}
      {filtered || props.filters.view === 'tableau' ? (
        <section aria-labelledby="plan-list-title" class="plan-list">
          <h2 id="plan-list-title">{filtered ? p.filters.resultsTitle : p.filters.tableTitle}</h2>
          {filtered && (
            <p role="status" class="plan-list__count">
              {p.filters.count(shown.length, props.ordered.length)}
            </p>
          )}
          {!shown.length ? (
            <p>{p.filters.none}</p>
          ) : props.filters.view === 'tableau' ? (
            <ActionTable actions={shown} ctx={props} captionId="plan-table-caption" />
          ) : (
            <ThemeGroups actions={shown} props={props} folded={false} />
          )}
        </section>
      ) : (
        props.ordered.length > 0 && (
          <>
            <section aria-labelledby="plan-focus-title" class="plan-focus">
              <h2 id="plan-focus-title">{p.focusTitle}</h2>
              {props.focus.length ? (
                <>
                  <p>{p.focusIntro(props.focus.length, open.length)}</p>
                  {props.focus.map((a) => (
                    <ActionItem action={a} ctx={props} state={props.state} />
                  ))}
                </>
              ) : (
                <p>{p.focusNone}</p>
              )}
            </section>
            {props.ordered.length > props.focus.length && (
              <section aria-labelledby="plan-rest-title" class="plan-rest">
                <h2 id="plan-rest-title">{p.restTitle}</h2>
                <p class="muted">{p.restIntro}</p>
                <ThemeGroups actions={props.ordered.filter((a) => !focusIds.has(a.id))} props={props} folded />
              </section>
            )}
          </>
        )
      )}
      {props.canEdit && <CreateForm ctx={props} activeServices={props.activeServices} state={props.state} />}
      <DroppedList actions={dropped} ctx={props} />
    </>
  );
}

function matchesFilters(a: ActionRow, props: PlanPageProps): boolean {
  return matches(a, props.filters, props.today);
}
