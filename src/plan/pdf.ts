// The progress plan as an A4 PDF (pdfkit). Pure layout: it takes a plain PlanReport (./report.ts) and writes to a
// stream; no database, no HTTP. Fonts are DejaVu Sans TTF files shipped in static/fonts: pdfkit's
// built-in Helvetica is not embedded and prints the narrow no-break space French needs as « / ».
import PDFDocument from 'pdfkit';
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { t } from '../i18n/index.ts';
import type { ThemeScore } from '../scoring/types.ts';
import { radarPoints } from '../scoring/radar.ts';
import { strengths } from '../scoring/highlights.ts';
import { PRIORITIES, PRIORITY_LABELS, type Priority } from './types.ts';
import { isOverdue, percent } from './format.ts';
import { frenchDate, frenchDayShort } from '../dates.ts';
import type { PlanReport, PlanReportAction, PlanReportAnswer, PlanReportService } from './report.ts';

const P = t.plan.pdf;

// ---------------------------------------------------------------------------------------------
// Pure helpers (unit-tested)

const PRIORITY_ORDER = new Map<string, number>(PRIORITIES.map((p, i) => [p, i]));

export function priorityLabel(priority: string): string {
  return PRIORITY_LABELS[priority as Priority] ?? priority;
}

export function openActions(actions: readonly PlanReportAction[]): PlanReportAction[] {
  return actions.filter((a) => a.droppedReason === null);
}

/** The table order: priority, then theme (referential order), then the plan's own order. */
export function sortForTable(actions: readonly PlanReportAction[], themeOrder: readonly string[]): PlanReportAction[] {
  const theme = new Map(themeOrder.map((s, i) => [s, i]));
  return openActions(actions)
    .map((a, i) => ({ a, i }))
    .sort(
      (x, y) =>
        (PRIORITY_ORDER.get(x.a.priority) ?? 9) - (PRIORITY_ORDER.get(y.a.priority) ?? 9) ||
        (theme.get(x.a.themeSlug) ?? 9) - (theme.get(y.a.themeSlug) ?? 9) ||
        x.i - y.i,
    )
    .map((x) => x.a);
}

