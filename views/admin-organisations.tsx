// The administration's list of organisations (/admin/organisations): search by name or SIRET,
// filters by region, type and state, the first rows found as a table that stacks on a phone.
import { t } from '../src/i18n/index.ts';
import type { OrganisationRow } from '../src/db/organisation-list.ts';
import type { OrganisationListQuery } from '../src/web/organisation-search.ts';
import { STRUCTURE_TYPES } from '../src/referential/schema.ts';
import { REGIONS } from '../src/regions.ts';
import { TableRegion } from './table.tsx';
import { FilterSearch, FilterSelect, ListFilters } from './list-filters.tsx';

const o = t.orgs;

export function AdminOrganisationList(p: { rows: OrganisationRow[]; total: number; members: Map<string, number>; query: OrganisationListQuery }) {
  const { query: q } = p;
  return (
    <section>
      <h1>{o.listTitle}</h1>
      <p class="lead">{o.adminIntro}</p>
      <p>
        <a class="button" href="/admin/organisations/new">
          {o.newButton}
        </a>
      </p>
      <ListFilters action="/admin/organisations" title={o.filtersTitle} apply={o.filterApply} reset={o.filterReset}>
        <FilterSearch name="q" label={o.search} hint={o.searchHint} value={q.q} />
        <FilterSelect name="region" label={o.region} all={o.filterAll} value={q.region} options={REGIONS.map((r) => [r, r] as const)} />
        <FilterSelect name="type" label={o.types} all={o.filterAll} value={q.type} options={STRUCTURE_TYPES.map((s) => [s, t.common.structureTypes[s] ?? s] as const)} />
        <FilterSelect name="state" label={o.state} all={o.filterAll} value={q.state} options={[['active', o.states.active!], ['inactive', o.states.inactive!]]} />
      </ListFilters>
      <p class="list-count" role="status">
        <strong>{o.count(p.total)}</strong>
        {p.total > p.rows.length && <> — {o.truncated(p.rows.length)}</>}
      </p>
      {p.rows.length === 0 ? (
        <p>{o.noMatch}</p>
      ) : (
        <TableRegion label={o.listTitle}>
          <table class="stack">
            <caption class="visually-hidden">{o.listTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{o.name}</th>
                <th scope="col">{o.siret}</th>
                <th scope="col">{o.types}</th>
                <th scope="col">{o.region}</th>
                <th scope="col" class="num">
                  {o.members}
                </th>
                <th scope="col">{o.state}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr>
                  <th scope="row">
                    <a href={`/organisations/${r.id}`}>{r.name}</a>
                  </th>
                  <td class="nowrap" data-label={o.siret}>
                    {r.siret}
                  </td>
                  <td data-label={o.types}>{r.types.join(', ')}</td>
                  <td data-label={o.region}>{r.region}</td>
                  <td class="num" data-label={o.members}>
                    {o.membersCount(p.members.get(r.id) ?? 0)}
                  </td>
                  <td data-label={o.state}>{r.active ? o.active : <span class="badge badge--muted">{o.inactiveState}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
