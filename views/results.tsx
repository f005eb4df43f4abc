// The results page: where the structure stands (overall, themes, criteria, questions), how far it
// is from ISO 9001 and an RSE label, how it moved since its previous diagnostic, and how it
// compares with similar structures. Every percentage says what it counts and links to its questions.
import type { Child } from 'hono/jsx';
import { t } from '../src/i18n/index.ts';
import type { DiagnosticRow } from '../src/db/diagnostics.ts';
import type { Organisation } from '../src/db/organisations.ts';
import type { Benchmark, BenchmarkGroup } from '../src/db/peers.ts';
import type { Comparison, Coverage, DiagnosticScores, QuestionComparison, QuestionScore, ThemeScore } from '../src/scoring/index.ts';
import { strengths, strengthsAndWeaknesses } from '../src/scoring/highlights.ts';
import { PRIORITY_LABELS, type Priority } from '../src/plan/types.ts';
import { iso9001Url, planUrl, questionUrl as questionHref, themeUrl as themeHref } from '../src/web/urls.ts';
import { RadarChart, RadarTable } from './radar.tsx';
import { TableRegion } from './table.tsx';

const r = t.results;

export interface ResultsPageProps {
  diagnostic: DiagnosticRow;
  organisation: Organisation;
  referentialLabel: string;
  scores: DiagnosticScores;
  /** `previousLabel`: the previous diagnostic's referential version, when it was another one. */
  comparison: { previous: DiagnosticRow; previousLabel: string | null; result: Comparison } | null;
  benchmark: Benchmark;
  /** Set once a consultant has validated the diagnostic. */
  validation: { name: string; at: string } | null;
  /** Federation module: the consultant's review comments, shown in their own section when given. */
  reviewComments?: Child;
  /** « Actions faites → progrès constatés », when there is an earlier diagnostic (id="progres"). */
  progress?: Child;
  /** The plan's first three priorities. */
  priorities: readonly { title: string; priority: string; quickWin: boolean }[];
  /** Set while the diagnostic is still open: its results are provisional. */
  provisional: { toConfirm: number } | null;
}

/** The peers' averages drawn on the radar and the bars: the region's when shown, else the nation's. */
function reference(b: Benchmark): { label: string; group: BenchmarkGroup } | null {
  const group = b.regional.shown ? b.regional : b.national.shown ? b.national : null;
  return group ? { label: groupHeading(group), group } : null;
}

function ScoreBar({ score, peer }: { score: number | null; peer?: { label: string; score: number | null } | null }) {
  const width = score === null ? 0 : Math.max(0, Math.min(100, score));
  const mark = peer && peer.score !== null ? Math.max(0, Math.min(100, peer.score)) : null;
  return (
    <div class="progress">
      <span class="progress__bar" aria-hidden="true">
        <span class="progress__fill" style={`width: ${width.toFixed(1)}%`}></span>
        {mark !== null && <span class="progress__peer" style={`left: ${mark.toFixed(1)}%`}></span>}
      </span>
      <span class="progress__label">
        {score === null ? r.noScore : r.pct(score)}
        {peer && peer.score !== null && <span class="progress__peer-label">{r.peersOnBar(peer.label, r.pct(peer.score))}</span>}
      </span>
    </div>
  );
}

function CoverageText({ coverage }: { coverage: Coverage }) {
  return <span class="results-coverage">{r.coverage(coverage)}</span>;
}

function QuestionLink({ diagnosticId, q }: { diagnosticId: string; q: Pick<QuestionScore, 'code' | 'themeSlug'> }) {
  return (
    <a href={questionHref(diagnosticId, q.themeSlug, q.code)} class="question__code">
      {q.code}
    </a>
  );
}

function QuestionItem({ diagnosticId, q }: { diagnosticId: string; q: QuestionScore }) {
  return (
    <li>
      <QuestionLink diagnosticId={diagnosticId} q={q} /> {q.text}{' '}
      {typeof q.level === 'number' && <span class="muted">({r.levelOf(q.level)})</span>}
    </li>
  );
}

function CodeLinks({ diagnosticId, codes, themeOf }: { diagnosticId: string; codes: readonly string[]; themeOf: Map<string, string> }) {
  if (codes.length === 0) return <span class="muted">{r.noQuestions}</span>;
  return (
    <span class="results-codes">
      {codes.map((code, i) => (
        <>
          {i > 0 && ', '}
          <a href={questionHref(diagnosticId, themeOf.get(code) ?? '', code)}>{code}</a>
        </>
      ))}
    </span>
  );
}