/** Services that the open, unfinished actions call on, in order of first need, with how many. */
export function servicesToMobilise(report: Pick<PlanReport, 'actions' | 'services' | 'scores'>): { service: PlanReportService; count: number }[] {
  const byCode = new Map(report.services.map((s) => [s.code, s]));
  const counts = new Map<string, number>();
  for (const a of sortForTable(report.actions, report.scores.themes.map((th) => th.slug))) {
    if (a.status === 'done') continue;
    for (const code of a.services) if (byCode.has(code)) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return [...counts].map(([code, count]) => ({ service: byCode.get(code)!, count }));
}

/** A theme's strengths (the results page's rule: level 3 or 4 only) and its first actions. */
export function themeHighlights(theme: ThemeScore, actions: readonly PlanReportAction[], n = 3) {
  const strong = strengths(theme.criteria.flatMap((c) => c.questions), n);
  const priorities = sortForTable(
    actions.filter((a) => a.themeSlug === theme.slug && a.status !== 'done'),
    [theme.slug],
  ).slice(0, n);
  return { strengths: strong, priorities };
}

/** « Niveau 2 : … », « Non applicable » or « Sans réponse » for the annex. */
export function answerLine(answer: PlanReportAnswer | undefined): string {
  if (!answer || answer.level === null) return P.noAnswer;
  if (answer.level === 'na') return P.na;
  return P.level(answer.level, answer.levelText ?? '');
}

// ---------------------------------------------------------------------------------------------
// Fonts: the files are read once; pdfkit parses a Buffer again for every document (with its glyph
// cache), which was two thirds of the rendering time. pdfkit also accepts an already parsed font,
// so the first document's parsed fonts are kept for the next ones.

const FONT_DIR = new URL('../../static/fonts/', import.meta.url);
const FONT_FILES = {
  regular: readFileSync(new URL('DejaVuSans.ttf', FONT_DIR)),
  bold: readFileSync(new URL('DejaVuSans-Bold.ttf', FONT_DIR)),
};
const parsed: { regular?: unknown; bold?: unknown } = {};
export const FONT_REGULAR = 'CAP-Sans';
export const FONT_BOLD = 'CAP-Sans-Bold';

type Doc = PDFKit.PDFDocument;

function keepParsed(doc: Doc, name: string, key: 'regular' | 'bold') {
  doc.font(name);
  const font = (doc as unknown as { _font?: { font?: { layout?: unknown } } })._font?.font;
  if (typeof font?.layout === 'function') parsed[key] = font;
}

// Text layout with bounded cost. pdfkit shapes every word with fontkit's OpenType engine
// (ligatures, kerning, right-to-left order, Arabic joining): about 60 µs per distinct word, cached
// per document in an object that grows with every new word. A plan full of distinct words (long
// comments, or a member's random text at every limit) took tens of seconds and ran the heap out.
// CAP's PDF lays Latin, Greek and Cyrillic words out glyph by glyph from the font's advance widths
// instead, about 1 µs a word with no cache to grow (French needs no shaping: accented letters are
// precomposed and input is NFC-normalised). Words in scripts that need shaping (Hebrew, Arabic…)
// are still shaped by fontkit, up to a budget per document; past it they are only put in
// right-to-left order. Words too long for any column are cut with zero-width spaces (printable()):
// pdfkit's line breaker would measure such a word again for every line, quadratic in its length.

interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
interface Run {
  glyphs: Glyph[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }[];
  advanceWidth: number;
}
interface PdfkitFont {
  font?: { glyphForCodePoint?: (cp: number) => Glyph };
  scale?: number;
  layoutCache?: unknown;
  layoutCached?: (text: string) => Run;
  layoutRun?: (text: string, features?: unknown) => Run;
}

/** Scripts that need OpenType shaping or reordering: Hebrew to Mongolian, and the presentation forms. */
const NEEDS_SHAPING = /[\u0590-\u1dff\ufb1d-\ufeff]/;
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;
/** Words shaped by fontkit per document and face (about 60 µs each): 2,000 is about a tenth of a second. */
const SHAPED_WORDS_PER_DOCUMENT = 2000;

/** Glyphs by code point, per parsed font (bounded by the font's own glyph count). */
const glyphCaches = new WeakMap<object, Map<number, Glyph>>();

function boundedLayout(doc: Doc, name: string) {
  doc.font(name);
  const font = (doc as unknown as { _font?: PdfkitFont })._font;
  const parsedFont = font?.font;
  if (!font || !parsedFont || typeof parsedFont.glyphForCodePoint !== 'function' || typeof font.layoutRun !== 'function') return;
  let glyphs = glyphCaches.get(parsedFont);
  if (!glyphs) glyphCaches.set(parsedFont, (glyphs = new Map()));
  const byCodePoint = glyphs;
  const scale = font.scale ?? 1;
  const shape = font.layoutRun.bind(font);
  let shapingLeft = SHAPED_WORDS_PER_DOCUMENT;
  const plain = (text: string): Run => {
    const out: Run = { glyphs: [], positions: [], advanceWidth: 0 };
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      let glyph = byCodePoint.get(cp);
      if (!glyph) byCodePoint.set(cp, (glyph = parsedFont.glyphForCodePoint!(cp)));
      const w = glyph.advanceWidth * scale;
      out.glyphs.push(glyph);
      out.positions.push({ xAdvance: w, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: w });
      out.advanceWidth += w;
    }
    return out;
  };
  const layout = (text: string): Run => {
    if (!NEEDS_SHAPING.test(text)) return plain(text);
    if (shapingLeft > 0) {
      shapingLeft--;
      return shape(text);
    }
    const run = plain(text);
    if (RIGHT_TO_LEFT.test(text)) {
      run.glyphs.reverse();
      run.positions.reverse();
    }
    return run;
  };
  font.layoutCache = undefined;
  font.layoutCached = layout;
}

const LONG_WORD = /[^\s\u200b]{41,}/g;
/** Text as the layout above needs it: composed (NFC), a word longer than any column (a URL, a hostile string) breakable every 40 characters. */
export function printable(text: string): string {
  return text.normalize('NFC').replace(LONG_WORD, (word) => word.replace(/[^]{40}(?=[^])/gu, '$&\u200b'));
}

/** Registers DejaVu Sans regular and bold on a document (used by the bench's baseline too). */
export function registerFonts(doc: Doc, opts: { reuseParsed?: boolean } = {}): void {
  const reuse = opts.reuseParsed ?? true;
  doc.registerFont(FONT_REGULAR, ((reuse && parsed.regular) || FONT_FILES.regular) as Buffer);
  doc.registerFont(FONT_BOLD, ((reuse && parsed.bold) || FONT_FILES.bold) as Buffer);
  if (reuse && !parsed.regular) {
    keepParsed(doc, FONT_BOLD, 'bold');
    keepParsed(doc, FONT_REGULAR, 'regular');
  }
  boundedLayout(doc, FONT_BOLD);
  boundedLayout(doc, FONT_REGULAR);
  doc.font(FONT_REGULAR);
}

// ---------------------------------------------------------------------------------------------
// Layout

export const PAGE = { width: 595.28, height: 841.89 } as const;
const M = { top: 56, bottom: 64, left: 50, right: 50 } as const;
const W = PAGE.width - M.left - M.right;
const BOTTOM = PAGE.height - M.bottom;
const C = {
  ink: '#1d2330',
  muted: '#4f5768',
  brand: '#0b5e75',
  brandDark: '#084658',
  line: '#d5d9e2',
  soft: '#eef1f5',
  ok: '#1e6b35',
  warn: '#8a5a00',
  danger: '#a4161a',
  overdueBg: '#fdecec',
} as const;
const PRIORITY_COLORS: Record<string, string> = { obligation: C.danger, haute: C.warn, moyenne: C.brand, basse: C.muted };

