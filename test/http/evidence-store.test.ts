// The evidence store below the HTTP layer: streaming an upload to disk, the type and quota checks,
// the row and the file placed together, removal, the start-up sweep — and, after every step, the
// files folder holds exactly the files the table points at.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { openDatabase, type Db } from '../../src/db/open.ts';
import { ensureBuiltins } from '../../src/referential/store.ts';
import { FileStore } from '../../src/evidence/store.ts';
import { nodeStream, readUpload, type UploadResult } from '../../src/evidence/upload.ts';
import { attachReceived, removeEvidenceFile } from '../../src/evidence/attach.ts';
import { evidenceUsage, listEvidence, referencedHashes } from '../../src/db/evidence.ts';
import { auditEvents, diagnostics, evidenceFiles } from '../../src/db/schema.ts';
import { org, user } from '../support/app.ts';
import { insertDiagnostic, removeTempDirs, tempDir } from '../support/datadir.ts';
import { executable, PNG, samplePdf } from '../support/files.ts';

afterAll(removeTempDirs);

const NOW = new Date('2026-03-02T09:00:00Z');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let db: Db;
let store: FileStore;
let orgId: string;
let diagId: string;
let userId: string;

beforeEach(async () => {
  db = openDatabase(':memory:');
  ensureBuiltins(db, NOW);
  store = new FileStore(join(tempDir('evidence'), 'files')).ensure();
  orgId = org(db);
  userId = await user(db, 'member', 'membre@cap.test', { organisationIds: [orgId] });
  diagId = insertDiagnostic(db, orgId, userId);
});

/** The folder and the table agree: every stored file has a row, every row its file, no temporary file. */
function expectConsistent() {
  expect(store.list()).toEqual([...referencedHashes(db)].sort());
  expect(readdirSync(store.tempDir)).toEqual([]);
}

async function upload(parts: { csrf?: string; file?: { bytes: Buffer; name: string } }, opts: { maxFileBytes?: number; maxBodyBytes?: number } = {}): Promise<UploadResult> {
  const form = new FormData();
  if (parts.csrf !== undefined) form.append('_csrf', parts.csrf);
  if (parts.file) form.append('file', new File([new Uint8Array(parts.file.bytes)], parts.file.name, { type: 'application/pdf' }));
  const req = new Request('http://cap.test/', { method: 'POST', body: form });
  return readUpload(nodeStream(req.body), req.headers.get('Content-Type')!, {
    store,
    maxFileBytes: opts.maxFileBytes ?? 1024 * 1024,
    maxBodyBytes: opts.maxBodyBytes ?? 2 * 1024 * 1024,
    authorized: (f) => f.get('_csrf') === 'jeton',
  });
}

async function attach(bytes: Buffer, name = 'preuve.pdf', limits = { quotaBytes: 10 * 1024 * 1024, maxPerAnswer: 20 }, code = 'ID-1.1') {
  const up = await upload({ csrf: 'jeton', file: { bytes, name } });
  if (up.kind !== 'file') throw new Error(up.kind);
  return attachReceived(db, store, up.file, { diagnosticId: diagId, questionCode: code, filename: up.filename, userId }, limits, NOW);
}

