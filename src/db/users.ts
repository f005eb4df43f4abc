// Queries about users, memberships and consultant regions. `db` always comes first.
import { eq, sql, inArray, type SQL } from 'drizzle-orm';
import type { Db } from './open.ts';
import { users, memberships, consultantRegions } from './schema.ts';
import { audit } from './audit.ts';
import { newId } from '../ids.ts';
import type { Role } from '../auth/permissions.ts';
import { sortKey } from '../sort-key.ts';
import { namePage, nameMatches } from './name-pages.ts';
import type { Cursor, KeysetPage } from '../keyset.ts';

export function hasAnyUser(db: Db): boolean {
  return !!db.select({ one: sql`1` }).from(users).limit(1).get();
}

export function findUserByEmail(db: Db, email: string) {
  return db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get();
}

export function findUser(db: Db, id: string) {
  return db.select().from(users).where(eq(users.id, id)).get();
}

/** What naming a person needs (src/people.ts): the stored name, and whether the account was deleted. */
export function getPerson(db: Db, id: string): { name: string; deleted: boolean } | undefined {
  return db.select({ name: users.name, deleted: users.deleted }).from(users).where(eq(users.id, id)).get();
}

/** The role of each given user, in one query. */
export function userRoles(db: Db, ids: readonly string[]): Map<string, Role> {
  if (!ids.length) return new Map();
  return new Map(db.select({ id: users.id, role: users.role }).from(users).where(inArray(users.id, [...new Set(ids)])).all().map((u) => [u.id, u.role]));
}

export function updateUser(db: Db, id: string, set: { name: string; email: string; role: Role; passwordHash?: string }): void {
  db.update(users).set({ ...set, sortName: sortKey(set.name) }).where(eq(users.id, id)).run();
}

export function setUserActive(db: Db, id: string, active: boolean): void {
  db.update(users).set({ active }).where(eq(users.id, id)).run();
}

/** A new password chosen by its owner, audited in the same transaction. */
export function changePassword(db: Db, id: string, passwordHash: string, now: Date): void {
  db.transaction((tx) => {
    tx.update(users).set({ passwordHash }).where(eq(users.id, id)).run();
    audit(tx, { userId: id, action: 'password-change', entity: 'user', entityId: id }, now);
  });
}

export interface NewUser {
  email: string;
  name: string;
  passwordHash: string;
  role: Role;
  organisationIds?: string[];
  regions?: string[];
}

export function insertUser(db: Db, u: NewUser, now: Date): string {
  const id = newId();
  db.transaction((tx) => {
    tx.insert(users).values({ id, email: u.email.toLowerCase(), name: u.name, sortName: sortKey(u.name), passwordHash: u.passwordHash, role: u.role, active: true, createdAt: now.toISOString() }).run();
    for (const o of u.organisationIds ?? []) tx.insert(memberships).values({ userId: id, organisationId: o }).run();
    for (const r of u.regions ?? []) tx.insert(consultantRegions).values({ userId: id, region: r }).run();
  });
  return id;
}

export function setUserScope(db: Db, userId: string, organisationIds: string[], regions: string[]): void {
  db.transaction((tx) => {
    tx.delete(memberships).where(eq(memberships.userId, userId)).run();
    tx.delete(consultantRegions).where(eq(consultantRegions.userId, userId)).run();
    for (const o of organisationIds) tx.insert(memberships).values({ userId, organisationId: o }).run();
    for (const r of regions) tx.insert(consultantRegions).values({ userId, region: r }).run();
  });
}

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  organisationIds: string[];
  regions: string[];
}

/** Rows grouped by key, values in order. */
function groupBy<T>(rows: readonly T[], key: (r: T) => string, value: (r: T) => string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const list = out.get(key(r));
    if (list) list.push(value(r));
    else out.set(key(r), [value(r)]);
  }
  return out;
}

export interface UserQuery {
  /** Words of the name (starts of words), or part of the e-mail address. */
  q?: string;
  role?: Role;
  active?: boolean;
  after?: Cursor;
  before?: Cursor;
}

/** A page of accounts (deleted ones left out), in name order, with the names of their structures. */
export function listUsersPage(db: Db, q: UserQuery, size?: number): KeysetPage<UserRow> & { orgNames: Map<string, string> } {
  const where: SQL[] = [sql`x.deleted = 0`];
  if (q.role) where.push(sql`x.role = ${q.role}`);
  if (q.active !== undefined) where.push(sql`x.active = ${q.active ? 1 : 0}`);
  if (q.q) {
    const name = nameMatches('x', q.q);
    const email = q.q.trim().toLowerCase();
    where.push(name ? sql`((${name}) OR instr(x.email, ${email}) > 0)` : sql`instr(x.email, ${email}) > 0`);
  }
  const page = namePage<{ email: string; name: string; role: Role; active: number }>(db, {
    table: 'users',
    where,
    columns: sql`x.email, x.name, x.role, x.active`,
    after: q.after,
    before: q.before,
    size,
  });
  const ids = JSON.stringify(page.rows.map((u) => u.id));
  // Memberships and regions of this page's accounts only, with the names of their structures.
  const mem = db.all<{ userId: string; orgId: string; name: string }>(
    sql`SELECT m.user_id AS userId, o.id AS orgId, o.name FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id IN (SELECT value FROM json_each(${ids})) ORDER BY o.sort_name`,
  );
  const reg = db.all<{ userId: string; region: string }>(sql`SELECT user_id AS userId, region FROM consultant_regions WHERE user_id IN (SELECT value FROM json_each(${ids})) ORDER BY region`);
  const orgsOf = groupBy(mem, (m) => m.userId, (m) => m.orgId);
  const regionsOf = groupBy(reg, (r) => r.userId, (r) => r.region);
  return {
    ...page,
    rows: page.rows.map((u) => ({ id: u.id, email: u.email, name: u.name, role: u.role, active: !!u.active, organisationIds: orgsOf.get(u.id) ?? [], regions: regionsOf.get(u.id) ?? [] })),
    orgNames: new Map(mem.map((m) => [m.orgId, m.name])),
  };
}

export function countUsers(db: Db): number {
  return db.select({ n: sql<number>`count(*)` }).from(users).get()?.n ?? 0;
}