function ensureSpace(doc: Doc, height: number) {
  if (doc.y + height > BOTTOM) doc.addPage();
}

function h1(doc: Doc, text: string) {
  doc.font(FONT_BOLD).fontSize(20).fillColor(C.brandDark).text(text, M.left, doc.y, { width: W });
  const y = doc.y + 4;
  doc.moveTo(M.left, y).lineTo(M.left + W, y).lineWidth(1.5).strokeColor(C.brand).stroke();
  doc.y = y + 12;
}

function h2(doc: Doc, text: string, keepWith = 60) {
  ensureSpace(doc, 24 + keepWith);
  doc.moveDown(0.4);
  doc.font(FONT_BOLD).fontSize(13).fillColor(C.brandDark).text(text, M.left, doc.y, { width: W });
  doc.moveDown(0.3);
}

function h3(doc: Doc, text: string, keepWith = 40) {
  ensureSpace(doc, 18 + keepWith);
  doc.moveDown(0.3);
  doc.font(FONT_BOLD).fontSize(10.5).fillColor(C.ink).text(text, M.left, doc.y, { width: W });
  doc.moveDown(0.15);
}

function para(doc: Doc, text: string, opts: { size?: number; color?: string; bold?: boolean; indent?: number; gap?: number } = {}) {
  if (!text) return;
  const indent = opts.indent ?? 0;
  doc
    .font(opts.bold ? FONT_BOLD : FONT_REGULAR)
    .fontSize(opts.size ?? 10)
    .fillColor(opts.color ?? C.ink)
    .text(printable(text), M.left + indent, doc.y, { width: W - indent });
  if (opts.gap) doc.moveDown(opts.gap);
}

function bar(doc: Doc, x: number, y: number, width: number, score: number | null, color: string = C.brand) {
  doc.rect(x, y, width, 6).fillColor(C.soft).fill();
  if (score !== null && score > 0) doc.rect(x, y, (width * Math.min(100, score)) / 100, 6).fillColor(color).fill();
}

// --- cover ---------------------------------------------------------------------------------------

const participantList = (r: PlanReport) => r.participants.map((p) => (p.role ? `${p.name} (${p.role})` : p.name)).join(', ');
/** Long names would push the cover past its page: past this length the list goes to the annex. */
const COVER_PARTICIPANTS_MAX = 600;
function participantsOnCover(r: PlanReport): string | null {
  const list = participantList(r);
  return list.length <= COVER_PARTICIPANTS_MAX ? list : null;
}

function cover(doc: Doc, r: PlanReport) {
  doc.rect(0, 0, PAGE.width, 14).fillColor(C.brand).fill();
  doc.y = 130;
  doc.font(FONT_BOLD).fontSize(32).fillColor(C.brandDark).text(P.title, M.left, doc.y, { width: W });
  doc.font(FONT_REGULAR).fontSize(12).fillColor(C.muted).text(P.subtitle, { width: W });
  doc.moveDown(2.2);
  doc.font(FONT_BOLD).fontSize(22).fillColor(C.ink).text(r.organisation.name, { width: W });
  doc.moveDown(1.2);

  const rows: [string, string][] = [
    [P.types, r.organisation.types.join(', ')],
    [P.region, r.organisation.region],
    [P.date, frenchDate(r.date)],
    [P.referential, r.referentialLabel],
    [P.status, r.submittedAt && !r.validated ? `${r.status} — ${P.submittedOn(frenchDate(r.submittedAt))}` : r.status],
    [P.mode, r.mode],
    [P.diagnosticDate, frenchDate(r.startedAt)],
  ];
  if (r.participants.length) rows.push([P.participants, participantsOnCover(r) ?? P.participantsInAnnex(r.participants.length)]);
  const labelW = 150;
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.font(FONT_BOLD).fontSize(10.5).fillColor(C.muted).text(label, M.left, y, { width: labelW - 10 });
    const afterLabel = doc.y;
    doc.font(FONT_REGULAR).fontSize(10.5).fillColor(C.ink).text(printable(value) || '—', M.left + labelW, y, { width: W - labelW });
    doc.y = Math.max(doc.y, afterLabel) + 6;
  }

  if (r.validated) {
    doc.moveDown(1.5);
    const text = P.validatedWith(r.validated.by, frenchDate(r.validated.at));
    doc.font(FONT_BOLD).fontSize(12);
    const w = Math.min(W, doc.widthOfString(text) + 28);
    const y = doc.y;
    doc.roundedRect(M.left, y, w, 30, 4).lineWidth(2).strokeColor(C.ok).stroke();
    doc.fillColor(C.ok).text(text, M.left + 14, y + 9, { width: w - 28, lineBreak: false });
    doc.y = y + 40;
  }

  const s = r.scores;
  doc.y = Math.max(doc.y + 20, 600);
  doc.rect(M.left, doc.y, W, 90).fillColor(C.soft).fill();
  const y = doc.y + 16;
  doc.font(FONT_BOLD).fontSize(34).fillColor(C.brandDark).text(percent(s.overall), M.left + 20, y, { width: 140, lineBreak: false });
  doc.font(FONT_BOLD).fontSize(13).fillColor(C.ink).text(s.band?.label ?? '—', M.left + 170, y + 2, { width: W - 190 });
  doc.font(FONT_REGULAR).fontSize(9.5).fillColor(C.muted).text(s.band?.description ?? '', M.left + 170, doc.y + 2, { width: W - 190 });
}

