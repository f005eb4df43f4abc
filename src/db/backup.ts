// Backup and restore of the SQLite file and of the evidence files. A backup uses SQLite's online
// backup API, so it is a consistent snapshot even while the server writes; a restore replaces the
// file only when no server runs on the folder, after checking that the copy is a sound CAP
// database, and keeps the file it replaces beside it.
//
// Evidence files (CAP_DATA_DIR/files/<sha-256>) go with the database, in a folder beside the
// backup named FILE.fichiers/. They are copied after the snapshot, as the snapshot lists them, and
// each copy is checked against its name (its hash). A file removed by the server between the
// snapshot and its copy means the snapshot is already out of date: the backup takes a new
// snapshot and copies what is still missing (a few attempts), so that the database and the
// folder of a backup always agree. A restore checks the same agreement before touching anything.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { dataFile } from './open.ts';
import { runningServer } from './pidfile.ts';
import { filesDir, hashFile, isContentHash } from '../evidence/store.ts';

/** Tables every CAP database has had since the first migration. */
const CORE_TABLES = ['__drizzle_migrations', 'users', 'organisations', 'memberships', 'diagnostics', 'answers', 'audit_events'];

export interface Counts {
  users: number;
  organisations: number;
  diagnostics: number;
  answers: number;
  /** Distinct evidence files the database points at. */
  files: number;
}

export class BackupError extends Error {}

function hasTable(db: Database.Database, name: string): boolean {
  return !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name);
}

function counts(db: Database.Database): Counts {
  const n = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { users: n('users'), organisations: n('organisations'), diagnostics: n('diagnostics'), answers: n('answers'), files: referencedIn(db).length };
}

/** The evidence hashes a database points at (none before the table existed). */
function referencedIn(db: Database.Database): string[] {
  if (!hasTable(db, 'evidence_files')) return [];
  return (db.prepare('SELECT DISTINCT hash FROM evidence_files ORDER BY hash').all() as { hash: string }[]).map((r) => r.hash);
}

function referencedInFile(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return referencedIn(db);
  } finally {
    db.close();
  }
}

/** Where a backup FILE keeps its evidence files. */
export function backupFilesDir(file: string): string {
  return `${file}.fichiers`;
}

/**
 * Copies the files of `hashes` from `from` to `to` (those not already there), each checked against
 * its hash. Returns the hashes absent from `from`.
 */
async function copyFiles(from: string, to: string, hashes: readonly string[], label: string): Promise<string[]> {
  mkdirSync(to, { recursive: true });
  const missing: string[] = [];
  for (const hash of hashes) {
    if (!isContentHash(hash)) throw new BackupError(`La base nomme un justificatif invalide (${JSON.stringify(hash)}).`);
    const target = join(to, hash);
    if (existsSync(target)) continue;
    const partial = `${target}.partiel`;
    try {
      copyFileSync(join(from, hash), partial);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
        missing.push(hash);
        continue;
      }
      throw e;
    }
    if ((await hashFile(partial)) !== hash) {
      rmSync(partial, { force: true });
      throw new BackupError(`Le justificatif ${hash} de ${label} est endommagé (son contenu ne correspond plus à son empreinte).`);
    }
    renameSync(partial, target);
  }
  return missing;
}

/** Replaces the folder `dest` by `incoming` (the old one is removed once the new one is in place). */
function replaceDir(incoming: string, dest: string): void {
  const old = `${dest}.ancien`;
  rmSync(old, { recursive: true, force: true });
  if (existsSync(dest)) renameSync(dest, old);
  renameSync(incoming, dest);
  rmSync(old, { recursive: true, force: true });
}

const SNAPSHOT_ATTEMPTS = 5;

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

/** One consistent copy of the live database, as a standalone file (no -wal beside it). */
async function snapshot(source: string, partial: string): Promise<void> {
  rmSync(partial, { force: true });
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // Everything after the first step is copied in one step, under one read transaction: the
    // server's writes between steps would otherwise restart the copy again and again.
    await db.backup(partial, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }
  // A standalone file, with no -wal beside it, is what an operator expects to copy around.
  const copy = new Database(partial);
  copy.pragma('journal_mode = DELETE');
  copy.close();
}