describe('receiving an upload', () => {
  it('streams the file to a temporary file, with its hash and size', async () => {
    const pdf = samplePdf();
    const r = await upload({ csrf: 'jeton', file: { bytes: pdf, name: 'charte.pdf' } });
    expect(r.kind).toBe('file');
    if (r.kind !== 'file') return;
    expect(r.filename).toBe('charte.pdf');
    expect(r.file).toMatchObject({ hash: sha(pdf), size: pdf.length });
    expect(readFileSync(r.file.tempPath)).toEqual(pdf);
    store.discard(r.file);
    expectConsistent();
  });

  it('keeps no byte of a file sent without the token first', async () => {
    expect((await upload({ file: { bytes: samplePdf(), name: 'a.pdf' } })).kind).toBe('forbidden');
    expect((await upload({ csrf: 'faux', file: { bytes: samplePdf(), name: 'a.pdf' } })).kind).toBe('forbidden');
    expectConsistent();
  });

  it('refuses a file over the limit, and a body over its cap, leaving nothing behind', async () => {
    const big = Buffer.alloc(300_000, 1);
    expect(await upload({ csrf: 'jeton', file: { bytes: big, name: 'gros.pdf' } }, { maxFileBytes: 200_000 })).toEqual({ kind: 'too-large', limit: 200_000 });
    expect((await upload({ csrf: 'jeton', file: { bytes: big, name: 'gros.pdf' } }, { maxFileBytes: 200_000, maxBodyBytes: 100_000 })).kind).toBe('too-large');
    expectConsistent();
  });

  it('tells an empty file from no file chosen', async () => {
    expect((await upload({ csrf: 'jeton', file: { bytes: Buffer.alloc(0), name: 'vide.pdf' } })).kind).toBe('empty');
    expect((await upload({ csrf: 'jeton', file: { bytes: Buffer.alloc(0), name: '' } })).kind).toBe('no-file');
    expect((await upload({ csrf: 'jeton' })).kind).toBe('no-file');
    expectConsistent();
  });

  it('answers a broken body as a bad request', async () => {
    const broken = Readable.from([Buffer.from('--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4 tronqué')]);
    expect((await readUpload(broken, 'multipart/form-data; boundary=xyz', { store, maxFileBytes: 1000, maxBodyBytes: 2000, authorized: () => true })).kind).toBe('bad-request');
    expect((await readUpload(Readable.from([]), 'text/plain', { store, maxFileBytes: 1000, maxBodyBytes: 2000, authorized: () => true })).kind).toBe('bad-request');
    expectConsistent();
  });
});

describe('recording an evidence file', () => {
  it('stores a PDF under its hash and records who, when, what and on which answer', async () => {
    const pdf = samplePdf();
    const r = await attach(pdf, 'Charte des valeurs.pdf');
    expect(r.kind).toBe('attached');
    const [row] = listEvidence(db, diagId);
    expect(row).toMatchObject({ questionCode: 'ID-1.1', name: 'Charte des valeurs.pdf', size: pdf.length, mime: 'application/pdf', hash: sha(pdf), uploadedBy: userId, uploadedAt: NOW.toISOString(), uploaderName: 'membre' });
    expect(readFileSync(store.pathOf(sha(pdf)))).toEqual(pdf);
    const event = db.select().from(auditEvents).where(eq(auditEvents.entity, 'evidence')).get();
    expect(event).toMatchObject({ action: 'attach', userId, diagnosticId: diagId, organisationId: orgId });
    expectConsistent();
  });

  it('refuses an executable renamed .pdf and keeps nothing', async () => {
    expect((await attach(executable(), 'rapport.pdf')).kind).toBe('forbidden-type');
    expect(listEvidence(db, diagId)).toEqual([]);
    expectConsistent();
  });

  it('counts the quota per organisation, the same content once', async () => {
    const pdf = samplePdf();
    const limits = { quotaBytes: pdf.length + PNG.length, maxPerAnswer: 20 };
    expect((await attach(pdf, 'a.pdf', limits)).kind).toBe('attached');
    // The same document on another answer takes no more space.
    expect((await attach(pdf, 'a.pdf', limits, 'ID-1.2')).kind).toBe('attached');
    expect(evidenceUsage(db, orgId)).toBe(pdf.length);
    expect((await attach(PNG, 'photo.png', limits)).kind).toBe('attached');
    const over = await attach(samplePdf('Autre document'), 'b.pdf', limits);
    expect(over).toMatchObject({ kind: 'over-quota', usage: pdf.length + PNG.length, quota: limits.quotaBytes });
    expect(store.list()).toHaveLength(2);
    expectConsistent();
  });

  it('bounds the files on one answer', async () => {
    const limits = { quotaBytes: 10_000_000, maxPerAnswer: 2 };
    await attach(samplePdf('1'), '1.pdf', limits);
    await attach(samplePdf('2'), '2.pdf', limits);
    expect(await attach(samplePdf('3'), '3.pdf', limits)).toMatchObject({ kind: 'too-many', max: 2 });
    expectConsistent();
  });

  it('refuses a file on a submitted diagnostic', async () => {
    db.update(diagnostics).set({ status: 'submitted' }).where(eq(diagnostics.id, diagId)).run();
    expect(await attach(samplePdf())).toMatchObject({ kind: 'locked', status: 'submitted' });
    expectConsistent();
  });

  it('lets concurrent uploads past the quota only as far as it goes, with nothing half-written', async () => {
    const files = Array.from({ length: 8 }, (_, i) => samplePdf(`Document ${i}`));
    const size = files[0]!.length;
    const limits = { quotaBytes: size * 3 + 10, maxPerAnswer: 20 };
    const results = await Promise.all(files.map((f, i) => attach(f, `${i}.pdf`, limits)));
    expect(results.filter((r) => r.kind === 'attached')).toHaveLength(3);
    expect(results.filter((r) => r.kind === 'over-quota')).toHaveLength(5);
    expect(evidenceUsage(db, orgId)).toBeLessThanOrEqual(limits.quotaBytes);
    expectConsistent();
  });

  it('takes the file back when the transaction fails at its commit, after the rename', async () => {
    const up = await upload({ csrf: 'jeton', file: { bytes: samplePdf(), name: 'a.pdf' } });
    if (up.kind !== 'file') throw new Error(up.kind);
    // A deferred foreign key is only checked at COMMIT: the file has been renamed by then.
    db.$client.exec(`
      CREATE TABLE piege (d TEXT REFERENCES diagnostics(id) DEFERRABLE INITIALLY DEFERRED);
      CREATE TRIGGER piege_apres AFTER INSERT ON evidence_files BEGIN INSERT INTO piege VALUES ('inconnu'); END;`);
    await expect(attachReceived(db, store, up.file, { diagnosticId: diagId, questionCode: 'ID-1.1', filename: 'a.pdf', userId }, { quotaBytes: 1e9, maxPerAnswer: 20 }, NOW)).rejects.toThrow(/FOREIGN KEY/);
    expect(db.select().from(evidenceFiles).all()).toEqual([]);
    expect(store.list()).toEqual([]);
    expectConsistent();
  });
});