/** Legal obligations listed in « L’essentiel » on a phone; the rest are in their own section. */
const LEGAL_SHOWN_ON_PHONE = 3;

function Essentials(p: ResultsPageProps) {
  const { diagnostic, scores } = p;
  const top = strengths(scores.questions, 3);
  const ref = reference(p.benchmark);
  return (
    <section aria-labelledby="synthese" class="results-essentials">
      <h2 id="synthese">{r.summaryTitle}</h2>
      <div class="results-grid">
        <div class="panel results-score">
          <h3>{r.overallLabel}</h3>
          {scores.overall === null ? (
            <p>{r.noOverall}</p>
          ) : (
            <>
              <p class="results-overall">
                <span class="score-big">{r.pct(scores.overall)}</span>
                {p.provisional && <span class="badge badge--warn results-provisional">{r.provisional}</span>}
              </p>
              <ScoreBar score={scores.overall} peer={ref ? { label: ref.label, score: ref.group.overall } : null} />
            </>
          )}
          {scores.band && (
            <p class="results-band">
              {r.bandLabel} : <strong class="badge badge--brand results-band__label">{scores.band.label}</strong> {scores.band.description}
            </p>
          )}
          <p class="hint">
            <CoverageText coverage={scores.coverage} />.
          </p>
        </div>
        <div class="panel">
          <h3>{r.strengthsTitle}</h3>
          {top.length ? (
            <ol class="results-list results-list--strong">
              {top.map((q) => (
                <QuestionItem diagnosticId={diagnostic.id} q={q} />
              ))}
            </ol>
          ) : (
            <p class="muted">{r.strengthsNone}</p>
          )}
        </div>
        <div class="panel">
          <h3>{r.prioritiesTitle}</h3>
          {p.priorities.length ? (
            <ol class="results-list">
              {p.priorities.map((a) => (
                <li>
                  {a.title}{' '}
                  <span class={a.priority === 'obligation' ? 'badge badge--danger' : 'badge badge--muted'}>{PRIORITY_LABELS[a.priority as Priority] ?? a.priority}</span>
                </li>
              ))}
            </ol>
          ) : (
            <p class="muted">{r.prioritiesNone}</p>
          )}
          <p>
            <a href={planUrl(diagnostic.id)}>{r.prioritiesLink}</a>
          </p>
        </div>
        <div class="panel results-legal">
          <h3>{r.legalSummaryTitle}</h3>
          {scores.legalFlags.length ? (
            <>
              <p>{r.legalCount(scores.legalFlags.length)}</p>
              {/* On a phone only the first few show (CSS): the section « Obligations légales à
                  sécuriser » below lists them all with their levels, and the link leads there. */}
              <ul class="results-list">
                {scores.legalFlags.map((q, i) => (
                  <li class={i >= LEGAL_SHOWN_ON_PHONE ? 'results-legal__more' : undefined}>
                    <QuestionLink diagnosticId={diagnostic.id} q={q} /> {q.text}
                  </li>
                ))}
              </ul>
              <p>
                <a href="#obligations">{r.legalAll(scores.legalFlags.length)}</a>
              </p>
            </>
          ) : (
            <p>{r.legalNone}</p>
          )}
        </div>
      </div>
      <div class="results-grid">
        <div class="panel results-radar">
          <h3 id="profil">{r.radarTitle}</h3>
          <RadarChart
            items={scores.themes.map((th) => ({ label: th.title, value: th.score }))}
            reference={ref ? { label: r.peersReference(ref.label), values: scores.themes.map((th) => ref.group.themes[th.slug] ?? null) } : null}
          />
          {ref && (
            <p class="radar-legend" aria-hidden="true">
              <span class="radar-legend__you">{r.radarLegendYou}</span> <span class="radar-legend__peers">{ref.label}</span>
            </p>
          )}
          <RadarTable
            rows={scores.themes.map((th) => ({ label: th.title, value: th.score, reference: ref ? (ref.group.themes[th.slug] ?? null) : undefined, href: themeHref(diagnostic.id, th.slug), detail: <CoverageText coverage={th.coverage} /> }))}
            referenceLabel={ref?.label}
          />
        </div>
        <nav class="panel results-links" aria-labelledby="results-links-title">
          <h3 id="results-links-title">{r.detailsTitle}</h3>
          <ul>
            <li><a href="#themes">{r.themesTitle}</a></li>
            <li><a href="#obligations">{r.legalTitle}</a></li>
            <li><a href="#preparation">{r.readinessTitle}</a></li>
            <li><a href="#evolution">{r.comparisonTitle}</a></li>
            {p.progress && <li><a href="#progres">{t.certification.progress.title}</a></li>}
            <li><a href="#comparaison">{r.benchmarkTitle}</a></li>
          </ul>
          <p class="hint">
            {r.scoreRule} {r.coverageNote}
          </p>
        </nav>
      </div>
    </section>
  );
}