// --- summary -------------------------------------------------------------------------------------

function radar(doc: Doc, themes: readonly ThemeScore[], cx: number, cy: number, radius: number) {
  const g = radarPoints(
    themes.map((th) => th.score),
    cx,
    cy,
    radius,
    { labelRadius: radius + 12 },
  );
  doc.lineWidth(0.6).strokeColor(C.line);
  for (const ring of g.rings) {
    const [first, ...rest] = ring.points;
    if (!first) continue;
    doc.moveTo(first.x, first.y);
    for (const p of rest) doc.lineTo(p.x, p.y);
    doc.closePath().stroke();
  }
  doc.strokeColor('#8a93a5');
  for (const a of g.axes) doc.moveTo(cx, cy).lineTo(a.x, a.y).stroke();
  // Ring values along the first axis.
  doc.font(FONT_REGULAR).fontSize(7).fillColor(C.muted);
  for (const ring of g.rings) {
    const p = ring.points[0];
    if (p) doc.text(`${ring.value}`, p.x + 3, p.y - 4, { lineBreak: false });
  }
  const [first, ...rest] = g.polygon;
  if (first) {
    doc.moveTo(first.x, first.y);
    for (const p of rest) doc.lineTo(p.x, p.y);
    doc.closePath().fillOpacity(0.28).fillAndStroke(C.brand, C.brand);
    doc.fillOpacity(1).lineWidth(1.5);
    doc.moveTo(first.x, first.y);
    for (const p of rest) doc.lineTo(p.x, p.y);
    doc.closePath().strokeColor(C.brandDark).stroke();
    for (const p of g.polygon) doc.circle(p.x, p.y, 2.5).fillColor(C.brandDark).fill();
  }
  const labelW = 120;
  g.labels.forEach((l, i) => {
    const th = themes[i];
    if (!th) return;
    const label = `${th.title}\n${percent(th.score)}`;
    doc.font(FONT_BOLD).fontSize(8.5).fillColor(C.ink);
    const h = doc.heightOfString(label, { width: labelW, align: 'center' });
    const x = l.anchor === 'middle' ? l.x - labelW / 2 : l.anchor === 'start' ? l.x : l.x - labelW;
    const y = l.y < cy - 1 ? l.y - h : l.y > cy + 1 ? l.y : l.y - h / 2;
    doc.text(label, x, y, { width: labelW, align: l.anchor === 'middle' ? 'center' : l.anchor === 'start' ? 'left' : 'right' });
  });
}

function summary(doc: Doc, r: PlanReport) {
  const s = r.scores;
  doc.addPage();
  h1(doc, P.summaryTitle);
  const top = doc.y;
  doc.font(FONT_REGULAR).fontSize(10).fillColor(C.muted).text(P.overall, M.left, top, { width: 160 });
  doc.font(FONT_BOLD).fontSize(40).fillColor(C.brandDark).text(percent(s.overall), M.left, doc.y, { width: 160 });
  const left = doc.y;
  const x = M.left + 175;
  doc.font(FONT_REGULAR).fontSize(10).fillColor(C.muted).text(P.band, x, top, { width: W - 175 });
  doc.font(FONT_BOLD).fontSize(15).fillColor(C.ink).text(s.band?.label ?? '—', x, doc.y, { width: W - 175 });
  doc.font(FONT_REGULAR).fontSize(9.5).fillColor(C.ink).text(s.band?.description ?? '', x, doc.y + 2, { width: W - 175 });
  doc.y = Math.max(doc.y, left) + 10;

  const open = openActions(r.actions);
  const notes = [
    P.coverage(s.coverage.answered, s.coverage.applicable, s.coverage.na),
    s.unanswered.length ? P.unanswered(s.unanswered.length) : '',
    s.legalFlags.length ? P.legalFlags(s.legalFlags.length) : '',
    P.planAtAGlance(open.length, open.filter((a) => a.status === 'done').length, open.filter((a) => isOverdue(a, r.today)).length),
  ].filter(Boolean);
  for (const n of notes) para(doc, `• ${n}`, { size: 9.5, color: C.ink });

  doc.moveDown(0.8);
  doc.font(FONT_BOLD).fontSize(11).fillColor(C.brandDark).text(P.radarTitle, M.left, doc.y, { width: W, align: 'center' });
  const radius = 105;
  const cy = doc.y + 60 + radius;
  radar(doc, s.themes, PAGE.width / 2, cy, radius);
  doc.y = cy + radius + 60;

  h2(doc, P.themeScores);
  themeTable(doc, s.themes);
}

