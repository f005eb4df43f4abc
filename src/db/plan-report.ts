// Gathers what the plan's PDF prints into one plain PlanReport (src/plan/pdf.ts lays it out).
import { asc, eq } from 'drizzle-orm';
import type { Db } from './open.ts';
import { reviewComments, users } from './schema.ts';
import { answerLevel, loadAnswers, STATUS_LABELS, type DiagnosticContext } from './diagnostics.ts';
import { listActions, type ActionRow } from './actions.ts';
import { getServicesByCode } from '../referential/store.ts';
import type { DiagnosticScores } from '../scoring/types.ts';
import type { PlanReport } from '../plan/pdf.ts';
import { parisDay } from '../plan/format.ts';
import { t } from '../i18n/index.ts';

function userName(db: Db, id: string | null): string | null {
  if (!id) return null;
  const u = db.select({ name: users.name, deleted: users.deleted }).from(users).where(eq(users.id, id)).get();
  if (!u) return null;
  return u.deleted ? t.common.deletedUser : u.name;
}

export function buildPlanReport(db: Db, ctx: DiagnosticContext, scores: DiagnosticScores, now: Date, actionRows?: ActionRow[]): PlanReport {
  const { diagnostic: d, organisation: o, referential: ref } = ctx;
  const rows = actionRows ?? listActions(db, d.id);
  const services = getServicesByCode(db, rows.flatMap((a) => a.services));
  const questionLevels = new Map<string, readonly string[]>();
  const recommendations = new Map<string, string>();
  let total = 0;
  for (const th of ref.themes) for (const c of th.criteria) for (const q of c.questions) {
    questionLevels.set(q.code, q.levels);
    recommendations.set(q.code, q.recommendation.text);
    total++;
  }
  const validated = d.status === 'validated' && d.validatedAt ? { by: userName(db, d.validatedBy) ?? t.common.theFederation, at: new Date(d.validatedAt) } : null;
  return {
    organisation: { name: o.name, types: o.types.map((ty) => t.common.structureTypes[ty] ?? ty), region: o.region },
    date: now,
    today: parisDay(now),
    referentialLabel: ref.label,
    status: STATUS_LABELS[d.status],
    mode: t.plan.pdf.modes[d.mode] ?? d.mode,
    startedAt: new Date(d.createdAt),
    submittedAt: d.submittedAt ? new Date(d.submittedAt) : null,
    validated,
    participants: d.participants,
    scores,
    actions: rows.map((a) => ({
      id: a.id,
      title: a.title,
      description: a.description,
      // A proposed action's description is the referential's recommendation until a member edits it.
      ownDescription: a.origin !== 'proposed' || (a.description !== '' && a.description !== (a.questionCode ? recommendations.get(a.questionCode) : undefined)),
      themeSlug: a.themeSlug,
      priority: a.priority,
      quickWin: a.quickWin,
      origin: a.origin,
      questionCode: a.questionCode,
      owner: a.owner,
      dueDate: a.dueDate,
      status: a.status,
      notes: a.notes,
      services: a.services,
      droppedReason: a.droppedReason,
    })),
    services: [...services.values()].map((s) => ({ code: s.code, name: s.name, kind: s.kind, description: s.description, contact: s.contact, active: s.active })),
    answers: loadAnswers(db, d.id).map((a) => {
      const level = answerLevel(a);
      return { code: a.questionCode, level, levelText: typeof level === 'number' ? (questionLevels.get(a.questionCode)?.[level] ?? null) : null, comment: a.comment };
    }),
    notApplicable: Math.max(0, total - scores.questions.length),
    reviews: db
      .select({ c: reviewComments, name: users.name, deleted: users.deleted })
      .from(reviewComments)
      .leftJoin(users, eq(users.id, reviewComments.authorId))
      .where(eq(reviewComments.diagnosticId, d.id))
      .orderBy(asc(reviewComments.createdAt))
      .all()
      .map(({ c, name, deleted }) => ({
        target: c.targetKind === 'diagnostic' ? t.plan.pdf.reviewWhole : c.targetKind === 'theme' ? (ref.themes.find((th) => th.slug === c.target)?.title ?? c.target) : c.target,
        author: !name || deleted ? t.common.theFederation : name,
        at: new Date(c.createdAt),
        body: c.body,
      })),
  };
}
