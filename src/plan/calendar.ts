// The plan's due dates as a calendar (GET /diagnostics/:id/plan.ics), written with the `ics`
// package: one all-day event per open action (not done, not dropped) that has a due date, whose
// UID is the action's own so that importing the file again updates the events instead of
// doubling them. Outlook and Thunderbird import it. Layout only: it takes the PlanReport.
import { createEvents, type EventAttributes } from 'ics';
import { t } from '../i18n/index.ts';
import type { PlanReport } from './report.ts';

const I = t.plan.ics;

function dayParts(day: string): [number, number, number] {
  const [y, m, d] = day.split('-').map(Number);
  return [y!, m!, d!];
}

function nextDay(day: string): [number, number, number] {
  const [y, m, d] = dayParts(day);
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()];
}

/** The calendar's events; `planAddress` is the absolute address of the plan page. */
export function calendarEvents(report: PlanReport, planAddress: string, host: string): EventAttributes[] {
  return report.actions
    .filter((a) => a.droppedReason === null && a.status !== 'done' && a.dueDate)
    .map((a) => ({
      uid: `action-${a.id}@${host}`,
      start: dayParts(a.dueDate!),
      end: nextDay(a.dueDate!),
      title: I.summary(a.title),
      description: [a.description, a.owner ? I.owner(a.owner) : '', I.status(t.plan.status[a.status] ?? a.status), I.link(`${planAddress}#action-${a.id}`)].filter(Boolean).join('\n\n'),
      url: `${planAddress}#action-${a.id}`,
      categories: [t.plan.title],
      status: 'CONFIRMED' as const,
      busyStatus: 'FREE' as const,
      transp: 'TRANSPARENT' as const,
      productId: 'cap-coorace/plan',
      calName: I.calendarName(report.organisation.name),
    }));
}

/** The iCalendar text (RFC 5545); an empty calendar when no open action has a due date. */
export function renderPlanCalendar(report: PlanReport, planAddress: string, host: string): string {
  const events = calendarEvents(report, planAddress, host);
  const { error, value } = createEvents(events, { productId: 'cap-coorace/plan', calName: I.calendarName(report.organisation.name), method: 'PUBLISH' });
  if (error || !value) throw error ?? new Error('ics');
  return value;
}
