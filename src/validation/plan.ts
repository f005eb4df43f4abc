// Form schemas of the progress plan: editing an action, adding one, dropping one.
import { z } from 'zod';
import { t } from '../i18n/index.ts';
import { parseDay } from '../dates.ts';
import { PRIORITIES } from '../plan/types.ts';
import { ACTION_STATUSES } from '../db/actions.ts';
import { MAX_LENGTH } from './limits.ts';
import { PLAN_VIEWS, STATUS_FILTERS, type PlanFilters } from '../plan/filters.ts';

const e = t.plan.errors;
const tooLong = t.common.validation.tooLong;

const text = (max: number) => z.string().trim().max(max, tooLong(max));

const dueDate = z.string().transform((v, ctx) => {
  const day = parseDay(v);
  if (day === null) {
    ctx.addIssue({ code: 'custom', message: e.dueDate });
    return z.NEVER;
  }
  return day || null;
});

export const actionEditSchema = z.object({
  title: z.string({ error: e.title }).trim().min(1, e.title).max(MAX_LENGTH.actionTitle, tooLong(MAX_LENGTH.actionTitle)),
  description: text(MAX_LENGTH.actionDescription),
  owner: text(MAX_LENGTH.actionOwner),
  dueDate,
  status: z.enum(ACTION_STATUSES, { error: e.status }),
  notes: text(MAX_LENGTH.actionNotes),
});

export const ACTION_EDIT_FIELDS = ['title', 'description', 'owner', 'dueDate', 'status', 'notes'] as const;

/** An edit carries the revision of the action it was made on (src/db/actions.ts updateAction). */
export const actionUpdateSchema = actionEditSchema.extend({
  revision: z.string({ error: e.revision }).regex(/^\d{1,9}$/, e.revision).transform(Number),
});

export function actionCreateSchema(themeSlugs: readonly string[], serviceCodes: ReadonlySet<string>) {
  return actionEditSchema.extend({
    description: text(MAX_LENGTH.actionDescription).optional().default(''),
    owner: text(MAX_LENGTH.actionOwner).optional().default(''),
    notes: text(MAX_LENGTH.actionNotes).optional().default(''),
    dueDate: dueDate.optional().transform((v) => v ?? null),
    status: z.enum(ACTION_STATUSES, { error: e.status }).optional().default('todo'),
    themeSlug: z.string({ error: e.theme }).refine((v) => themeSlugs.includes(v), e.theme),
    priority: z.enum(PRIORITIES, { error: e.priority }),
    service: z
      .string()
      .optional()
      .default('')
      .refine((v) => v === '' || serviceCodes.has(v), e.service),
  });
}

export const dropSchema = z.object({
  reason: z.string({ error: e.reason }).trim().min(1, e.reason).max(MAX_LENGTH.dropReason, tooLong(MAX_LENGTH.dropReason)),
});

const fe = t.plan.filters.errors;

/**
 * The plan page's query string: `theme`, `statut`, `responsable`, `retard`, `vue`. Each value is
 * checked (length from limits.ts, theme against the diagnostic's referential) before any action is
 * read; other keys are ignored.
 */
export function planFilterSchema(themeSlugs: readonly string[]) {
  return z
    .object({
      theme: z.string().max(MAX_LENGTH.filter, fe.theme).optional().default('').refine((v) => v === '' || themeSlugs.includes(v), fe.theme),
      statut: z.union([z.literal(''), z.enum(STATUS_FILTERS)], { error: fe.status }).optional().default(''),
      responsable: z.string().trim().max(MAX_LENGTH.filter, fe.owner).optional().default(''),
      retard: z.enum(['', '1'], { error: fe.overdue }).optional().default(''),
      vue: z.union([z.literal(''), z.enum(PLAN_VIEWS)], { error: fe.view }).optional().default(''),
    })
    .transform((q): PlanFilters => ({ theme: q.theme, status: q.statut, owner: q.responsable, overdue: q.retard === '1', view: q.vue || 'fiches' }));
}

/** Which filter a query-string key sets, to name it in an error. */
export const FILTER_FIELDS: Record<string, keyof PlanFilters> = { theme: 'theme', statut: 'status', responsable: 'owner', retard: 'overdue', vue: 'view' };
