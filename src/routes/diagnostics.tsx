// The questionnaire: start a diagnostic (or be led to the open one), its overview, theme pages,
// saving answers (htmx autosave, or the whole theme without JavaScript, then going where the
// person asked), concurrent edits, confirming a theme's carried-over answers, submit.
import { Hono } from 'hono';
import type { Context } from 'hono';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { AppEnv } from '../context.ts';
import { t } from '../i18n/index.ts';
import { fragment, isHtmx, page } from '../web/render.tsx';
import { redirectWith } from '../web/flash.ts';
import { currentUser, notFound, requireUser } from '../web/guards.ts';
import type { CurrentUser } from '../context.ts';
import { loadDiagnostic, loadOrganisation } from '../web/load.ts';
import { can } from '../auth/permissions.ts';
import { fieldErrors, readForm } from '../validation/forms.ts';
import type { Organisation } from '../db/organisations.ts';
import { getPerson } from '../db/users.ts';
import { personName } from '../people.ts';
import {
  diagnosticScope,
  getAnswerWithAuthor,
  getDiagnostic,
  getDiagnosticContext,
  loadAnswerStates,
  loadAnswersWithAuthors,
  type AnswerRow,
  type AnswerWithAuthor,
  type DiagnosticContext,
} from '../db/diagnostics.ts';
import { progressCounts } from '../db/progress.ts';
import { confirmPrefilled, undoableCount, undoConfirmPrefilled } from '../db/prefill-confirmation.ts';
import { syncProposedActions } from '../db/actions.ts';
import { createDiagnostic, prefillCandidates, saveAnswer, submitDiagnostic } from '../db/diagnostic-writes.ts';
import { notifySubmitted } from '../mail/notifications.ts';
import { canTransition, DIAGNOSTIC_MODES, isDeletable, isEditable, PARTICIPANT_ROLES } from '../diagnostics/status.ts';
import { evidenceByQuestion, evidenceUsage, listEvidence } from '../db/evidence.ts';
import { defaultReferentialId } from '../referential/store.ts';
import type { Question, Theme } from '../referential/schema.ts';
import { isApplicable } from '../scoring/index.ts';
import { applicableIndex, applicableQuestions, isAnswered, progressOf, type OpenQuestion, type Progress } from '../questionnaire/progress.ts';
import { findQuestion } from '../referential/lookup.ts';
import { OverviewPage } from '../../views/diagnostic-overview.tsx';
import { GOTO_ORGANISATION, GOTO_OVERVIEW, ThemeLeft, themeLeftId, ThemePage } from '../../views/diagnostic-theme.tsx';
import { ConfirmPage } from '../../views/confirm.tsx';
import { LiveMessage } from '../../views/live.tsx';
import { diagnosticUrl, organisationUrl, questionUrl, themeUrl } from '../web/urls.ts';
import { loadReview } from '../web/review.tsx';
import { QuestionBlock, QuestionStatus, type QuestionState } from '../../views/diagnostic-question.tsx';
import { valueOf, type FormValue } from '../questionnaire/form.ts';
import { ProgressBar } from '../../views/diagnostic-progress.tsx';
import { StartDiagnosticForm, type StartFormValues } from '../../views/diagnostic-list.tsx';
import { atMost, LIMITS, MAX_LENGTH } from '../validation/limits.ts';

const q = t.questionnaire;
const MAX_COMMENT = MAX_LENGTH.answerComment;

// ---------------------------------------------------------------------------------------------
// Parsing

const startSchema = z.object({
  mode: z.enum(DIAGNOSTIC_MODES, { error: q.errors.mode }),
  participants: z
    .array(z.object({ name: z.string().trim().max(MAX_LENGTH.personName, { error: q.errors.participantTooLong }), role: z.string().trim() }))
    .transform((rows) => rows.filter((r) => r.name || r.role))
    .pipe(
      z
        .array(
          z.object({
            name: z.string().min(1, { error: q.errors.participantName }),
            role: z.enum(PARTICIPANT_ROLES, { error: q.errors.participantRole }),
          }),
        )
        .min(1, { error: q.errors.participantsNone }),
    ),
  from: z
    .string()
    .trim()
    .transform((v) => v || null),
});

/** Comments are stored with plain newlines (browsers post CRLF) and without surrounding blanks. */
function normaliseComment(raw: string | null): string {
  return (raw ?? '').replace(/\r\n?/g, '\n').trim();
}

