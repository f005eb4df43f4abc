// Backup while the database is written to, restore into another folder, and the refusals that
// protect a running server and a live database from a bad restore.
import { describe, it, expect, afterEach, afterAll } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase, dataFile } from '../../src/db/open.ts';
import { answers } from '../../src/db/schema.ts';
import { audit } from '../../src/db/audit.ts';
import { backupDatabase, restoreDatabase } from '../../src/db/backup.ts';
import { pidFile } from '../../src/db/pidfile.ts';
import { dumpTables, runNode, seedDataDir, tempDir, removeTempDirs } from '../support/datadir.ts';

const CLI = 'src/db/backup-cli.ts';
const children: ChildProcess[] = [];
afterAll(removeTempDirs);
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

/** One answer and its audit event, written together as the questionnaire does. */
function writeAnswer(db: ReturnType<typeof openDatabase>, diagnosticId: string, n: number) {
  const now = new Date(Date.UTC(2026, 2, 2, 9, 0, 0, n));
  db.transaction((tx) => {
    tx.insert(answers).values({ diagnosticId, questionCode: `Q-${n}`, level: n % 5, comment: `réponse n° ${n} « ok »`, updatedAt: now.toISOString() }).run();
    audit(tx, { userId: null, action: 'answer', entity: 'answer', entityId: `${diagnosticId}:Q-${n}`, diagnosticId, after: { level: n % 5 } }, now);
  });
}

