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
  invitationsSentBy,
  lastSentAt,
  markAccepted,
  pendingInvitationFor,
  renewInvitation,
  revokeInvitation,
  type InvitationRow,
  type NewInvitation,
} from '../db/invitations.ts';
import { cancelPending } from '../db/mail-queue.ts';
import { findUser } from '../db/users.ts';
import { leadOf } from '../db/leads.ts';
import { loadActor } from '../auth/sessions.ts';
import { mayInvite, type Inviter } from '../auth/invite-rules.ts';
import type { Role } from '../auth/permissions.ts';
import { queueMail } from '../mail/queue.ts';
import { INVITATION_LIMITS } from '../validation/limits.ts';

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
  | { ok: false; reason: 'forbidden' | 'email-taken' | 'already-invited' | 'no-organisation' }
  | { ok: false; reason: 'too-many'; max: number };

const DAY_MS = 86_400_000;

/**
 * How many more messages `actor` may send today (invitations and resends, rolling 24 hours): every
 * one goes to an address they chose, in the federation's name. Administrators are not held.
 */
function overDailyLimit(db: DbOrTx, actor: Inviter, now: Date): number | null {
  if (actor.role === 'admin') return null;
  const max = INVITATION_LIMITS.perDay[actor.role];
  return invitationsSentBy(db, actor.id, new Date(now.getTime() - DAY_MS)) >= max ? max : null;
}

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
    const max = overDailyLimit(tx, actor, now);
    if (max !== null) return { ok: false, reason: 'too-many', max };
    const record: NewInvitation = { email, name: input.name, role: input.role, organisationIds: orgs.map((o) => o.id), regions, lead, invitedBy: actor.id };
    const { id, token, expiresAt } = insertInvitation(tx, record, now);
    audit(tx, { userId: actor.id, action: 'invite', entity: 'invitation', entityId: id, organisationId: orgs[0]?.id ?? null, after: { email, name: input.name, role: input.role, organisationIds: record.organisationIds, regions, lead, expiresAt } }, now);
    queueInvitation(tx, { id, email, name: input.name, role: input.role, regions }, orgs.map((o) => o.name), actor.name, token, expiresAt, now);
    return { ok: true, id };
  });
}

/** Whether `actor` could send this invitation today (the rule for sending it again). */
export function maySend(db: DbOrTx, actor: Inviter, inv: InvitationRow): boolean {
  const orgs = activeOrganisations(db, inv.organisationIds);
  return mayInvite(actor, { role: inv.role, organisations: orgs, regions: inv.regions, lead: inv.lead });
}

/**
 * The rule for revoking: whoever could send this invitation today, or its author (taking back
 * one's own invitation needs no right). Sending it again needs the right today (maySend).
 */
export function mayManage(db: DbOrTx, actor: Inviter, inv: InvitationRow): boolean {
  return inv.invitedBy === actor.id || maySend(db, actor, inv);
}

/**
 * The person who sent an invitation's current link, as they stand today; null when that account
 * is deactivated or deleted (an invitation carries its sender's right, and stops with it).
 */
function senderToday(db: Db, inv: InvitationRow): Inviter | null {
  const u = inv.invitedBy ? findUser(db, inv.invitedBy) : undefined;
  if (!u || u.deleted || !u.active) return null;
  return { id: u.id, role: u.role, ...loadActor(db, u.id), leadOf: u.role === 'member' ? leadOf(db, u.id) : [] };
}

/** Whether the invitation's sender could still send it (see senderToday). */
function stillVouchedFor(db: Db, inv: InvitationRow): boolean {
  // A structure deactivated since is said as such when the link is used (« no-organisation »).
  if (inv.role === 'member' && activeOrganisations(db, inv.organisationIds).length === 0) return true;
  const sender = senderToday(db, inv);
  return sender !== null && maySend(db, sender, inv);
}

/**
 * The invitation behind a link, if it can still be accepted: unused, not revoked, less than 7 days
 * old, and its sender still has the right to send it (a lead who lost the mark, a consultant
 * moved to other regions, an administrator made a member, an account deactivated or deleted:
 * their links stop).
 */
export function openInvitation(db: Db, token: string, now: Date): InvitationRow | undefined {
  const inv = findUsableInvitation(db, token, now);
  return inv && stillVouchedFor(db, inv) ? inv : undefined;
}

export type ManageResult =
  | { ok: true; invitation: InvitationRow }
  | { ok: false; reason: 'not-found' | 'closed' }
  | { ok: false; reason: 'too-soon'; minutes: number }
  | { ok: false; reason: 'too-many'; max: number };

/**
 * A new link (7 more days) for a pending or expired invitation, in the resender's name; the
 * previous link stops working. Not within minutes of the last message, except for administrators.
 */
export function resendInvitation(db: Db, actor: Inviter & { name: string }, id: string, now: Date): ManageResult {
  return db.transaction((tx): ManageResult => {
    const inv = getInvitation(tx, id);
    if (!inv || !maySend(tx, actor, inv)) return { ok: false, reason: 'not-found' };
    if (inv.acceptedAt || inv.revokedAt) return { ok: false, reason: 'closed' };
    if (actor.role !== 'admin') {
      const wait = lastSentAt(inv).getTime() + INVITATION_LIMITS.resendAfterMinutes * 60_000 - now.getTime();
      if (wait > 0) return { ok: false, reason: 'too-soon', minutes: Math.ceil(wait / 60_000) };
      const max = overDailyLimit(tx, actor, now);
      if (max !== null) return { ok: false, reason: 'too-many', max };
    }
    const renewed = renewInvitation(tx, id, actor.id, now);
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
      // The same connection as tx: what the sender may do is read inside this transaction.
      if (!inv || !stillVouchedFor(db, inv)) return { ok: false, reason: 'unusable' };
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
