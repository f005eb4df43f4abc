// Helpers for tests that work on real files: a temporary CAP_DATA_DIR seeded with an organisation,
// accounts and a draft diagnostic, the CLI run as a child process, and a dump of every table.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase, dataFile, type Db } from '../../src/db/open.ts';
import { diagnostics } from '../../src/db/schema.ts';
import { ensureBuiltins, defaultReferentialId } from '../../src/referential/store.ts';
import { newId } from '../../src/ids.ts';
import { org, user } from './app.ts';

export const ROOT = resolve(import.meta.dirname, '..', '..');

const made: string[] = [];

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `cap-${prefix}-`));
  made.push(dir);
  return dir;
}

/** Removes every folder tempDir made in this test file (call it from afterAll). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export interface Seeded {
  organisationId: string;
  diagnosticId: string;
  memberEmails: string[];
  adminEmail: string;
}

export function insertDiagnostic(db: Db, organisationId: string, createdBy: string | null, now = new Date('2026-03-01T08:00:00Z')): string {
  const id = newId();
  db.insert(diagnostics)
    .values({ id, organisationId, referentialId: defaultReferentialId(db)!, status: 'draft', mode: 'autodiagnostic', participants: [], createdBy, createdAt: now.toISOString() })
    .run();
  return id;
}

/** Creates CAP_DATA_DIR/cap.db with the real migrations, one organisation, its members, a draft. */
export async function seedDataDir(dir: string, members = 1): Promise<Seeded> {
  const db = openDatabase(dataFile(dir));
  ensureBuiltins(db, new Date('2026-01-01T00:00:00Z'));
  const organisationId = org(db, { name: 'Atelier d’Oc' });
  const adminEmail = 'admin@cap.test';
  await user(db, 'admin', adminEmail);
  const memberEmails: string[] = [];
  let first: string | null = null;
  for (let i = 1; i <= members; i++) {
    const email = `membre${i}@cap.test`;
    const id = await user(db, 'member', email, { organisationIds: [organisationId] });
    first ??= id;
    memberEmails.push(email);
  }
  const diagnosticId = insertDiagnostic(db, organisationId, first);
  db.$client.close();
  return { organisationId, diagnosticId, memberEmails, adminEmail };
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node --import tsx <script> ...args` from the project folder, as npm would. */
export function runNode(script: string, args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, env: { ...process.env, NODE_ENV: 'test', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** Every row of every table, in a stable order, for comparing two databases. */
export function dumpTables(file: string, except: string[] = []): Record<string, unknown[]> {
  const db = new Database(file, { fileMustExist: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[])
      .map((r) => r.name)
      .filter((n) => !except.includes(n));
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY 1, 2`).all()]));
  } finally {
    db.close();
  }
}
