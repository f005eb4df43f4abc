import type { Child } from 'hono/jsx';
import { t } from '../src/i18n/index.ts';
import { encodeCursor, type Cursor, type KeysetPage } from '../src/keyset.ts';
import { KeysetPager } from './pager.tsx';
import type { Organisation } from '../src/db/organisations.ts';
import { STRUCTURE_TYPES } from '../src/referential/schema.ts';
import { REGIONS } from '../src/regions.ts';
import { ActiveToggle, Checkbox, CheckboxGroup, CsrfField, ErrorSummary, SelectField, SubmitButton, TextField, type FieldErrors } from './forms.tsx';
import { TableRegion } from './table.tsx';
import { MAX_LENGTH } from '../src/validation/limits.ts';

export function typesLabel(types: readonly string[]): string {
  return types.join(', ');
}

export interface OrganisationFilters {
  q?: string;
  region?: string;
  status?: 'active' | 'inactive';
}

function listHref(base: string, f: OrganisationFilters, page: { after?: Cursor; before?: Cursor } = {}): string {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  if (f.region) p.set('region', f.region);
  if (f.status) p.set('status', f.status);
  if (page.after) p.set('after', encodeCursor(page.after));
  else if (page.before) p.set('before', encodeCursor(page.before));
  const s = p.toString();
  return s ? `${base}?${s}` : base;
}