/**
 * Copies the live database `source` to `dest` (replaced atomically) and its evidence files to
 * `dest.fichiers/`; safe while the server runs. `files` is the live evidence folder (by default
 * `files/` beside the database).
 */
export async function backupDatabase(source: string, dest: string, opts: { files?: string } = {}): Promise<Counts> {
  if (!existsSync(source)) throw new BackupError(`Aucune base à sauvegarder : ${source} n’existe pas.`);
  if (resolve(source) === resolve(dest)) throw new BackupError('La sauvegarde doit être écrite dans un autre fichier que la base.');
  const liveFiles = opts.files ?? filesDir(dirname(source));
  mkdirSync(dirname(resolve(dest)), { recursive: true });
  const partial = `${dest}.partiel`;
  const partialFiles = `${backupFilesDir(dest)}.partiel`;
  rmSync(partialFiles, { recursive: true, force: true });
  let result: Counts;
  try {
    let hashes: string[] = [];
    for (let attempt = 1; ; attempt++) {
      await snapshot(source, partial);
      hashes = referencedInFile(partial);
      const missing = await copyFiles(liveFiles, partialFiles, hashes, liveFiles);
      if (!missing.length) break;
      if (attempt === SNAPSHOT_ATTEMPTS) {
        throw new BackupError(`${missing.length} justificatif(s) cité(s) par la base sont absents de ${liveFiles} : la base et le dossier des justificatifs ne concordent plus, la sauvegarde n’est pas écrite.`);
      }
    }
    // Files copied for an earlier snapshot that the last one no longer cites are left out.
    const kept = new Set(hashes);
    for (const name of readdirSync(partialFiles)) if (!kept.has(name)) rmSync(join(partialFiles, name), { force: true });
    result = inspectCapDatabase(partial, dest);
  } catch (e) {
    rmSync(partial, { force: true });
    rmSync(partialFiles, { recursive: true, force: true });
    throw e;
  }
  // The files first: a database in place always finds its files beside it.
  replaceDir(partialFiles, backupFilesDir(dest));
  renameSync(partial, dest);
  return result;
}

export interface RestoreResult extends Counts {
  /** Where the replaced database was kept, if there was one. */
  previous: string | null;
}

/**
 * Puts the backup `file` in place as `dataDir`'s database, and its evidence files (`file.fichiers/`)
 * as `dataDir/files/`. The server must be stopped. The replaced database and files are kept.
 */
export async function restoreDatabase(dataDir: string, file: string, now: Date): Promise<RestoreResult> {
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
  const liveFiles = filesDir(dataDir);
  const incomingFiles = `${liveFiles}.restauration`;
  rmSync(incomingFiles, { recursive: true, force: true });
  let result: Counts;
  try {
    result = inspectCapDatabase(incoming, file);
    const db = new Database(incoming);
    db.pragma('journal_mode = DELETE');
    db.close();
    const sourceFiles = backupFilesDir(file);
    const missing = await copyFiles(sourceFiles, incomingFiles, referencedInFile(incoming), sourceFiles);
    if (missing.length) throw new BackupError(`La sauvegarde est incomplète : ${missing.length} justificatif(s) cité(s) par la base manquent dans ${sourceFiles}. Rien n’a été modifié.`);
  } catch (e) {
    for (const f of [incoming, `${incoming}-wal`, `${incoming}-shm`]) rmSync(f, { force: true });
    rmSync(incomingFiles, { recursive: true, force: true });
    throw e;
  }

  const stamp = now.toISOString().replace(/[:.]/g, '-');
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
    previous = `${live}.avant-restauration-${stamp}`;
    renameSync(live, previous);
    // SQLite looks for NAME-wal beside NAME: the kept copy stays complete under its new name.
    if (existsSync(`${live}-wal`)) renameSync(`${live}-wal`, `${previous}-wal`);
  }
  // A stale -wal or -shm next to the restored file would be replayed into it: remove them.
  for (const suffix of ['-wal', '-shm']) rmSync(live + suffix, { force: true });
  // The replaced files are kept beside the replaced database, under the same date.
  if (existsSync(liveFiles)) renameSync(liveFiles, `${previous ?? `${live}.avant-restauration-${stamp}`}.fichiers`);
  renameSync(incomingFiles, liveFiles);
  renameSync(incoming, live);
  return { ...result, previous };
}
