// A theme of the questionnaire: its criteria and the questions that apply to the structure, in one
// form (the no-JavaScript path posts the whole theme), each question autosaving with htmx.
import { t } from '../src/i18n/index.ts';
import type { Criterion, Theme } from '../src/referential/schema.ts';
import type { DiagnosticRow } from '../src/db/diagnostics.ts';
import type { Progress } from '../src/questionnaire/progress.ts';
import { domId } from '../src/questionnaire/progress.ts';
import { themeUrl } from '../src/web/urls.ts';
import { CsrfField } from './forms.tsx';
import { ProgressBar } from './diagnostic-progress.tsx';
import { QuestionBlock, type QuestionState } from './diagnostic-question.tsx';
import { DetachedCommentForms, ReviewComments, type ReviewView } from './review.tsx';
import { EvidenceBlock, EvidenceForms } from './evidence.tsx';
import type { EvidenceWithUploader } from '../src/db/evidence.ts';

const q = t.questionnaire;

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
}

export function ThemeNav({ diagnosticId, themes, current }: { diagnosticId: string; themes: ThemePageProps['themes']; current: string }) {
  return (
    <nav aria-label={q.themeNav}>
      <ul class="theme-nav">
        {themes.map((th) => (
          <li>
            <a href={themeUrl(diagnosticId, th.slug)} aria-current={th.slug === current ? 'page' : undefined}>
              {th.title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function ThemePage(p: ThemePageProps) {
  const id = p.diagnostic.id;
  const tp = p.progress.themes.find((x) => x.slug === p.theme.slug)!;
  const index = p.themes.findIndex((x) => x.slug === p.theme.slug);
  const prev = p.themes[index - 1];
  const next = p.themes[index + 1];
  const place = { diagnosticId: id, editable: p.editable };
  return (
    <section class="questionnaire">
      <p class="breadcrumb">
        <a href={`/organisations/${p.org.id}`}>{p.org.name}</a> › <a href={`/diagnostics/${id}`}>{q.diagnosticOf(p.diagnostic.createdAt)}</a>
      </p>
      <h1>{q.themeTitle(p.theme.title)}</h1>
      <p class="print-only">
        {p.org.name} — {q.diagnosticOf(p.diagnostic.createdAt)}
      </p>
      <ThemeNav diagnosticId={id} themes={p.themes} current={p.theme.slug} />
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
      {p.editable && (
        <>
          <p class="hint">{q.themeIntroHint}</p>
          <p class="hint js-only no-print">{q.autosaveHint}</p>
          <p class="hint no-print">{q.printHint}</p>
        </>
      )}
      <form method="post" action={themeUrl(id, p.theme.slug)} class="questionnaire-form" novalidate>
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
          <p class="actions-row no-js-only">
            <button type="submit" class="button">
              {q.saveTheme}
            </button>
          </p>
        )}
      </form>
      {p.editable && <EvidenceForms diagnosticId={id} codes={p.groups.flatMap((g) => g.states.map((s) => s.question.code))} csrf={p.csrf} />}
      {p.review && <DetachedCommentForms review={p.review} targets={p.groups.flatMap((g) => g.states.map((s) => ({ kind: 'question' as const, target: s.question.code })))} back={themeUrl(id, p.theme.slug)} />}
      <nav class="theme-pager no-print" aria-label={q.themePager}>
        {prev && <a href={themeUrl(id, prev.slug)}>← {q.prevTheme(prev.title)}</a>}
        <a href={`/diagnostics/${id}`}>{q.backToOverview}</a>
        {next && <a href={themeUrl(id, next.slug)}>{q.nextTheme(next.title)} →</a>}
      </nav>
      {p.editable && <script src="/static/questionnaire.js" defer></script>}
      {p.editable && <script src="/static/evidence.js" defer></script>}
    </section>
  );
}
