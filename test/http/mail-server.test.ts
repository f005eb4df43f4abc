// The real server, as `npm start` runs it on a fresh install with no SMTP: the mail worker and the
// Monday reminders live in its process, the reminders it catches up on land as .eml files in
// CAP_DATA_DIR/outbox/, and SIGTERM stops everything promptly.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { dataFile, openDatabase } from '../../src/db/open.ts';
import { actions, jobRuns } from '../../src/db/schema.ts';
import { newId } from '../../src/ids.ts';
import { lastSlot, REMINDER_JOB, weekOf } from '../../src/mail/scheduler.ts';
import { addDays } from '../../src/mail/reminders.ts';
import { ROOT, seedDataDir, tempDir, removeTempDirs } from '../support/datadir.ts';

const running: ChildProcess[] = [];
afterAll(removeTempDirs);
afterEach(() => {
  for (const p of running.splice(0)) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
});

function start(dataDir: string, env: Record<string, string> = {}) {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', CAP_DATA_DIR: dataDir, CAP_SMTP_URL: '', CAP_PUBLIC_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(proc);
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  const until = (text: string, ms = 15_000) =>
    new Promise<void>((resolve, reject) => {
      const deadline = Date.now() + ms;
      const check = () => (out.includes(text) ? resolve() : Date.now() > deadline ? reject(new Error(`« ${text} » not seen:\n${out}`)) : setTimeout(check, 20));
      check();
    });
  return { proc, output: () => out, exited, until };
}

describe('mail in the server process', () => {
  it('writes the reminders it catches up on to the outbox, once, and stops cleanly on SIGTERM', async () => {
    const dir = tempDir('mail-server');
    const seeded = await seedDataDir(dir, 2);
    const db = openDatabase(dataFile(dir));
    // Overdue on the Monday the server catches up on, whatever day the test runs.
    const day = addDays(weekOf(lastSlot(new Date())), -3);
    db.insert(actions)
      .values({ id: newId(), diagnosticId: seeded.diagnosticId, origin: 'custom', themeSlug: 'identite', title: 'Rédiger la charte d’accueil', services: [], priority: 'haute', owner: 'Élodie', dueDate: day, createdAt: day, updatedAt: day })
      .run();
    db.$client.close();

    const first = start(dir);
    await first.until('Courriels écrits dans');
    const port = /CAP est prêt : http:\/\/127\.0\.0\.1:(\d+)\//.exec(first.output())![1];
    expect(first.output()).toContain(`Courriels écrits dans ${join(dir, 'outbox')} (aucun CAP_SMTP_URL) ; liens vers http://127.0.0.1:${port}.`);
    await first.until('message(s) en file');
    const outbox = join(dir, 'outbox');
    const deadline = Date.now() + 10_000;
    while ((!existsSync(outbox) || readdirSync(outbox).filter((f) => f.endsWith('.eml')).length < 2) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const files = readdirSync(outbox).filter((f) => f.endsWith('.eml')).sort();
    expect(files).toHaveLength(2);
    for (const f of files) expect(f).toMatch(/^\d{8}T\d{6}Z-reminder_member-[\w-]+\.eml$/);
    const mail = await simpleParser(readFileSync(join(outbox, files[0]!)));
    expect(mail.subject).toBe('Plan de progrès d’Atelier d’Oc\u00a0: 1\u00a0action en retard');
    expect(mail.text).toContain('Rédiger la charte d’accueil');
    expect(mail.text).toContain('responsable\u00a0: Élodie');
    expect(mail.text).toContain(`http://127.0.0.1:${port}/diagnostics/${seeded.diagnosticId}/plan`);

    const t0 = Date.now();
    first.proc.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(first.output()).toContain('CAP est arrêté.');

    // Started again the same week: nothing more.
    const again = start(dir);
    await again.until('CAP est prêt');
    await new Promise((r) => setTimeout(r, 300));
    again.proc.kill('SIGTERM');
    expect(await again.exited).toBe(0);
    expect(again.output()).not.toContain('message(s) en file');
    expect(readdirSync(outbox).filter((f) => f.endsWith('.eml'))).toHaveLength(2);
    const check = openDatabase(dataFile(dir));
    // One week of reminders recorded (the start-up's one-off upgrades keep their own rows).
    expect(check.select().from(jobRuns).all().filter((r) => r.job === REMINDER_JOB)).toHaveLength(1);
    check.$client.close();
  });

  it('refuses to start with an incomplete SMTP setting, naming it', async () => {
    const dir = tempDir('mail-settings');
    const s = start(dir, { CAP_SMTP_URL: 'smtp://mail.exemple.org:587' });
    expect(await s.exited).toBe(1);
    expect(s.output().trim()).toBe('Paramètre CAP_MAIL_FROM invalide ("") : une adresse d’expédition est attendue avec CAP_SMTP_URL');
  });
});
