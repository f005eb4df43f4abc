// Organisations as their members and consultants see them, and the delegated administration that
// happens on a structure's page: a consultant creates structures in their regions and marks their
// leads; a consultant, an admin or the structure's lead invites members, resends and revokes.
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../context.ts';
import { t } from '../i18n/index.ts';
import { fragment, page } from '../web/render.tsx';
import { pickerFromForm } from '../web/organisation-picker.ts';
import { PickerSuggestions } from '../../views/organisation-picker.tsx';
import { redirectWith } from '../web/flash.ts';
import { currentUser, notFound, requireFederation, requireUser } from '../web/guards.ts';
import { loadOrganisation } from '../web/load.ts';
import { inviterOf } from '../web/inviter.ts';
import { readOrganisationForm } from '../web/organisation-form.ts';
import { can } from '../auth/permissions.ts';
import { mayInvite } from '../auth/invite-rules.ts';
import { fieldErrors, formObject, readForm, type FieldErrors } from '../validation/forms.ts';
import { inviteForm } from '../validation/invitation.ts';
import { insertOrganisation, listVisibleOrganisations, organisationMembers, orgScope, type Organisation } from '../db/organisations.ts';
import { getInvitation, listOpenInvitations } from '../db/invitations.ts';
import { leadsOf, setLead } from '../db/leads.ts';
import { audit } from '../db/audit.ts';
import { invite, mayManage, maySend, resendInvitation, revoke } from '../accounts/invitations.ts';
import { inviteRefusal, inviteRefusalStatus, resendRefusal } from '../web/invitation-messages.ts';
import { OrganisationForm, OrganisationPage } from '../../views/organisations.tsx';
import { organisationListPage } from '../web/organisation-list.tsx';
import { InviteForm, PendingInvitations } from '../../views/invitations.tsx';
import { organisationDiagnosticsSection } from '../web/organisation-diagnostics.tsx';
import { organisationUrl } from '../web/urls.ts';

export const organisationRoutes = new Hono<AppEnv>();
organisationRoutes.use(requireUser);

organisationRoutes.get('/', (c) => organisationListPage(c, '/organisations'));

// A consultant creates a structure in one of their regions (admins may too), with the same form
// and SIRET checks as the administration's.
function createForm(c: Context<AppEnv>, values: Record<string, unknown>, errors: FieldErrors, status: ContentfulStatusCode = 200) {
  const user = currentUser(c);
  const regions = user.role === 'admin' ? undefined : user.regions;
  return page(c, t.orgs.createTitle, <OrganisationForm csrf={c.get('csrf')} action="/organisations/new" title={t.orgs.createTitle} values={values} errors={errors} regions={regions} />, { status });
}

organisationRoutes.get('/new', requireFederation, (c) => createForm(c, { region: currentUser(c).regions.length === 1 ? currentUser(c).regions[0] : '' }, {}));

organisationRoutes.post('/new', requireFederation, async (c) => {
  const { db, clock } = c.get('deps');
  const user = currentUser(c);
  const r = await readOrganisationForm(c, { regions: user.role === 'admin' ? undefined : user.regions });
  if (!r.data) return createForm(c, r.values, r.errors, 422);
  const now = clock();
  const id = insertOrganisation(db, r.data, now);
  audit(db, { userId: user.id, action: 'create', entity: 'organisation', entityId: id, organisationId: id, after: r.data }, now);
  return redirectWith(c, organisationUrl(id), { kind: 'success', message: t.orgs.created(r.data.name) });
});

/** The structure's page, with the invitation form when the visitor may invite (values/errors of a refused one). */
function organisationPage(c: Context<AppEnv>, org: Organisation, invitation: { values: Record<string, unknown>; errors: FieldErrors } = { values: {}, errors: {} }, status: ContentfulStatusCode = 200) {
  const { db, clock } = c.get('deps');
  const user = currentUser(c);
  const leads = leadsOf(db, org.id);
  const members = organisationMembers(db, org.id).map((m) => ({ ...m, lead: leads.has(m.id) }));
  const manageLeads = can(user, 'members.manage', orgScope(org));
  const inviter = inviterOf(c);
  const mayInviteHere = org.active && mayInvite(inviter, { role: 'member', organisations: [org], regions: [], lead: false });
  const pending = mayInviteHere ? listOpenInvitations(db, { organisationIds: [org.id], regions: [] }, clock()).filter((i) => mayManage(db, inviter, i)) : [];
  return page(
    c,
    org.name,
    <OrganisationPage org={org} members={members} isAdmin={user.role === 'admin'} leads={manageLeads ? { csrf: c.get('csrf') } : undefined}>
      {mayInviteHere && (
        <>
          <h2 id="inviter">{t.invitations.inviteTitle}</h2>
          <div class="narrow">
            <InviteForm
              csrf={c.get('csrf')}
              action={`${organisationUrl(org.id)}/invitations`}
              values={invitation.values}
              errors={invitation.errors}
              roles={['member']}
              canMarkLead={manageLeads}
              intro={t.invitations.inviteOrgIntro(org.name)}
            />
          </div>
          <PendingInvitations csrf={c.get('csrf')} rows={pending} base={`${organisationUrl(org.id)}/invitations`} />
        </>
      )}
      {organisationDiagnosticsSection(c, org)}
    </OrganisationPage>,
    { status },
  );
}