/** Fingerprint of a value as the form shows it, to tell untouched questions in a whole-theme post. */
function fingerprint(v: FormValue): string {
  return createHash('sha256').update(`${v.level ?? ''}\u0000${v.comment}`).digest('base64url').slice(0, 16);
}

type ParsedAnswer = { ok: true; level: number | null; na: boolean; comment: string; revision: number } | { ok: false; message: string };

function parseAnswer(question: Question, raw: { level: string | null; comment: string | null; revision: string | null }): ParsedAnswer {
  const level = (raw.level ?? '').trim();
  let value: { level: number | null; na: boolean };
  if (level === '') value = { level: null, na: false };
  else if (level === 'na') {
    if (!question.naAllowed) return { ok: false, message: q.naForbidden };
    value = { level: null, na: true };
  } else if (/^[0-4]$/.test(level)) value = { level: Number(level), na: false };
  else return { ok: false, message: q.levelInvalid };
  const comment = normaliseComment(raw.comment);
  if (comment.length > MAX_COMMENT) return { ok: false, message: q.commentTooLong(comment.length) };
  const rev = (raw.revision ?? '0').trim() || '0';
  if (!/^\d{1,9}$/.test(rev)) return { ok: false, message: q.revisionInvalid };
  return { ok: true, ...value, comment, revision: Number(rev) };
}

function typedValue(raw: { level: string | null; comment: string | null }): FormValue {
  const level = (raw.level ?? '').trim();
  return { level: level === '' ? null : level, comment: normaliseComment(raw.comment) };
}

// ---------------------------------------------------------------------------------------------
// Loading

function themeOf(ctx: DiagnosticContext, slug: string | undefined): Theme {
  return ctx.referential.themes.find((th) => th.slug === slug) ?? notFound();
}

function progressFor(c: Context<AppEnv>, ctx: DiagnosticContext): Progress {
  const rows = loadAnswerStates(c.get('deps').db, ctx.diagnostic.id);
  return progressOf(ctx.referential, ctx.organisation.types, new Map(rows.map((a) => [a.questionCode, a])));
}

function canAnswer(c: Context<AppEnv>, ctx: DiagnosticContext): boolean {
  return ctx.organisation.active && isEditable(ctx.diagnostic.status) && can(c.get('user'), 'diagnostic.answer', diagnosticScope(ctx));
}

function baseState(question: Question, stored: AnswerWithAuthor | undefined): QuestionState {
  const value = valueOf(stored);
  return { question, stored, value, revision: stored?.revision ?? 0, orig: fingerprint(value) };
}

function authored(c: Context<AppEnv>, ctx: DiagnosticContext, code: string): AnswerWithAuthor | undefined {
  return getAnswerWithAuthor(c.get('deps').db, ctx.diagnostic.id, code);
}

/** An answer the person just wrote: its author is them, no need to read it back. */
function writtenBy(row: AnswerRow, user: CurrentUser): AnswerWithAuthor {
  return { ...row, authorName: user.name, authorDeleted: false };
}

/** Whether a save moved the progress bars: the question gained or lost an answer, or a carried-over mark. */
function progressMoved(before: AnswerRow | null, after: AnswerRow): boolean {
  return isAnswered(before ?? undefined) !== isAnswered(after) || (isAnswered(after) && !!before?.prefilledFrom !== !!after.prefilledFrom);
}

// ---------------------------------------------------------------------------------------------
// Rendering

interface Override {
  value: FormValue;
  revision: number;
  orig: string;
  error?: string;
  conflict?: boolean;
}