function themeTable(doc: Doc, themes: readonly ThemeScore[]) {
  const cols = [W - 230, 60, 170];
  const headY = doc.y;
  doc.rect(M.left, headY, W, 18).fillColor(C.soft).fill();
  doc.font(FONT_BOLD).fontSize(9).fillColor(C.ink);
  doc.text(t.plan.theme, M.left + 6, headY + 5, { width: cols[0]! - 12, lineBreak: false });
  doc.text(P.score, M.left + cols[0]!, headY + 5, { width: cols[1]! - 6, align: 'right', lineBreak: false });
  doc.text(P.answered, M.left + cols[0]! + cols[1]! + 12, headY + 5, { width: cols[2]! - 12, lineBreak: false });
  let y = headY + 22;
  for (const th of themes) {
    doc.font(FONT_REGULAR).fontSize(9.5).fillColor(C.ink).text(th.title, M.left + 6, y, { width: cols[0]! - 12 });
    const rowH = Math.max(doc.y - y, 12);
    doc.font(FONT_BOLD).text(percent(th.score), M.left + cols[0]!, y, { width: cols[1]! - 6, align: 'right', lineBreak: false });
    doc.font(FONT_REGULAR).fontSize(8.5).fillColor(C.muted).text(coverageShort(th.coverage), M.left + cols[0]! + cols[1]! + 12, y + 1, { width: cols[2]! - 12, lineBreak: false });
    y += rowH + 4;
    doc.moveTo(M.left, y).lineTo(M.left + W, y).lineWidth(0.5).strokeColor(C.line).stroke();
    y += 4;
  }
  doc.y = y + 4;
  doc.x = M.left;
}

function coverageShort(c: { applicable: number; answered: number; na: number }): string {
  return `${c.answered}/${c.applicable}${c.na ? ` (dont ${c.na} N/A)` : ''}`;
}

// --- themes in detail ------------------------------------------------------------------------------

function themesDetail(doc: Doc, r: PlanReport) {
  doc.addPage();
  h1(doc, P.themesTitle);
  for (const th of r.scores.themes) {
    h2(doc, `${th.title} — ${percent(th.score)}`, 120);
    para(doc, `${P.criteria} (${coverageShort(th.coverage)})`, { size: 9, color: C.muted, gap: 0.2 });
    for (const crit of th.criteria) {
      ensureSpace(doc, 16);
      const y = doc.y;
      doc.font(FONT_REGULAR).fontSize(9).fillColor(C.ink).text(`${crit.code} ${crit.title}`, M.left + 6, y, { width: W - 190 });
      const end = doc.y;
      bar(doc, M.left + W - 170, y + 3, 120, crit.score);
      doc.font(FONT_BOLD).fontSize(9).fillColor(C.ink).text(percent(crit.score), M.left + W - 44, y, { width: 44, align: 'right', lineBreak: false });
      doc.y = Math.max(end, y + 12) + 2;
    }
    const { strengths, priorities } = themeHighlights(th, r.actions);
    h3(doc, P.strengths, 20);
    if (!strengths.length) para(doc, P.noStrengths, { size: 9, color: C.muted, indent: 6 });
    for (const q of strengths) para(doc, `• ${q.code} — ${q.text} (niveau ${q.level})`, { size: 9, indent: 6 });
    h3(doc, P.priorities, 20);
    if (!priorities.length) para(doc, P.noPriorities, { size: 9, color: C.muted, indent: 6 });
    for (const a of priorities) para(doc, `• [${priorityLabel(a.priority)}] ${a.title}`, { size: 9, indent: 6 });
  }
}

// --- action table --------------------------------------------------------------------------------

const COLS = [
  { key: 'priority', width: 58 },
  { key: 'action', width: 168 },
  { key: 'owner', width: 66 },
  { key: 'due', width: 56 },
  { key: 'status', width: 42 },
  { key: 'services', width: W - 58 - 168 - 66 - 56 - 42 },
] as const;
const PAD = 4;
const TABLE_SIZE = 8;

/** One piece of text in a table cell. */
interface CellLine {
  text: string;
  bold?: boolean;
  color?: string;
  small?: boolean;
}

function tableHeader(doc: Doc) {
  const y = doc.y;
  doc.rect(M.left, y, W, 18).fillColor(C.brandDark).fill();
  doc.font(FONT_BOLD).fontSize(TABLE_SIZE).fillColor('#ffffff');
  let x = M.left;
  for (const col of COLS) {
    doc.text(P.col[col.key], x + PAD, y + 5, { width: col.width - 2 * PAD, lineBreak: false });
    x += col.width;
  }
  doc.y = y + 18;
}

