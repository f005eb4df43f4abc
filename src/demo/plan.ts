// Demo progress plan (issue: plan). Garonne Services Emploi worked last year's plan: owners, due
// dates, about a third done, some in progress (one of them late), one dropped, one action of their
// own; the open ones are carried over to this year's diagnostic. Idempotent: a plan already stored
// is left alone.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import type { DemoIds } from './base.ts';
import { diagnostics } from '../db/schema.ts';
import { getDiagnosticContext, scoreDiagnosticById } from '../db/diagnostics.ts';
import { carryOverActions, createAction, dropAction, listActions, syncProposedActions, updateAction, type ActionRow } from '../db/actions.ts';
import { parisDay } from '../dates.ts';
import { isSettled } from '../diagnostics/status.ts';
import { getReferential } from '../referential/store.ts';
import { actionSuccessor } from '../referential/mapping.ts';

const DAY = 86_400_000;
const OWNERS = ['Sophie Durand', 'Julien Roux', 'Aïcha Benmoussa', 'Bernard Lemaire'];

export function loadPlanDemo(db: Db, ids: DemoIds, now: Date): void {
  const orgId = ids.organisations[0];
  const sophie = ids.users['membre1@cap.test'] ?? null;
  if (!orgId) return;
  const all = db.select().from(diagnostics).where(eq(diagnostics.organisationId, orgId)).orderBy(asc(diagnostics.createdAt)).all();
  const last = all.find((d) => isSettled(d.status));
  if (!last || listActions(db, last.id).length) return;
  const ctx = getDiagnosticContext(db, last.id);
  if (!ctx) return;

  const start = new Date(new Date(last.submittedAt ?? last.createdAt).getTime() + 2 * DAY);
  const day = (offset: number) => parisDay(new Date(start.getTime() + offset * DAY));
  syncProposedActions(db, ctx, scoreDiagnosticById(db, ctx), sophie, start);
  const scope = { diagnosticId: last.id, organisationId: orgId };
  const rows = listActions(db, last.id);
  const edit = (a: ActionRow, patch: Partial<ActionRow>, at: Date) =>
    updateAction(db, scope, a.id, { title: a.title, description: a.description, owner: a.owner, dueDate: a.dueDate, status: a.status, notes: a.notes, ...patch }, a.revision, sophie, at);

  rows.forEach((a, i) => {
    const owner = OWNERS[i % OWNERS.length]!;
    if (i % 3 === 0) edit(a, { owner, dueDate: day(60 + i * 7), status: 'done', notes: 'Fait et présenté en réunion d’équipe.' }, new Date(start.getTime() + (40 + i * 6) * DAY));
    else if (i % 3 === 1 && i < 12) edit(a, { owner, dueDate: day(200 + i * 20), status: 'in_progress' }, new Date(start.getTime() + 30 * DAY));
    else if (i < 16) edit(a, { owner, dueDate: day(300 + i * 10) }, new Date(start.getTime() + 10 * DAY));
  });
  // Late on purpose: started, due a month ago, not finished.
  const late = rows.find((_, i) => i % 3 === 1);
  if (late) edit(late, { owner: 'Julien Roux', dueDate: parisDay(new Date(now.getTime() - 30 * DAY)), status: 'in_progress', notes: 'Relancer l’organisme de formation ; deux salariés encore à inscrire.' }, new Date(now.getTime() - 40 * DAY));
  const dropped = rows.find((_, i) => i % 3 === 2 && i > 16);
  if (dropped) dropAction(db, scope, dropped.id, 'Traité au niveau du GES départemental : plus de notre ressort cette année.', sophie, new Date(start.getTime() + 90 * DAY));
  createAction(
    db,
    scope,
    {
      title: 'Organiser une journée portes ouvertes avec les prescripteurs et les élus',
      description: 'Faire connaître nos métiers et nos sorties à l’emploi ; inviter France Travail, la mission locale et le département.',
      themeSlug: 'identite',
      priority: 'moyenne',
      owner: 'Aïcha Benmoussa',
      dueDate: day(150),
      status: 'done',
      notes: 'Quarante visiteurs ; à refaire au printemps.',
      services: ['FORM-COMMUNICATION'],
    },
    sophie,
    new Date(start.getTime() + 20 * DAY),
  );

  // This year's diagnostic, started from last year's: the open actions follow.
  const next = all.find((d) => d.previousId === last.id);
  if (!next) return;
  // Across versions (last year on CAP 2023, this year on CAP 2026), actions follow the mapping.
  const nextRef = getReferential(db, next.referentialId);
  carryOverActions(db, last.id, next.id, sophie, new Date(next.createdAt), nextRef ? actionSuccessor(last.referentialId, nextRef) : undefined);
}