function renderTheme(
  c: Context<AppEnv>,
  ctx: DiagnosticContext,
  theme: Theme,
  opts: { overrides?: Map<string, Override>; problems?: { code: string; message: string }[]; status?: 200 | 409 | 422; undo?: { eventId: number; count: number } } = {},
) {
  const { db } = c.get('deps');
  const rows = loadAnswersWithAuthors(db, ctx.diagnostic.id);
  const byCode = new Map(rows.map((a) => [a.questionCode, a]));
  const progress = progressOf(ctx.referential, ctx.organisation.types, byCode);
  const groups = applicableQuestions(theme, ctx.organisation.types).map(({ criterion, questions }) => ({
    criterion,
    states: questions.map((question): QuestionState => {
      const stored = byCode.get(question.code);
      const o = opts.overrides?.get(question.code);
      if (!o) return baseState(question, stored);
      return { question, stored, value: o.value, revision: o.revision, orig: o.orig, error: o.error, conflict: o.conflict ? { current: stored, mine: o.value } : undefined };
    }),
  }));
  const editable = canAnswer(c, ctx);
  const status = t.common.diagnosticStatus[ctx.diagnostic.status];
  return page(
    c,
    `${q.themeTitle(theme.title)} — ${ctx.organisation.name}`,
    <ThemePage
      csrf={c.get('csrf')}
      org={ctx.organisation}
      diagnostic={ctx.diagnostic}
      theme={theme}
      themes={ctx.referential.themes}
      groups={groups}
      progress={progress}
      editable={editable}
      readOnlyMessage={
        !ctx.organisation.active ? t.common.readOnlyOrganisation : isEditable(ctx.diagnostic.status) ? undefined : `${q.readOnly(status)} ${canTransition(ctx.diagnostic.status, 'requestChanges') ? q.readOnlyReopen : ''}`.trim()
      }
      problems={opts.problems}
      review={loadReview(c, ctx)}
      evidence={{ byQuestion: evidenceByQuestion(listEvidence(db, ctx.diagnostic.id)), maxFileBytes: c.get('deps').evidence.maxFileBytes, usage: { used: evidenceUsage(db, ctx.organisation.id), quota: c.get('deps').evidence.quotaBytes } }}
      undo={opts.undo}
      glossary={ctx.referential.glossary}
      levelGuide={ctx.referential.levelGuide}
    />,
    { status: opts.status ?? 200 },
  );
}

function renderOverview(c: Context<AppEnv>, ctx: DiagnosticContext, opts: { incomplete?: OpenQuestion[]; status?: 200 | 409 | 422 } = {}) {
  const { db } = c.get('deps');
  const d = ctx.diagnostic;
  const previous = d.previousId ? (getDiagnostic(db, d.previousId) ?? null) : null;
  return page(
    c,
    q.overviewTitle(ctx.organisation.name, d.createdAt),
    <OverviewPage
      csrf={c.get('csrf')}
      org={ctx.organisation}
      diagnostic={d}
      referentialLabel={ctx.referential.label}
      creatorName={personName(d.createdBy ? getPerson(db, d.createdBy) : null)}
      submitterName={personName(d.submittedBy ? getPerson(db, d.submittedBy) : null)}
      previous={previous && previous.organisationId === d.organisationId ? previous : null}
      progress={progressFor(c, ctx)}
      editable={canAnswer(c, ctx)}
      incomplete={opts.incomplete}
      review={loadReview(c, ctx)}
      canDelete={ctx.organisation.active && isDeletable(d.status) && can(c.get('user'), 'diagnostic.delete', diagnosticScope(ctx))}
      canArchive={can(c.get('user'), 'diagnostic.archive', diagnosticScope(ctx))}
      archiverName={d.archivedBy ? personName(getPerson(db, d.archivedBy)) : null}
    />,
    { status: opts.status ?? 200 },
  );
}

/**
 * The htmx answer: the question's status area (or, after a conflict was settled, its whole block),
 * what to announce in the live region, and — only when the save changed whether the question has
 * an answer — the theme's and overall progress bars and the theme tab's count, out of band. Most
 * autosaves rewrite a level or a comment: counting the whole diagnostic again for them would cost
 * the server a query and the page a repaint for bars that do not move.
 */
function statusFragment(c: Context<AppEnv>, ctx: DiagnosticContext, theme: Theme, s: QuestionState, status: 200 | 409 | 422, opts: { whole?: boolean; progress?: boolean; live: string }) {
  const place = { diagnosticId: ctx.diagnostic.id, editable: canAnswer(c, ctx), glossary: ctx.referential.glossary };
  const counts = opts.progress ? progressCounts(c.get('deps').db, ctx.diagnostic.id, applicableIndex(ctx.referential, ctx.organisation.types)) : null;
  const tp = counts?.themes.find((x) => x.slug === theme.slug);
  return fragment(
    c,
    <>
      {opts.whole ? <QuestionBlock place={place} s={s} /> : <QuestionStatus place={place} s={s} />}
      <LiveMessage message={opts.live} />
      {counts && tp && (
        <>
          <ProgressBar oob slug={theme.slug} caption={theme.title} answered={tp.answered} applicable={tp.applicable} prefilled={tp.prefilled} />
          <ProgressBar oob caption={q.progressOverall} answered={counts.answered} applicable={counts.applicable} prefilled={counts.prefilled} />
          <ThemeLeft oob id={themeLeftId(theme.slug)} tp={tp} />
        </>
      )}
    </>,
    status,
  );
}

