// Who may do what: one pure function, tested as a matrix. Routes turn a refusal on a resource
// into 404 so that ids of other structures do not leak.

export type Role = 'member' | 'consultant' | 'admin';

export interface Actor {
  id: string;
  role: Role;
  /** Organisations the user belongs to (members). */
  organisationIds: readonly string[];
  /** Regions a consultant follows. */
  regions: readonly string[];
}

/** An organisation, or anything that belongs to one (diagnostic, answer, action). */
export interface OrgScoped {
  organisationId: string;
  region: string;
  /** Who created it (diagnostics): its creator may delete it while it is a draft. */
  createdBy?: string | null;
}

export type Action =
  | 'organisation.view'
  | 'diagnostic.create'
  | 'diagnostic.view'
  | 'diagnostic.answer'
  | 'diagnostic.submit'
  | 'diagnostic.delete'
  | 'diagnostic.archive'
  | 'diagnostic.review'
  | 'plan.edit'
  | 'federation.view'
  | 'members.manage'
  | 'admin.manage';

function isMember(actor: Actor, res: OrgScoped): boolean {
  return actor.role === 'member' && actor.organisationIds.includes(res.organisationId);
}

function followsRegion(actor: Actor, res: OrgScoped): boolean {
  return actor.role === 'consultant' && actor.regions.includes(res.region);
}

export function can(actor: Actor | null, action: Action, resource?: OrgScoped): boolean {
  if (!actor) return false;
  if (actor.role === 'admin') return true;
  switch (action) {
    case 'admin.manage':
    case 'diagnostic.archive':
      return false;
    case 'diagnostic.delete':
      // Whoever started a draft may take it back (the status rule is isDeletable()); nobody else
      // but an administrator: a team's work is not deleted by a colleague by mistake.
      return !!resource && !!resource.createdBy && resource.createdBy === actor.id && (isMember(actor, resource) || followsRegion(actor, resource));
    case 'federation.view':
      return actor.role === 'consultant';
    // Delegated administration: a consultant also marks the leads of the structures of their regions.
    case 'diagnostic.review':
    case 'members.manage':
      return !!resource && followsRegion(actor, resource);
    case 'organisation.view':
    case 'diagnostic.view':
    case 'diagnostic.create':
    case 'diagnostic.answer':
    case 'diagnostic.submit':
    case 'plan.edit':
      // Consultants of the region accompany members: they may do what members do.
      return !!resource && (isMember(actor, resource) || followsRegion(actor, resource));
  }
}