// Suggestions of the organisation picker (views/organisation-picker.tsx), as the person types:
// among the organisations they may see, the chosen ones (sent along) left out.
organisationRoutes.get('/suggestions', (c) => {
  const state = pickerFromForm(c.get('deps').db, currentUser(c), new URL(c.req.url).searchParams, true);
  return fragment(c, <PickerSuggestions state={state} />);
});

organisationRoutes.get('/:orgId', loadOrganisation('organisation.view'), (c) => organisationPage(c, c.var.organisation));

organisationRoutes.post('/:orgId/invitations', loadOrganisation('organisation.view'), async (c) => {
  const { db, clock, mail } = c.get('deps');
  const org = c.var.organisation;
  const inviter = inviterOf(c);
  if (!org.active || !mayInvite(inviter, { role: 'member', organisations: [org], regions: [], lead: false })) notFound();
  const values = formObject(await readForm(c));
  const parsed = inviteForm.safeParse({ ...values, role: 'member', organisationIds: [org.id], regions: [] });
  if (!parsed.success) return organisationPage(c, org, { values, errors: fieldErrors(parsed.error) }, 422);
  const lead = parsed.data.lead && can(inviter, 'members.manage', orgScope(org));
  const res = invite(db, inviter, { ...parsed.data, role: 'member', organisationIds: [org.id], regions: [], lead }, clock());
  if (!res.ok) return organisationPage(c, org, { values, errors: inviteRefusal(res) }, inviteRefusalStatus(res));
  mail.wake();
  return redirectWith(c, `${organisationUrl(org.id)}#invitations`, { kind: 'success', message: t.invitations.sent(parsed.data.email) });
});

/**
 * An invitation of this structure that the visitor may revoke (`may` = mayManage) or send again
 * (`may` = maySend: the right to invite, today); 404 otherwise.
 */
function managedInvitation(c: Context<AppEnv>, org: Organisation, may: typeof mayManage) {
  const inv = getInvitation(c.get('deps').db, c.req.param('invitationId') ?? '');
  if (!inv || !inv.organisationIds.includes(org.id) || !may(c.get('deps').db, inviterOf(c), inv)) notFound();
  return inv;
}

organisationRoutes.post('/:orgId/invitations/:invitationId/resend', loadOrganisation('organisation.view'), (c) => {
  const { db, clock, mail } = c.get('deps');
  const org = c.var.organisation;
  const inv = managedInvitation(c, org, maySend);
  const res = resendInvitation(db, inviterOf(c), inv.id, clock());
  if (!res.ok) return redirectWith(c, `${organisationUrl(org.id)}#invitations`, { kind: 'error', message: resendRefusal(res) });
  mail.wake();
  return redirectWith(c, `${organisationUrl(org.id)}#invitations`, { kind: 'success', message: t.invitations.resent(inv.email) });
});

organisationRoutes.post('/:orgId/invitations/:invitationId/revoke', loadOrganisation('organisation.view'), (c) => {
  const { db, clock } = c.get('deps');
  const org = c.var.organisation;
  const inv = managedInvitation(c, org, mayManage);
  const res = revoke(db, inviterOf(c), inv.id, clock());
  if (!res.ok) return redirectWith(c, `${organisationUrl(org.id)}#invitations`, { kind: 'error', message: t.invitations.closed });
  return redirectWith(c, `${organisationUrl(org.id)}#invitations`, { kind: 'success', message: t.invitations.revoked(inv.email) });
});

organisationRoutes.post('/:orgId/leads/:memberId', loadOrganisation('members.manage'), async (c) => {
  const { db, clock } = c.get('deps');
  const org = c.var.organisation;
  const member = organisationMembers(db, org.id).find((m) => m.id === c.req.param('memberId'));
  if (!member) notFound();
  const lead = (await readForm(c)).get('lead') === '1';
  const now = clock();
  db.transaction((tx) => {
    if (setLead(tx, member.id, org.id, lead)) {
      audit(tx, { userId: currentUser(c).id, action: lead ? 'lead-set' : 'lead-unset', entity: 'user', entityId: member.id, organisationId: org.id, after: { lead } }, now);
    }
  });
  return redirectWith(c, organisationUrl(org.id), { kind: 'success', message: lead ? t.invitations.leadSet(member.name) : t.invitations.leadUnset(member.name) });
});