function questionAnchor(ctx: DiagnosticContext, theme: Theme, code: string): string {
  return questionUrl(ctx.diagnostic.id, theme.slug, code);
}

// ---------------------------------------------------------------------------------------------
// Starting a diagnostic (mounted under /organisations)

export const startDiagnosticRoutes = new Hono<AppEnv>();
startDiagnosticRoutes.use(requireUser);

function renderStartForm(c: Context<AppEnv>, org: Organisation, values: StartFormValues, errors: Record<string, string>) {
  const candidates = prefillCandidates(c.get('deps').db, org.id);
  return page(
    c,
    `${q.newTitle} — ${org.name}`,
    <section>
      <p class="breadcrumb">
        <a href={organisationUrl(org.id)}>{q.backToOrg(org.name)}</a>
      </p>
      <h1>{org.name}</h1>
      <StartDiagnosticForm csrf={c.get('csrf')} orgId={org.id} candidates={candidates} values={values} errors={errors} />
    </section>,
    { status: 422 },
  );
}

startDiagnosticRoutes.post('/:orgId/diagnostics', loadOrganisation('diagnostic.create'), async (c) => {
  const { db, clock } = c.get('deps');
  const org = c.var.organisation;
  const form = await readForm(c);
  const names = form.getAll('participantName');
  const roles = form.getAll('participantRole');
  const rows = Array.from({ length: Math.max(names.length, roles.length) }, (_, i) => ({ name: names[i] ?? '', role: roles[i] ?? '' })).filter((r) => r.name.trim() || r.role.trim());
  // Counted before anything else, and the refusal echoes no more rows than the limit.
  const kept = atMost(rows, LIMITS.participants);
  const values: StartFormValues = { mode: form.get('mode') ?? '', names: kept.items.map((r) => r.name), roles: kept.items.map((r) => r.role), from: form.get('from') ?? '' };
  if (kept.over) return renderStartForm(c, org, values, { participants: q.errors.tooManyParticipants(rows.length) });
  const parsed = startSchema.safeParse({ mode: values.mode, participants: rows, from: values.from });
  if (!parsed.success) return renderStartForm(c, org, values, fieldErrors(parsed.error));
  const { from } = parsed.data;
  if (from && !prefillCandidates(db, org.id).some((d) => d.id === from)) return renderStartForm(c, org, values, { from: q.errors.from });
  const referentialId = defaultReferentialId(db);
  if (!referentialId) return renderStartForm(c, org, values, { mode: q.errors.noReferential });
  const user = currentUser(c);
  const created = createDiagnostic(db, { organisationId: org.id, referentialId, mode: parsed.data.mode, participants: parsed.data.participants, fromId: from, userId: user.id }, clock());
  // A page left open since before the draft existed, a colleague quicker by a minute: lead the
  // person to the open diagnostic rather than splitting the team's answers over two.
  if (created.kind === 'open') return redirectWith(c, diagnosticUrl(created.open.id), { kind: 'info', message: t.drafts.alreadyOpen(created.open.createdAt) });
  const message = created.from ? q.startedFrom(created.prefilled, created.from.createdAt) : q.started;
  return redirectWith(c, diagnosticUrl(created.id), { kind: 'success', message });
});

// ---------------------------------------------------------------------------------------------
// One diagnostic (mounted under /diagnostics)

export const diagnosticRoutes = new Hono<AppEnv>();
diagnosticRoutes.use(requireUser);

diagnosticRoutes.get('/:id', loadDiagnostic('diagnostic.view'), (c) => renderOverview(c, c.var.diagnostic));

diagnosticRoutes.get('/:id/themes/:theme', loadDiagnostic('diagnostic.view'), (c) => {
  const ctx = c.var.diagnostic;
  const theme = themeOf(ctx, c.req.param('theme'));
  // Just after « Confirmer les réponses reprises », the page offers to undo it (see the theme post).
  const confirmed = c.req.query('confirme') ?? '';
  let undo: { eventId: number; count: number } | undefined;
  if (/^\d{1,15}$/.test(confirmed) && canAnswer(c, ctx)) {
    const eventId = Number(confirmed);
    const count = undoableCount(c.get('deps').db, { eventId, diagnosticId: ctx.diagnostic.id, themeSlug: theme.slug, userId: currentUser(c).id });
    if (count) undo = { eventId, count };
  }
  return renderTheme(c, ctx, theme, { undo });
});