function ThemeResults({ diagnosticId, theme, peer }: { diagnosticId: string; theme: ThemeScore; peer: { label: string; score: number | null } | null }) {
  const { strongest, weakest } = strengthsAndWeaknesses(theme);
  const headingId = `theme-${theme.slug}`;
  return (
    <section class="panel results-theme" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <a href={themeHref(diagnosticId, theme.slug)}>{theme.title}</a>{' '}
        {!theme.complete && <span class="badge badge--warn">{r.themeIncomplete}</span>}
      </h3>
      <ScoreBar score={theme.score} peer={peer} />
      <p class="hint">
        <CoverageText coverage={theme.coverage} />
      </p>
      <details class="results-details">
        <summary>{r.criteriaDetails(theme.title)}</summary>
      <TableRegion label={r.criteriaOf(theme.title)}>
        <table class="stack">
          <caption class="visually-hidden">{r.criteriaOf(theme.title)}</caption>
          <thead>
            <tr>
              <th scope="col">{r.criterion}</th>
              <th scope="col">{r.score}</th>
              <th scope="col">{r.coverageCol}</th>
            </tr>
          </thead>
          <tbody>
            {theme.criteria.map((c) => (
              <tr>
                <th scope="row">
                  <span class="question__code">{c.code}</span> {c.title}
                </th>
                <td class="results-bar-cell" data-label={r.score}>
                  <ScoreBar score={c.score} />
                </td>
                <td data-label={r.coverageCol}>
                  <CoverageText coverage={c.coverage} />
                  {c.questions.length > 0 && (
                    <>
                      {' — '}
                      <CodeLinks diagnosticId={diagnosticId} codes={c.questions.map((q) => q.code)} themeOf={new Map(c.questions.map((q) => [q.code, q.themeSlug]))} />
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      </details>
      <div class="results-sw">
        <div>
          <h4>{r.strongest}</h4>
          {strongest.length === 0 ? (
            <p class="muted">{r.noStrongest}</p>
          ) : (
            <ol class="results-list results-list--strong">
              {strongest.map((q) => (
                <QuestionItem diagnosticId={diagnosticId} q={q} />
              ))}
            </ol>
          )}
        </div>
        <div>
          <h4>{r.weakest}</h4>
          {weakest.length === 0 ? (
            <p class="muted">{r.noWeakest}</p>
          ) : (
            <ol class="results-list results-list--weak">
              {weakest.map((q) => (
                <QuestionItem diagnosticId={diagnosticId} q={q} />
              ))}
            </ol>
          )}
        </div>
      </div>
    </section>
  );
}

function LegalAndCoverage({ diagnosticId, scores }: { diagnosticId: string; scores: DiagnosticScores }) {
  return (
    <>
      <section aria-labelledby="obligations">
        <h2 id="obligations">{r.legalTitle}</h2>
        {scores.legalFlags.length === 0 ? (
          <p>{r.legalNone}</p>
        ) : (
          <div class="notice">
            <p>{r.legalIntro}</p>
            <ul class="results-list">
              {scores.legalFlags.map((q) => (
                <li>
                  <QuestionLink diagnosticId={diagnosticId} q={q} /> {q.text}{' '}
                  {typeof q.level === 'number' && <span class="muted">({r.legalLevel(q.level, q.complianceLevel)})</span>}
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
      <section aria-labelledby="sans-reponse">
        <h2 id="sans-reponse">{r.coverageTitle}</h2>
        {scores.unanswered.length === 0 ? (
          <p>{r.allAnswered}</p>
        ) : (
          <details class="results-details">
            <summary>{r.unansweredIntro(scores.unanswered.length)}</summary>
            <ul class="results-list">
              {scores.unanswered.map((q) => (
                <li>
                  <QuestionLink diagnosticId={diagnosticId} q={q} /> {q.text}
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>
    </>
  );
}

function Readiness({ diagnosticId, scores }: { diagnosticId: string; scores: DiagnosticScores }) {
  const themeOf = new Map(scores.questions.map((q) => [q.code, q.themeSlug as string]));
  return (
    <section aria-labelledby="preparation">
      <h2 id="preparation">{r.readinessTitle}</h2>
      <p>
        <strong>{scores.rse.level && scores.rse.points !== null ? r.rseOverall(Math.round(scores.rse.points).toLocaleString('fr-FR'), scores.rse.level.label) : r.rseOverallNone}</strong>
      </p>
      <details class="results-details">
        <summary>{r.readinessOpen}</summary>
      <p class="notice">{r.readinessDisclaimer}</p>
      <p class="no-print">
        <a href={iso9001Url(diagnosticId)}>{t.certification.iso.link}</a> — {t.certification.iso.linkHint}
      </p>
      <h3>{r.isoTitle}</h3>
      <TableRegion label={r.isoTitle}>
        <table class="results-readiness stack">
          <caption class="visually-hidden">{r.isoTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{r.isoGroup}</th>
              <th scope="col">{r.score}</th>
              <th scope="col">{r.coverageCol}</th>
              <th scope="col">{r.questionsBehind}</th>
            </tr>
          </thead>
          <tbody>
            {scores.iso9001.map((g) => (
              <tr>
                <th scope="row">{r.isoGroupLabel(g.group, g.label)}</th>
                <td class="results-bar-cell" data-label={r.score}>
                  <ScoreBar score={g.score} />
                </td>
                <td data-label={r.coverageCol}>
                  <CoverageText coverage={g.coverage} />
                </td>
                <td data-label={r.questionsBehind}>
                  <CodeLinks diagnosticId={diagnosticId} codes={g.questions} themeOf={themeOf} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <h3>{r.rseTitle}</h3>
      {scores.rse.level && <p>{scores.rse.level.description}</p>}
      <TableRegion label={r.rseTitle}>
        <table class="results-readiness stack">
          <caption class="visually-hidden">{r.rseTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{r.rseSubject}</th>
              <th scope="col">{r.score}</th>
              <th scope="col">{r.rseLevel}</th>
              <th scope="col">{r.questionsBehind}</th>
            </tr>
          </thead>
          <tbody>
            {scores.iso26000.map((s) => (
              <tr>
                <th scope="row">{s.label}</th>
                <td class="results-bar-cell" data-label={r.score}>
                  <ScoreBar score={s.score} />
                  <span class="hint">
                    <CoverageText coverage={s.coverage} />
                  </span>
                </td>
                <td data-label={r.rseLevel}>{s.rseLevel ? s.rseLevel.label : <span class="muted">{r.noScore}</span>}</td>
                <td data-label={r.questionsBehind}>
                  <CodeLinks diagnosticId={diagnosticId} codes={s.questions} themeOf={themeOf} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <p class="hint">{r.rseScale}</p>
      </details>
    </section>
  );
}

function Trend({ trend, delta }: { trend: string; delta: number | null }) {
  return (
    <span class={`trend-${trend === 'n/a' ? 'same' : trend}`}>
      <span aria-hidden="true">{r.trendSymbol[trend]} </span>
      {delta === null ? r.trend[trend] : trend === 'same' ? r.trend.same : r.delta(delta)}
    </span>
  );
}

function QuestionTrendList({ diagnosticId, items, themeOf }: { diagnosticId: string; items: QuestionComparison[]; themeOf: Map<string, string> }) {
  if (items.length === 0) return <p class="muted">{r.noneInList}</p>;
  return (
    <ul class="results-list">
      {items.map((q) => (
        <li>
          <a class="question__code" href={questionHref(diagnosticId, themeOf.get(q.code) ?? '', q.code)}>
            {q.code}
          </a>{' '}
          {q.text} <span class={`trend-${q.trend}`}>({r.levelChange(q.before, q.after)})</span>
          {q.from && <span class="muted"> {r.formerCodes(q.from)}</span>}
        </li>
      ))}
    </ul>
  );
}

/** Question trend lists longer than this start folded. */
const OPEN_LIST_MAX = 12;

function ComparisonSection({ diagnosticId, scores, comparison }: { diagnosticId: string; scores: DiagnosticScores; comparison: ResultsPageProps['comparison'] }) {
  const themeOf = new Map(scores.questions.map((q) => [q.code, q.themeSlug as string]));
  return (
    <section aria-labelledby="evolution">
      <h2 id="evolution">{r.comparisonTitle}</h2>
      {!comparison ? (
        <p>{r.comparisonNone}</p>
      ) : (
        <>
          <p>{r.comparisonIntro(r.date(comparison.previous.createdAt))}</p>
          {comparison.previousLabel && (
            <p class="hint">
              {comparison.result.acrossVersions ? r.comparisonAcross(comparison.previousLabel, comparison.result.newQuestions) : r.comparisonOtherVersion(comparison.previousLabel)}
            </p>
          )}
          <TableRegion label={r.comparisonTitle}>
            <table class="stack">
              <caption class="visually-hidden">{r.comparisonTitle}</caption>
              <thead>
                <tr>
                  <th scope="col">{r.theme}</th>
                  <th scope="col" class="num">
                    {r.before}
                  </th>
                  <th scope="col" class="num">
                    {r.after}
                  </th>
                  <th scope="col">{r.evolution}</th>
                </tr>
              </thead>
              <tbody>
                {[{ title: r.overallRow, ...comparison.result.overall }, ...comparison.result.themes].map((row) => (
                  <tr>
                    <th scope="row">{row.title}</th>
                    <td class="num" data-label={r.before}>
                      {row.before === null ? r.noScore : r.pct(row.before)}
                    </td>
                    <td class="num" data-label={r.after}>
                      {row.after === null ? r.noScore : r.pct(row.after)}
                    </td>
                    <td data-label={r.evolution}>
                      <Trend trend={row.trend} delta={row.delta} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
          <p>{r.questionCounts(comparison.result.counts)}</p>
          {(['up', 'down', 'same'] as const).map((trend) => {
            const items = comparison.result.questions.filter((q) => q.trend === trend);
            // Short lists open; long ones (a first re-assessment can move most answers) stay folded.
            return (
              <details class="results-details" open={trend !== 'same' && items.length > 0 && items.length <= OPEN_LIST_MAX}>
                <summary>{r.questionsTrend[trend](items.length)}</summary>
                <QuestionTrendList diagnosticId={diagnosticId} items={items} themeOf={themeOf} />
              </details>
            );
          })}
        </>
      )}
    </section>
  );
}

function groupHeading(g: BenchmarkGroup): string {
  return g.scope === 'national' ? r.benchmarkNational : r.benchmarkRegional(g.region ?? '');
}

function hiddenSentence(g: BenchmarkGroup, min: number): string {
  const scope = g.scope === 'national' ? r.benchmarkScopeNational : r.benchmarkScopeRegional(g.region ?? '');
  return r.benchmarkHidden(scope, g.peers, min);
}

function BenchmarkSection({ scores, benchmark }: { scores: DiagnosticScores; benchmark: Benchmark }) {
  const groups = [benchmark.national, benchmark.regional];
  const shown = groups.filter((g) => g.shown);
  const hidden = groups.filter((g) => !g.shown);
  const cell = (v: number | null) => (v === null ? r.noScore : r.pct(v));
  return (
    <section aria-labelledby="comparaison">
      <h2 id="comparaison">{r.benchmarkTitle}</h2>
      <p>{r.benchmarkIntro(benchmark.types.join(', '))}</p>
      {shown.length > 0 && (
        <TableRegion label={r.benchmarkTitle}>
          <table class="results-benchmark stack">
            <caption class="visually-hidden">{r.benchmarkTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{r.theme}</th>
                <th scope="col" class="num">
                  {r.benchmarkYou}
                </th>
                {shown.map((g) => (
                  <th scope="col" class="num">
                    {groupHeading(g)}
                    <br />
                    <span class="muted">{r.benchmarkPeers(g.peers)}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{r.overallRow}</th>
                <td class="num" data-label={r.benchmarkYou}>
                  {cell(scores.overall)}
                </td>
                {shown.map((g) => (
                  <td class="num" data-label={groupHeading(g)}>
                    {cell(g.overall)}
                  </td>
                ))}
              </tr>
              {scores.themes.map((th) => (
                <tr>
                  <th scope="row">{th.title}</th>
                  <td class="num" data-label={r.benchmarkYou}>
                    {cell(th.score)}
                  </td>
                  {shown.map((g) => (
                    <td class="num" data-label={groupHeading(g)}>
                      {cell(g.themes[th.slug])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {hidden.map((g) => (
        <p class="results-benchmark-hidden">{hiddenSentence(g, benchmark.minPeers)}</p>
      ))}
    </section>
  );
}

export function ResultsPage(p: ResultsPageProps) {
  const { diagnostic: d, organisation: org, scores } = p;
  const completeThemes = scores.themes.filter((th) => th.complete && th.coverage.applicable > 0).length;
  const ref = reference(p.benchmark);
  return (
    <article class="results">
      <p class="breadcrumb">
        <a href={`/organisations/${org.id}`}>{org.name}</a> › <a href={`/diagnostics/${d.id}`}>{r.breadcrumbOverview}</a>
      </p>
      <h1>
        {r.titleOf(org.name)}
        {p.provisional && (
          <>
            {' '}
            <span class="badge badge--warn">{r.provisional}</span>
          </>
        )}
      </h1>
      <p class="muted">
        {r.meta(p.referentialLabel, r.date(d.createdAt))}
        {d.submittedAt && <>, {r.submittedOn(r.date(d.submittedAt))}</>}.
      </p>
      {p.provisional && (
        <div class="notice results-provisional-notice">
          <p>
            <strong>{r.provisionalTitle}.</strong> {r.provisionalExplain(p.provisional.toConfirm, scores.unanswered.length)}{' '}
            <a href={`/diagnostics/${d.id}`}>{r.toConfirmLink}</a>
          </p>
        </div>
      )}
      <p class="actions-row no-print">
        <a class="button" href={`/diagnostics/${d.id}/plan`}>{r.toPlan}</a>
        <a class="button button--secondary" href={`/diagnostics/${d.id}/plan.pdf`}>{r.toPdf}</a>
      </p>
      {p.validation && <p class="stamp">{r.validatedWith(p.validation.name, r.date(p.validation.at))}</p>}
      {scores.partial && (
        <p class="notice results-partial">
          <span class="badge badge--warn">{r.partialLabel}</span> {r.partialExplain(completeThemes, scores.themes.length)}
        </p>
      )}
      <Essentials {...p} />
      {p.reviewComments != null && p.reviewComments !== false && (
        <section aria-labelledby="remarques" class="results-review">
          <h2 id="remarques">{r.reviewTitle}</h2>
          {p.reviewComments}
        </section>
      )}
      <section aria-labelledby="themes">
        <h2 id="themes">{r.themesTitle}</h2>
        {scores.themes.map((th) => (
          <ThemeResults diagnosticId={d.id} theme={th} peer={ref ? { label: ref.label, score: ref.group.themes[th.slug] ?? null } : null} />
        ))}
      </section>
      <LegalAndCoverage diagnosticId={d.id} scores={scores} />
      <Readiness diagnosticId={d.id} scores={scores} />
      <ComparisonSection diagnosticId={d.id} scores={scores} comparison={p.comparison} />
      {p.progress}
      <BenchmarkSection scores={scores} benchmark={p.benchmark} />
    </article>
  );
}

/** Shown instead of results while no theme is complete. */
export function NoResultsYet({ diagnostic, organisation, scores }: { diagnostic: DiagnosticRow; organisation: Organisation; scores: DiagnosticScores }) {
  return (
    <article class="results">
      <p class="breadcrumb">
        <a href={`/organisations/${organisation.id}`}>{organisation.name}</a> › <a href={`/diagnostics/${diagnostic.id}`}>{r.breadcrumbOverview}</a>
      </p>
      <h1>{r.titleOf(organisation.name)}</h1>
      <div class="notice">
        <h2>{r.notYetTitle}</h2>
        <p>{r.notYet}</p>
        <p>{r.notYetProgress(scores.coverage.answered, scores.coverage.applicable)}</p>
      </div>
      <p>
        <a class="button" href={`/diagnostics/${diagnostic.id}`}>
          {r.continueLink}
        </a>
      </p>
    </article>
  );
}
