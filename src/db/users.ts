// Queries about users, memberships and consultant regions. `db` always comes first.
import { eq, sql, asc, inArray } from 'drizzle-orm';
import type { Db } from './open.ts';
import { users, memberships, consultantRegions } from './schema.ts';
import { audit } from './audit.ts';
import { newId } from '../ids.ts';
import type { Role } from '../auth/permissions.ts';
import { sortKey } from '../sort-key.ts';

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

/** Every user with memberships and regions, in two queries (not one per row). */
function groupBy<T>(rows: readonly T[], key: (r: T) => string, value: (r: T) => string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const list = out.get(key(r));
    if (list) list.push(value(r));
    else out.set(key(r), [value(r)]);
  }
  return out;
}

export function listUsers(db: Db): UserRow[] {
  const rows = db.select().from(users).where(eq(users.deleted, false)).orderBy(asc(users.name)).all();
  // Grouped once by user: filtering both lists for every user grew as users × memberships.
  const mem = groupBy(db.select().from(memberships).all(), (m) => m.userId, (m) => m.organisationId);
  const reg = groupBy(db.select().from(consultantRegions).all(), (r) => r.userId, (r) => r.region);
  return rows.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    active: u.active,
    organisationIds: mem.get(u.id) ?? [],
    regions: reg.get(u.id) ?? [],
  }));
}

export function countUsers(db: Db): number {
  return db.select({ n: sql<number>`count(*)` }).from(users).get()?.n ?? 0;
}