function setCellFont(doc: Doc, line: CellLine) {
  return doc.font(line.bold ? FONT_BOLD : FONT_REGULAR).fontSize(line.small ? TABLE_SIZE - 1 : TABLE_SIZE);
}

function cellHeight(doc: Doc, lines: readonly CellLine[], width: number): number {
  let h = 0;
  for (const line of lines) h += setCellFont(doc, line).heightOfString(printable(line.text), { width }) + 1;
  return h;
}

function actionCells(a: PlanReportAction, r: PlanReport, services: ReadonlyMap<string, PlanReportService>): CellLine[][] {
  const overdue = isOverdue(a, r.today);
  const action: CellLine[] = [{ text: a.title, bold: true }];
  if (a.origin !== 'proposed') action.push({ text: t.plan.origin[a.origin] ?? a.origin, small: true, color: C.muted });
  const names = a.services.map((c) => services.get(c)?.name ?? c);
  return [
    [{ text: priorityLabel(a.priority), bold: true, color: PRIORITY_COLORS[a.priority] ?? C.ink }, ...(a.quickWin ? [{ text: t.plan.quickWin, small: true, color: C.ok }] : [])],
    action,
    [{ text: a.owner || t.plan.noOwner, color: a.owner ? C.ink : C.muted }],
    [{ text: a.dueDate ? frenchDayShort(a.dueDate) : '—', color: overdue ? C.danger : C.ink }, ...(overdue ? [{ text: t.plan.overdue, small: true, bold: true, color: C.danger }] : [])],
    [{ text: t.plan.status[a.status] ?? a.status, color: a.status === 'done' ? C.ok : C.ink }],
    [{ text: names.length > 1 ? names.map((n) => `• ${n}`).join('\n') : names[0] ?? '—' }],
  ];
}

/**
 * The action's own texts, printed across the table's width under its row: a member's description
 * (proposed descriptions are the referential's recommendations) and the follow-up notes. Written
 * once, flowing from page to page, instead of being measured and then drawn in a narrow column,
 * where a long text made a row taller than a page.
 */
function actionDetails(doc: Doc, a: PlanReportAction) {
  const details: { text: string; color: string }[] = [];
  if (a.ownDescription && a.description) details.push({ text: a.description, color: C.ink });
  if (a.notes) details.push({ text: `${t.plan.notes} : ${a.notes}`, color: C.muted });
  if (!details.length) return;
  const x = M.left + COLS[0].width + PAD;
  const width = W - COLS[0].width - 2 * PAD;
  doc.y += 1;
  for (const d of details) {
    ensureSpace(doc, 12);
    doc.font(FONT_REGULAR).fontSize(TABLE_SIZE - 1).fillColor(d.color).text(printable(d.text), x, doc.y, { width });
    doc.y += 1;
  }
  doc.y += PAD - 2;
}

function actionTable(doc: Doc, r: PlanReport) {
  doc.addPage();
  h1(doc, P.actionsTitle);
  para(doc, P.actionsIntro, { size: 9.5, color: C.muted, gap: 0.5 });
  const rows = sortForTable(r.actions, r.scores.themes.map((th) => th.slug));
  if (!rows.length) {
    para(doc, P.noActions);
    return;
  }
  const services = new Map(r.services.map((s) => [s.code, s]));
  tableHeader(doc);
  rows.forEach((a, i) => {
    const overdue = isOverdue(a, r.today);
    const cells = actionCells(a, r, services);
    const rowH = Math.max(...cells.map((lines, j) => cellHeight(doc, lines, COLS[j]!.width - 2 * PAD))) + 2 * PAD - 1;
    if (doc.y + rowH > BOTTOM) {
      doc.addPage();
      tableHeader(doc);
    }
    const y = doc.y;
    if (overdue) doc.rect(M.left, y, W, rowH).fillColor(C.overdueBg).fill();
    else if (i % 2 === 1) doc.rect(M.left, y, W, rowH).fillColor('#f7f8fa').fill();
    let x = M.left;
    cells.forEach((lines, j) => {
      const w = COLS[j]!.width - 2 * PAD;
      let ly = y + PAD;
      for (const line of lines) {
        setCellFont(doc, line).fillColor(line.color ?? C.ink).text(printable(line.text), x + PAD, ly, { width: w });
        ly = doc.y + 1;
      }
      x += COLS[j]!.width;
    });
    doc.y = y + rowH;
    actionDetails(doc, a);
    doc.moveTo(M.left, doc.y).lineTo(M.left + W, doc.y).lineWidth(0.5).strokeColor(C.line).stroke();
  });
  doc.x = M.left;

  const dropped = r.actions.filter((a) => a.droppedReason !== null);
  if (dropped.length) {
    doc.moveDown(0.5);
    h2(doc, P.droppedTitle, 30);
    for (const a of dropped) {
      ensureSpace(doc, 24);
      para(doc, `• ${a.title}`, { size: 9, bold: true });
      para(doc, `${t.plan.droppedReasonLabel} : ${a.droppedReason}`, { size: 9, color: C.muted, indent: 9, gap: 0.2 });
    }
  }
}

