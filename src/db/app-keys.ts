// Random keys made once per installation and kept in the database (so a backup carries them).
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from './open.ts';
import { appKeys } from './schema.ts';

/** The key named `name`, made on first use; two processes racing keep the first one written. */
export function appKey(db: Db, name: string, now: Date): Buffer {
  const found = db.select({ value: appKeys.value }).from(appKeys).where(eq(appKeys.name, name)).get();
  if (found) return Buffer.from(found.value, 'base64');
  db.insert(appKeys).values({ name, value: randomBytes(32).toString('base64'), createdAt: now.toISOString() }).onConflictDoNothing().run();
  return Buffer.from(db.select({ value: appKeys.value }).from(appKeys).where(eq(appKeys.name, name)).get()!.value, 'base64');
}

/** The key if it was ever made, without making it (for readers: a GET never writes). */
export function existingAppKey(db: Db, name: string): Buffer | undefined {
  const found = db.select({ value: appKeys.value }).from(appKeys).where(eq(appKeys.name, name)).get();
  return found ? Buffer.from(found.value, 'base64') : undefined;
}