diagnosticRoutes.post('/:id/answers/:questionCode', loadDiagnostic('diagnostic.answer'), async (c) => {
  const { db, clock } = c.get('deps');
  const ctx = c.var.diagnostic;
  const code = c.req.param('questionCode');
  const found = findQuestion(ctx.referential, code);
  if (!found || !isApplicable(found.question, ctx.organisation.types)) notFound();
  const { question, theme } = found!;
  const htmx = isHtmx(c);
  const form = await readForm(c);
  // Plain fields (`level`, `comment`, `revision`) are the API; the theme form's namespaced ones
  // (`level.ID-1.1`…) let the same inputs serve htmx autosave and the whole-theme post.
  const pick = (k: string) => (form.has(k) ? form.get(k) : form.get(`${k}.${code}`));
  const keep = form.get('keep') ?? '';
  const now = clock();

  if (keep === `stored:${code}`) {
    const stored = authored(c, ctx, code);
    if (!htmx) return redirectWith(c, questionAnchor(ctx, theme, code));
    return statusFragment(c, ctx, theme, baseState(question, stored), 200, { whole: true, live: q.liveSaved(code) });
  }
  const mine = keep.startsWith(`mine:${code}:`) ? keep.slice(`mine:${code}:`.length) : null;
  const raw = { level: pick('level'), comment: pick('comment'), revision: mine ?? pick('revision') };
  const typed = typedValue(raw);
  const sentRevision = /^\d{1,9}$/.test((pick('revision') ?? '').trim()) ? Number(pick('revision')) : 0;
  const orig = pick('orig') ?? fingerprint(typed);
  const parsed = parseAnswer(question, raw);

  if (!parsed.ok) {
    const override: Override = { value: typed, revision: sentRevision, orig, error: parsed.message };
    if (!htmx) return renderTheme(c, ctx, theme, { overrides: new Map([[code, override]]), problems: [{ code, message: parsed.message }], status: 422 });
    return statusFragment(c, ctx, theme, { ...baseState(question, authored(c, ctx, code)), revision: sentRevision, orig, error: parsed.message }, 422, { live: q.liveRefused(code, parsed.message) });
  }
  const user = currentUser(c);
  const result = saveAnswer(db, { diagnosticId: ctx.diagnostic.id, questionCode: code, level: parsed.level, na: parsed.na, comment: parsed.comment, revision: parsed.revision, userId: user.id, role: user.role, scoring: { referential: ctx.referential, types: ctx.organisation.types } }, now);
  switch (result.kind) {
    case 'missing':
      return notFound();
    case 'locked': {
      const message = q.locked(t.common.diagnosticStatus[result.status]);
      const fresh = { ...ctx, diagnostic: { ...ctx.diagnostic, status: result.status } };
      if (!htmx) return renderTheme(c, fresh, theme, { problems: [{ code, message }], status: 409 });
      return statusFragment(c, fresh, theme, { ...baseState(question, authored(c, ctx, code)), error: message }, 409, { live: q.liveRefused(code, message) });
    }
    case 'conflict': {
      const override: Override = { value: typed, revision: sentRevision, orig, conflict: true };
      if (!htmx) return renderTheme(c, ctx, theme, { overrides: new Map([[code, override]]), problems: [{ code, message: q.conflictTitle }], status: 409 });
      const stored = authored(c, ctx, code);
      return statusFragment(c, ctx, theme, { question, stored, value: typed, revision: sentRevision, orig, conflict: { current: stored, mine: typed } }, 409, { whole: !!mine, live: q.liveConflict(code) });
    }
    case 'saved': {
      if (!htmx) return redirectWith(c, questionAnchor(ctx, theme, code), { kind: 'success', message: q.answerSaved(code) });
      // The answer just written is in hand (its author is the person); only an unchanged one is read back.
      const stored = result.changed ? writtenBy(result.answer, user) : authored(c, ctx, code);
      const s = { ...baseState(question, stored), savedAt: stored ? stored.updatedAt : undefined };
      return statusFragment(c, ctx, theme, s, 200, { whole: !!mine, progress: result.changed && progressMoved(result.before, result.answer), live: q.liveSaved(code) });
    }
  }
});

