// A theme of the questionnaire: its criteria and the questions that apply to the structure, in one
// form (the no-JavaScript path posts the whole theme), each question autosaving with htmx.
//
// Without JavaScript nothing typed is lost by leaving: on an editable page every way out of the
// questionnaire (breadcrumb, theme tabs, previous and next theme) is a button of the theme form
// that saves first, then goes (field `goto`); with JavaScript the same places are plain links, the
// autosave having already saved (static/questionnaire.js warns when leaving with a save in flight).
import { t } from '../src/i18n/index.ts';
import type { Criterion, GlossaryTerm, LevelGuide as Guide, Theme } from '../src/referential/schema.ts';
import { termsUsed } from '../src/referential/glossary.ts';
import type { DiagnosticRow } from '../src/db/diagnostics.ts';
import type { Progress, ThemeCounts } from '../src/questionnaire/progress.ts';
import { domId, themeLeft } from '../src/questionnaire/progress.ts';
import { diagnosticUrl, organisationUrl, themeUrl } from '../src/web/urls.ts';
import { CsrfField } from './forms.tsx';
import { ProgressBar } from './diagnostic-progress.tsx';
import { QuestionBlock, type QuestionState } from './diagnostic-question.tsx';
import { DetachedCommentForms, ReviewComments, type ReviewView } from './review.tsx';
import { EvidenceBlock, EvidenceForms } from './evidence.tsx';
import type { EvidenceWithUploader } from '../src/db/evidence.ts';
import { GlossarySection, LevelGuide } from './glossary.tsx';

const q = t.questionnaire;

/** The id of the theme form: buttons outside it (tabs, pager) submit it with `form=`. */
export const THEME_FORM_ID = 'theme-form';

/** Where a no-JavaScript navigation button goes after saving: `goto` values the route understands. */
export const gotoTheme = (slug: string) => `theme:${slug}`;
export const GOTO_OVERVIEW = 'overview';
export const GOTO_ORGANISATION = 'organisation';

export interface ThemePageProps {
  csrf: string;
  org: { id: string; name: string };
  diagnostic: DiagnosticRow;
  theme: Theme;
  themes: readonly { slug: string; title: string }[];
  groups: { criterion: Criterion; states: QuestionState[] }[];
  progress: Progress;
  editable: boolean;
  readOnlyMessage?: string;
  /** Questions whose save was refused (error or conflict), for the summary at the top. */
  problems?: { code: string; message: string }[];
  /** Federation module: remarks beside the theme and each question, forms for reviewers. */
  review?: ReviewView;
  /** Evidence files of the theme's answers, and what an upload may take. */
  evidence: { byQuestion: ReadonlyMap<string, readonly EvidenceWithUploader[]>; maxFileBytes: number; usage: { used: number; quota: number } };
  /** A confirmation of this theme's carried-over answers that can still be undone. */
  undo?: { eventId: number; count: number };
  /** The referential version's glossary and guide to choosing a level, when it has them. */
  glossary?: readonly GlossaryTerm[];
  levelGuide?: Guide;
}

/** What is left in a theme, on its tab and its overview card: « 3 restantes », « 2 à confirmer » or ✓. */
export function ThemeLeft({ tp, id, oob }: { tp: Pick<ThemeCounts, 'applicable' | 'answered' | 'prefilled'>; id?: string; oob?: boolean }) {
  const left = themeLeft(tp);
  const swap = oob ? 'true' : undefined;
  if (left.kind === 'done') {
    return (
      <span class="theme-left theme-left--done" id={id} hx-swap-oob={swap}>
        <span aria-hidden="true">✓</span>
        <span class="visually-hidden"> ({q.themeDone})</span>
      </span>
    );
  }
  return (
    <span class={left.kind === 'confirm' ? 'theme-left theme-left--confirm' : 'theme-left'} id={id} hx-swap-oob={swap}>
      <span aria-hidden="true">{left.kind === 'open' ? q.themeLeft(left.n) : q.themeToConfirm(left.n)}</span>
      <span class="visually-hidden"> ({left.kind === 'open' ? q.themeLeftLong(left.n) : q.themeToConfirmLong(left.n)})</span>
    </span>
  );
}

/** The id of a theme tab's count, swapped out of band when an autosave changes it. */
export const themeLeftId = (slug: string) => `tab-left-${slug}`;

