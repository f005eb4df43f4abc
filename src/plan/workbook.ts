// The plan as a spreadsheet (GET /diagnostics/:id/plan.xlsx): one row per action in the plan's
// order — open actions as « Vos priorités » orders them, then done, then dropped ones — with French
// headers, due dates as dates and filters on; a second sheet says what the workbook is. Layout
// only: it takes the PlanReport the PDF takes (./report.ts).
import { t } from '../i18n/index.ts';
import { frenchDate } from '../dates.ts';
import { addAboutSheet, addTableSheet, dayCell, newWorkbook, workbookBuffer, type CellValue, type Column } from '../exports/xlsx.ts';
import { focusOrder } from './focus.ts';
import { isOverdue } from './format.ts';
import { PRIORITY_LABELS, type Priority } from './types.ts';
import type { PlanReport, PlanReportAction } from './report.ts';

const X = t.plan.xlsx;
const WIDTHS = [6, 16, 48, 70, 30, 10, 24, 12, 10, 10, 10, 22, 40, 50, 40];
const DATE_COLUMN = 7;

/** Open actions in focus order, then done ones, then dropped ones (each in the plan's order). */
export function workbookOrder(report: Pick<PlanReport, 'actions' | 'scores'>): PlanReportAction[] {
  const kept = report.actions.filter((a) => a.droppedReason === null);
  return [...focusOrder(kept, report.scores.questions), ...kept.filter((a) => a.status === 'done'), ...report.actions.filter((a) => a.droppedReason !== null)];
}

export function workbookRows(report: PlanReport): CellValue[][] {
  const themes = new Map(report.scores.themes.map((th) => [th.slug as string, th.title]));
  const services = new Map(report.services.map((s) => [s.code, s.name]));
  const yesNo = (b: boolean) => (b ? X.yes : X.no);
  return workbookOrder(report).map((a, i) => [
    i + 1,
    PRIORITY_LABELS[a.priority as Priority] ?? a.priority,
    a.title,
    a.description,
    themes.get(a.themeSlug) ?? a.themeSlug,
    a.questionCode ?? '',
    a.owner,
    dayCell(a.dueDate),
    a.droppedReason !== null ? X.dropped : (t.plan.status[a.status] ?? a.status),
    yesNo(a.droppedReason === null && isOverdue(a, report.today)),
    yesNo(a.quickWin),
    t.plan.origin[a.origin] ?? a.origin,
    a.services.flatMap((code) => (services.has(code) ? [services.get(code)!] : [])).join('\n'),
    a.notes,
    a.droppedReason ?? '',
  ]);
}

export async function renderPlanWorkbook(report: PlanReport): Promise<Buffer> {
  const wb = await newWorkbook({ creator: 'CAP — réseau Coorace', created: report.date, title: t.plan.pageTitle(report.organisation.name) });
  const columns: Column[] = X.headers.map((header, i) => ({ header, width: WIDTHS[i] ?? 20, kind: i === DATE_COLUMN ? 'date' : i === 0 ? 'number' : 'text' }));
  addTableSheet(wb, X.sheet, columns, workbookRows(report));
  addAboutSheet(wb, X.about, t.plan.pageTitle(report.organisation.name), [
    [X.aboutRows.organisation, report.organisation.name],
    [X.aboutRows.types, report.organisation.types.join(', ')],
    [X.aboutRows.region, report.organisation.region],
    [X.aboutRows.referential, report.referentialLabel],
    [X.aboutRows.status, report.status],
    [X.aboutRows.date, frenchDate(report.date)],
    [X.aboutRows.rule, X.rule],
  ]);
  return workbookBuffer(wb);
}
