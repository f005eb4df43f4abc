// The mail queue and its worker against a real SMTP server in the test process: what a mail reader
// receives (headers, both parts, accents, links), retries while the server is down, permanent
// refusals, the outbox default, and restarts that neither lose nor double a message.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { eq } from 'drizzle-orm';
import { openDatabase, type Db } from '../../src/db/open.ts';
import { mailQueue, users } from '../../src/db/schema.ts';
import { claimNext, getMail, requeueFailed } from '../../src/db/mail-queue.ts';
import { insertUser } from '../../src/db/users.ts';
import { parseSettings } from '../../src/settings.ts';
import { queueMail } from '../../src/mail/queue.ts';
import { MailWorker, RETRY, retryDelay } from '../../src/mail/worker.ts';
import { transportFromSettings, outboxDir } from '../../src/mail/setup.ts';
import { TestSmtp, linkIn } from '../support/smtp.ts';
import { removeTempDirs, tempDir } from '../support/datadir.ts';

const PUBLIC = 'https://cap.exemple.org';

function smtpSettings(smtp: TestSmtp) {
  return parseSettings({ CAP_SMTP_URL: smtp.url, CAP_MAIL_FROM: 'CAP Coorace <cap@exemple.org>', CAP_PUBLIC_URL: PUBLIC });
}

interface Ctx {
  db: Db;
  now: { value: Date };
  worker: MailWorker;
  logs: string[];
}

function makeWorker(db: Db, now: { value: Date }, settings: ReturnType<typeof parseSettings>, logs: string[]): MailWorker {
  return new MailWorker({ db, transport: transportFromSettings(settings), clock: () => now.value, publicUrl: settings.CAP_PUBLIC_URL ?? 'http://127.0.0.1:3000', log: (l) => logs.push(l) });
}

function resetMail(db: Db, to = 'camille.durand@structure.fr', userId: string | null = null) {
  return queueMail(db, { kind: 'password_reset', to: { email: to, userId }, payload: { recipientName: 'Camille Durand', expiresAt: '2026-03-02T10:00:00.000Z' }, secret: 'jeton-secret-123' }, new Date('2026-03-02T09:00:00Z'))!;
}

let smtp: TestSmtp;
let ctx: Ctx;

beforeAll(async () => {
  smtp = await TestSmtp.start();
});
afterAll(async () => {
  await smtp.stop();
  removeTempDirs();
});
beforeEach(() => {
  smtp.received.length = 0;
  smtp.refused.clear();
  const db = openDatabase(':memory:');
  const now = { value: new Date('2026-03-02T09:00:00Z') };
  const logs: string[] = [];
  ctx = { db, now, logs, worker: makeWorker(db, now, smtpSettings(smtp), logs) };
});
afterEach(async () => {
  await ctx.worker.stop();
  ctx.db.$client.close();
});

