// Who may invite whom, pure. Delegated administration: an admin invites anyone; a consultant
// invites members of the structures of their regions; a member who is their structure's lead
// invites colleagues to that structure. The same rule decides who may resend or revoke.
import type { Actor, Role } from './permissions.ts';

export interface Inviter extends Actor {
  /** Structures where the actor is the lead (« référent·e »). */
  leadOf: readonly string[];
}

export interface InvitationTarget {
  role: Role;
  /** The structures the invitation names, with their region. */
  organisations: readonly { id: string; region: string }[];
  regions: readonly string[];
  /** Invited as the structure's lead. */
  lead: boolean;
}

export function mayInvite(actor: Inviter | null, target: InvitationTarget): boolean {
  if (!actor) return false;
  if (actor.role === 'admin') return true;
  if (target.role !== 'member' || target.regions.length > 0 || target.organisations.length === 0) return false;
  if (actor.role === 'consultant') return target.organisations.every((o) => actor.regions.includes(o.region));
  // A lead brings colleagues in; naming another lead stays with the federation.
  return !target.lead && target.organisations.every((o) => actor.leadOf.includes(o.id) && actor.organisationIds.includes(o.id));
}

/** Roles an actor may offer in an invitation form. */
export function invitableRoles(actor: Inviter): Role[] {
  if (actor.role === 'admin') return ['member', 'consultant', 'admin'];
  if (actor.role === 'consultant' || actor.leadOf.length > 0) return ['member'];
  return [];
}
