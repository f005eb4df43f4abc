// The Monday reminders on a real database: what they say, once per week whatever the restarts,
// a catch-up when the server was stopped on Monday, and delivery through a real SMTP server.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase, type Db } from '../../src/db/open.ts';
import { actions, auditEvents, diagnostics, jobRuns, mailQueue } from '../../src/db/schema.ts';
import { newId } from '../../src/ids.ts';
import { ensureBuiltins, defaultReferentialId } from '../../src/referential/store.ts';
import { setTopic } from '../../src/db/mail-preferences.ts';
import { ReminderScheduler, REMINDER_JOB, runWeeklyReminders, lastSlot } from '../../src/mail/scheduler.ts';
import { MailWorker } from '../../src/mail/worker.ts';
import { smtpTransport } from '../../src/mail/transport.ts';
import { org, user } from '../support/app.ts';
import { TestSmtp } from '../support/smtp.ts';

let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await TestSmtp.start();
});
afterAll(() => smtp.stop());

interface World {
  db: Db;
  now: { value: Date };
  garonne: string;
  jardins: string;
  members: { camille: string; zoe: string; lea: string };
  consultant: string;
}

function diagnostic(db: Db, organisationId: string, status: 'draft' | 'submitted' | 'changes_requested' | 'validated', createdAt: string, extra: Partial<typeof diagnostics.$inferInsert> = {}): string {
  const id = newId();
  db.insert(diagnostics)
    .values({ id, organisationId, referentialId: defaultReferentialId(db)!, status, mode: 'autodiagnostic', participants: [], createdAt, ...extra })
    .run();
  return id;
}

function action(db: Db, diagnosticId: string, title: string, dueDate: string | null, over: Partial<typeof actions.$inferInsert> = {}) {
  db.insert(actions)
    .values({ id: newId(), diagnosticId, origin: 'custom', themeSlug: 'identite', title, services: [], priority: 'moyenne', owner: 'Camille Durand', dueDate, createdAt: '2026-01-10T09:00:00Z', updatedAt: '2026-01-10T09:00:00Z', ...over })
    .run();
}

async function world(): Promise<World> {
  const db = openDatabase(':memory:');
  ensureBuiltins(db, new Date('2026-01-01T00:00:00Z'));
  const garonne = org(db, { name: 'Garonne Services Emploi', region: 'Occitanie' });
  const jardins = org(db, { name: 'Les Jardins du Lauragais', siret: '44306184100047', region: 'Occitanie' });
  const members = {
    camille: await user(db, 'member', 'camille@garonne.fr', { organisationIds: [garonne] }),
    zoe: await user(db, 'member', 'zoe@garonne.fr', { organisationIds: [garonne] }),
    lea: await user(db, 'member', 'lea@jardins.fr', { organisationIds: [jardins] }),
  };
  const consultant = await user(db, 'consultant', 'ines@coorace.org', { regions: ['Occitanie'] });
  await user(db, 'consultant', 'nord@coorace.org', { regions: ['Hauts-de-France'] });
  // Garonne: last year's plan (an old open action that was carried over), and this year's.
  const old = diagnostic(db, garonne, 'validated', '2025-01-15T09:00:00Z');
  action(db, old, 'Action de l’ancien plan', '2026-02-01');
  const current = diagnostic(db, garonne, 'submitted', '2026-01-15T09:00:00Z', { submittedAt: '2026-02-27T10:00:00Z' });
  action(db, current, 'Formaliser l’accueil des salariés en parcours', '2026-02-20');
  action(db, current, 'Mettre à jour le document unique', '2026-03-16', { owner: '' });
  action(db, current, 'Trop tard pour cette semaine', '2026-03-17');
  action(db, current, 'Déjà faite', '2026-02-01', { status: 'done' });
  action(db, current, 'Abandonnée', '2026-02-01', { droppedReason: 'pas prioritaire' });
  action(db, current, 'Sans échéance', null);
  // Les Jardins: changes requested 41 days before the slot.
  const j = diagnostic(db, jardins, 'changes_requested', '2025-12-01T09:00:00Z');
  db.insert(auditEvents).values({ at: '2026-01-20T10:00:00Z', userId: consultant, action: 'request-changes', entity: 'diagnostic', entityId: j, organisationId: jardins, diagnosticId: j }).run();
  return { db, now: { value: new Date('2026-03-02T07:00:00Z') }, garonne, jardins, members, consultant };
}

let w: World;
beforeEach(async () => {
  smtp.received.length = 0;
  w = await world();
});
afterEach(() => w.db.$client.close());

const queued = (db: Db) => db.select().from(mailQueue).all();

