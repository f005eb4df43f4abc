// Inviting people instead of typing their passwords: invite, resend, revoke, accept. Each step is
// one transaction with its audit event and, where a message goes out, its place in the mail queue,
// so a message exists exactly when the change it announces was committed.
import type { Db } from '../db/open.ts';
import type { DbOrTx } from '../db/actions.ts';
import { audit } from '../db/audit.ts';
import {
  activeOrganisations,
  emailTaken,
  findUsableInvitation,
  insertInvitedUser,
  getInvitation,
  insertInvitation,
  markAccepted,
  pendingInvitationFor,
  renewInvitation,
  revokeInvitation,
  type InvitationRow,
  type NewInvitation,
} from '../db/invitations.ts';
import { cancelPending } from '../db/mail-queue.ts';
import { mayInvite, type Inviter } from '../auth/invite-rules.ts';
import type { Role } from '../auth/permissions.ts';
import { queueMail } from '../mail/queue.ts';

export interface InviteInput {
  email: string;
  name: string;
  role: Role;
  organisationIds: string[];
  regions: string[];
  lead: boolean;
}

export type InviteResult =
  | { ok: true; id: string }
  | { ok: false; reason: 'forbidden' | 'email-taken' | 'already-invited' | 'no-organisation' };

const mergeKey = (invitationId: string) => `invitation:${invitationId}`;

function queueInvitation(db: DbOrTx, inv: Pick<InvitationRow, 'id' | 'email' | 'name' | 'role' | 'regions'>, orgNames: string[], inviterName: string, token: string, expiresAt: string, now: Date) {
  queueMail(
    db,
    {
      kind: 'invitation',
      to: { email: inv.email, userId: null },
      payload: { recipientName: inv.name, role: inv.role, inviterName, organisationNames: orgNames, regions: inv.regions, expiresAt },
      secret: token,
      mergeKey: mergeKey(inv.id),
    },
    now,
  );
}

/** Invites someone; the message with the link is queued in the same transaction. */
export function invite(db: Db, actor: Inviter & { name: string }, input: InviteInput, now: Date): InviteResult {
  const email = input.email.trim().toLowerCase();
  return db.transaction((tx): InviteResult => {
    const orgs = activeOrganisations(tx, input.role === 'member' ? input.organisationIds : []);
    const regions = input.role === 'consultant' ? [...new Set(input.regions)] : [];
    if (input.role === 'member' && orgs.length === 0) return { ok: false, reason: 'no-organisation' };
    const lead = input.role === 'member' && input.lead;
    if (!mayInvite(actor, { role: input.role, organisations: orgs, regions, lead })) return { ok: false, reason: 'forbidden' };
    if (emailTaken(tx, email)) return { ok: false, reason: 'email-taken' };
    if (pendingInvitationFor(tx, email, now)) return { ok: false, reason: 'already-invited' };
    const record: NewInvitation = { email, name: input.name, role: input.role, organisationIds: orgs.map((o) => o.id), regions, lead, invitedBy: actor.id };
    const { id, token, expiresAt } = insertInvitation(tx, record, now);
    audit(tx, { userId: actor.id, action: 'invite', entity: 'invitation', entityId: id, organisationId: orgs[0]?.id ?? null, after: { email, name: input.name, role: input.role, organisationIds: record.organisationIds, regions, lead, expiresAt } }, now);
    queueInvitation(tx, { id, email, name: input.name, role: input.role, regions }, orgs.map((o) => o.name), actor.name, token, expiresAt, now);
    return { ok: true, id };
  });
}

/** The rule for resending or revoking: whoever could send this invitation today, or its author. */
export function mayManage(db: Db, actor: Inviter, inv: InvitationRow): boolean {
  if (inv.invitedBy === actor.id) return true;
  const orgs = activeOrganisations(db, inv.organisationIds);
  return mayInvite(actor, { role: inv.role, organisations: orgs, regions: inv.regions, lead: inv.lead });
}

export type ManageResult = { ok: true; invitation: InvitationRow } | { ok: false; reason: 'not-found' | 'closed' };

/** A new link (7 more days) for a pending or expired invitation; the previous link stops working. */
export function resendInvitation(db: Db, actor: Inviter & { name: string }, id: string, now: Date): ManageResult {
  return db.transaction((tx): ManageResult => {
    const inv = getInvitation(tx, id);
    if (!inv || !mayManage(db, actor, inv)) return { ok: false, reason: 'not-found' };
    if (inv.acceptedAt || inv.revokedAt) return { ok: false, reason: 'closed' };
    const renewed = renewInvitation(tx, id, now);
    if (!renewed) return { ok: false, reason: 'closed' };
    cancelPending(tx, mergeKey(id), 'remplacé par un nouvel envoi');
    const orgs = activeOrganisations(tx, inv.organisationIds);
    queueInvitation(tx, inv, orgs.map((o) => o.name), actor.name, renewed.token, renewed.expiresAt, now);
    audit(tx, { userId: actor.id, action: 'invitation-resend', entity: 'invitation', entityId: id, organisationId: inv.organisationIds[0] ?? null, before: { expiresAt: inv.expiresAt }, after: { expiresAt: renewed.expiresAt } }, now);
    return { ok: true, invitation: { ...inv, expiresAt: renewed.expiresAt } };
  });
}

export function revoke(db: Db, actor: Inviter, id: string, now: Date): ManageResult {
  return db.transaction((tx): ManageResult => {
    const inv = getInvitation(tx, id);
    if (!inv || !mayManage(db, actor, inv)) return { ok: false, reason: 'not-found' };
    if (!revokeInvitation(tx, id, now)) return { ok: false, reason: 'closed' };
    cancelPending(tx, mergeKey(id), 'invitation retirée');
    audit(tx, { userId: actor.id, action: 'invitation-revoke', entity: 'invitation', entityId: id, organisationId: inv.organisationIds[0] ?? null, before: { email: inv.email } }, now);
    return { ok: true, invitation: inv };
  });
}

export type AcceptResult = { ok: true; userId: string; invitation: InvitationRow } | { ok: false; reason: 'unusable' | 'email-taken' | 'no-organisation' };

/**
 * Creates the account an invitation describes, with the name and password hash the invitee chose.
 * The invitation is claimed first, by a conditional update: a second click finds it used.
 */
export function acceptInvitation(db: Db, token: string, chosen: { name: string; passwordHash: string }, now: Date): AcceptResult {
  try {
    return db.transaction((tx): AcceptResult => {
      const inv = findUsableInvitation(tx, token, now);
      if (!inv) return { ok: false, reason: 'unusable' };
      if (emailTaken(tx, inv.email)) return { ok: false, reason: 'email-taken' };
      const orgs = activeOrganisations(tx, inv.organisationIds);
      if (inv.role === 'member' && orgs.length === 0) return { ok: false, reason: 'no-organisation' };
      const userId = insertInvitedUser(tx, inv, orgs.map((o) => o.id), chosen, now);
      // Claimed by a conditional update: if it was used or revoked meanwhile, nothing above stays.
      if (!markAccepted(tx, inv.id, userId, now)) throw new Unusable();
      audit(tx, { userId, action: 'accept-invitation', entity: 'user', entityId: userId, organisationId: orgs[0]?.id ?? null, after: { email: inv.email, name: chosen.name, role: inv.role, organisationIds: orgs.map((o) => o.id), regions: inv.regions, lead: inv.lead, invitationId: inv.id } }, now);
      return { ok: true, userId, invitation: inv };
    });
  } catch (e) {
    if (e instanceof Unusable) return { ok: false, reason: 'unusable' };
    throw e;
  }
}

class Unusable extends Error {}
