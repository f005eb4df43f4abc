// Who receives a notice: the active members of a structure, the active consultants of a region.
import { sql } from 'drizzle-orm';
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
  return db.all<MemberRecipient>(sql`
    SELECT u.id AS userId, u.email, u.name, m.organisation_id AS organisationId
    FROM memberships m JOIN users u ON u.id = m.user_id
    WHERE m.organisation_id IN (SELECT value FROM json_each(${JSON.stringify(organisationIds)})) AND u.active = 1 AND u.deleted = 0 AND u.role = 'member'
    ORDER BY u.name, u.id`);
}

export interface ConsultantRecipient extends Recipient {
  regions: string[];
}

/** Active consultants with the regions they follow. */
export function consultants(db: Db): ConsultantRecipient[] {
  const rows = db.all<Recipient & { regions: string }>(sql`
    SELECT u.id AS userId, u.email, u.name, json_group_array(r.region) AS regions
    FROM users u JOIN consultant_regions r ON r.user_id = u.id
    WHERE u.role = 'consultant' AND u.active = 1 AND u.deleted = 0
    GROUP BY u.id ORDER BY u.name, u.id`);
  return rows.map((r) => ({ ...r, regions: (JSON.parse(r.regions) as string[]).sort((a, b) => a.localeCompare(b, 'fr')) }));
}

/** Active consultants following `region`. */
export function consultantsOf(db: Db, region: string): ConsultantRecipient[] {
  return consultants(db).filter((c) => c.regions.includes(region));
}
