import { t } from '../src/i18n/index.ts';
import type { CurrentUser } from '../src/context.ts';
import type { Organisation } from '../src/db/organisations.ts';
import type { DiagnosticRow } from '../src/db/diagnostics.ts';
import type { ConsultantTodo, AnsweredRemark } from '../src/db/consultant-todo.ts';
import { isEditable } from '../src/diagnostics/status.ts';
import { workshopUrl } from '../src/web/urls.ts';
import { calendarDaysBetween } from '../src/dates.ts';
import type { Progress } from '../src/questionnaire/progress.ts';
import { StatusBadge } from './diagnostic-progress.tsx';
import { ContinueLink } from './diagnostic-list.tsx';

type OpenOne = { diagnostic: DiagnosticRow; progress: Progress };

/**
 * Where a member goes next for one structure: into the open diagnostic where it stopped (each of
 * them, if an old database holds several), else the latest one's results, or start.
 */
function NextStep({ org, latest, open }: { org: Organisation; latest: DiagnosticRow | undefined; open: OpenOne[] }) {
  if (open.length) {
    return (
      <>
        {open.length > 1 && <p class="notice">{t.drafts.severalOpen(open.length)}</p>}
        {open.map(({ diagnostic: d, progress }) => (
          <>
            <p>
              <a href={`/diagnostics/${d.id}`}>{t.questionnaire.diagnosticOf(d.createdAt)}</a> — <StatusBadge status={d.status} label={t.common.diagnosticStatus[d.status]} />{' '}
              <span class="muted">{t.drafts.openLine(progress.answered, progress.applicable)}</span>
            </p>
            <p class="actions-row">
              <ContinueLink diagnosticId={d.id} progress={progress} small />
              <a class="button button--small button--secondary" href={`/diagnostics/${d.id}/plan`}>
                {t.home.plan}
              </a>
            </p>
          </>
        ))}
      </>
    );
  }
  if (!latest) {
    if (!org.active) return null;
    return (
      <p>
        <a href={`/organisations/${org.id}#start-title`}>{t.home.start}</a>
      </p>
    );
  }
  const title = t.questionnaire.diagnosticOf(latest.createdAt);
  return (
    <>
      <p>
        {title} — <StatusBadge status={latest.status} label={t.common.diagnosticStatus[latest.status]} />
      </p>
      <p class="actions-row">
        <a class="button button--small" href={`/diagnostics/${latest.id}/results`}>
          {t.home.results}
        </a>
        <a class="button button--small button--secondary" href={`/diagnostics/${latest.id}/plan`}>
          {t.home.plan}
        </a>
        <a class="button button--small button--secondary" href={`/organisations/${org.id}#start-title`}>
          {t.home.startNext}
        </a>
      </p>
    </>
  );
}

const h = t.home.todo;
const daysSince = (iso: string, now: Date) => calendarDaysBetween(iso, now);

/** The « À faire » lists as the page shows them: answered remarks carry their link. */
export interface TodoView extends Omit<ConsultantTodo, 'replies'> {
  replies: { count: number; items: (AnsweredRemark & { href: string; themeTitle?: string })[] };
  /** The actor's regions; null for an admin (every region). */
  regions: string[] | null;
}

function Block(p: { id: string; title: string; count: number; shown: number; none: string; all?: { href: string; label: string }; children: unknown }) {
  return (
    <section class="todo panel" aria-labelledby={p.id}>
      <h3 id={p.id}>{p.title}</h3>
      {p.count === 0 ? (
        <p class="muted">{p.none}</p>
      ) : (
        <>
          <ul class="todo__list">{p.children}</ul>
          {p.all && (
            <p>
              <a href={p.all.href}>{p.all.label}</a>
              {p.count > p.shown && <span class="muted"> ({h.more(p.count - p.shown)})</span>}
            </p>
          )}
        </>
      )}
    </section>
  );
}

function Where({ name, href, region, showRegion }: { name: string; href: string; region: string; showRegion: boolean }) {
  return (
    <>
      <a href={href}>{name}</a>
      {showRegion && <span class="muted"> ({region})</span>}
    </>
  );
}

