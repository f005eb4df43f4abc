// Invitations: the page an invitee lands on to open their account, the form that invites someone
// (administration, a structure's page) and the list of invitations still waiting.
import { t } from '../src/i18n/index.ts';
import type { InvitationListRow } from '../src/db/invitations.ts';
import { REGIONS } from '../src/regions.ts';
import { CheckboxGroup, Checkbox, CsrfField, ErrorSummary, SelectField, SubmitButton, TextField, type FieldErrors } from './forms.tsx';
import { TableRegion } from './table.tsx';
import { OrganisationPicker, type PickerState } from './organisation-picker.tsx';

const i = t.invitations;

export interface AcceptView {
  token: string;
  email: string;
  inviterName: string | null;
  role: 'member' | 'consultant' | 'admin';
  organisationNames: string[];
  regions: string[];
  lead: boolean;
}

export function InvitationAcceptPage(p: { csrf: string; invitation: AcceptView; values: Record<string, unknown>; errors: FieldErrors }) {
  const inv = p.invitation;
  const what = inv.role === 'member' ? i.asMember(inv.organisationNames) : inv.role === 'consultant' ? i.asConsultant(inv.regions) : i.asAdmin;
  const name = typeof p.values.name === 'string' ? p.values.name : '';
  return (
    <section class="narrow">
      <h1>{i.acceptTitle}</h1>
      <p>{i.acceptIntro(inv.inviterName, what)}</p>
      {inv.lead && <p>{i.asLead}</p>}
      <ErrorSummary errors={p.errors} labels={{ name: i.name, password: i.password, passwordConfirm: i.passwordConfirm }} />
      <form method="post" action={`/invitations/${inv.token}`} class="form" novalidate>
        <CsrfField token={p.csrf} />
        <dl class="details">
          <dt>{i.email}</dt>
          <dd>{inv.email}</dd>
        </dl>
        {/* Password managers file the new password under this address. */}
        <input type="hidden" name="username" value={inv.email} autocomplete="username" />
        <TextField name="name" label={i.name} value={name} error={p.errors.name} required autocomplete="name" maxlength={120} />
        <TextField name="password" type="password" label={i.password} hint={i.passwordHint} error={p.errors.password} required autocomplete="new-password" />
        <TextField name="passwordConfirm" type="password" label={i.passwordConfirm} error={p.errors.passwordConfirm} required autocomplete="new-password" />
        <SubmitButton>{i.submit}</SubmitButton>
      </form>
    </section>
  );
}