describe('Monday reminders', () => {
  it('queue, for each member, the plan’s actions overdue or due within 14 days, and for consultants their structures to follow', () => {
    const res = runWeeklyReminders(w.db, lastSlot(w.now.value), w.now.value);
    expect(res).toEqual({ week: '2026-03-02', ran: true, queued: 3 });
    const rows = queued(w.db);
    expect(rows.map((r) => [r.kind, r.recipient]).sort()).toEqual([
      ['reminder_consultant', 'ines@coorace.org'],
      ['reminder_member', 'camille@garonne.fr'],
      ['reminder_member', 'zoe@garonne.fr'],
    ]);
    const camille = rows.find((r) => r.recipient === 'camille@garonne.fr')!;
    expect(camille.subject).toBe('Plan de progrès de Garonne Services Emploi\u00a0: 1\u00a0action en retard, 1\u00a0action à échéance dans les 14\u00a0jours');
    expect((camille.payload as { actions: { title: string }[] }).actions.map((a) => a.title)).toEqual(['Formaliser l’accueil des salariés en parcours', 'Mettre à jour le document unique']);
    const ines = rows.find((r) => r.recipient === 'ines@coorace.org')!.payload as { awaitingReview: { organisationName: string }[]; changesRequested: { organisationName: string; since: string }[] };
    expect(ines.awaitingReview.map((i) => i.organisationName)).toEqual(['Garonne Services Emploi']);
    expect(ines.changesRequested).toMatchObject([{ organisationName: 'Les Jardins du Lauragais', since: '2026-01-20T10:00:00Z' }]);
    expect(w.db.select().from(jobRuns).all()).toMatchObject([{ job: REMINDER_JOB, period: '2026-03-02', queued: 3 }]);
  });

  it('respect the « Rappel du lundi » preference', () => {
    setTopic(w.db, w.members.zoe, 'reminders', false, w.now.value);
    setTopic(w.db, w.consultant, 'reminders', false, w.now.value);
    expect(runWeeklyReminders(w.db, lastSlot(w.now.value), w.now.value).queued).toBe(1);
    expect(queued(w.db).map((r) => r.recipient)).toEqual(['camille@garonne.fr']);
  });

  it('go out once per week, whatever the restarts; a server stopped on Monday catches up when it starts; the next Monday is a new week', async () => {
    // Stopped all Monday: started on Thursday, it catches up with Monday's reminders.
    w.now.value = new Date('2026-03-05T14:00:00Z');
    const logs: string[] = [];
    const first = new ReminderScheduler({ db: w.db, clock: () => w.now.value, log: (l) => logs.push(l) });
    first.start();
    first.stop();
    expect(queued(w.db)).toHaveLength(3);
    expect(logs).toEqual(['[cap] rappels de la semaine du 2026-03-02 : 3 message(s) en file.']);
    // Restarted the same week, twice: nothing more.
    for (let i = 0; i < 2; i++) {
      const again = new ReminderScheduler({ db: w.db, clock: () => w.now.value, log: (l) => logs.push(l) });
      again.start();
      again.stop();
    }
    expect(queued(w.db)).toHaveLength(3);
    // Even with the run log lost, the sent-log (one message per person, structure and week) holds.
    w.db.delete(jobRuns).run();
    expect(runWeeklyReminders(w.db, lastSlot(w.now.value), w.now.value)).toMatchObject({ ran: true, queued: 0 });
    expect(queued(w.db)).toHaveLength(3);
    // The next Monday, after 8:00 Paris: a new week.
    w.now.value = new Date('2026-03-09T07:30:00Z');
    const monday = new ReminderScheduler({ db: w.db, clock: () => w.now.value, log: () => {} });
    expect(monday.runDue()).toMatchObject({ week: '2026-03-09', ran: true, queued: 3 });
    expect(queued(w.db)).toHaveLength(6);
    // Before 8:00 on Monday, the week is still the previous one.
    w.now.value = new Date('2026-03-16T06:59:00Z');
    expect(monday.runDue()).toMatchObject({ week: '2026-03-09', ran: false });
  });

  it('reach the people through a real SMTP server, once', async () => {
    const worker = new MailWorker({ db: w.db, transport: smtpTransport(smtp.url, 'CAP <cap@exemple.org>'), clock: () => w.now.value, publicUrl: 'https://cap.exemple.org', log: () => {} });
    const scheduler = new ReminderScheduler({ db: w.db, clock: () => w.now.value, onQueued: () => worker.wake(), log: () => {} });
    try {
      scheduler.start();
      await worker.drain();
      scheduler.runDue();
      await worker.drain();
      expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(['camille@garonne.fr', 'ines@coorace.org', 'zoe@garonne.fr']);
      const zoe = smtp.to('zoe@garonne.fr')[0]!;
      expect(zoe.parsed.text).toContain('- Formaliser l’accueil des salariés en parcours (échéance le 20 février 2026, responsable\u00a0: Camille Durand)');
      expect(zoe.parsed.text).toContain('https://cap.exemple.org/diagnostics/');
      expect(zoe.parsed.text).not.toContain('Action de l’ancien plan');
      const ines = smtp.to('ines@coorace.org')[0]!;
      expect(ines.parsed.subject).toBe('Suivi de vos structures, semaine du 2 mars 2026\u00a0: 1\u00a0diagnostic à relire, 1\u00a0modification demandée sans suite');
      expect(ines.parsed.text).toContain('- Les Jardins du Lauragais\n');
      expect(ines.parsed.text).toContain('demandées le 20 janvier 2026');
    } finally {
      scheduler.stop();
      await worker.stop();
    }
  });

  it('leave out deactivated structures and accounts', () => {
    w.db.$client.prepare('UPDATE users SET active = 0 WHERE id = ?').run(w.members.zoe);
    w.db.$client.prepare('UPDATE organisations SET active = 0 WHERE id = ?').run(w.jardins);
    runWeeklyReminders(w.db, lastSlot(w.now.value), w.now.value);
    const rows = queued(w.db);
    expect(rows.map((r) => r.recipient).sort()).toEqual(['camille@garonne.fr', 'ines@coorace.org']);
    const ines = rows.find((r) => r.recipient === 'ines@coorace.org')!.payload as { changesRequested: unknown[] };
    expect(ines.changesRequested).toEqual([]);
    expect(w.db.select().from(mailQueue).where(eq(mailQueue.recipient, 'lea@jardins.fr')).all()).toEqual([]);
  });
});