export function OrganisationList(p: { page: KeysetPage<Organisation>; intro: string; createHref?: string; base: string; filters: OrganisationFilters; regions: string[]; showStatus: boolean }) {
  const orgs = p.page.rows;
  const f = p.filters;
  return (
    <section>
      <h1>{t.orgs.listTitle}</h1>
      <p>{p.intro}</p>
      {p.createHref && (
        <p>
          <a class="button" href={p.createHref}>
            {t.orgs.newButton}
          </a>
        </p>
      )}
      <form method="get" action={p.base} class="panel filters" aria-labelledby="orgs-filters-title">
        <h2 id="orgs-filters-title" class="filters__title">
          {t.orgs.filtersTitle}
        </h2>
        <div class="filters__fields">
          <div class="field filters__search">
            <label for="o-q">{t.federation.searchLabel}</label>
            <p class="hint" id="o-q-hint">
              {t.federation.searchHint}
            </p>
            <input id="o-q" name="q" type="search" value={f.q ?? ''} maxlength={100} aria-describedby="o-q-hint" autocomplete="off" />
          </div>
          {p.regions.length > 0 && (
            <div class="field">
              <label for="o-region">{t.orgs.region}</label>
              <select id="o-region" name="region">
                <option value="">{t.federation.filterAll}</option>
                {p.regions.map((r) => (
                  <option value={r} selected={f.region === r}>
                    {r}
                  </option>
                ))}
              </select>
            </div>
          )}
          {p.showStatus && (
            <div class="field">
              <label for="o-status">{t.orgs.statusFilter}</label>
              <select id="o-status" name="status">
                <option value="">{t.federation.filterAll}</option>
                <option value="active" selected={f.status === 'active'}>
                  {t.orgs.activeOnes}
                </option>
                <option value="inactive" selected={f.status === 'inactive'}>
                  {t.orgs.inactiveOnes}
                </option>
              </select>
            </div>
          )}
        </div>
        <div class="actions-row">
          <button type="submit" class="button">
            {t.admin.filterApply}
          </button>
          <a href={p.base}>{t.admin.filterReset}</a>
        </div>
      </form>
      <p role="status">
        <strong>{orgs.length ? t.federation.range(p.page.offset + 1, p.page.offset + orgs.length, p.page.total) : t.federation.count(p.page.total)}</strong>
      </p>
      {orgs.length === 0 ? (
        <p>{t.orgs.empty}</p>
      ) : (
        <TableRegion label={t.orgs.listTitle}>
          <table class="stack">
            <caption class="visually-hidden">{t.orgs.listTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{t.orgs.name}</th>
                <th scope="col">{t.orgs.types}</th>
                <th scope="col">{t.orgs.region}</th>
                <th scope="col">{t.orgs.siret}</th>
                <th scope="col">{t.orgs.state}</th>
              </tr>
            </thead>
            <tbody>
              {orgs.map((o) => (
                <tr>
                  <th scope="row">
                    <a href={`/organisations/${o.id}`}>{o.name}</a>
                  </th>
                  <td data-label={t.orgs.types}>{typesLabel(o.types)}</td>
                  <td data-label={t.orgs.region}>{o.region}</td>
                  <td class="nowrap" data-label={t.orgs.siret}>
                    {o.siret}
                  </td>
                  <td data-label={t.orgs.state}>{o.active ? t.orgs.active : <span class="badge badge--muted">{t.orgs.inactiveState}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <KeysetPager
        label={t.orgs.pager}
        first={p.page.prev ? listHref(p.base, f) : undefined}
        prev={p.page.prev ? listHref(p.base, f, { before: p.page.prev }) : undefined}
        next={p.page.next ? listHref(p.base, f, { after: p.page.next }) : undefined}
      />
    </section>
  );
}

export function OrganisationDetails({ org }: { org: Organisation }) {
  return (
    <dl class="details">
      <dt>{t.orgs.types}</dt>
      <dd>{org.types.map((ty) => t.common.structureTypes[ty] ?? ty).join(' ; ')}</dd>
      <dt>{t.orgs.region}</dt>
      <dd>{org.region}</dd>
      <dt>{t.orgs.siret}</dt>
      <dd>{org.siret}</dd>
      <dt>Effectifs</dt>
      <dd>{t.orgs.fte(org.ftePermanent, org.ftePathway)}</dd>
      <dt>{t.orgs.gesShort}</dt>
      <dd>{org.ges ? t.common.yes : t.common.no}</dd>
    </dl>
  );
}

export interface MemberView {
  id: string;
  name: string;
  lead: boolean;
}

export function OrganisationPage(p: {
  org: Organisation;
  members: MemberView[];
  isAdmin: boolean;
  /** Consultants of the region and admins mark the structure's leads. */
  leads?: { csrf: string };
  children?: Child;
}) {
  const { org, members, isAdmin, children } = p;
  return (
    <section>
      <p class="breadcrumb">
        <a href={isAdmin ? '/admin/organisations' : '/organisations'}>{t.orgs.listTitle}</a>
      </p>
      <h1>
        {org.name} {!org.active && <span class="badge badge--muted">{t.orgs.inactive}</span>}
      </h1>
      {!org.active && <p class="notice">{t.common.readOnlyOrganisation}</p>}
      <OrganisationDetails org={org} />
      {isAdmin && (
        <p>
          <a class="button button--secondary" href={`/admin/organisations/${org.id}/edit`}>
            {t.common.edit}
          </a>
        </p>
      )}
      <h2>{t.orgs.members}</h2>
      {members.length ? (
        <ul class="member-list">
          {members.map((m) => (
            <li>
              {m.name} {m.lead && <span class="badge badge--brand">{t.invitations.leadBadge}</span>}
              {p.leads && (
                <form method="post" action={`/organisations/${org.id}/leads/${m.id}`} class="inline">
                  <CsrfField token={p.leads.csrf} />
                  <input type="hidden" name="lead" value={m.lead ? '0' : '1'} />{' '}
                  <button type="submit" class="button button--link" aria-label={`${m.lead ? t.invitations.unmakeLead : t.invitations.makeLead} — ${m.name}`}>
                    {m.lead ? t.invitations.unmakeLead : t.invitations.makeLead}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.orgs.noMembers}</p>
      )}
      {children}
    </section>
  );
}

export function OrganisationForm(p: {
  csrf: string;
  action: string;
  title: string;
  values: Record<string, unknown>;
  errors: FieldErrors;
  activeToggle?: { active: boolean; action: string };
  /** The regions offered (a consultant's); all by default. */
  regions?: readonly string[];
}) {
  const v = (k: string) => (typeof p.values[k] === 'string' || typeof p.values[k] === 'number' ? String(p.values[k]) : '');
  const types = Array.isArray(p.values.types) ? (p.values.types as string[]) : [];
  const ges = p.values.ges === true || p.values.ges === '1';
  return (
    <section class="narrow">
      <h1>{p.title}</h1>
      <ErrorSummary
        errors={p.errors}
        labels={{ name: t.orgs.name, siret: t.orgs.siret, types: t.orgs.types, region: t.orgs.region, ftePermanent: t.orgs.ftePermanent, ftePathway: t.orgs.ftePathway, ges: t.orgs.ges }}
      />
      <form method="post" action={p.action} class="form" novalidate>
        <CsrfField token={p.csrf} />
        <TextField name="name" label={t.orgs.name} value={v('name')} error={p.errors.name} required maxlength={MAX_LENGTH.organisationName} />
        <TextField name="siret" label={t.orgs.siret} value={v('siret')} error={p.errors.siret} hint={t.orgs.siretHint} required inputmode="numeric" />
        <CheckboxGroup
          name="types"
          legend={t.orgs.types}
          hint={t.orgs.typesHint}
          options={STRUCTURE_TYPES.map((s) => [s, t.common.structureTypes[s] ?? s] as const)}
          values={types}
          error={p.errors.types}
        />
        <SelectField name="region" label={t.orgs.region} value={v('region')} error={p.errors.region} required options={(p.regions ?? REGIONS).map((r) => [r, r] as const)} />
        <TextField name="ftePermanent" label={t.orgs.ftePermanent} value={v('ftePermanent')} error={p.errors.ftePermanent} inputmode="decimal" />
        <TextField name="ftePathway" label={t.orgs.ftePathway} value={v('ftePathway')} error={p.errors.ftePathway} inputmode="decimal" />
        <Checkbox name="ges" label={t.orgs.ges} checked={ges} />
        <SubmitButton>{t.common.save}</SubmitButton>
      </form>
      {p.activeToggle && <ActiveToggle csrf={p.csrf} {...p.activeToggle} deactivate={t.orgs.deactivate} reactivate={t.orgs.reactivate} />}
    </section>
  );
}
