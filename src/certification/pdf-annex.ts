// Sections the plan's PDF adds on request: the ISO 9001 gap analysis (and its ISO 26000 reading)
// as an annex, and « actions faites → progrès constatés » when the diagnostic has a predecessor.
// Kept apart from the plan's own layout (src/plan/pdf.ts) so each can change without the other;
// both write on the same pdfkit document, with the same fonts, and the plan numbers the pages.
import { t } from '../i18n/index.ts';
import { frenchDate } from '../dates.ts';
import { FONT_BOLD, FONT_REGULAR, PAGE } from '../plan/pdf.ts';
import { ISO9001_GROUP_LABELS } from '../scoring/iso9001.ts';
import type { GapRequirement } from '../scoring/gap-analysis.ts';
import type { ActionsProgress, MoveKind, QuestionMove } from '../scoring/actions-progress.ts';
import type { GapReport } from './report.ts';

type Doc = PDFKit.PDFDocument;

const I = t.certification.iso;
const S = t.certification;
const P = t.certification.progress;

const M = { left: 50, right: 50, bottom: 64 } as const;
const W = PAGE.width - M.left - M.right;
const BOTTOM = PAGE.height - M.bottom;
const C = { ink: '#1d2330', muted: '#4f5768', brand: '#0b5e75', brandDark: '#084658', line: '#d5d9e2', ok: '#1e6b35', warn: '#8a5a00', danger: '#a4161a' } as const;
const STATUS_COLOR: Record<string, string> = { couvert: C.ok, partiel: C.warn, 'a-construire': C.danger, 'sans-reponse': C.muted, 'non-informe': C.muted };

// These sections are drawn inside one tagged division of the plan's PDF: a new page must close the
// division's marked content on the page it leaves and open it again on the next one, which
// continueOnNewPage does and addPage does not (a page would end with an unclosed BDC, the last one
// with an EMC that closes nothing).
function newPage(doc: Doc) {
  doc.continueOnNewPage();
}

function ensureSpace(doc: Doc, height: number) {
  if (doc.y + height > BOTTOM) newPage(doc);
}

function heading(doc: Doc, value: string, size: number, color: string = C.brandDark, keepWith = 60) {
  ensureSpace(doc, size * 2 + keepWith);
  doc.moveDown(0.3);
  doc.font(FONT_BOLD).fontSize(size).fillColor(color).text(value, M.left, doc.y, { width: W });
  doc.moveDown(0.2);
}

function title(doc: Doc, value: string) {
  newPage(doc);
  doc.font(FONT_BOLD).fontSize(20).fillColor(C.brandDark).text(value, M.left, doc.y, { width: W });
  const y = doc.y + 4;
  doc.moveTo(M.left, y).lineTo(M.left + W, y).lineWidth(1.5).strokeColor(C.brand).stroke();
  doc.y = y + 12;
}

function para(doc: Doc, value: string, opts: { size?: number; color?: string; bold?: boolean; indent?: number; gap?: number } = {}) {
  if (!value) return;
  const indent = opts.indent ?? 0;
  doc
    .font(opts.bold ? FONT_BOLD : FONT_REGULAR)
    .fontSize(opts.size ?? 9)
    .fillColor(opts.color ?? C.ink)
    .text(value, M.left + indent, doc.y, { width: W - indent });
  if (opts.gap) doc.moveDown(opts.gap);
}

function requirement(doc: Doc, code: string, name: string, r: GapRequirement, extra?: string) {
  ensureSpace(doc, 60);
  doc.moveDown(0.35);
  const y = doc.y;
  doc.font(FONT_BOLD).fontSize(10).fillColor(C.ink).text(`${code} ${name}`, M.left, y, { width: W - 90 });
  const after = doc.y;
  doc.font(FONT_BOLD).fontSize(9).fillColor(STATUS_COLOR[r.status] ?? C.ink).text(S.statuses[r.status], M.left + W - 85, y, { width: 85, align: 'right' });
  doc.y = Math.max(after, doc.y);
  if (extra) para(doc, extra, { size: 8, color: C.muted });
  para(doc, S.reasons(r.reasons), { size: 8, color: STATUS_COLOR[r.status] ?? C.muted });
  for (const q of r.questions) {
    ensureSpace(doc, 24);
    para(doc, `${q.code} — ${S.level(q.level)}${q.via ? ` (${I.via(q.via)})` : ''} — ${q.text}`, { size: 8, indent: 10 });
    if (q.comment) para(doc, `${I.comment}\u00a0: ${q.comment}`, { size: 8, color: C.muted, indent: 20 });
    for (const e of q.evidence) para(doc, `${I.evidence}\u00a0: ${e.name}`, { size: 8, color: C.brand, indent: 20 });
  }
  if (r.actions.length) para(doc, `${I.actions}\u00a0: ${r.actions.map((a) => `${a.title} (${S.actionStatus[a.status] ?? a.status})`).join('\u202f; ')}`, { size: 8, indent: 10 });
}

