// Backup and restore of the SQLite file. A backup uses SQLite's online backup API, so it is a
// consistent snapshot even while the server writes; a restore replaces the file only when no
// server runs on the folder, after checking that the copy is a sound CAP database, and keeps the
// file it replaces beside it.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { dataFile } from './open.ts';
import { runningServer } from './pidfile.ts';

/** Tables every CAP database has had since the first migration. */
const CORE_TABLES = ['__drizzle_migrations', 'users', 'organisations', 'memberships', 'diagnostics', 'answers', 'audit_events'];

export interface Counts {
  users: number;
  organisations: number;
  diagnostics: number;
  answers: number;
}

export class BackupError extends Error {}

function counts(db: Database.Database): Counts {
  const n = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { users: n('users'), organisations: n('organisations'), diagnostics: n('diagnostics'), answers: n('answers') };
}

/** Checks that `file` is a readable, intact CAP database; returns what it holds. */
export function inspectCapDatabase(file: string, label = file): Counts {
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: true });
  } catch {
    throw new BackupError(`Le fichier ${label} est introuvable ou illisible.`);
  }
  try {
    let tables: Set<string>;
    try {
      tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
    } catch {
      throw new BackupError(`Le fichier ${label} n’est pas une base SQLite.`);
    }
    const missing = CORE_TABLES.filter((t) => !tables.has(t));
    if (missing.length) throw new BackupError(`Le fichier ${label} n’est pas une base CAP (tables absentes : ${missing.join(', ')}).`);
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`La base ${label} est endommagée (contrôle d’intégrité : ${String(check)}).`);
    return counts(db);
  } finally {
    db.close();
  }
}

/** Copies the live database `source` to `dest` (replaced atomically); safe while the server runs. */
export async function backupDatabase(source: string, dest: string): Promise<Counts> {
  if (!existsSync(source)) throw new BackupError(`Aucune base à sauvegarder : ${source} n’existe pas.`);
  if (resolve(source) === resolve(dest)) throw new BackupError('La sauvegarde doit être écrite dans un autre fichier que la base.');
  mkdirSync(dirname(resolve(dest)), { recursive: true });
  const partial = `${dest}.partiel`;
  rmSync(partial, { force: true });
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // Everything after the first step is copied in one step, under one read transaction: the
    // server's writes between steps would otherwise restart the copy again and again.
    await db.backup(partial, { progress: () => 0x7fffffff });
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  } finally {
    db.close();
  }
  // A standalone file, with no -wal beside it, is what an operator expects to copy around.
  const copy = new Database(partial);
  copy.pragma('journal_mode = DELETE');
  copy.close();
  let result: Counts;
  try {
    result = inspectCapDatabase(partial, dest);
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
  renameSync(partial, dest);
  return result;
}

export interface RestoreResult extends Counts {
  /** Where the replaced database was kept, if there was one. */
  previous: string | null;
}

/** Puts the backup `file` in place as `dataDir`'s database. The server must be stopped. */
export function restoreDatabase(dataDir: string, file: string, now: Date): RestoreResult {
  const pid = runningServer(dataDir);
  if (pid !== null) {
    throw new BackupError(
      `Restauration refusée : le serveur CAP est en marche sur ${dataDir} (processus ${pid}). ` +
        'Arrêtez-le, puis relancez la restauration. (Pour une sauvegarde à chaud, utilisez npm run backup.)',
    );
  }
  const live = dataFile(dataDir);
  if (!existsSync(file) || !statSync(file).isFile()) throw new BackupError(`Le fichier ${file} est introuvable.`);
  if (resolve(file) === resolve(live)) throw new BackupError('Ce fichier est déjà la base en service.');
  mkdirSync(dataDir, { recursive: true });
  // Work on a copy inside the data folder: the check and the final rename then touch one file
  // system, and the original backup is never modified.
  const incoming = `${live}.restauration`;
  rmSync(incoming, { force: true });
  copyFileSync(file, incoming);
  for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) copyFileSync(file + suffix, incoming + suffix);
  let result: Counts;
  try {
    result = inspectCapDatabase(incoming, file);
    const db = new Database(incoming);
    db.pragma('journal_mode = DELETE');
    db.close();
  } catch (e) {
    for (const f of [incoming, `${incoming}-wal`, `${incoming}-shm`]) rmSync(f, { force: true });
    throw e;
  }

  let previous: string | null = null;
  if (existsSync(live)) {
    // Fold a WAL left by a crash into the file before keeping it, when the file allows it.
    try {
      const db = new Database(live, { fileMustExist: true });
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    } catch {
      /* damaged: it is kept as it is, with its -wal beside it */
    }
    previous = `${live}.avant-restauration-${now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(live, previous);
    // SQLite looks for NAME-wal beside NAME: the kept copy stays complete under its new name.
    if (existsSync(`${live}-wal`)) renameSync(`${live}-wal`, `${previous}-wal`);
  }
  // A stale -wal or -shm next to the restored file would be replayed into it: remove them.
  for (const suffix of ['-wal', '-shm']) rmSync(live + suffix, { force: true });
  renameSync(incoming, live);
  return { ...result, previous };
}
