import { t } from '../src/i18n/index.ts';
import type { CurrentUser } from '../src/context.ts';
import type { Organisation } from '../src/db/organisations.ts';

export function HomePage({ user, orgs }: { user: CurrentUser; orgs: Organisation[] }) {
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
                  <p>{o.types.join(', ')} — {o.region}</p>
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
    </section>
  );
}