export function TodoSection({ todo, now }: { todo: TodoView; now: Date }) {
  const showRegion = todo.regions === null || todo.regions.length > 1;
  return (
    <section class="todo-section" aria-labelledby="todo-title">
      <h2 id="todo-title">{h.title}</h2>
      <p>{todo.regions === null ? h.introAdmin : h.introConsultant(todo.regions)}</p>
      <div class="todo-grid">
        <Block id="todo-reviews" title={h.reviews(todo.reviews.count)} count={todo.reviews.count} shown={todo.reviews.items.length} none={h.reviewsNone} all={{ href: '/federation?status=submitted&sort=pending&dir=asc', label: h.reviewsAll }}>
          {todo.reviews.items.map((r) => (
            <li>
              <Where name={r.organisationName} href={`/diagnostics/${r.diagnosticId}`} region={r.region} showRegion={showRegion} /> — {h.reviewItem(t.federation.date(r.submittedAt), daysSince(r.submittedAt, now))}
            </li>
          ))}
        </Block>
        <Block id="todo-changes" title={h.changes(todo.changes.count)} count={todo.changes.count} shown={todo.changes.items.length} none={h.changesNone} all={{ href: '/federation?status=changes_requested&sort=date&dir=asc', label: h.changesAll }}>
          {todo.changes.items.map((r) => (
            <li>
              <Where name={r.organisationName} href={`/diagnostics/${r.diagnosticId}`} region={r.region} showRegion={showRegion} /> — {h.changeItem(t.federation.date(r.requestedAt), daysSince(r.requestedAt, now))}
            </li>
          ))}
        </Block>
        <Block id="todo-stale" title={h.stale(todo.stale.count)} count={todo.stale.count} shown={todo.stale.items.length} none={h.staleNone} all={{ href: '/federation?status=stale', label: h.staleAll }}>
          {todo.stale.items.map((r) => (
            <li>
              <Where name={r.organisationName} href={`/organisations/${r.organisationId}`} region={r.region} showRegion={showRegion} /> — {h.staleItem(r.lastStartedAt ? t.federation.date(r.lastStartedAt) : null)}
            </li>
          ))}
        </Block>
        <Block id="todo-replies" title={h.replies(todo.replies.count)} count={todo.replies.count} shown={todo.replies.items.length} none={h.repliesNone}>
          {todo.replies.items.map((r) => (
            <li>
              <Where name={r.organisationName} href={r.href} region={r.region} showRegion={showRegion} /> —{' '}
              {h.replyItem(r.targetKind === 'question' ? h.replyTarget.question(r.target) : r.targetKind === 'theme' ? h.replyTarget.theme(r.themeTitle ?? r.target) : h.replyTarget.diagnostic, daysSince(r.repliedAt, now))}
              <span class="todo__excerpt">« {r.excerpt} »</span>
            </li>
          ))}
        </Block>
      </div>
      {todo.replies.count > todo.replies.items.length && <p class="hint">{h.repliesMore(todo.replies.count - todo.replies.items.length)}</p>}
    </section>
  );
}

export function HomePage({ user, orgs, latest, open = new Map(), organisationCount, todo, now }: { user: CurrentUser; orgs: Organisation[]; latest: ReadonlyMap<string, DiagnosticRow>; open?: ReadonlyMap<string, OpenOne[]>; organisationCount?: number; todo?: TodoView; now?: Date }) {
  return (
    <section>
      <h1>{t.auth.welcome(user.name)}</h1>
      <p class="lead">{t.home.intro}</p>
      {user.role === 'member' && (
        <>
          <h2>{t.home.yourOrganisations}</h2>
          {orgs.length ? (
            <ul class="cards">
              {orgs.map((o) => (
                <li class="card">
                  <a href={`/organisations/${o.id}`}>{o.name}</a>
                  {!o.active && <span class="badge badge--muted"> {t.orgs.inactive}</span>}
                  <p>{o.types.join(', ')} — {o.region}</p>
                  <NextStep org={o} latest={latest.get(o.id)} open={open.get(o.id) ?? []} />
                </li>
              ))}
            </ul>
          ) : (
            <p>{t.home.noOrganisation}</p>
          )}
        </>
      )}
      {todo && now && <TodoSection todo={todo} now={now} />}
      {user.role !== 'member' && (
        <ul class="cards">
          <li class="card">
            <a href="/federation">{t.common.nav.federation}</a>
            <p>{t.home.federationCard}</p>
          </li>
          <li class="card">
            <a href="/organisations">{t.common.nav.organisations}</a>
            <p>{t.home.organisationsCard(organisationCount ?? orgs.length)}</p>
          </li>
          {user.role === 'admin' && (
            <li class="card">
              <a href="/admin/users">{t.common.nav.users}</a>
              <p>{t.home.usersCard}</p>
            </li>
          )}
          {user.role === 'admin' && (
            <li class="card">
              <a href="/admin/referentials">{t.common.nav.referentials}</a>
              <p>{t.home.referentialsCard}</p>
            </li>
          )}
        </ul>
      )}
      <p class="no-print">
        <a href={workshopUrl}>{t.workshop.pageTitle}</a> — {t.workshop.homeHint}
      </p>
    </section>
  );
}
