// Accepting an invitation: the link's page shows who invites whom to what, the invitee chooses a
// name and a password (the password policy applies), and lands signed in on their home page. A
// link that was used, revoked or is older than 7 days says so and where to turn.
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';
import { t } from '../i18n/index.ts';
import { page } from '../web/render.tsx';
import { redirectWith } from '../web/flash.ts';
import { startSession } from '../web/session.ts';
import { fieldErrors, formObject, readForm, type FieldErrors } from '../validation/forms.ts';
import { acceptInvitationForm } from '../validation/invitation.ts';
import { hashPassword } from '../auth/password.ts';
import { passwordProblem } from '../auth/password-policy.ts';
import { organisationNames, type InvitationRow } from '../db/invitations.ts';
import { getPerson } from '../db/users.ts';
import { personName } from '../people.ts';
import { acceptInvitation, openInvitation } from '../accounts/invitations.ts';
import { InvitationAcceptPage, NoticePage, type AcceptView } from '../../views/invitations.tsx';

const i = t.invitations;

export const invitationRoutes = new Hono<AppEnv>();

function view(c: Context<AppEnv>, token: string, inv: InvitationRow): AcceptView {
  const { db } = c.get('deps');
  const inviter = inv.invitedBy ? getPerson(db, inv.invitedBy) : undefined;
  return { token, email: inv.email, inviterName: personName(inviter, 'federation'), role: inv.role, organisationNames: organisationNames(db, inv.organisationIds), regions: inv.regions, lead: inv.lead };
}

function acceptPage(c: Context<AppEnv>, token: string, inv: InvitationRow, values: Record<string, unknown>, errors: FieldErrors, status: 200 | 422 = 200) {
  return page(c, i.acceptTitle, <InvitationAcceptPage csrf={c.get('csrf')} invitation={view(c, token, inv)} values={values} errors={errors} />, { status });
}

function unusable(c: Context<AppEnv>) {
  return page(c, i.unusableTitle, <NoticePage title={i.unusableTitle} paragraphs={[i.unusable, i.haveAccount]} links={[{ href: '/login', label: i.login }]} />, { status: 404 });
}

invitationRoutes.get('/:token', (c) => {
  const { db, clock } = c.get('deps');
  const token = c.req.param('token');
  const inv = openInvitation(db, token, clock());
  if (!inv) return unusable(c);
  return acceptPage(c, token, inv, { name: inv.name }, {});
});

invitationRoutes.post('/:token', async (c) => {
  const { db, clock } = c.get('deps');
  const token = c.req.param('token');
  const inv = openInvitation(db, token, clock());
  if (!inv) return unusable(c);
  const values = formObject(await readForm(c));
  const parsed = acceptInvitationForm.safeParse(values);
  const problem = parsed.success ? await passwordProblem(parsed.data.password, inv.email) : null;
  if (!parsed.success || problem) {
    const { password: _p, passwordConfirm: _c, ...kept } = values;
    return acceptPage(c, token, inv, kept, problem ? { password: problem } : fieldErrors(parsed.error!), 422);
  }
  const res = acceptInvitation(db, token, { name: parsed.data.name, passwordHash: await hashPassword(parsed.data.password) }, clock());
  if (!res.ok) {
    if (res.reason === 'email-taken') {
      return page(c, i.emailTakenTitle, <NoticePage title={i.emailTakenTitle} paragraphs={[i.emailTaken]} links={[{ href: '/login', label: i.login }, { href: '/password-reset', label: t.passwordReset.link }]} />, { status: 409 });
    }
    if (res.reason === 'no-organisation') return page(c, i.unusableTitle, <NoticePage title={i.unusableTitle} paragraphs={[i.noOrganisation]} links={[{ href: '/login', label: i.login }]} />, { status: 409 });
    return unusable(c);
  }
  startSession(c, res.userId);
  return redirectWith(c, '/', { kind: 'success', message: i.welcome(parsed.data.name) });
});
