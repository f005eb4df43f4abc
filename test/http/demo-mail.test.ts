// The demo's e-mail: pending invitations (one by a structure's lead, one by a consultant, one by
// the administration) and this week's Monday reminders, written to the outbox as a newcomer finds
// them; loading the demo again adds nothing.
import { afterAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { loadDemo } from '../../src/demo/index.ts';
import { invitations, mailQueue } from '../../src/db/schema.ts';
import { leadOf } from '../../src/db/leads.ts';
import { MailWorker } from '../../src/mail/worker.ts';
import { outboxTransport } from '../../src/mail/transport.ts';
import { makeApp } from '../support/app.ts';
import { removeTempDirs, tempDir } from '../support/datadir.ts';

afterAll(removeTempDirs);

describe('demo e-mail', () => {
  it('has pending invitations and a week of reminders, written once to the outbox', async () => {
    const ctx = makeApp();
    const ids = await loadDemo(ctx.db, ctx.now.value);
    expect(leadOf(ctx.db, ids.users['membre1@cap.test']!)).toEqual([ids.organisations[0]]);
    const pending = ctx.db.select().from(invitations).all();
    expect(pending.map((i) => [i.email, i.role, i.invitedBy]).sort()).toEqual([
      ['accueil.garonne@cap.test', 'member', ids.users['membre1@cap.test']],
      ['conseil.hdf@cap.test', 'consultant', ids.users['admin@cap.test']],
      ['encadrant.jardins@cap.test', 'member', ids.users['conseil.occitanie@cap.test']],
    ]);
    expect(pending.every((i) => !i.acceptedAt && !i.revokedAt && i.expiresAt > ctx.now.value.toISOString())).toBe(true);
    const kinds = ctx.db.select().from(mailQueue).all().map((m) => `${m.kind} ${m.recipient}`).sort();
    expect(kinds).toEqual([
      'invitation accueil.garonne@cap.test',
      'invitation conseil.hdf@cap.test',
      'invitation encadrant.jardins@cap.test',
      'reminder_consultant conseil.bretagne@cap.test',
      'reminder_consultant conseil.occitanie@cap.test',
      'reminder_member membre1@cap.test',
    ]);

    const dir = tempDir('demo-outbox');
    const worker = new MailWorker({ db: ctx.db, transport: outboxTransport(dir, 'CAP <ne-pas-repondre@localhost>'), clock: () => ctx.now.value, publicUrl: 'http://127.0.0.1:3000', log: () => {} });
    expect(await worker.drain()).toMatchObject({ sent: 6 });
    await loadDemo(ctx.db, ctx.now.value);
    expect(await worker.drain()).toMatchObject({ sent: 0 });
    await worker.stop();
    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(6);
    const invitation = await simpleParser(readFileSync(join(dir, files.find((f) => f.includes('invitation') && readFileSync(join(dir, f), 'utf8').includes('accueil.garonne'))!)));
    expect(invitation.subject).toBe('Invitation à rejoindre CAP pour Garonne Services Emploi (démo)');
    expect(invitation.text).toContain('Sophie Durand vous invite à rejoindre CAP');
    expect(invitation.text).toMatch(/http:\/\/127\.0\.0\.1:3000\/invitations\/[\w-]{43}\n/);
    const reminder = await simpleParser(readFileSync(join(dir, files.find((f) => f.includes('reminder_member'))!)));
    expect(reminder.subject).toMatch(/^Plan de progrès de Garonne Services Emploi \(démo\)\u00a0: \d+\u00a0actions? en retard/);
    expect(reminder.text).toContain('Bonjour Sophie Durand,');
  });
});