// --- services ------------------------------------------------------------------------------------

function servicesSection(doc: Doc, r: PlanReport) {
  const list = servicesToMobilise(r);
  doc.addPage();
  h1(doc, P.servicesTitle);
  para(doc, P.servicesIntro, { size: 9.5, color: C.muted, gap: 0.6 });
  if (!list.length) para(doc, P.noServicesNeeded);
  for (const { service: s, count } of list) {
    ensureSpace(doc, 90);
    const kind = t.plan.kinds[s.kind] ?? s.kind;
    doc.font(FONT_BOLD).fontSize(10.5).fillColor(C.ink).text(s.name, M.left, doc.y, { width: W, continued: true });
    doc.font(FONT_REGULAR).fontSize(9).fillColor(C.muted).text(`  ${kind}${s.active ? '' : ` — ${t.plan.serviceInactive}`}`);
    para(doc, s.description, { size: 9 });
    para(doc, s.contact, { size: 9, color: C.brandDark });
    para(doc, P.usedBy(count), { size: 8.5, color: C.muted, gap: 0.6 });
  }
}

// --- ISO 9001 and RSE ----------------------------------------------------------------------------

function scoreRows(doc: Doc, rows: { label: string; score: number | null; coverage: { applicable: number; answered: number; na: number }; extra?: string }[], header: string) {
  const y0 = doc.y;
  doc.rect(M.left, y0, W, 16).fillColor(C.soft).fill();
  doc.font(FONT_BOLD).fontSize(8.5).fillColor(C.ink);
  doc.text(header, M.left + 6, y0 + 4, { width: 230, lineBreak: false });
  doc.text(P.score, M.left + 380, y0 + 4, { width: 40, align: 'right', lineBreak: false });
  doc.text(P.answered, M.left + 430, y0 + 4, { width: W - 430, lineBreak: false });
  doc.y = y0 + 20;
  for (const row of rows) {
    ensureSpace(doc, 16);
    const y = doc.y;
    doc.font(FONT_REGULAR).fontSize(9).fillColor(C.ink).text(row.extra ? `${row.label} — ${row.extra}` : row.label, M.left + 6, y, { width: 235 });
    const end = doc.y;
    bar(doc, M.left + 250, y + 3, 120, row.score);
    doc.font(FONT_BOLD).fontSize(9).fillColor(C.ink).text(percent(row.score), M.left + 380, y, { width: 40, align: 'right', lineBreak: false });
    doc.font(FONT_REGULAR).fontSize(8.5).fillColor(C.muted).text(`${row.coverage.answered}/${row.coverage.applicable}`, M.left + 430, y + 0.5, { width: W - 430, lineBreak: false });
    doc.y = Math.max(end, y + 12) + 3;
  }
  doc.x = M.left;
}

function readiness(doc: Doc, r: PlanReport) {
  const s = r.scores;
  doc.addPage();
  h1(doc, P.readinessTitle);
  h2(doc, P.iso9001Title);
  para(doc, P.iso9001Intro, { size: 9, color: C.muted, gap: 0.4 });
  scoreRows(
    doc,
    s.iso9001.map((g) => ({ label: `${g.group}. ${g.label}`, score: g.score, coverage: g.coverage })),
    P.chapter,
  );
  h2(doc, P.rseTitle);
  para(doc, s.rse.points !== null && s.rse.level ? P.rseIntro(Math.round(s.rse.points).toLocaleString('fr-FR'), s.rse.level.label) : P.rseNone, { size: 9.5, gap: 0.2 });
  if (s.rse.level) para(doc, s.rse.level.description, { size: 9, color: C.muted, gap: 0.4 });
  scoreRows(
    doc,
    s.iso26000.map((sub) => ({ label: sub.label, score: sub.score, coverage: sub.coverage, extra: sub.rseLevel?.label })),
    P.subject,
  );
}

// --- review remarks ------------------------------------------------------------------------------

function reviews(doc: Doc, r: PlanReport) {
  if (!r.reviews.length) return;
  h2(doc, P.reviewTitle, 40);
  for (const rv of r.reviews) {
    ensureSpace(doc, 30);
    para(doc, `${rv.target} — ${rv.author}, ${frenchDate(rv.at)}`, { size: 9, bold: true });
    para(doc, rv.body, { size: 9, indent: 10, gap: 0.3 });
  }
}

// --- annex ---------------------------------------------------------------------------------------