/** The gap analysis annex: rules, summary, every clause from 4.1 to 10.3, then the ISO 26000 reading. */
export function writeGapAnnex(doc: Doc, report: GapReport): void {
  title(doc, `Annexe — ${I.title}`);
  para(doc, I.intro, { size: 9, color: C.muted, gap: 0.4 });
  para(doc, I.countsLine(report.iso9001.counts), { size: 9.5, bold: true, gap: 0.4 });
  heading(doc, I.rulesTitle, 10.5, C.ink, 40);
  for (const rule of I.rules) para(doc, `• ${rule}`, { size: 8, color: C.muted, indent: 6 });
  let group = '';
  for (const r of report.iso9001.rows) {
    if (r.clause.group !== group) {
      group = r.clause.group;
      heading(doc, I.group(group, ISO9001_GROUP_LABELS[r.clause.group]), 13);
    }
    const notes = [r.clause.climate2024 ? I.climate : '', r.clause.documented ? `${I.documented}\u00a0: ${r.clause.documented}` : ''].filter(Boolean).join(' — ');
    requirement(doc, r.id, r.clause.title, r, notes || undefined);
  }
  title(doc, `Annexe — ${I.rseTitle}`);
  para(doc, I.rseIntro, { size: 9, color: C.muted, gap: 0.4 });
  para(doc, I.countsLine(report.iso26000.counts), { size: 9.5, bold: true, gap: 0.4 });
  for (const r of report.iso26000.rows) requirement(doc, '', r.title, r);
}

function move(doc: Doc, m: QuestionMove) {
  ensureSpace(doc, 30);
  para(doc, `${m.code} — ${m.text}`, { size: 8.5, bold: true, indent: 6 });
  para(doc, `${S.level(m.before)} → ${S.level(m.after)} (${P.deltaLabel(m.delta)})`, { size: 8.5, indent: 16, color: m.delta > 0 ? C.ok : m.delta < 0 ? C.danger : C.muted });
  for (const a of m.actions) para(doc, `• ${a.title} — ${P.completedOn(frenchDate(new Date(a.completedAt)))}`, { size: 8, indent: 16 });
  doc.moveDown(0.2);
}

const LISTED: MoveKind[] = ['with-action-progress', 'with-action-no-progress', 'moved-without-action'];

/** « Actions faites → progrès constatés » between the previous diagnostic and this one. */
export function writeProgressSection(doc: Doc, progress: ActionsProgress, previousStartedAt: Date): void {
  title(doc, P.title);
  para(doc, P.intro(frenchDate(previousStartedAt)), { size: 9, color: C.muted, gap: 0.4 });
  if (!progress.questions.length) {
    para(doc, P.none, { size: 9.5 });
    return;
  }
  para(doc, P.counts(progress.counts, progress.completed), { size: 9.5, bold: true, gap: 0.4 });
  for (const kind of LISTED) {
    const moves = progress.questions.filter((m) => m.kind === kind);
    if (!moves.length) continue;
    heading(doc, `${P.kinds[kind]} (${moves.length})`, 12);
    for (const m of moves) move(doc, m);
  }
  if (progress.notYetReviewed) para(doc, P.notYetReviewed(progress.notYetReviewed), { size: 8.5, color: C.muted, gap: 0.3 });
  if (progress.actionsNotCompared.length) para(doc, P.notCompared(progress.actionsNotCompared.length), { size: 8.5, color: C.muted, gap: 0.3 });
  heading(doc, P.criteria, 12);
  for (const c of progress.criteria) {
    if (c.before === null && c.after === null) continue;
    ensureSpace(doc, 14);
    const score = (v: number | null) => (v === null ? '—' : `${Math.round(v)}\u202f%`);
    const acts = c.actions ? ` — ${t.plan.actionsCount(c.actions)}` : '';
    para(doc, `${c.code} ${c.title}\u00a0: ${score(c.before)} → ${score(c.after)}${acts}`, { size: 8.5, indent: 6 });
  }
}
