// The Monday reminders, pure: from the rows the queries return and the day it is, who receives
// what. A member gets, per structure, the plan's open actions that are overdue or due within 14
// days, with their owners; a consultant gets the structures of their regions that wait on the
// federation. Nobody gets an empty message. Each message has a dedupe key (person, structure,
// week): the queue keeps it at most once, whatever the restarts.
import type { DueActionRow, FollowUpRow } from '../db/reminders.ts';
import type { MemberRecipient, ConsultantRecipient } from '../db/mail-recipients.ts';
import type { FollowUpItem, ReminderAction } from './kinds.ts';
import type { QueuedMail } from './queue.ts';

export const DUE_WITHIN_DAYS = 14;
export const CHANGES_STALLED_DAYS = 30;

/** `AAAA-MM-JJ` plus `days` calendar days. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The horizon of a member's reminder: actions due on or before this day are listed. */
export function reminderHorizon(today: string): string {
  return addDays(today, DUE_WITHIN_DAYS);
}

export function memberReminders(
  actions: readonly DueActionRow[],
  members: readonly MemberRecipient[],
  optedOut: ReadonlySet<string>,
  today: string,
  week: string,
): QueuedMail<'reminder_member'>[] {
  const byOrg = new Map<string, DueActionRow[]>();
  for (const a of actions) {
    const list = byOrg.get(a.organisationId);
    if (list) list.push(a);
    else byOrg.set(a.organisationId, [a]);
  }
  const out: QueuedMail<'reminder_member'>[] = [];
  for (const m of members) {
    const rows = byOrg.get(m.organisationId);
    if (!rows?.length || optedOut.has(m.userId)) continue;
    const first = rows[0]!;
    const list: ReminderAction[] = rows.map((a) => ({ title: a.title, owner: a.owner, dueDate: a.dueDate, overdue: a.dueDate < today }));
    out.push({
      kind: 'reminder_member',
      to: { email: m.email, userId: m.userId },
      payload: {
        recipientName: m.name,
        diagnosticId: first.diagnosticId,
        organisationName: first.organisationName,
        region: first.region,
        diagnosticCreatedAt: first.diagnosticCreatedAt,
        week,
        actions: list,
      },
      dedupeKey: `reminder:${week}:member:${m.userId}:${m.organisationId}`,
    });
  }
  return out;
}

/** 12 months before `now`, as the federation dashboard counts « no diagnostic for a year ». */
export function staleBefore(now: Date): string {
  const d = new Date(now.getTime());
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  return d.toISOString();
}

interface Classified {
  awaitingReview: FollowUpItem[];
  changesRequested: FollowUpItem[];
  noRecentDiagnostic: FollowUpItem[];
}

/** Which list, if any, a structure belongs on this week. */
export function classify(rows: readonly FollowUpRow[], now: Date): Map<string, Classified> {
  const stalledBefore = new Date(now.getTime() - CHANGES_STALLED_DAYS * 86_400_000).toISOString();
  const stale = staleBefore(now);
  const byRegion = new Map<string, Classified>();
  for (const r of rows) {
    const lists = byRegion.get(r.region) ?? { awaitingReview: [], changesRequested: [], noRecentDiagnostic: [] };
    byRegion.set(r.region, lists);
    const item = (since: string | null): FollowUpItem => ({ organisationId: r.organisationId, organisationName: r.organisationName, region: r.region, diagnosticId: r.diagnosticId, since });
    if (r.status === 'submitted') lists.awaitingReview.push(item(r.submittedAt));
    else if (r.status === 'changes_requested' && r.changesRequestedAt && r.changesRequestedAt < stalledBefore) lists.changesRequested.push(item(r.changesRequestedAt));
    else if (!r.createdAt || r.createdAt < stale) lists.noRecentDiagnostic.push({ ...item(r.createdAt), diagnosticId: null });
  }
  return byRegion;
}

export function consultantReminders(
  rows: readonly FollowUpRow[],
  people: readonly ConsultantRecipient[],
  optedOut: ReadonlySet<string>,
  now: Date,
  week: string,
): QueuedMail<'reminder_consultant'>[] {
  const byRegion = classify(rows, now);
  const out: QueuedMail<'reminder_consultant'>[] = [];
  for (const c of people) {
    if (optedOut.has(c.userId)) continue;
    const lists: Classified = { awaitingReview: [], changesRequested: [], noRecentDiagnostic: [] };
    for (const region of c.regions) {
      const r = byRegion.get(region);
      if (!r) continue;
      lists.awaitingReview.push(...r.awaitingReview);
      lists.changesRequested.push(...r.changesRequested);
      lists.noRecentDiagnostic.push(...r.noRecentDiagnostic);
    }
    if (!lists.awaitingReview.length && !lists.changesRequested.length && !lists.noRecentDiagnostic.length) continue;
    const byName = (a: FollowUpItem, b: FollowUpItem) => a.organisationName.localeCompare(b.organisationName, 'fr');
    out.push({
      kind: 'reminder_consultant',
      to: { email: c.email, userId: c.userId },
      payload: {
        recipientName: c.name,
        week,
        regions: c.regions,
        awaitingReview: lists.awaitingReview.sort(byName),
        changesRequested: lists.changesRequested.sort(byName),
        noRecentDiagnostic: lists.noRecentDiagnostic.sort(byName),
      },
      dedupeKey: `reminder:${week}:consultant:${c.userId}`,
    });
  }
  return out;
}