describe('removing and sweeping', () => {
  it('removes the bytes with the last row that points at them, and audits it', async () => {
    const pdf = samplePdf();
    await attach(pdf, 'a.pdf', undefined, 'ID-1.1');
    await attach(pdf, 'a.pdf', undefined, 'ID-1.2');
    const [first, second] = listEvidence(db, diagId);
    expect(removeEvidenceFile(db, store, diagId, first!.id, userId, NOW)).toMatchObject({ kind: 'removed', lastCopy: false });
    expect(store.has(sha(pdf))).toBe(true);
    expect(removeEvidenceFile(db, store, diagId, second!.id, userId, NOW)).toMatchObject({ kind: 'removed', lastCopy: true });
    expect(store.has(sha(pdf))).toBe(false);
    const removals = db.select().from(auditEvents).where(eq(auditEvents.action, 'remove')).all();
    expect(removals.map((e) => (e.before as { name: string }).name)).toEqual(['a.pdf', 'a.pdf']);
    expectConsistent();
  });

  it('does not remove a file of another diagnostic, nor one of a submitted diagnostic', async () => {
    await attach(samplePdf());
    const [row] = listEvidence(db, diagId);
    const other = insertDiagnostic(db, orgId, userId);
    expect(removeEvidenceFile(db, store, other, row!.id, userId, NOW).kind).toBe('missing');
    db.update(diagnostics).set({ status: 'validated' }).where(eq(diagnostics.id, diagId)).run();
    expect(removeEvidenceFile(db, store, diagId, row!.id, userId, NOW).kind).toBe('locked');
    expect(db.select().from(evidenceFiles).all()).toHaveLength(1);
    expectConsistent();
  });

  it('sweeps temporary files and files no row points at (a crash between rename and commit)', async () => {
    await attach(samplePdf());
    const orphan = samplePdf('orphelin');
    writeFileSync(store.pathOf(sha(orphan)), orphan);
    writeFileSync(join(store.tempDir, 'abc.part'), 'moitié');
    writeFileSync(join(store.dir, 'README'), 'not a hash: left alone');
    expect(store.sweep(referencedHashes(db))).toEqual({ temporary: 1, orphans: 1 });
    expect(existsSync(join(store.dir, 'README'))).toBe(true);
    expectConsistent();
  });

  it('never turns a name into a path', () => {
    expect(() => store.pathOf('../cap.db')).toThrow();
    expect(store.has('../cap.db')).toBe(false);
  });
});
