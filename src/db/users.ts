// Queries about users, memberships and consultant regions. `db` always comes first.
import { eq, sql, asc } from 'drizzle-orm';
import type { Db } from './open.ts';
import { users, memberships, consultantRegions } from './schema.ts';
import { newId } from '../ids.ts';
import type { Role } from '../auth/permissions.ts';

export function hasAnyUser(db: Db): boolean {
  return !!db.$client.prepare('SELECT 1 FROM users LIMIT 1').get();
}

export function findUserByEmail(db: Db, email: string) {
  return db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get();
}

export function findUser(db: Db, id: string) {
  return db.select().from(users).where(eq(users.id, id)).get();
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
    tx.insert(users).values({ id, email: u.email.toLowerCase(), name: u.name, passwordHash: u.passwordHash, role: u.role, active: true, createdAt: now.toISOString() }).run();
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