export function ThemeNav({ diagnosticId, themes, current, progress, asButtons }: { diagnosticId: string; themes: ThemePageProps['themes']; current: string; progress?: Progress; asButtons?: boolean }) {
  const counts = new Map(progress?.themes.map((x) => [x.slug, x]));
  return (
    <nav aria-label={q.themeNav} class={asButtons ? 'no-js-only' : progress ? 'js-only' : undefined}>
      <ul class="theme-nav">
        {themes.map((th) => {
          const tp = counts.get(th.slug);
          const label = (
            <>
              {th.title}
              {tp && (
                <>
                  {' '}
                  <ThemeLeft tp={tp} id={asButtons ? undefined : themeLeftId(th.slug)} />
                </>
              )}
            </>
          );
          return (
            <li>
              {asButtons ? (
                <button type="submit" form={THEME_FORM_ID} name="goto" value={gotoTheme(th.slug)} class="theme-nav__button" aria-current={th.slug === current ? 'page' : undefined}>
                  {label}
                </button>
              ) : (
                <a href={themeUrl(diagnosticId, th.slug)} aria-current={th.slug === current ? 'page' : undefined}>
                  {label}
                </a>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function Breadcrumb({ p, asButtons }: { p: ThemePageProps; asButtons?: boolean }) {
  const id = p.diagnostic.id;
  if (asButtons) {
    return (
      <p class="breadcrumb no-js-only">
        <button type="submit" form={THEME_FORM_ID} name="goto" value={GOTO_ORGANISATION} class="button--link">
          {p.org.name}
        </button>{' '}
        ›{' '}
        <button type="submit" form={THEME_FORM_ID} name="goto" value={GOTO_OVERVIEW} class="button--link">
          {q.diagnosticOf(p.diagnostic.createdAt)}
        </button>
      </p>
    );
  }
  return (
    <p class={p.editable ? 'breadcrumb js-only' : 'breadcrumb'}>
      <a href={organisationUrl(p.org.id)}>{p.org.name}</a> › <a href={diagnosticUrl(id)}>{q.diagnosticOf(p.diagnostic.createdAt)}</a>
    </p>
  );
}

function Pager({ p, asButtons }: { p: ThemePageProps; asButtons?: boolean }) {
  const id = p.diagnostic.id;
  const index = p.themes.findIndex((x) => x.slug === p.theme.slug);
  const prev = p.themes[index - 1];
  const next = p.themes[index + 1];
  if (asButtons) {
    return (
      <nav class="theme-pager no-print no-js-only" aria-label={q.themePager}>
        {prev && (
          <button type="submit" form={THEME_FORM_ID} name="goto" value={gotoTheme(prev.slug)} class="button--link">
            ← {q.prevTheme(prev.title)}
          </button>
        )}
        <button type="submit" form={THEME_FORM_ID} name="goto" value={GOTO_OVERVIEW} class="button--link">
          {q.backToOverview}
        </button>
        {next && (
          <button type="submit" form={THEME_FORM_ID} name="goto" value={gotoTheme(next.slug)} class="button--link">
            {q.nextTheme(next.title)} →
          </button>
        )}
      </nav>
    );
  }
  return (
    <nav class={p.editable ? 'theme-pager no-print js-only' : 'theme-pager no-print'} aria-label={q.themePager}>
      {prev && <a href={themeUrl(id, prev.slug)}>← {q.prevTheme(prev.title)}</a>}
      <a href={diagnosticUrl(id)}>{q.backToOverview}</a>
      {next && <a href={themeUrl(id, next.slug)}>{q.nextTheme(next.title)} →</a>}
    </nav>
  );
}

/** Confirming every carried-over answer of the theme at once, or undoing the confirmation just made. */
function PrefilledPanel({ p, tp }: { p: ThemePageProps; tp: ThemeCounts }) {
  if (p.undo) {
    return (
      <div class="notice prefill-panel" id="prefill-panel" tabindex={-1} data-autofocus="">
        <p>{q.confirmedPrefilledUndo(p.undo.count)}</p>
        <button type="submit" form={THEME_FORM_ID} name="undoConfirm" value={String(p.undo.eventId)} class="button button--secondary">
          {q.undoConfirm}
        </button>
      </div>
    );
  }
  const from = p.groups.flatMap((g) => g.states).find((s) => s.stored?.prefilledFrom)?.stored?.prefilledFrom;
  if (!tp.prefilled || !from) return null;
  return (
    <div class="notice prefill-panel" id="prefill-panel">
      <p>{q.confirmPrefilledIntro(tp.prefilled, from)}</p>
      <button type="submit" form={THEME_FORM_ID} name="confirmPrefilled" value="1" class="button button--secondary">
        {q.confirmPrefilledButton(tp.prefilled)}
      </button>
    </div>
  );
}

export function ThemePage(p: ThemePageProps) {
  const id = p.diagnostic.id;
  const tp = p.progress.themes.find((x) => x.slug === p.theme.slug)!;
  const index = p.themes.findIndex((x) => x.slug === p.theme.slug);
  const next = p.themes[index + 1];
  const place = { diagnosticId: id, editable: p.editable, glossary: p.glossary };
  const terms = termsUsed(
    p.groups.flatMap((g) => g.states.flatMap((s) => [s.question.text, s.question.help])),
    p.glossary,
  );
  return (
    <section class="questionnaire">
      {p.editable && (
        // Enter on a radio button submits the form with its default button, the first submit
        // button in tree order: this one, a plain save, rather than a navigation or a confirmation.
        <button type="submit" form={THEME_FORM_ID} class="default-submit" tabindex={-1} aria-hidden="true">
          {q.saveTheme}
        </button>
      )}
      <Breadcrumb p={p} />
      {p.editable && <Breadcrumb p={p} asButtons />}
      <h1>{q.themeTitle(p.theme.title)}</h1>
      <p class="print-only">
        {p.org.name} — {q.diagnosticOf(p.diagnostic.createdAt)}
      </p>
      <ThemeNav diagnosticId={id} themes={p.themes} current={p.theme.slug} progress={p.editable ? p.progress : undefined} />
      {p.editable && <ThemeNav diagnosticId={id} themes={p.themes} current={p.theme.slug} progress={p.progress} asButtons />}
      <p class="lead">{p.theme.description}</p>
      {p.review && <ReviewComments review={p.review} kind="theme" target={p.theme.slug} heading={p.theme.title} back={themeUrl(id, p.theme.slug)} />}
      {p.readOnlyMessage && (
        <p class="notice" role="status">
          {p.readOnlyMessage}
        </p>
      )}
      {p.problems && p.problems.length > 0 && (
        <div class="error-summary" role="alert" tabindex={-1}>
          <h2>{q.themeProblems}</h2>
          <p>{q.themeProblemsHint}</p>
          <ul>
            {p.problems.map((x) => (
              <li>
                {x.code ? (
                  <a href={`#q-${domId(x.code)}`}>
                    {x.code} : {x.message}
                  </a>
                ) : (
                  x.message
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="progress-group no-print">
        <ProgressBar slug={p.theme.slug} caption={p.theme.title} answered={tp.answered} applicable={tp.applicable} prefilled={tp.prefilled} />
        <ProgressBar caption={q.progressOverall} answered={p.progress.answered} applicable={p.progress.applicable} prefilled={p.progress.prefilled} />
      </div>
      <LevelGuide guide={p.levelGuide} />
      {p.editable && (
        <>
          <p class="hint">{q.themeIntroHint}</p>
          <p class="hint js-only no-print">{q.autosaveHint}</p>
          <p class="hint no-js-only no-print">{q.noJsHint}</p>
          <p class="hint no-print">{q.printHint}</p>
          <PrefilledPanel p={p} tp={tp} />
        </>
      )}
      <form method="post" action={themeUrl(id, p.theme.slug)} class="questionnaire-form" id={THEME_FORM_ID} novalidate data-leave-warning={p.editable ? q.leaveWarning : undefined}>
        <CsrfField token={p.csrf} />
        {p.groups.map((g) => (
          <section class="criterion" aria-labelledby={`cr-${domId(g.criterion.code)}`}>
            <h2 id={`cr-${domId(g.criterion.code)}`}>{q.criterion(g.criterion.code, g.criterion.title)}</h2>
            {g.criterion.description && <p class="criterion__description">{g.criterion.description}</p>}
            {g.states.map((s) => (
              <>
                <QuestionBlock place={place} s={s} />
                <EvidenceBlock
                  diagnosticId={id}
                  code={s.question.code}
                  files={p.evidence.byQuestion.get(s.question.code) ?? []}
                  editable={p.editable}
                  csrf={p.csrf}
                  maxFileBytes={p.evidence.maxFileBytes}
                  usage={p.evidence.usage}
                />
                {p.review && <ReviewComments review={p.review} kind="question" target={s.question.code} back={themeUrl(id, p.theme.slug)} detached />}
              </>
            ))}
          </section>
        ))}
        {p.editable && (
          <div class="save-row no-js-only no-print">
            <p class="hint" id="save-continue-hint">
              {q.saveAndContinueHint(next?.title ?? null)}
            </p>
            <p class="actions-row">
              <button type="submit" class="button" name="goto" value={next ? gotoTheme(next.slug) : GOTO_OVERVIEW} aria-describedby="save-continue-hint">
                {q.saveAndContinue}
              </button>
              <button type="submit" class="button button--secondary">
                {q.saveTheme}
              </button>
            </p>
          </div>
        )}
      </form>
      {p.editable && <EvidenceForms diagnosticId={id} codes={p.groups.flatMap((g) => g.states.map((s) => s.question.code))} csrf={p.csrf} />}
      <GlossarySection terms={terms} />
      {p.review && <DetachedCommentForms review={p.review} targets={p.groups.flatMap((g) => g.states.map((s) => ({ kind: 'question' as const, target: s.question.code })))} back={themeUrl(id, p.theme.slug)} />}
      <Pager p={p} />
      {p.editable && <Pager p={p} asButtons />}
      {p.editable && <script src="/static/questionnaire.js" defer></script>}
      {p.editable && <script src="/static/evidence.js" defer></script>}
    </section>
  );
}