/** A page that only says something and offers a way on (a spent link, an account that exists). */
export function NoticePage(p: { title: string; paragraphs: string[]; links: { href: string; label: string }[] }) {
  return (
    <section class="narrow">
      <h1>{p.title}</h1>
      {p.paragraphs.map((x) => (
        <p>{x}</p>
      ))}
      <ul class="inline-links">
        {p.links.map((l) => (
          <li>
            <a href={l.href}>{l.label}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export interface InviteFormProps {
  csrf: string;
  action: string;
  values: Record<string, unknown>;
  errors: FieldErrors;
  /** Roles the actor may offer (a single 'member' hides the choice). */
  roles: ('member' | 'consultant' | 'admin')[];
  /** The organisation picker (views/organisation-picker.tsx); absent when the form belongs to one structure's page. */
  picker?: PickerState;
  /** Offer the lead mark (administration and consultants). */
  canMarkLead: boolean;
  intro: string;
}

export function InviteForm(p: InviteFormProps) {
  const v = (k: string) => (typeof p.values[k] === 'string' ? (p.values[k] as string) : '');
  const list = (k: string) => (Array.isArray(p.values[k]) ? (p.values[k] as string[]) : []);
  return (
    <>
      <p>{p.intro}</p>
      <ErrorSummary
        errors={p.errors}
        labels={{ name: i.name, email: i.email, role: i.role, organisationIds: i.organisations, regions: i.regions, lead: i.lead }}
        targets={{ organisationIds: p.picker ? 'f-orgSearch' : 'f-name' }}
      />
      <form method="post" action={p.action} class="form user-form" novalidate>
        {p.picker && (
          // Enter in a field sends the form: this first submit button is its default one, before
          // the picker's « Rechercher » (hidden: the visible button ends the form).
          <button type="submit" class="visually-hidden" tabindex={-1} aria-hidden="true">
            {i.send}
          </button>
        )}
        <CsrfField token={p.csrf} />
        <TextField name="name" label={i.name} value={v('name')} error={p.errors.name} required maxlength={120} />
        <TextField name="email" type="email" label={i.email} value={v('email')} error={p.errors.email} required autocomplete="off" />
        {p.roles.length > 1 && (
          <SelectField name="role" label={i.role} value={v('role') || 'member'} error={p.errors.role} required empty={false} options={p.roles.map((r) => [r, t.common.roles[r] ?? r] as const)} />
        )}
        {p.picker && <OrganisationPicker state={p.picker} legend={i.organisations} error={p.errors.organisationIds} action={p.action} roleScope="member" />}
        {p.roles.includes('consultant') && (
          <CheckboxGroup name="regions" legend={i.regions} options={REGIONS.map((r) => [r, r] as const)} values={list('regions')} error={p.errors.regions} columns roleScope="consultant" />
        )}
        {p.canMarkLead && <Checkbox name="lead" label={i.lead} checked={v('lead') === '1'} />}
        <SubmitButton>{i.send}</SubmitButton>
      </form>
    </>
  );
}

export function PendingInvitations(p: { csrf: string; rows: InvitationListRow[]; base: string; heading?: boolean }) {
  return (
    <>
      {p.heading !== false && <h2 id="invitations">{i.pendingTitle}</h2>}
      {p.rows.length === 0 ? (
        <p>{i.pendingEmpty}</p>
      ) : (
        <TableRegion label={i.pendingTitle}>
          <table class="stack">
            <caption class="visually-hidden">{i.pendingTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{i.name}</th>
                <th scope="col">{i.role}</th>
                <th scope="col">{i.invitedBy}</th>
                <th scope="col">{i.state}</th>
                <th scope="col">
                  <span class="visually-hidden">{i.resend}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr>
                  <th scope="row">
                    {r.name}
                    <br />
                    <span class="muted">{r.email}</span>
                  </th>
                  <td data-label={i.role}>
                    {t.common.roles[r.role]}
                    {r.lead && <span class="badge badge--brand"> {i.leadBadge}</span>}
                  </td>
                  <td data-label={i.invitedBy}>{r.inviterName ?? t.common.none}</td>
                  <td data-label={i.state}>
                    {r.state === 'expired' ? <span class="badge badge--warn">{i.expired(r.expiresAt)}</span> : i.expires(r.expiresAt)}
                    {i.sentTimes(r.sentCount)}
                  </td>
                  <td class="nowrap">
                    <form method="post" action={`${p.base}/${r.id}/resend`} class="inline">
                      <CsrfField token={p.csrf} />
                      <button type="submit" class="button button--secondary button--small" aria-label={`${i.resend} — ${r.email}`}>
                        {i.resend}
                      </button>
                    </form>{' '}
                    <form method="post" action={`${p.base}/${r.id}/revoke`} class="inline">
                      <CsrfField token={p.csrf} />
                      <button type="submit" class="button button--danger button--small" aria-label={`${i.revoke} — ${r.email}`}>
                        {i.revoke}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}

export function AdminInvitationsPage(p: { form: InviteFormProps; pending: { csrf: string; rows: InvitationListRow[] } }) {
  return (
    <section>
      <p class="breadcrumb">
        <a href="/admin/users">{t.common.nav.users}</a>
      </p>
      <h1>{i.adminTitle}</h1>
      <p>{i.adminIntro}</p>
      <h2>{i.inviteTitle}</h2>
      <div class="narrow">
        <InviteForm {...p.form} />
      </div>
      <PendingInvitations csrf={p.pending.csrf} rows={p.pending.rows} base="/admin/invitations" />
    </section>
  );
}