describe('npm run backup / npm run restore', () => {
  it('copies a database that is being written to, and restores a consistent snapshot elsewhere', async () => {
    const src = tempDir('backup-src');
    const seeded = await seedDataDir(src, 2);
    const db = openDatabase(dataFile(src));
    for (let n = 0; n < 50; n++) writeAnswer(db, seeded.diagnosticId, n);

    // A writer keeps committing while the backup, another process, copies the file.
    let n = 50;
    let writing = true;
    const writer = (async () => {
      while (writing) {
        writeAnswer(db, seeded.diagnosticId, n++);
        await new Promise((r) => setTimeout(r, 1));
      }
    })();
    const dest = join(tempDir('backup-out'), 'sauvegarde.db');
    const backup = await runNode(CLI, ['backup', dest], { CAP_DATA_DIR: src });
    const writtenDuringBackup = n - 50;
    writing = false;
    await writer;
    db.$client.close();

    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain(`Sauvegarde écrite dans ${dest}`);
    expect(writtenDuringBackup).toBeGreaterThan(0);
    expect(existsSync(`${dest}-wal`)).toBe(false);

    const target = tempDir('backup-restored');
    const restore = await runNode(CLI, ['restore', dest], { CAP_DATA_DIR: target });
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain('Base restaurée');

    const before = dumpTables(dataFile(src));
    const after = dumpTables(dataFile(target));
    // Everything that existed before the backup started is there, identical.
    for (const table of ['users', 'organisations', 'memberships', 'diagnostics', 'referentials', 'services', '__drizzle_migrations']) {
      expect(after[table], table).toEqual(before[table]);
    }
    // The answers form a snapshot: a prefix of what was written, each with its audit event.
    const restored = after.answers as { question_code: string }[];
    expect(restored.length).toBeGreaterThanOrEqual(50);
    const sourceByCode = new Map((before.answers as { question_code: string }[]).map((a) => [a.question_code, a]));
    for (const a of restored) expect(a).toEqual(sourceByCode.get(a.question_code));
    const restoredCodes = new Set(restored.map((a) => a.question_code));
    const max = Math.max(...restored.map((a) => Number(a.question_code.slice(2))));
    for (let i = 0; i <= max; i++) expect(restoredCodes.has(`Q-${i}`)).toBe(true);
    const answerEvents = (after.audit_events as { action: string; entity_id: string }[]).filter((e) => e.action === 'answer');
    expect(answerEvents.map((e) => e.entity_id).sort()).toEqual(restored.map((a) => `${seeded.diagnosticId}:${a.question_code}`).sort());
  });

  it('round-trips every table exactly when nothing writes, and keeps the replaced database', async () => {
    const src = tempDir('rt-src');
    const seeded = await seedDataDir(src);
    const db = openDatabase(dataFile(src));
    for (let n = 0; n < 10; n++) writeAnswer(db, seeded.diagnosticId, n);
    const out = join(tempDir('rt-out'), 'cap.sauvegarde');
    const counts = await backupDatabase(dataFile(src), out);
    expect(counts).toEqual({ users: 2, organisations: 1, diagnostics: 1, answers: 10, files: 0 });
    // The target already holds another database, with a WAL left by a crash.
    const target = tempDir('rt-target');
    await seedDataDir(target);
    const other = openDatabase(dataFile(target));
    writeAnswer(other, (other.$client.prepare('SELECT id FROM diagnostics').get() as { id: string }).id, 999);
    const otherAnswers = dumpTables(dataFile(target)).answers;
    other.$client.close();

    const result = await restoreDatabase(target, out, new Date('2026-03-02T10:00:00Z'));
    db.$client.close();
    expect(dumpTables(dataFile(target))).toEqual(dumpTables(dataFile(src)));
    expect(result.previous).toBe(`${dataFile(target)}.avant-restauration-2026-03-02T10-00-00-000Z`);
    expect(dumpTables(result.previous!).answers).toEqual(otherAnswers);
    expect(existsSync(`${dataFile(target)}-wal`)).toBe(false);
    expect(existsSync(`${dataFile(target)}-shm`)).toBe(false);
  });

  it('removes stale -wal and -shm files left next to the restored database', async () => {
    const src = tempDir('stale-src');
    await seedDataDir(src);
    const out = join(tempDir('stale-out'), 'b.db');
    await backupDatabase(dataFile(src), out);
    const target = tempDir('stale-target');
    writeFileSync(`${dataFile(target)}-wal`, 'reste d’un autre fichier');
    writeFileSync(`${dataFile(target)}-shm`, 'reste d’un autre fichier');
    await restoreDatabase(target, out, new Date());
    expect(existsSync(`${dataFile(target)}-wal`)).toBe(false);
    expect(existsSync(`${dataFile(target)}-shm`)).toBe(false);
    expect(dumpTables(dataFile(target)).users).toHaveLength(2);
  });

  it('refuses to restore while a server holds the pid file, in French, and changes nothing', async () => {
    const dir = tempDir('refuse');
    await seedDataDir(dir);
    const out = join(tempDir('refuse-out'), 'b.db');
    await backupDatabase(dataFile(dir), out);
    const live = readFileSync(dataFile(dir));

    const server = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    children.push(server);
    writeFileSync(pidFile(dir), `${server.pid}\n`);
    const refused = await runNode(CLI, ['restore', out], { CAP_DATA_DIR: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`Restauration refusée : le serveur CAP est en marche sur ${dir} (processus ${server.pid})`);
    expect(refused.stderr).toContain('Arrêtez-le');
    expect(readFileSync(dataFile(dir)).equals(live)).toBe(true);

    // Once that process is gone, the same pid file is stale and the restore goes through.
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGKILL');
    await exited;
    const ok = await runNode(CLI, ['restore', out], { CAP_DATA_DIR: dir });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('L’ancienne base est conservée');
  });

  it('refuses a file that is not a CAP database, and leaves the live one in place', async () => {
    const dir = tempDir('notcap');
    await seedDataDir(dir);
    const live = readFileSync(dataFile(dir));
    const junk = join(tempDir('notcap-in'), 'notes.txt');
    writeFileSync(junk, 'ceci n’est pas une base');
    const r1 = await runNode(CLI, ['restore', junk], { CAP_DATA_DIR: dir });
    expect(r1.code).toBe(1);
    expect(r1.stderr).toContain(`Le fichier ${junk} n’est pas une base SQLite.`);

    const foreign = join(tempDir('notcap-sqlite'), 'autre.db');
    const f = new Database(foreign);
    f.exec('CREATE TABLE users (id TEXT)');
    f.close();
    const r2 = await runNode(CLI, ['restore', foreign], { CAP_DATA_DIR: dir });
    expect(r2.code).toBe(1);
    expect(r2.stderr).toContain('n’est pas une base CAP (tables absentes : __drizzle_migrations, organisations');

    const r3 = await runNode(CLI, ['restore', join(dir, 'absent.db')], { CAP_DATA_DIR: dir });
    expect(r3.code).toBe(1);
    expect(r3.stderr).toContain('introuvable');
    expect(readFileSync(dataFile(dir)).equals(live)).toBe(true);
    expect(existsSync(`${dataFile(dir)}.restauration`)).toBe(false);
  });
});
