// The real server, as operators run it: answers acknowledged to concurrent clients survive a
// SIGKILL, and SIGTERM lets a request in flight finish before the process exits.
import { describe, it, expect, afterEach, afterAll } from 'vitest';
import { request } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { dataFile } from '../../src/db/open.ts';
import { pidFile, runningServer } from '../../src/db/pidfile.ts';
import { restoreDatabase } from '../../src/db/backup.ts';
import { builtinReferential } from '../../src/referential/store.ts';
import { isApplicable } from '../../src/scoring/applicability.ts';
import { seedDataDir, tempDir, removeTempDirs } from '../support/datadir.ts';
import { freePort, HttpClient, killServers, startServer, waitFor } from '../support/server.ts';

afterAll(removeTempDirs);
afterEach(killServers);

interface Written {
  level: number;
  comment: string;
  revision: number;
}

function applicableCodes(): string[] {
  return builtinReferential()
    .themes.flatMap((t) => t.criteria.flatMap((c) => c.questions))
    .filter((q) => isApplicable(q, ['ACI']))
    .map((q) => q.code);
}

function storedAnswers(dataDir: string, diagnosticId: string) {
  const db = new Database(dataFile(dataDir), { fileMustExist: true });
  try {
    const rows = db.prepare('SELECT question_code AS code, level, comment, revision FROM answers WHERE diagnostic_id = ?').all(diagnosticId) as (Written & { code: string })[];
    return new Map(rows.map((r) => [r.code, r]));
  } finally {
    db.close();
  }
}

describe('durability of the real server', () => {
  it('keeps every acknowledged answer across a SIGKILL in the middle of concurrent saves', { timeout: 30_000 }, async () => {
    const dir = tempDir('durability');
    const seeded = await seedDataDir(dir, 4);
    const port = await freePort();
    const server = await startServer(dir, port);
    expect(readFileSync(pidFile(dir), 'utf8').trim()).toBe(String(server.proc.pid));

    const codes = applicableCodes();
    const clients = await Promise.all(
      seeded.memberEmails.map(async (email) => {
        const c = new HttpClient(server.base);
        await c.login(email);
        return c;
      }),
    );
    // While it runs, the server's pid file stops a restore.
    expect(runningServer(dir)).toBe(server.proc.pid);
    await expect(restoreDatabase(dir, dataFile(dir), new Date())).rejects.toThrow(/^Restauration refusée : le serveur CAP est en marche/);

    // Each client owns its questions (no conflicts) and rewrites them again and again.
    const acked = new Map<string, Written>();
    const inFlight = new Map<string, Written>();
    let ackCount = 0;
    const KILL_AFTER = 120;
    const loops = clients.map(async (client, k) => {
      const mine = codes.filter((_, i) => i % clients.length === k).slice(0, 8);
      const revision = new Map(mine.map((c) => [c, 0]));
      // Clients keep saving through the kill: they stop only when the server is gone.
      for (let n = 0; ; n++) {
        const code = mine[n % mine.length]!;
        const v: Written = { level: (n + k) % 5, comment: `client ${k}, écriture ${n} « ${code} »`, revision: revision.get(code)! };
        inFlight.set(code, v);
        let status: number;
        try {
          const res = await client.saveAnswer(seeded.diagnosticId, code, v);
          status = res.status;
          await res.arrayBuffer();
        } catch {
          return; // the server is gone: this write's fate is unknown, which is allowed
        }
        expect(status, `save ${code}`).toBe(200);
        inFlight.delete(code);
        acked.set(code, v);
        revision.set(code, v.revision + 1);
        if (++ackCount === KILL_AFTER) server.proc.kill('SIGKILL'); // the other clients have requests in flight now
      }
    });
    await Promise.all(loops);
    expect(await server.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(acked.size).toBeGreaterThan(0);
    expect(ackCount).toBeGreaterThanOrEqual(KILL_AFTER);

    // The stale pid file does not stop a restart, which recovers the WAL.
    const again = await startServer(dir, port);
    const stored = storedAnswers(dir, seeded.diagnosticId);
    for (const [code, v] of acked) {
      const row = stored.get(code);
      expect(row, code).toBeDefined();
      const pending = inFlight.get(code);
      if (row!.revision === v.revision + 1) {
        expect({ level: row!.level, comment: row!.comment }).toEqual({ level: v.level, comment: v.comment });
      } else {
        // Only a save still in flight at the kill may have landed after the acknowledged one.
        expect(pending, code).toBeDefined();
        expect(row).toMatchObject({ revision: v.revision + 2, level: pending!.level, comment: pending!.comment });
      }
    }
    for (const code of stored.keys()) expect(acked.has(code) || inFlight.has(code), code).toBe(true);

    // The restarted server serves the stored revisions: the next save builds on them.
    const client = new HttpClient(again.base);
    await client.login(seeded.memberEmails[0]!);
    const [code, row] = [...stored].find(([c]) => codes.indexOf(c) % clients.length === 0)!;
    const next = await client.saveAnswer(seeded.diagnosticId, code, { level: 4, comment: 'après redémarrage', revision: row.revision });
    expect(next.status).toBe(200);

    again.proc.kill('SIGTERM');
    expect(await again.exited).toEqual({ code: 0, signal: null });
    expect(existsSync(pidFile(dir))).toBe(false);
    expect(storedAnswers(dir, seeded.diagnosticId).get(code)).toMatchObject({ level: 4, comment: 'après redémarrage', revision: row.revision + 1 });
  });

  it('lets a request in flight finish on SIGTERM, then exits with 0', { timeout: 30_000 }, async () => {
    const dir = tempDir('sigterm');
    const seeded = await seedDataDir(dir);
    const server = await startServer(dir, await freePort());
    const client = new HttpClient(server.base);
    await client.login(seeded.memberEmails[0]!);
    const code = applicableCodes()[0]!;

    // A save whose body arrives slowly: the request is in flight when SIGTERM comes.
    const body = new URLSearchParams({ level: '3', comment: 'envoyé pendant l’arrêt', revision: '0' }).toString();
    const half = Buffer.from(body).subarray(0, 10);
    const rest = Buffer.from(body).subarray(10);
    const url = new URL(`${server.base}/diagnostics/${seeded.diagnosticId}/answers/${encodeURIComponent(code)}`);
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        url,
        {
          method: 'POST',
          agent: false,
          headers: {
            'Content-Type': 'application/x-www-form-urlencoded',
            'Content-Length': String(Buffer.byteLength(body)),
            'HX-Request': 'true',
            'X-CSRF-Token': client.csrf,
            Cookie: client.cookieHeader(),
          },
        },
        (res) => {
          let text = '';
          res.on('data', (d) => (text += d));
          res.on('end', () => resolve({ status: res.statusCode!, text }));
        },
      );
      req.on('error', reject);
      req.write(half);
      // Send the signal only once the server holds the request, then finish the body.
      setTimeout(() => {
        server.proc.kill('SIGTERM');
        void waitFor(server, 'SIGTERM reçu').then(() => req.end(rest));
      }, 300);
    });

    const done = await response;
    expect(done.status).toBe(200);
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.output()).toContain('CAP est arrêté.');
    expect(storedAnswers(dir, seeded.diagnosticId).get(code)).toMatchObject({ level: 3, comment: 'envoyé pendant l’arrêt', revision: 1 });
    expect(existsSync(pidFile(dir))).toBe(false);
  });
});