describe('mail worker over SMTP', () => {
  it('delivers a message a mail reader shows whole: French, UTF-8, text and HTML, the link, the footer', async () => {
    const id = resetMail(ctx.db);
    expect(await ctx.worker.drain()).toEqual({ sent: 1, retried: 0, failed: 0, cancelled: 0 });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.from).toBe('cap@exemple.org');
    expect(mail.to).toEqual(['camille.durand@structure.fr']);
    expect(mail.parsed.from?.value[0]).toMatchObject({ name: 'CAP Coorace', address: 'cap@exemple.org' });
    expect(mail.parsed.subject).toBe('Réinitialisation de votre mot de passe CAP');
    expect(mail.parsed.messageId).toBe(`<${id}@cap.exemple.org>`);
    expect(mail.parsed.headers.get('auto-submitted')).toBe('auto-generated');
    // Both parts, accents intact.
    expect(mail.parsed.text).toContain('Bonjour Camille Durand,');
    expect(mail.parsed.text).toContain('Ce lien ne sert qu’une fois et reste valable une heure.');
    expect(mail.parsed.html).toContain('Choisir un nouveau mot de passe');
    expect(mail.raw).toMatch(/charset=utf-8/i);
    expect(linkIn(mail, `${PUBLIC}/password-reset/`)).toBe(`${PUBLIC}/password-reset/jeton-secret-123`);
    expect(mail.parsed.html).toContain(`href="${PUBLIC}/password-reset/jeton-secret-123"`);
    // The footer says why, and that this one cannot be turned off.
    expect(mail.parsed.text).toContain('Vous recevez ce message parce qu’un nouveau mot de passe a été demandé pour cette adresse sur CAP.');
    // Sent: logged, and the link's token no longer sits in the database.
    const row = getMail(ctx.db, id)!;
    expect(row).toMatchObject({ status: 'sent', attempts: 1, secret: null, sentAt: '2026-03-02T09:00:00.000Z' });
  });

  it('a notice carries one-click unsubscribe headers and a footer saying why and where to change it', async () => {
    const userId = insertUser(ctx.db, { email: 'ines.martin@coorace.org', name: 'Inès Martin', role: 'consultant', passwordHash: 'x', regions: ['Occitanie'] }, ctx.now.value);
    queueMail(
      ctx.db,
      {
        kind: 'submitted',
        to: { email: 'ines.martin@coorace.org', userId },
        payload: { recipientName: 'Inès Martin', diagnosticId: 'd1', organisationName: 'Garonne Services Emploi', region: 'Occitanie', diagnosticCreatedAt: '2026-02-17T10:00:00Z', submitterName: 'Camille Durand' },
      },
      ctx.now.value,
    );
    await ctx.worker.drain();
    const mail = smtp.received[0]!;
    expect(mail.parsed.subject).toBe('Diagnostic soumis\u00a0: Garonne Services Emploi');
    const header = (name: string) => mail.parsed.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, '').replace(/\r?\n\s+/g, '');
    expect(header('list-unsubscribe')).toMatch(new RegExp(`^<${PUBLIC}/unsubscribe/${userId}\\.submitted\\.[\\w-]{43}>$`));
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(mail.parsed.text).toContain('Camille Durand a soumis le diagnostic du 17 février 2026 de Garonne Services Emploi (Occitanie).');
    expect(mail.parsed.text).toContain(`${PUBLIC}/diagnostics/d1`);
    expect(mail.parsed.text).toContain('Vous recevez cet avis parce que vous suivez la région Occitanie sur CAP.');
    expect(mail.parsed.text).toContain(`${PUBLIC}/account#avis`);
  });

  it('SMTP down: the message waits, is retried later with a growing delay, and is delivered once when the server is back', async () => {
    await smtp.stop();
    const id = resetMail(ctx.db);
    expect(await ctx.worker.drain()).toMatchObject({ sent: 0, retried: 1 });
    let row = getMail(ctx.db, id)!;
    expect(row.status).toBe('pending');
    expect(row.attempts).toBe(1);
    expect(row.lastError).toMatch(/ECONNREFUSED|ECONNECTION/);
    expect(row.nextAttemptAt).toBe(new Date(ctx.now.value.getTime() + RETRY.baseMs).toISOString());
    expect(row.secret).toBe('jeton-secret-123');
    // Not due yet: nothing is tried.
    expect(await ctx.worker.drain()).toMatchObject({ sent: 0, retried: 0 });
    // Still down a minute later: the next delay doubles.
    ctx.now.value = new Date(ctx.now.value.getTime() + RETRY.baseMs);
    expect(await ctx.worker.drain()).toMatchObject({ retried: 1 });
    row = getMail(ctx.db, id)!;
    expect(row.attempts).toBe(2);
    expect(Date.parse(row.nextAttemptAt) - ctx.now.value.getTime()).toBe(retryDelay(2));
    expect(retryDelay(2)).toBe(2 * RETRY.baseMs);
    // Back up: delivered, once.
    await smtp.listen();
    ctx.now.value = new Date(Date.parse(row.nextAttemptAt));
    expect(await ctx.worker.drain()).toMatchObject({ sent: 1 });
    expect(smtp.received).toHaveLength(1);
    expect(getMail(ctx.db, id)).toMatchObject({ status: 'sent', attempts: 3, secret: null });
    expect(await ctx.worker.drain()).toMatchObject({ sent: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it('gives up after the last attempt, and « resend » from support delivers it', async () => {
    await smtp.stop();
    const id = resetMail(ctx.db);
    for (let i = 0; i < RETRY.maxAttempts; i++) {
      await ctx.worker.drain();
      ctx.now.value = new Date(ctx.now.value.getTime() + RETRY.maxDelayMs);
    }
    expect(getMail(ctx.db, id)).toMatchObject({ status: 'failed', attempts: RETRY.maxAttempts });
    expect(ctx.logs.at(-1)).toContain('abandonné');
    await smtp.listen();
    expect(await ctx.worker.drain()).toMatchObject({ sent: 0 });
    expect(requeueFailed(ctx.db, id, ctx.now.value)).toBe(true);
    expect(await ctx.worker.drain()).toMatchObject({ sent: 1 });
    expect(smtp.received).toHaveLength(1);
  });

  it('a recipient the server refuses (550) fails at once, without retries', async () => {
    smtp.refused.add('inconnu@structure.fr');
    const id = resetMail(ctx.db, 'inconnu@structure.fr');
    expect(await ctx.worker.drain()).toMatchObject({ failed: 1 });
    expect(getMail(ctx.db, id)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(getMail(ctx.db, id)!.lastError).toMatch(/550/);
  });

  it('a notice for an account deactivated since it was queued is cancelled, not sent', async () => {
    const userId = insertUser(ctx.db, { email: 'parti@structure.fr', name: 'Parti', role: 'member', passwordHash: 'x' }, ctx.now.value);
    const id = queueMail(
      ctx.db,
      { kind: 'validated', to: { email: 'parti@structure.fr', userId }, payload: { recipientName: 'Parti', diagnosticId: 'd1', organisationName: 'Atelier', region: 'Occitanie', diagnosticCreatedAt: '2026-02-17T10:00:00Z', reviewerName: 'Inès' } },
      ctx.now.value,
    )!;
    ctx.db.update(users).set({ active: false }).where(eq(users.id, userId)).run();
    expect(await ctx.worker.drain()).toMatchObject({ cancelled: 1, sent: 0 });
    expect(getMail(ctx.db, id)!.status).toBe('cancelled');
    expect(smtp.received).toHaveLength(0);
  });

  it('a restart after a crash mid-send sends the interrupted message again; a clean one leaves nothing behind', async () => {
    const id = resetMail(ctx.db);
    // A crash: the message was claimed, the process died before recording the outcome.
    expect(claimNext(ctx.db, ctx.now.value)!.id).toBe(id);
    expect(getMail(ctx.db, id)!.status).toBe('sending');
    await ctx.worker.stop();
    const again = makeWorker(ctx.db, ctx.now, smtpSettings(smtp), ctx.logs);
    ctx.worker = again;
    again.start();
    await again.drain();
    expect(getMail(ctx.db, id)!.status).toBe('sent');
    expect(smtp.received).toHaveLength(1);
    expect(ctx.logs.join('\n')).toContain('remis en file');
    // A message queued while the worker is stopped waits for the next start: nothing is lost.
    await again.stop();
    const later = resetMail(ctx.db, 'autre@structure.fr');
    const third = makeWorker(ctx.db, ctx.now, smtpSettings(smtp), ctx.logs);
    ctx.worker = third;
    third.start();
    await third.drain();
    expect(getMail(ctx.db, later)!.status).toBe('sent');
    expect(smtp.received.map((m) => m.to[0])).toEqual(['camille.durand@structure.fr', 'autre@structure.fr']);
  });

  it('runs in the background once started, wakes on demand, and stops cleanly', async () => {
    ctx.worker.start();
    resetMail(ctx.db);
    ctx.worker.wake();
    const deadline = Date.now() + 5_000;
    while (smtp.received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(smtp.received).toHaveLength(1);
    await ctx.worker.stop();
    resetMail(ctx.db, 'apres@structure.fr');
    ctx.worker.wake();
    await new Promise((r) => setTimeout(r, 100));
    expect(smtp.received).toHaveLength(1);
    expect(ctx.db.select().from(mailQueue).where(eq(mailQueue.status, 'pending')).all()).toHaveLength(1);
  });
});

describe('outbox (no SMTP configured)', () => {
  it('writes one complete RFC 5322 file per message, named from an ISO timestamp', async () => {
    const dir = tempDir('outbox');
    const settings = parseSettings({ CAP_DATA_DIR: dir });
    expect(settings.CAP_SMTP_URL).toBeUndefined();
    const worker = makeWorker(ctx.db, ctx.now, settings, ctx.logs);
    try {
      expect(worker.transportKind).toBe('outbox');
      const a = resetMail(ctx.db);
      ctx.now.value = new Date('2026-03-02T09:05:00Z');
      const b = queueMail(ctx.db, { kind: 'password_reset', to: { email: 'zoe@structure.fr', userId: null }, payload: { recipientName: 'Zoé Lefèvre', expiresAt: '2026-03-02T10:05:00Z' }, secret: 'autre-jeton' }, ctx.now.value)!;
      expect(await worker.drain()).toMatchObject({ sent: 2 });
      const files = readdirSync(outboxDir(dir)).sort();
      expect(files).toEqual([`20260302T090000Z-password_reset-${a}.eml`, `20260302T090500Z-password_reset-${b}.eml`]);
      const raw = readFileSync(join(outboxDir(dir), files[1]!));
      expect(raw.toString('latin1')).toContain('\r\n');
      const parsed = await simpleParser(raw);
      expect(parsed.to && 'text' in parsed.to ? parsed.to.text : '').toBe('zoe@structure.fr');
      expect(parsed.from?.value[0]).toMatchObject({ name: 'CAP', address: 'ne-pas-repondre@localhost' });
      expect(parsed.subject).toBe('Réinitialisation de votre mot de passe CAP');
      expect(parsed.text).toContain('Bonjour Zoé Lefèvre,');
      expect(parsed.text).toContain('http://127.0.0.1:3000/password-reset/autre-jeton');
      expect(parsed.html).toContain('Bonjour Zoé Lefèvre,');
      expect(parsed.date).toBeInstanceOf(Date);
      expect(parsed.messageId).toBe(`<${b}@127.0.0.1>`);
      expect(getMail(ctx.db, b)!.status).toBe('sent');
    } finally {
      await worker.stop();
    }
  });
});
