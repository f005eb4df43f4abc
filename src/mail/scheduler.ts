// The Monday reminders, scheduled inside the server with croner in Paris time. Each week is a
// period in the job log: the week's messages are queued in one transaction together with the log
// row, so a restart, a second run or a clock that fires twice queues nothing twice (and each
// message also has its own dedupe key). A server that was stopped on Monday morning catches up
// when it starts.
import { Cron } from 'croner';
import type { Db } from '../db/open.ts';
import { dueActions, followUpRows } from '../db/reminders.ts';
import { consultants, membersOf } from '../db/mail-recipients.ts';
import { optedOut } from '../db/mail-preferences.ts';
import { hasRun, recordRun } from '../db/job-runs.ts';
import { purgeOld } from '../db/mail-queue.ts';
import { parisDay } from '../dates.ts';
import { consultantReminders, memberReminders, reminderHorizon } from './reminders.ts';
import { queueMail } from './queue.ts';

/** Mondays at 8:00, Paris time (croner moves it with summer time). */
export const REMINDER_CRON = '0 8 * * 1';
export const TIME_ZONE = 'Europe/Paris';
export const REMINDER_JOB = 'weekly-reminders';
/** Sent and cancelled messages are kept this long for support, then forgotten. */
export const MAIL_RETENTION_DAYS = 365;

const pattern = new Cron(REMINDER_CRON, { timezone: TIME_ZONE, paused: true });

/** The latest Monday-morning slot at or before `now`. */
export function lastSlot(now: Date): Date {
  // previousRuns leaves out a run exactly at the reference: look from a second later.
  return pattern.previousRuns(2, new Date(now.getTime() + 1000)).find((d) => d.getTime() <= now.getTime())!;
}

/** The week a slot belongs to, named by its Monday in Paris (AAAA-MM-JJ). */
export function weekOf(slot: Date): string {
  return parisDay(slot);
}

export interface RunResult {
  week: string;
  /** False when this week had already run. */
  ran: boolean;
  queued: number;
}

/** Queues the reminders of the week of `slot`, unless that week already ran. */
export function runWeeklyReminders(db: Db, slot: Date, now: Date): RunResult {
  const week = weekOf(slot);
  if (hasRun(db, REMINDER_JOB, week)) return { week, ran: false, queued: 0 };
  // The lists are read for the day of the slot, so a catch-up on Thursday says what Monday would have.
  const today = week;
  const actions = dueActions(db, reminderHorizon(today));
  const members = membersOf(db, [...new Set(actions.map((a) => a.organisationId))]);
  const people = consultants(db);
  const memberMails = memberReminders(actions, members, optedOut(db, members.map((m) => m.userId), 'reminders'), today, week);
  const consultantMails = consultantReminders(followUpRows(db), people, optedOut(db, people.map((c) => c.userId), 'reminders'), slot, week);
  return db.transaction((tx) => {
    if (hasRun(tx, REMINDER_JOB, week)) return { week, ran: false, queued: 0 };
    let queued = 0;
    for (const mail of [...memberMails, ...consultantMails]) if (queueMail(tx, mail, now)) queued++;
    recordRun(tx, REMINDER_JOB, week, queued, now, now);
    return { week, ran: true, queued };
  });
}

export interface SchedulerOptions {
  db: Db;
  clock: () => Date;
  /** Called after messages were queued (wakes the worker). */
  onQueued?: () => void;
  log?: (line: string) => void;
}

export class ReminderScheduler {
  private cron: Cron | null = null;
  private readonly log: (line: string) => void;

  constructor(private readonly opts: SchedulerOptions) {
    this.log = opts.log ?? ((line) => console.log(line));
  }

  /** Catches up on the current week if it has not run, then waits for the next Monday. */
  start(): void {
    if (this.cron) return;
    this.runDue();
    // unref: the HTTP server keeps the process alive, the schedule alone never does.
    this.cron = new Cron(REMINDER_CRON, { timezone: TIME_ZONE, unref: true, protect: true, catch: (e) => this.log(`[cap] rappels du lundi : ${String(e)}`) }, () => {
      this.runDue();
    });
  }

  /** Runs the week of the latest slot if needed; also forgets old sent messages. */
  runDue(): RunResult {
    const now = this.opts.clock();
    const result = runWeeklyReminders(this.opts.db, lastSlot(now), now);
    if (result.ran) {
      purgeOld(this.opts.db, new Date(now.getTime() - MAIL_RETENTION_DAYS * 86_400_000));
      this.log(`[cap] rappels de la semaine du ${result.week} : ${result.queued} message(s) en file.`);
      if (result.queued) this.opts.onQueued?.();
    }
    return result;
  }

  stop(): void {
    this.cron?.stop();
    this.cron = null;
  }
}
