// Who receives a notice: the active members of a structure, the active consultants of a region.
import type { Db } from './open.ts';

export interface Recipient {
  userId: string;
  email: string;
  name: string;
}

export interface MemberRecipient extends Recipient {
  organisationId: string;
}

/** Active members of these structures. */
export function membersOf(db: Db, organisationIds: readonly string[]): MemberRecipient[] {
  if (!organisationIds.length) return [];
  return db.$client
    .prepare(
      `SELECT u.id AS userId, u.email, u.name, m.organisation_id AS organisationId
       FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.organisation_id IN (SELECT value FROM json_each(?)) AND u.active = 1 AND u.deleted = 0 AND u.role = 'member'
       ORDER BY u.name, u.id`,
    )
    .all(JSON.stringify(organisationIds)) as MemberRecipient[];
}

export interface ConsultantRecipient extends Recipient {
  regions: string[];
}

/** Active consultants with the regions they follow. */
export function consultants(db: Db): ConsultantRecipient[] {
  const rows = db.$client
    .prepare(
      `SELECT u.id AS userId, u.email, u.name, json_group_array(r.region) AS regions
       FROM users u JOIN consultant_regions r ON r.user_id = u.id
       WHERE u.role = 'consultant' AND u.active = 1 AND u.deleted = 0
       GROUP BY u.id ORDER BY u.name, u.id`,
    )
    .all() as (Recipient & { regions: string })[];
  return rows.map((r) => ({ ...r, regions: (JSON.parse(r.regions) as string[]).sort((a, b) => a.localeCompare(b, 'fr')) }));
}

/** Active consultants following `region`. */
export function consultantsOf(db: Db, region: string): ConsultantRecipient[] {
  return consultants(db).filter((c) => c.regions.includes(region));
}

/** A person's display name (deleted accounts have none to show). */
export function displayName(db: Db, userId: string | null): string | null {
  if (!userId) return null;
  const row = db.$client.prepare('SELECT name, deleted FROM users WHERE id = ?').get(userId) as { name: string; deleted: number } | undefined;
  return row && !row.deleted ? row.name : null;
}
