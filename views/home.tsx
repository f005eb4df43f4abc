import { t } from '../src/i18n/index.ts';
import type { CurrentUser } from '../src/context.ts';
import type { Organisation } from '../src/db/organisations.ts';
import type { DiagnosticRow } from '../src/db/diagnostics.ts';
import { workshopUrl } from '../src/web/urls.ts';
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

export function HomePage({ user, orgs, latest, open }: { user: CurrentUser; orgs: Organisation[]; latest: ReadonlyMap<string, DiagnosticRow>; open: ReadonlyMap<string, OpenOne[]> }) {
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
      {user.role !== 'member' && (
        <ul class="cards">
          <li class="card">
            <a href="/federation">{t.common.nav.federation}</a>
            <p>{t.home.federationCard}</p>
          </li>
          <li class="card">
            <a href="/organisations">{t.common.nav.organisations}</a>
            <p>{t.home.organisationsCard(orgs.length)}</p>
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