diagnosticRoutes.post('/:id/themes/:theme', loadDiagnostic('diagnostic.answer'), async (c) => {
  const { db, clock } = c.get('deps');
  const ctx = c.var.diagnostic;
  const theme = themeOf(ctx, c.req.param('theme'));
  if (!isEditable(ctx.diagnostic.status)) {
    return renderTheme(c, ctx, theme, { problems: [{ code: '', message: q.locked(t.common.diagnosticStatus[ctx.diagnostic.status]) }], status: 409 });
  }
  const form = await readForm(c);
  const keep = form.get('keep') ?? '';
  const confirm = form.get('confirm') ?? '';
  const goto = gotoUrl(ctx, form.get('goto'));
  const user = currentUser(c);
  const now = clock();
  const overrides = new Map<string, Override>();
  const problems: { code: string; message: string }[] = [];
  let saved = 0;
  let unchanged = 0;
  let conflicts = 0;
  let focus: string | null = null;

  for (const { questions } of applicableQuestions(theme, ctx.organisation.types)) {
    for (const question of questions) {
      const code = question.code;
      const raw = { level: form.get(`level.${code}`), comment: form.get(`comment.${code}`), revision: form.get(`revision.${code}`) };
      if (raw.level === null && raw.comment === null && raw.revision === null) continue;
      if (keep === `stored:${code}`) {
        focus = code;
        continue;
      }
      const mine = keep.startsWith(`mine:${code}:`) ? keep.slice(`mine:${code}:`.length) : null;
      if (mine !== null || confirm === code) focus = code;
      const typed = typedValue(raw);
      const orig = form.get(`orig.${code}`);
      const sentRevision = /^\d{1,9}$/.test((raw.revision ?? '').trim()) ? Number(raw.revision) : 0;
      // A question nobody touched since the page was built is not re-posted: a colleague may
      // have answered it meanwhile, and that is no conflict.
      if (orig !== null && orig === fingerprint(typed) && mine === null && confirm !== code) {
        unchanged++;
        continue;
      }
      const parsed = parseAnswer(question, { ...raw, revision: mine ?? raw.revision });
      if (!parsed.ok) {
        overrides.set(code, { value: typed, revision: sentRevision, orig: orig ?? '', error: parsed.message });
        problems.push({ code, message: parsed.message });
        continue;
      }
      const r = saveAnswer(db, { diagnosticId: ctx.diagnostic.id, questionCode: code, level: parsed.level, na: parsed.na, comment: parsed.comment, revision: parsed.revision, userId: user.id, role: user.role, scoring: { referential: ctx.referential, types: ctx.organisation.types } }, now);
      if (r.kind === 'saved') {
        if (r.changed) saved++;
        else unchanged++;
      } else if (r.kind === 'conflict') {
        conflicts++;
        overrides.set(code, { value: typed, revision: sentRevision, orig: orig ?? '', conflict: true });
        problems.push({ code, message: q.conflictTitle });
      } else {
        const message = r.kind === 'locked' ? q.locked(t.common.diagnosticStatus[r.status]) : t.common.notFound;
        overrides.set(code, { value: typed, revision: sentRevision, orig: orig ?? '', error: message });
        problems.push({ code, message });
      }
    }
  }
  // Refused answers come first: the page comes back with them, and goes nowhere else.
  if (problems.length) {
    const fresh = getDiagnosticContext(db, ctx.diagnostic.id) ?? ctx;
    return renderTheme(c, fresh, theme, { overrides, problems, status: conflicts ? 409 : 422 });
  }
  const here = themeUrl(ctx.diagnostic.id, theme.slug);
  const savedNote = saved ? `${q.themeSaved(saved, unchanged)} ` : '';
  if (form.get('confirmPrefilled') === '1') {
    const codes = applicableQuestions(theme, ctx.organisation.types).flatMap((g) => g.questions.map((x) => x.code));
    const r = confirmPrefilled(db, { diagnosticId: ctx.diagnostic.id, themeSlug: theme.slug, codes, userId: user.id, role: user.role }, now);
    if (r.kind === 'confirmed') return redirectWith(c, `${here}?confirme=${r.eventId}#prefill-panel`, { kind: 'success', message: `${savedNote}${q.confirmedPrefilled(r.count)}` });
    return redirectWith(c, here, { kind: 'info', message: `${savedNote}${q.nothingToConfirm}` });
  }
  const undoOf = form.get('undoConfirm') ?? '';
  if (/^\d{1,15}$/.test(undoOf)) {
    const r = undoConfirmPrefilled(db, { eventId: Number(undoOf), diagnosticId: ctx.diagnostic.id, themeSlug: theme.slug, userId: user.id }, now);
    if (r.kind === 'undone') return redirectWith(c, `${here}#prefill-panel`, { kind: 'success', message: `${savedNote}${q.undoneConfirm(r.restored, r.kept)}` });
    return redirectWith(c, here, { kind: 'info', message: `${savedNote}${q.nothingToUndo}` });
  }
  // Saved, then where the person asked to go: nothing said when there was nothing to save.
  if (goto) return redirectWith(c, goto, saved ? { kind: 'success', message: q.themeSaved(saved, unchanged) } : undefined);
  const to = focus ? questionAnchor(ctx, theme, focus) : here;
  return redirectWith(c, to, { kind: saved ? 'success' : 'info', message: q.themeSaved(saved, unchanged) });
});

