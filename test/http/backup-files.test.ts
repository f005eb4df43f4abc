// Evidence files in backups: npm run backup copies them beside the database as the snapshot lists
// them, npm run restore puts both back together, and a backup whose files are missing or damaged
// is refused before anything changes.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, dataFile, type Db } from '../../src/db/open.ts';
import { FileStore, filesDir, hashFile } from '../../src/evidence/store.ts';
import { nodeStream, readUpload } from '../../src/evidence/upload.ts';
import { attachReceived, removeEvidenceFile } from '../../src/evidence/attach.ts';
import { listEvidence, referencedHashes } from '../../src/db/evidence.ts';
import { backupDatabase, backupFilesDir, restoreDatabase } from '../../src/db/backup.ts';
import { dumpTables, runNode, seedDataDir, tempDir, removeTempDirs } from '../support/datadir.ts';
import { JPEG, PNG, samplePdf } from '../support/files.ts';

const CLI = 'src/db/backup-cli.ts';
afterAll(removeTempDirs);
const NOW = new Date('2026-03-02T09:00:00Z');

async function attach(db: Db, store: FileStore, diagnosticId: string, bytes: Buffer, name: string, code = 'ID-1.1') {
  const form = new FormData();
  form.append('_csrf', 'ok');
  form.append('file', new File([new Uint8Array(bytes)], name));
  const req = new Request('http://cap.test/', { method: 'POST', body: form });
  const up = await readUpload(nodeStream(req.body), req.headers.get('Content-Type')!, { store, maxFileBytes: 1e6, maxBodyBytes: 2e6, authorized: () => true });
  if (up.kind !== 'file') throw new Error(up.kind);
  const r = await attachReceived(db, store, up.file, { diagnosticId, questionCode: code, filename: name, userId: null }, { quotaBytes: 1e9, maxPerAnswer: 20 }, NOW);
  if (r.kind !== 'attached') throw new Error(r.kind);
}

/** Every file of a folder with its bytes. */
function folder(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  return Object.fromEntries(readdirSync(dir).filter((n) => !n.startsWith('.')).sort().map((n) => [n, readFileSync(join(dir, n)).toString('base64')]));
}

async function seededWithFiles(prefix: string) {
  const dir = tempDir(prefix);
  const seeded = await seedDataDir(dir);
  const db = openDatabase(dataFile(dir));
  const store = new FileStore(filesDir(dir)).ensure();
  await attach(db, store, seeded.diagnosticId, samplePdf('Charte'), 'Charte.pdf');
  await attach(db, store, seeded.diagnosticId, PNG, 'Organigramme.png', 'ID-3.2');
  await attach(db, store, seeded.diagnosticId, samplePdf('Charte'), 'Charte (copie).pdf', 'ID-1.2');
  return { dir, seeded, db, store };
}

describe('evidence files in backups', () => {
  it('round-trips the database and its files together (npm run backup, then npm run restore)', async () => {
    const { dir, seeded, db, store } = await seededWithFiles('bf-src');
    const dest = join(tempDir('bf-out'), 'cap-2026-03-02.db');
    const backup = await runNode(CLI, ['backup', dest], { CAP_DATA_DIR: dir });
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toContain(`(justificatifs dans ${dest}.fichiers)`);
    expect(backup.stdout).toContain('2 justificatif(s)');
    const atBackup = { tables: dumpTables(dataFile(dir)), files: folder(filesDir(dir)) };
    expect(Object.keys(atBackup.files)).toHaveLength(2);
    expect(folder(backupFilesDir(dest))).toEqual(atBackup.files);

    // Life goes on: a file removed, another attached.
    removeEvidenceFile(db, store, seeded.diagnosticId, listEvidence(db, seeded.diagnosticId).find((e) => e.name === 'Organigramme.png')!.id, null, NOW);
    await attach(db, store, seeded.diagnosticId, JPEG, 'Photo.jpg', 'SV-1.1');
    db.$client.close();
    expect(folder(filesDir(dir))).not.toEqual(atBackup.files);

    const restore = await runNode(CLI, ['restore', dest], { CAP_DATA_DIR: dir });
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain('2 justificatif(s)');
    expect(dumpTables(dataFile(dir))).toEqual(atBackup.tables);
    expect(folder(filesDir(dir))).toEqual(atBackup.files);
    // The replaced files are kept beside the replaced database.
    const kept = readdirSync(dir).find((n) => n.endsWith('.fichiers'))!;
    expect(Object.keys(folder(join(dir, kept)))).toHaveLength(2);
    const restored = openDatabase(dataFile(dir));
    expect([...referencedHashes(restored)].sort()).toEqual(new FileStore(filesDir(dir)).list());
    restored.$client.close();
  });

  it('checks every copied file against its hash', async () => {
    const { dir, db } = await seededWithFiles('bf-hash');
    db.$client.close();
    const dest = join(tempDir('bf-hash-out'), 'b.db');
    await backupDatabase(dataFile(dir), dest);
    for (const name of readdirSync(backupFilesDir(dest))) expect(await hashFile(join(backupFilesDir(dest), name))).toBe(name);
  });

  it('refuses a backup whose files are missing or damaged, and changes nothing', async () => {
    const { dir, db } = await seededWithFiles('bf-bad');
    db.$client.close();
    const dest = join(tempDir('bf-bad-out'), 'b.db');
    await backupDatabase(dataFile(dir), dest);
    const target = tempDir('bf-bad-target');
    const [first, second] = readdirSync(backupFilesDir(dest));
    rmSync(join(backupFilesDir(dest), first!));
    await expect(restoreDatabase(target, dest, NOW)).rejects.toThrow(/La sauvegarde est incomplète : 1 justificatif\(s\) cité\(s\) par la base manquent/);
    writeFileSync(join(backupFilesDir(dest), first!), 'autre chose');
    await expect(restoreDatabase(target, dest, NOW)).rejects.toThrow(/est endommagé/);
    expect(readdirSync(target)).toEqual([]);
    expect(second).toBeDefined();
  });

  it('refuses to back up a database whose files have gone from the folder', async () => {
    const { dir, db } = await seededWithFiles('bf-gone');
    db.$client.close();
    for (const name of readdirSync(filesDir(dir))) if (!name.startsWith('.')) rmSync(join(filesDir(dir), name));
    const dest = join(tempDir('bf-gone-out'), 'b.db');
    await expect(backupDatabase(dataFile(dir), dest)).rejects.toThrow(/2 justificatif\(s\) cité\(s\) par la base sont absents/);
    expect(existsSync(dest)).toBe(false);
    expect(existsSync(backupFilesDir(dest))).toBe(false);
  });

  it('restores an older backup made before evidence files existed', async () => {
    const src = tempDir('bf-old');
    await seedDataDir(src);
    const dest = join(tempDir('bf-old-out'), 'b.db');
    await backupDatabase(dataFile(src), dest);
    rmSync(backupFilesDir(dest), { recursive: true });
    const target = tempDir('bf-old-target');
    const r = await restoreDatabase(target, dest, NOW);
    expect(r.files).toBe(0);
    expect(readdirSync(filesDir(target))).toEqual([]);
  });
});
