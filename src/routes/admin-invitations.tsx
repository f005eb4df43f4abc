// The administration's invitations: invite a consultant, an administrator or the members of any
// structures, and follow every invitation still waiting (resend, revoke).
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../context.ts';
import { t } from '../i18n/index.ts';
import { page } from '../web/render.tsx';
import { redirectWith } from '../web/flash.ts';
import { currentUser, notFound, requireAdmin } from '../web/guards.ts';
import { inviterOf } from '../web/inviter.ts';
import { fieldErrors, formObject, readForm, type FieldErrors } from '../validation/forms.ts';
import { inviteForm, INVITE_MULTI } from '../validation/invitation.ts';
import { pickerFromForm, pickerOf, wantsSearch } from '../web/organisation-picker.ts';
import type { PickerState } from '../../views/organisation-picker.tsx';
import { getInvitation, listOpenInvitations } from '../db/invitations.ts';
import { invite, resendInvitation, revoke } from '../accounts/invitations.ts';
import { inviteRefusal, inviteRefusalStatus, resendRefusal } from '../web/invitation-messages.ts';
import { AdminInvitationsPage } from '../../views/invitations.tsx';

export const adminInvitationRoutes = new Hono<AppEnv>();
adminInvitationRoutes.use(requireAdmin);

function invitationsPage(c: Context<AppEnv>, picker: PickerState, values: Record<string, unknown> = { role: 'member' }, errors: FieldErrors = {}, status: ContentfulStatusCode = 200) {
  const { db, clock } = c.get('deps');
  return page(
    c,
    t.invitations.adminTitle,
    <AdminInvitationsPage
      form={{ csrf: c.get('csrf'), action: '/admin/invitations', values, errors, roles: ['member', 'consultant', 'admin'], picker, canMarkLead: true, intro: t.invitations.inviteIntro }}
      pending={{ csrf: c.get('csrf'), rows: listOpenInvitations(db, { organisationIds: null, regions: [] }, clock()) }}
    />,
    { status, wide: true },
  );
}

adminInvitationRoutes.get('/', (c) => invitationsPage(c, pickerOf(c.get('deps').db, currentUser(c), [])));

adminInvitationRoutes.post('/', async (c) => {
  const { db, clock, mail } = c.get('deps');
  const form = await readForm(c);
  const values = formObject(form, INVITE_MULTI);
  // The organisation picker's search step (no JavaScript): the form comes back, nothing sent.
  const search = wantsSearch(form);
  const picker = pickerFromForm(db, currentUser(c), form, search);
  if (search) return invitationsPage(c, picker, values);
  const parsed = inviteForm.safeParse({ ...values, organisationIds: picker.chosen.map((o) => o.id) });
  if (!parsed.success) return invitationsPage(c, picker, values, fieldErrors(parsed.error), 422);
  const res = invite(db, inviterOf(c), parsed.data, clock());
  if (!res.ok) return invitationsPage(c, picker, values, inviteRefusal(res, 'organisationIds'), inviteRefusalStatus(res));
  mail.wake();
  return redirectWith(c, '/admin/invitations#invitations', { kind: 'success', message: t.invitations.sent(parsed.data.email) });
});

adminInvitationRoutes.post('/:invitationId/resend', (c) => {
  const { db, clock, mail } = c.get('deps');
  const inv = getInvitation(db, c.req.param('invitationId'));
  if (!inv) notFound();
  const res = resendInvitation(db, inviterOf(c), inv.id, clock());
  if (!res.ok) return redirectWith(c, '/admin/invitations#invitations', { kind: 'error', message: resendRefusal(res) });
  mail.wake();
  return redirectWith(c, '/admin/invitations#invitations', { kind: 'success', message: t.invitations.resent(inv.email) });
});

adminInvitationRoutes.post('/:invitationId/revoke', (c) => {
  const { db, clock } = c.get('deps');
  const inv = getInvitation(db, c.req.param('invitationId'));
  if (!inv) notFound();
  const res = revoke(db, inviterOf(c), inv.id, clock());
  if (!res.ok) return redirectWith(c, '/admin/invitations#invitations', { kind: 'error', message: t.invitations.closed });
  return redirectWith(c, '/admin/invitations#invitations', { kind: 'success', message: t.invitations.revoked(inv.email) });
});