/** Where a no-JavaScript navigation button of a theme page goes once the theme is saved (never outside the diagnostic). */
function gotoUrl(ctx: DiagnosticContext, goto: string | null): string | null {
  if (goto === GOTO_OVERVIEW) return diagnosticUrl(ctx.diagnostic.id);
  if (goto === GOTO_ORGANISATION) return organisationUrl(ctx.organisation.id);
  if (goto?.startsWith('theme:')) {
    const slug = goto.slice('theme:'.length);
    if (ctx.referential.themes.some((th) => th.slug === slug)) return themeUrl(ctx.diagnostic.id, slug);
  }
  return null;
}

diagnosticRoutes.post('/:id/submit', loadDiagnostic('diagnostic.submit'), async (c) => {
  const { db, clock } = c.get('deps');
  const ctx = c.var.diagnostic;
  const form = await readForm(c);
  if (form.get('confirm') !== '1' && isEditable(ctx.diagnostic.status)) {
    // Asked before it is done (a dialog with JavaScript; this page without). What is left is
    // shown at once: a refusal needs no confirmation.
    const progress = progressFor(c, ctx);
    if (progress.unanswered.length) return renderOverview(c, ctx, { incomplete: progress.unanswered, status: 422 });
    return page(
      c,
      q.confirmSubmitTitle,
      <ConfirmPage
        id="confirm-submit"
        title={q.confirmSubmitTitle}
        action={`${diagnosticUrl(ctx.diagnostic.id)}/submit`}
        csrf={c.get('csrf')}
        confirmLabel={q.confirmSubmitButton}
        cancelLabel={q.confirmCancel}
        cancelHref={diagnosticUrl(ctx.diagnostic.id)}
        breadcrumb={<a href={diagnosticUrl(ctx.diagnostic.id)}>{q.diagnosticOf(ctx.diagnostic.createdAt)}</a>}
      >
        <p>{q.confirmSubmitText(ctx.diagnostic.createdAt)}</p>
        {progress.prefilled > 0 && <p class="notice">{q.confirmSubmitPrefilled(progress.prefilled)}</p>}
      </ConfirmPage>,
    );
  }
  const result = submitDiagnostic(db, ctx, currentUser(c).id, clock());
  if (result.kind === 'locked') {
    c.set('flash', { kind: 'error', message: q.alreadySubmitted });
    return renderOverview(c, { ...ctx, diagnostic: { ...ctx.diagnostic, status: result.status } }, { status: 409 });
  }
  if (result.kind === 'incomplete') return renderOverview(c, ctx, { incomplete: progressFor(c, ctx).unanswered, status: 422 });
  // Submitting puts the plan in place, so the federation sees the actions to come (and the
  // services they need) before anyone opens the plan page.
  syncProposedActions(db, { ...ctx, diagnostic: { ...ctx.diagnostic, status: 'submitted' } }, result.scores, currentUser(c).id, clock());
  // The consultants of the region hear of it (a message queued, sent by the worker).
  if (notifySubmitted(db, ctx.diagnostic, currentUser(c).id, clock())) c.get('deps').mail.wake();
  return redirectWith(c, diagnosticUrl(ctx.diagnostic.id), { kind: 'success', message: q.submitted });
});