function annex(doc: Doc, r: PlanReport) {
  const answers = new Map(r.answers.map((a) => [a.code, a]));
  doc.addPage();
  h1(doc, P.annexTitle);
  para(doc, P.annexIntro, { size: 9.5, color: C.muted });
  if (r.notApplicable) para(doc, P.notApplicable(r.notApplicable), { size: 9.5, color: C.muted });
  if (r.participants.length && participantsOnCover(r) === null) {
    h2(doc, P.participants, 30);
    para(doc, participantList(r), { size: 9 });
  }
  for (const th of r.scores.themes) {
    h2(doc, th.title, 60);
    for (const crit of th.criteria) {
      h3(doc, `${crit.code} ${crit.title}`, 40);
      for (const q of crit.questions) {
        const a = answers.get(q.code);
        ensureSpace(doc, 36);
        para(doc, `${q.code} — ${q.text}`, { size: 8.5, bold: true });
        para(doc, answerLine(a), { size: 8.5, color: a?.level === null || !a ? C.danger : C.ink, indent: 10 });
        if (a?.comment) para(doc, `${P.comment} : ${a.comment}`, { size: 8.5, color: C.muted, indent: 10 });
        const files = r.evidence?.get(q.code);
        if (files?.length) para(doc, `${t.evidence.title}\u00a0: ${files.join('\u202f; ')}`, { size: 8.5, color: C.muted, indent: 10 });
        doc.moveDown(0.35);
      }
    }
  }
}

// --- page furniture ------------------------------------------------------------------------------

function footers(doc: Doc, r: PlanReport) {
  const range = doc.bufferedPageRange();
  const date = frenchDate(r.date);
  const name = r.organisation.name.length > 50 ? `${r.organisation.name.slice(0, 49)}…` : r.organisation.name;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would make pdfkit start a new page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = PAGE.height - 40;
    doc.moveTo(M.left, y - 6).lineTo(M.left + W, y - 6).lineWidth(0.5).strokeColor(C.line).stroke();
    doc.font(FONT_REGULAR).fontSize(7.5).fillColor(C.muted);
    doc.text(P.footer(name, date), M.left, y, { width: W - 90, lineBreak: false });
    doc.text(P.pageOf(i - range.start + 1, range.count), M.left + W - 90, y, { width: 90, align: 'right', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
}

// Pages stay in memory until the footers (« Page 3 sur 40 ») are written, and pdfkit keeps each
// page's content as one small byte array per drawing operator: hundreds of thousands of objects for
// a long plan, which the garbage collector kept walking. Once a page is finished its operators are
// joined into one array; the footer is appended to it later as usual.
function compactFinishedPages(doc: Doc) {
  const d = doc as unknown as { _pageBuffer?: { content?: { buffer?: Uint8Array[] } }[] };
  doc.on('pageAdded', () => {
    const pages = d._pageBuffer;
    const done = pages?.[pages.length - 2]?.content;
    if (!done || !Array.isArray(done.buffer) || done.buffer.length < 2) return;
    done.buffer = [Buffer.concat(done.buffer)];
  });
}

export interface PdfOptions {
  /** Reuse the fonts parsed for an earlier document (default); the bench turns it off to compare. */
  reuseParsedFonts?: boolean;
  /**
   * Sections written after the annex, each starting on its own page and numbered with the rest
   * (the ISO 9001 gap analysis when asked, « actions faites → progrès constatés »): they live in
   * their own modules (src/certification/pdf-annex.ts).
   */
  sections?: readonly ((doc: PDFKit.PDFDocument) => void)[];
}

/** Lays the plan out and writes the PDF to `out` (ended when done). Returns the page count. */
export function writePlanPdf(report: PlanReport, out: Writable, opts: PdfOptions = {}): { pages: number } {
  const doc = new PDFDocument({
    size: 'A4',
    margins: M,
    bufferPages: true,
    lang: 'fr-FR',
    displayTitle: true,
    info: {
      Title: `${P.title} — ${report.organisation.name}`,
      Author: 'CAP — réseau Coorace',
      Subject: P.subtitle,
      CreationDate: report.date,
    },
  });
  doc.pipe(out);
  compactFinishedPages(doc);
  registerFonts(doc, { reuseParsed: opts.reuseParsedFonts });
  cover(doc, report);
  summary(doc, report);
  themesDetail(doc, report);
  actionTable(doc, report);
  servicesSection(doc, report);
  readiness(doc, report);
  reviews(doc, report);
  annex(doc, report);
  for (const section of opts.sections ?? []) section(doc);
  footers(doc, report);
  const pages = doc.bufferedPageRange().count;
  doc.end();
  return { pages };
}

/** The whole PDF in memory (tests, bench). */
export function renderPlanPdf(report: PlanReport, opts: PdfOptions = {}): Promise<{ pdf: Buffer; pages: number }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc: BufferEncoding, cb: () => void) {
        chunks.push(chunk);
        cb();
      },
    });
    let pages = 0;
    sink.on('finish', () => resolve({ pdf: Buffer.concat(chunks), pages }));
    sink.on('error', reject);
    try {
      pages = writePlanPdf(report, sink, opts).pages;
    } catch (err) {
      reject(err);
    }
  });
}
