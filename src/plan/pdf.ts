// The progress plan as an A4 PDF (pdfkit). Pure layout: it takes a plain PlanReport (./report.ts) and writes to a
// stream; no database, no HTTP. Fonts are DejaVu Sans TTF files shipped in static/fonts: pdfkit's
// built-in Helvetica is not embedded and prints the narrow no-break space French needs as « / ».
import PDFDocument from 'pdfkit';
import { readFileSync } from 'node:fs';
import { Transform, Writable } from 'node:stream';
import { deflateSync } from 'node:zlib';
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
interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}
interface Run {
  glyphs: Glyph[];
  positions: Position[];
  advanceWidth: number;
}
interface PdfkitFont {
  font?: { glyphForCodePoint?: (cp: number) => Glyph };
  scale?: number;
  subset?: { includeGlyph: (id: number) => number };
  widths?: number[];
  unicode?: number[][];
  layoutCache?: unknown;
  layoutCached?: (text: string) => Run;
  layoutRun?: (text: string, features?: unknown) => Run;
  encode?: (text: string, features?: unknown) => [string[], Position[]];
  widthOfString?: (text: string, size: number, features?: unknown) => number;
}

/** Scripts that need OpenType shaping or reordering: Hebrew to Mongolian, and the presentation forms. */
const NEEDS_SHAPING = /[\u0590-\u1dff\ufb1d-\ufeff]/;
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;
/** Words shaped by fontkit per document and face (about 60 µs each): 2,000 is about a tenth of a second. */
const SHAPED_WORDS_PER_DOCUMENT = 2000;

/**
 * What a character prints as in one parsed font: its glyph, its advance in thousandths of the font
 * size, and the position pdfkit reads for it (never written to, so one object serves every use).
 */
interface PlainGlyph {
  glyph: Glyph;
  width: number;
  position: Readonly<Position>;
}
/** Per parsed font, by code point (bounded by the characters the font is asked for, at most its cmap). */
const glyphCaches = new WeakMap<object, Map<number, PlainGlyph>>();
/** Advance widths of code points below this, per parsed font, in an array (-1: not looked up yet). */
const ADVANCE_ARRAY_SIZE = 0x2100;
const advanceCaches = new WeakMap<object, Float64Array>();

function boundedLayout(doc: Doc, name: string) {
  doc.font(name);
  const font = (doc as unknown as { _font?: PdfkitFont })._font;
  const parsedFont = font?.font;
  if (!font || !parsedFont || typeof parsedFont.glyphForCodePoint !== 'function' || typeof font.layoutRun !== 'function') return;
  if (typeof font.encode !== 'function' || typeof font.widthOfString !== 'function' || !font.subset || !font.widths || !font.unicode) return;
  let cache = glyphCaches.get(parsedFont);
  if (!cache) glyphCaches.set(parsedFont, (cache = new Map()));
  const byCodePoint = cache;
  const scale = font.scale ?? 1;
  const plainGlyph = (cp: number): PlainGlyph => {
    let g = byCodePoint.get(cp);
    if (!g) {
      const glyph = parsedFont.glyphForCodePoint!(cp);
      const width = glyph.advanceWidth * scale;
      g = { glyph, width, position: Object.freeze({ xAdvance: width, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: width }) };
      byCodePoint.set(cp, g);
    }
    return g;
  };
  const shape = font.layoutRun.bind(font);
  let shapingLeft = SHAPED_WORDS_PER_DOCUMENT;
  const plain = (text: string): Run => {
    const out: Run = { glyphs: [], positions: [], advanceWidth: 0 };
    for (const ch of text) {
      const g = plainGlyph(ch.codePointAt(0)!);
      out.glyphs.push(g.glyph);
      out.positions.push(g.position as Position);
      out.advanceWidth += g.width;
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

  // pdfkit measures every word to break lines, then lays every line out again to write it, both
  // through its general layout (words split, runs concatenated, a glyph and a position object
  // allocated per character). Text that needs no shaping — all of CAP's French — is measured by
  // adding advance widths, and written from per-glyph hex codes kept for the document, with the
  // same glyphs, widths and positions as the general path; other text takes the general path.
  const measure = font.widthOfString.bind(font);
  const encodeShaped = font.encode.bind(font);
  const { subset, widths, unicode } = font;
  const hexByGlyph = new Map<number, string>();
  // Advance widths of the first code points (Latin, Greek, Cyrillic, general punctuation) in an
  // array, the rest through the map: every character of every word is measured at least once.
  let advances = advanceCaches.get(parsedFont);
  if (!advances) advanceCaches.set(parsedFont, (advances = new Float64Array(ADVANCE_ARRAY_SIZE).fill(-1)));
  const advance = advances;
  font.widthOfString = (text, size, features) => {
    if (features || NEEDS_SHAPING.test(text)) return measure(text, size, features);
    let width = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < ADVANCE_ARRAY_SIZE) {
        let w = advance[c]!;
        if (w < 0) advance[c] = w = plainGlyph(c).width;
        width += w;
      } else {
        const cp = text.codePointAt(i)!;
        if (cp > 0xffff) i++;
        width += plainGlyph(cp).width;
      }
    }
    return (width * size) / 1000;
  };
  font.encode = (text, features) => {
    if (features || NEEDS_SHAPING.test(text)) return encodeShaped(text, features);
    const codes: string[] = [];
    const positions: Position[] = [];
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      const { glyph, position } = plainGlyph(cp);
      let hex = hexByGlyph.get(glyph.id);
      if (hex === undefined) {
        const gid = subset.includeGlyph(glyph.id);
        hex = gid.toString(16).padStart(4, '0');
        widths[gid] ??= glyph.advanceWidth * scale;
        unicode[gid] ??= glyph.codePoints;
        hexByGlyph.set(glyph.id, hex);
      }
      codes.push(hex);
      positions.push(position as Position);
    }
    return [codes, positions];
  };
}

const LONG_WORD = /[^\s\u200b]{41,}/g;
/** Characters that end a word for LONG_WORD: what `\s` matches, and the zero-width space. */
const WORD_END = /[\s\u200b]/;
/** Whether `text` holds more than 40 UTF-16 units without a space: a plain scan, cheaper than the regular expression on long texts. */
function hasLongWord(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Letters, digits and most punctuation below U+0080 other than the ASCII spaces never end a word.
    if (c > 0x20 && c < 0x7f) run++;
    else if (c === 0x20 || WORD_END.test(text[i]!)) run = 0;
    else run++;
    if (run > 40) return true;
  }
  return false;
}
/** Text as the layout above needs it: composed (NFC), a word longer than any column (a URL, a hostile string) breakable every 40 characters. */
export function printable(text: string): string {
  const composed = text.normalize('NFC');
  return hasLongWord(composed) ? composed.replace(LONG_WORD, (word) => word.replace(/[^]{40}(?=[^])/gu, '$&\u200b')) : composed;
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
// Tags. The PDF is tagged (PDF/UA): a screen reader follows its structure tree — headings, lists,
// tables, the radar as a figure with its text alternative — in reading order. Everything else
// drawn (bars, rules, backgrounds, page furniture) is an artifact it skips. Content is drawn inside
// the closure of its structure element; an artifact is never drawn inside one (pdfkit would close
// the element's marked content to open the artifact's).

type Struct = ReturnType<Doc['struct']>;

class Tags {
  private readonly stack: Struct[];
  constructor(private readonly doc: Doc) {
    const root = doc.struct('Document');
    doc.addStructure(root);
    this.stack = [root];
  }
  private get top(): Struct {
    return this.stack[this.stack.length - 1]!;
  }
  /** A structure element whose content `draw` draws now. */
  leaf(type: string, draw: () => void, options: { alt?: string; scope?: 'Row' | 'Column' } = {}): void {
    this.top.add(this.doc.struct(type, options, draw));
  }
  /** A structure element holding the elements `fill` adds. */
  group(type: string, fill: () => void): void {
    const el = this.doc.struct(type);
    this.top.add(el);
    this.stack.push(el);
    try {
      fill();
    } finally {
      this.stack.pop();
      el.end();
    }
  }
  /** Drawing a screen reader skips. */
  artifact(draw: () => void, type?: 'Pagination' | 'Layout'): void {
    this.doc.markContent('Artifact', type ? { type } : {});
    draw();
    this.doc.endMarkedContent();
  }
  end(): void {
    this.stack[0]!.end();
  }
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
  accent: '#b5451b',
  overdueBg: '#fdecec',
} as const;
const PRIORITY_COLORS: Record<string, string> = { obligation: C.danger, haute: C.warn, moyenne: C.brand, basse: C.muted };

interface Ctx {
  doc: Doc;
  tags: Tags;
  r: PlanReport;
}

function ensureSpace(doc: Doc, height: number) {
  if (doc.y + height > BOTTOM) doc.addPage();
}

/**
 * A new part of the document. Parts follow each other on the same page when at least `room` points
 * are left (no page holding a few lines), else start a new page.
 */
function part(x: Ctx, title: string, fill: () => void, room = 220) {
  const { doc, tags } = x;
  if (doc.y > M.top + 1) {
    if (doc.y + room > BOTTOM) doc.addPage();
    else doc.y += 18;
  }
  tags.group('Sect', () => {
    tags.leaf('H2', () => doc.font(FONT_BOLD).fontSize(18).fillColor(C.brandDark).text(printable(title), M.left, doc.y, { width: W }));
    const y = doc.y + 4;
    tags.artifact(() => doc.moveTo(M.left, y).lineTo(M.left + W, y).lineWidth(1.5).strokeColor(C.brand).stroke());
    doc.y = y + 12;
    fill();
  });
}

function h3(x: Ctx, text: string, keepWith = 60) {
  const { doc } = x;
  ensureSpace(doc, 24 + keepWith);
  doc.moveDown(0.4);
  x.tags.leaf('H3', () => doc.font(FONT_BOLD).fontSize(13).fillColor(C.brandDark).text(printable(text), M.left, doc.y, { width: W }));
  doc.moveDown(0.3);
}

function h4(x: Ctx, text: string, keepWith = 40) {
  const { doc } = x;
  ensureSpace(doc, 18 + keepWith);
  doc.moveDown(0.3);
  x.tags.leaf('H4', () => doc.font(FONT_BOLD).fontSize(10.5).fillColor(C.ink).text(printable(text), M.left, doc.y, { width: W }));
  doc.moveDown(0.15);
}

interface ParaOptions {
  size?: number;
  color?: string;
  bold?: boolean;
  indent?: number;
  gap?: number;
}

function setFont(doc: Doc, opts: ParaOptions) {
  return doc
    .font(opts.bold ? FONT_BOLD : FONT_REGULAR)
    .fontSize(opts.size ?? 10)
    .fillColor(opts.color ?? C.ink);
}

function para(x: Ctx, text: string, opts: ParaOptions = {}) {
  if (!text) return;
  const { doc } = x;
  const indent = opts.indent ?? 0;
  x.tags.leaf('P', () => setFont(doc, opts).text(printable(text), M.left + indent, doc.y, { width: W - indent }));
  if (opts.gap) doc.moveDown(opts.gap);
}

/** A bulleted list: L › LI › (Lbl, LBody), the text hanging after its bullet. */
function list(x: Ctx, items: readonly string[], opts: ParaOptions & { keep?: number } = {}) {
  const { doc, tags } = x;
  const indent = opts.indent ?? 0;
  tags.group('L', () => {
    for (const item of items) {
      setFont(doc, opts);
      ensureSpace(doc, Math.min(opts.keep ?? 14, doc.heightOfString(printable(item), { width: W - indent - 10 })));
      tags.group('LI', () => {
        const y = doc.y;
        tags.leaf('Lbl', () => setFont(doc, opts).text('•', M.left + indent, y, { width: 10, lineBreak: false }));
        doc.y = y;
        tags.leaf('LBody', () => setFont(doc, opts).text(printable(item), M.left + indent + 10, y, { width: W - indent - 10 }));
      });
    }
  });
  if (opts.gap) doc.moveDown(opts.gap);
}

function bar(x: Ctx, left: number, y: number, width: number, score: number | null, peer?: number | null) {
  const { doc } = x;
  x.tags.artifact(() => {
    doc.rect(left, y, width, 6).fillColor(C.soft).fill();
    if (score !== null && score > 0) doc.rect(left, y, (width * Math.min(100, score)) / 100, 6).fillColor(C.brand).fill();
    if (peer !== null && peer !== undefined) doc.rect(left + (width * Math.min(100, peer)) / 100 - 1, y - 2, 2.5, 10).fillColor(C.accent).fill();
  });
}

// --- tables ------------------------------------------------------------------------------------------

interface TableColumn {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

/** A simple table: header row (TH), then rows of short texts; rows never split across pages. */
function simpleTable(x: Ctx, columns: readonly TableColumn[], rows: readonly { cells: string[]; bold?: boolean }[], size = 9) {
  const { doc, tags } = x;
  const header = (asArtifact: boolean) => {
    const y = doc.y;
    // A long header (« Moyenne régionale (Occitanie) » in a narrow column) wraps: the band grows with it.
    const textHeight = Math.max(...columns.map((col) => doc.font(FONT_BOLD).fontSize(size - 0.5).heightOfString(printable(col.header), { width: col.width - 10 })));
    const band = Math.max(18, textHeight + 8);
    tags.artifact(() => doc.rect(M.left, y, W, band).fillColor(C.soft).fill());
    const draw = () => {
      let left = M.left;
      for (const col of columns) {
        const cell = () => doc.font(FONT_BOLD).fontSize(size - 0.5).fillColor(C.ink).text(printable(col.header), left + 5, y + 5, { width: col.width - 10, align: col.align ?? 'left' });
        if (asArtifact) cell();
        else tags.leaf('TH', cell, { scope: 'Column' });
        left += col.width;
      }
    };
    if (asArtifact) tags.artifact(draw, 'Pagination');
    else tags.group('TR', draw);
    doc.y = y + band + 4;
  };
  tags.group('Table', () => {
    ensureSpace(doc, 60);
    header(false);
    for (const row of rows) {
      const heights = row.cells.map((c, i) => doc.font(row.bold && i === 0 ? FONT_BOLD : FONT_REGULAR).fontSize(size).heightOfString(printable(c), { width: columns[i]!.width - 10 }));
      const h = Math.max(12, ...heights);
      if (doc.y + h + 6 > BOTTOM) {
        doc.addPage();
        header(true);
      }
      const y = doc.y;
      tags.group('TR', () => {
        let left = M.left;
        row.cells.forEach((c, i) => {
          const col = columns[i]!;
          tags.leaf(i === 0 ? 'TH' : 'TD', () => doc.font(row.bold || i > 0 ? FONT_BOLD : FONT_REGULAR).fontSize(size).fillColor(C.ink).text(printable(c), left + 5, y, { width: col.width - 10, align: col.align ?? 'left' }), i === 0 ? { scope: 'Row' } : {});
          left += col.width;
        });
      });
      const end = y + h + 3;
      tags.artifact(() => doc.moveTo(M.left, end).lineTo(M.left + W, end).lineWidth(0.5).strokeColor(C.line).stroke());
      doc.y = end + 4;
    }
  });
  doc.x = M.left;
}

// --- cover ---------------------------------------------------------------------------------------

const participantList = (r: PlanReport) => r.participants.map((p) => (p.role ? `${p.name} (${p.role})` : p.name)).join(', ');
/** Long names would push the cover past its page: past this length the list goes to the annex. */
const COVER_PARTICIPANTS_MAX = 600;
function participantsOnCover(r: PlanReport): string | null {
  const list = participantList(r);
  return list.length <= COVER_PARTICIPANTS_MAX ? list : null;
}

function cover(x: Ctx) {
  const { doc, tags, r } = x;
  tags.artifact(() => doc.rect(0, 0, PAGE.width, 14).fillColor(C.brand).fill(), 'Layout');
  doc.y = 130;
  tags.leaf('H1', () => {
    doc.font(FONT_BOLD).fontSize(32).fillColor(C.brandDark).text(P.title, M.left, doc.y, { width: W });
  });
  tags.leaf('P', () => doc.font(FONT_REGULAR).fontSize(12).fillColor(C.muted).text(P.subtitle, M.left, doc.y, { width: W }));
  doc.moveDown(2.2);
  tags.leaf('P', () => doc.font(FONT_BOLD).fontSize(22).fillColor(C.ink).text(printable(r.organisation.name), M.left, doc.y, { width: W }));
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
    let afterLabel = y;
    tags.leaf('P', () => {
      doc.font(FONT_BOLD).fontSize(10.5).fillColor(C.muted).text(`${label} :`, M.left, y, { width: labelW - 10 });
      afterLabel = doc.y;
      doc.font(FONT_REGULAR).fontSize(10.5).fillColor(C.ink).text(printable(value) || '—', M.left + labelW, y, { width: W - labelW });
    });
    doc.y = Math.max(doc.y, afterLabel) + 6;
  }

  if (r.validated) {
    doc.moveDown(1.5);
    const text = P.validatedWith(r.validated.by, frenchDate(r.validated.at));
    doc.font(FONT_BOLD).fontSize(12);
    const w = Math.min(W, doc.widthOfString(text) + 28);
    const y = doc.y;
    const h = doc.heightOfString(printable(text), { width: w - 28 }) + 18;
    tags.artifact(() => doc.roundedRect(M.left, y, w, h, 4).lineWidth(2).strokeColor(C.ok).stroke());
    tags.leaf('P', () => doc.font(FONT_BOLD).fontSize(12).fillColor(C.ok).text(printable(text), M.left + 14, y + 9, { width: w - 28 }));
    doc.y = y + h + 10;
  }

  const s = r.scores;
  doc.y = Math.max(doc.y + 20, 600);
  const top = doc.y;
  tags.artifact(() => doc.rect(M.left, top, W, 90).fillColor(C.soft).fill());
  const y = top + 16;
  tags.leaf('P', () => {
    doc.font(FONT_BOLD).fontSize(34).fillColor(C.brandDark).text(percent(s.overall), M.left + 20, y, { width: 140, lineBreak: false });
    doc.font(FONT_BOLD).fontSize(13).fillColor(C.ink).text(s.band?.label ?? '—', M.left + 170, y + 2, { width: W - 190 });
    doc.font(FONT_REGULAR).fontSize(9.5).fillColor(C.muted).text(s.band?.description ?? '', M.left + 170, doc.y + 2, { width: W - 190 });
  });
  if (r.provisional) {
    doc.y = top + 98;
    tags.leaf('P', () => doc.font(FONT_BOLD).fontSize(10).fillColor(C.warn).text(printable(P.provisional(r.provisional!.toConfirm, s.unanswered.length)), M.left, doc.y, { width: W }));
  }
  doc.addPage();
}

// --- summary -------------------------------------------------------------------------------------

function radarAlt(r: PlanReport): string {
  const themes = r.scores.themes.map((th) => `${th.title}\u00a0: ${percent(th.score)}`).join('\u202f; ');
  const ref = r.benchmark[0];
  const peers = ref ? ` ${P.radarPeersAlt(ref.label, r.scores.themes.map((th) => `${th.title}\u00a0: ${percent(ref.themes[th.slug] ?? null)}`).join('\u202f; '))}` : '';
  return `${P.radarAlt(themes)}${peers}`;
}

function radar(x: Ctx, cx: number, cy: number, radius: number) {
  const { doc, r } = x;
  const themes = r.scores.themes;
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
  doc.font(FONT_REGULAR).fontSize(7).fillColor(C.muted);
  for (const ring of g.rings) {
    const p = ring.points[0];
    if (p) doc.text(`${ring.value}`, p.x + 3, p.y - 4, { lineBreak: false });
  }
  const ref = r.benchmark[0];
  if (ref) {
    const peer = radarPoints(themes.map((th) => ref.themes[th.slug] ?? null), cx, cy, radius).polygon;
    const [first, ...rest] = peer;
    if (first) {
      doc.moveTo(first.x, first.y);
      for (const p of rest) doc.lineTo(p.x, p.y);
      doc.closePath().lineWidth(1.2).dash(4, { space: 3 }).strokeColor(C.accent).stroke().undash();
    }
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
    const lx = l.anchor === 'middle' ? l.x - labelW / 2 : l.anchor === 'start' ? l.x : l.x - labelW;
    const ly = l.y < cy - 1 ? l.y - h : l.y > cy + 1 ? l.y : l.y - h / 2;
    doc.text(label, lx, ly, { width: labelW, align: l.anchor === 'middle' ? 'center' : l.anchor === 'start' ? 'left' : 'right' });
  });
  if (ref) {
    const y = cy + radius + 44;
    doc.font(FONT_REGULAR).fontSize(8).fillColor(C.muted).text(P.radarLegend(ref.label), M.left, y, { width: W, align: 'center' });
  }
}

function summary(x: Ctx) {
  const { doc, tags, r } = x;
  const s = r.scores;
  part(x, P.summaryTitle, () => {
    const top = doc.y;
    tags.leaf('P', () => {
      doc.font(FONT_REGULAR).fontSize(10).fillColor(C.muted).text(P.overall, M.left, top, { width: 160 });
      doc.font(FONT_BOLD).fontSize(40).fillColor(C.brandDark).text(percent(s.overall), M.left, doc.y, { width: 160 });
    });
    const left = doc.y;
    const bx = M.left + 175;
    tags.leaf('P', () => {
      doc.font(FONT_REGULAR).fontSize(10).fillColor(C.muted).text(P.band, bx, top, { width: W - 175 });
      doc.font(FONT_BOLD).fontSize(15).fillColor(C.ink).text(s.band?.label ?? '—', bx, doc.y, { width: W - 175 });
      doc.font(FONT_REGULAR).fontSize(9.5).fillColor(C.ink).text(s.band?.description ?? '', bx, doc.y + 2, { width: W - 175 });
    });
    doc.y = Math.max(doc.y, left) + 10;

    const open = openActions(r.actions);
    const notes = [
      r.provisional ? P.provisional(r.provisional.toConfirm, s.unanswered.length) : '',
      P.coverage(s.coverage.answered, s.coverage.applicable, s.coverage.na),
      s.unanswered.length ? P.unanswered(s.unanswered.length) : '',
      s.legalFlags.length ? P.legalFlags(s.legalFlags.length) : '',
      P.planAtAGlance(open.length, open.filter((a) => a.status === 'done').length, open.filter((a) => isOverdue(a, r.today)).length),
    ].filter(Boolean);
    list(x, notes, { size: 9.5 });

    doc.moveDown(0.8);
    ensureSpace(doc, 360);
    tags.leaf('P', () => doc.font(FONT_BOLD).fontSize(11).fillColor(C.brandDark).text(P.radarTitle, M.left, doc.y, { width: W, align: 'center' }));
    const radius = 105;
    const cy = doc.y + 60 + radius;
    tags.leaf('Figure', () => radar(x, PAGE.width / 2, cy, radius), { alt: radarAlt(r) });
    doc.y = cy + radius + (r.benchmark.length ? 70 : 60);
    doc.x = M.left;

    h3(x, P.themeScores, 90);
    simpleTable(
      x,
      [
        { header: t.plan.theme, width: W - 230 },
        { header: P.score, width: 60, align: 'right' },
        { header: P.answered, width: 170 },
      ],
      s.themes.map((th) => ({ cells: [th.title, percent(th.score), coverageShort(th.coverage)] })),
      9.5,
    );
    comparison(x);
  });
}

/** The comparison with the previous diagnostic and with similar structures, when the results page has them. */
function comparison(x: Ctx) {
  const { r } = x;
  if (!r.comparison && !r.benchmark.length) return;
  h3(x, r.comparison ? P.comparisonTitle : P.peersTitle, 120);
  if (r.comparison) para(x, P.comparisonIntro(frenchDate(r.comparison.previousDate)), { size: 9, color: C.muted, gap: 0.3 });
  if (r.comparison?.previousLabel) para(x, P.comparisonVersion(r.comparison.previousLabel), { size: 9, color: C.muted, gap: 0.3 });
  if (r.benchmark.length) para(x, P.peersIntro(r.organisation.types.join(', ')), { size: 9, color: C.muted, gap: 0.3 });
  const c = r.comparison?.result;
  const peers = r.benchmark;
  const rest = W - 170;
  const n = (c ? 3 : 1) + peers.length;
  const cw = rest / n;
  const columns: TableColumn[] = [
    { header: t.plan.theme, width: 170 },
    ...(c ? [{ header: P.before, width: cw, align: 'right' as const }] : []),
    { header: P.now, width: cw, align: 'right' },
    ...(c ? [{ header: P.evolution, width: cw, align: 'right' as const }] : []),
    ...peers.map((g) => ({ header: g.label, width: cw, align: 'right' as const })),
  ];
  const delta = (d: { delta: number | null; trend: string }) => (d.delta === null ? P.notComparable : P.delta(d.delta));
  const rows = [
    { title: P.overall, now: r.scores.overall, cmp: c?.overall, peer: (g: (typeof peers)[number]) => g.overall, bold: true },
    ...r.scores.themes.map((th) => ({ title: th.title, now: th.score, cmp: c?.themes.find((ct) => ct.slug === th.slug), peer: (g: (typeof peers)[number]) => g.themes[th.slug] ?? null, bold: false })),
  ];
  simpleTable(
    x,
    columns,
    rows.map((row) => ({
      bold: row.bold,
      cells: [row.title, ...(c ? [percent(row.cmp?.before ?? null)] : []), percent(row.now), ...(c ? [row.cmp ? delta(row.cmp) : P.notComparable] : []), ...peers.map((g) => percent(row.peer(g)))],
    })),
  );
}

function coverageShort(c: { applicable: number; answered: number; na: number }): string {
  return `${c.answered}/${c.applicable}${c.na ? ` (dont ${c.na} N/A)` : ''}`;
}

// --- themes in detail ------------------------------------------------------------------------------

function themesDetail(x: Ctx) {
  const { doc, tags, r } = x;
  const peer = r.benchmark[0];
  part(x, P.themesTitle, () => {
    for (const th of r.scores.themes) {
      tags.group('Sect', () => {
        h3(x, `${th.title} — ${percent(th.score)}`, 120);
        para(x, `${P.criteria} (${coverageShort(th.coverage)})${peer ? ` — ${peer.label} : ${percent(peer.themes[th.slug] ?? null)}` : ''}`, { size: 9, color: C.muted, gap: 0.2 });
        tags.group('Table', () => {
          for (const crit of th.criteria) {
            ensureSpace(doc, 16);
            const y = doc.y;
            let end = y;
            tags.group('TR', () => {
              tags.leaf('TH', () => doc.font(FONT_REGULAR).fontSize(9).fillColor(C.ink).text(printable(`${crit.code} ${crit.title}`), M.left + 6, y, { width: W - 190 }), { scope: 'Row' });
              end = doc.y;
              tags.leaf('TD', () => doc.font(FONT_BOLD).fontSize(9).fillColor(C.ink).text(percent(crit.score), M.left + W - 44, y, { width: 44, align: 'right', lineBreak: false }));
            });
            bar(x, M.left + W - 170, y + 3, 120, crit.score);
            doc.y = Math.max(end, y + 12) + 2;
          }
        });
        const { strengths: strong, priorities } = themeHighlights(th, r.actions);
        h4(x, P.strengths, 20);
        if (!strong.length) para(x, P.noStrengths, { size: 9, color: C.muted, indent: 6 });
        else list(x, strong.map((q) => `${q.code} — ${q.text} (niveau ${q.level})`), { size: 9, indent: 6 });
        h4(x, P.priorities, 20);
        if (!priorities.length) para(x, P.noPriorities, { size: 9, color: C.muted, indent: 6 });
        else list(x, priorities.map((a) => `[${priorityLabel(a.priority)}] ${a.title}`), { size: 9, indent: 6 });
      });
    }
  });
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

/** The header row: tagged the first time, an artifact when repeated on a new page. */
function tableHeader(x: Ctx, repeated: boolean) {
  const { doc, tags } = x;
  const y = doc.y;
  tags.artifact(() => doc.rect(M.left, y, W, 18).fillColor(C.brandDark).fill());
  const draw = () => {
    let left = M.left;
    for (const col of COLS) {
      const cell = () => doc.font(FONT_BOLD).fontSize(TABLE_SIZE).fillColor('#ffffff').text(P.col[col.key], left + PAD, y + 5, { width: col.width - 2 * PAD, lineBreak: false });
      if (repeated) cell();
      else tags.leaf('TH', cell, { scope: 'Column' });
      left += col.width;
    }
  };
  if (repeated) tags.artifact(draw, 'Pagination');
  else tags.group('TR', draw);
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
  const names = a.services.flatMap((c) => (services.has(c) ? [services.get(c)!.name] : []));
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
 * The action's whole texts, printed across the table's width under its row: its description (the
 * referential's recommendation or the structure's own) and its follow-up notes. Written once,
 * flowing from page to page, instead of being measured and drawn in a narrow column, where a long
 * text made a row taller than a page. A row of its own in the table's structure.
 */
function actionDetails(x: Ctx, a: PlanReportAction) {
  const { doc, tags } = x;
  const details: { text: string; color: string }[] = [];
  if (a.description && a.description !== a.title) details.push({ text: a.description, color: C.ink });
  if (a.notes) details.push({ text: `${t.plan.notes} : ${a.notes}`, color: C.muted });
  if (!details.length) return;
  const left = M.left + COLS[0].width + PAD;
  const width = W - COLS[0].width - 2 * PAD;
  doc.y += 1;
  tags.group('TR', () =>
    tags.group('TD', () => {
      for (const d of details) {
        ensureSpace(doc, 12);
        tags.leaf('P', () => doc.font(FONT_REGULAR).fontSize(TABLE_SIZE - 0.5).fillColor(d.color).text(printable(d.text), left, doc.y, { width }));
        doc.y += 1;
      }
    }),
  );
  doc.y += PAD - 2;
}

function actionTable(x: Ctx) {
  const { doc, tags, r } = x;
  part(
    x,
    P.actionsTitle,
    () => {
      para(x, P.actionsIntro, { size: 9.5, color: C.muted, gap: 0.5 });
      const rows = sortForTable(r.actions, r.scores.themes.map((th) => th.slug));
      if (!rows.length) {
        para(x, P.noActions);
        return;
      }
      const services = new Map(r.services.map((s) => [s.code, s]));
      tags.group('Table', () => {
        tableHeader(x, false);
        rows.forEach((a, i) => {
          const overdue = isOverdue(a, r.today);
          const cells = actionCells(a, r, services);
          const rowH = Math.max(...cells.map((lines, j) => cellHeight(doc, lines, COLS[j]!.width - 2 * PAD))) + 2 * PAD - 1;
          // The row and the first lines of its text stay together.
          if (doc.y + rowH + 30 > BOTTOM) {
            doc.addPage();
            tableHeader(x, true);
          }
          const y = doc.y;
          if (overdue || i % 2 === 1) tags.artifact(() => doc.rect(M.left, y, W, rowH).fillColor(overdue ? C.overdueBg : '#f7f8fa').fill());
          tags.group('TR', () => {
            let left = M.left;
            cells.forEach((lines, j) => {
              const w = COLS[j]!.width - 2 * PAD;
              const cellX = left;
              tags.leaf(j === 1 ? 'TH' : 'TD', () => {
                let ly = y + PAD;
                for (const line of lines) {
                  setCellFont(doc, line).fillColor(line.color ?? C.ink).text(printable(line.text), cellX + PAD, ly, { width: w });
                  ly = doc.y + 1;
                }
              }, j === 1 ? { scope: 'Row' } : {});
              left += COLS[j]!.width;
            });
          });
          doc.y = y + rowH;
          actionDetails(x, a);
          const ly = doc.y;
          tags.artifact(() => doc.moveTo(M.left, ly).lineTo(M.left + W, ly).lineWidth(0.5).strokeColor(C.line).stroke());
        });
      });
      doc.x = M.left;

      const dropped = r.actions.filter((a) => a.droppedReason !== null);
      if (dropped.length) {
        doc.moveDown(0.5);
        h3(x, P.droppedTitle, 30);
        list(
          x,
          dropped.map((a) => `${a.title} — ${t.plan.droppedReasonLabel} : ${a.droppedReason}`),
          { size: 9 },
        );
      }
    },
    260,
  );
}

// --- services ------------------------------------------------------------------------------------

function servicesSection(x: Ctx) {
  const { doc, tags, r } = x;
  const services = servicesToMobilise(r);
  part(x, P.servicesTitle, () => {
    para(x, P.servicesIntro, { size: 9.5, color: C.muted, gap: 0.6 });
    if (!services.length) para(x, P.noServicesNeeded);
    tags.group('L', () => {
      for (const { service: s, count } of services) {
        const reach = [s.contactName && `${t.plan.reach.contactName} : ${s.contactName}`, s.email, s.phone, s.url].filter(Boolean).join(' — ');
        setFont(doc, { size: 9 });
        ensureSpace(doc, 40 + doc.heightOfString(printable(s.description), { width: W }));
        tags.group('LI', () =>
          tags.group('LBody', () => {
            const kind = t.plan.kinds[s.kind] ?? s.kind;
            tags.leaf('P', () => {
              doc.font(FONT_BOLD).fontSize(10.5).fillColor(C.ink).text(printable(s.name), M.left, doc.y, { width: W, continued: true });
              doc.font(FONT_REGULAR).fontSize(9).fillColor(C.muted).text(`  ${kind}${s.active ? '' : ` — ${t.plan.serviceInactive}`}`);
            });
            para(x, s.description, { size: 9 });
            para(x, s.contact, { size: 9, color: C.brandDark });
            if (reach) para(x, reach, { size: 9, color: C.brandDark, bold: true });
            para(x, P.usedBy(count), { size: 8.5, color: C.muted, gap: 0.6 });
          }),
        );
      }
    });
  });
}

// --- ISO 9001 and RSE ----------------------------------------------------------------------------

function scoreRows(x: Ctx, rows: { label: string; score: number | null; coverage: { applicable: number; answered: number; na: number }; extra?: string }[], header: string) {
  const { doc, tags } = x;
  tags.group('Table', () => {
    const y0 = doc.y;
    tags.artifact(() => doc.rect(M.left, y0, W, 16).fillColor(C.soft).fill());
    tags.group('TR', () => {
      tags.leaf('TH', () => doc.font(FONT_BOLD).fontSize(8.5).fillColor(C.ink).text(header, M.left + 6, y0 + 4, { width: 230, lineBreak: false }), { scope: 'Column' });
      tags.leaf('TH', () => doc.font(FONT_BOLD).fontSize(8.5).fillColor(C.ink).text(P.score, M.left + 380, y0 + 4, { width: 40, align: 'right', lineBreak: false }), { scope: 'Column' });
      tags.leaf('TH', () => doc.font(FONT_BOLD).fontSize(8.5).fillColor(C.ink).text(P.answered, M.left + 430, y0 + 4, { width: W - 430, lineBreak: false }), { scope: 'Column' });
    });
    doc.y = y0 + 20;
    for (const row of rows) {
      ensureSpace(doc, 16);
      const y = doc.y;
      let end = y;
      tags.group('TR', () => {
        tags.leaf('TH', () => doc.font(FONT_REGULAR).fontSize(9).fillColor(C.ink).text(printable(row.extra ? `${row.label} — ${row.extra}` : row.label), M.left + 6, y, { width: 235 }), { scope: 'Row' });
        end = doc.y;
        tags.leaf('TD', () => doc.font(FONT_BOLD).fontSize(9).fillColor(C.ink).text(percent(row.score), M.left + 380, y, { width: 40, align: 'right', lineBreak: false }));
        tags.leaf('TD', () => doc.font(FONT_REGULAR).fontSize(8.5).fillColor(C.muted).text(`${row.coverage.answered}/${row.coverage.applicable}`, M.left + 430, y + 0.5, { width: W - 430, lineBreak: false }));
      });
      bar(x, M.left + 250, y + 3, 120, row.score);
      doc.y = Math.max(end, y + 12) + 3;
    }
  });
  doc.x = M.left;
}

function readiness(x: Ctx) {
  const { r } = x;
  const s = r.scores;
  part(x, P.readinessTitle, () => {
    h3(x, P.iso9001Title);
    para(x, P.iso9001Intro, { size: 9, color: C.muted, gap: 0.4 });
    scoreRows(
      x,
      s.iso9001.map((g) => ({ label: `${g.group}. ${g.label}`, score: g.score, coverage: g.coverage })),
      P.chapter,
    );
    h3(x, P.rseTitle);
    para(x, s.rse.points !== null && s.rse.level ? P.rseIntro(Math.round(s.rse.points).toLocaleString('fr-FR'), s.rse.level.label) : P.rseNone, { size: 9.5, gap: 0.2 });
    if (s.rse.level) para(x, s.rse.level.description, { size: 9, color: C.muted, gap: 0.4 });
    scoreRows(
      x,
      s.iso26000.map((sub) => ({ label: sub.label, score: sub.score, coverage: sub.coverage, extra: sub.rseLevel?.label })),
      P.subject,
    );
  });
}

// --- review remarks ------------------------------------------------------------------------------

function reviews(x: Ctx) {
  const { doc, r } = x;
  if (!r.reviews.length) return;
  part(x, P.reviewTitle, () => {
    for (const rv of r.reviews) {
      ensureSpace(doc, 30);
      para(x, `${rv.target} — ${rv.author}, ${frenchDate(rv.at)}`, { size: 9, bold: true });
      para(x, rv.body, { size: 9, indent: 10, gap: 0.3 });
    }
  }, 120);
}

// --- annex ---------------------------------------------------------------------------------------

function annex(x: Ctx) {
  const { doc, tags, r } = x;
  const answers = new Map(r.answers.map((a) => [a.code, a]));
  part(x, P.annexTitle, () => {
    para(x, P.annexIntro, { size: 9.5, color: C.muted });
    if (r.notApplicable) para(x, P.notApplicable(r.notApplicable), { size: 9.5, color: C.muted });
    if (r.participants.length && participantsOnCover(r) === null) {
      h3(x, P.participants, 30);
      para(x, participantList(r), { size: 9 });
    }
    for (const th of r.scores.themes) {
      tags.group('Sect', () => {
        h3(x, th.title, 60);
        for (const crit of th.criteria) {
          h4(x, `${crit.code} ${crit.title}`, 40);
          for (const q of crit.questions) {
            const a = answers.get(q.code);
            ensureSpace(doc, 36);
            tags.group('Div', () => {
              para(x, `${q.code} — ${q.text}`, { size: 8.5, bold: true });
              para(x, answerLine(a), { size: 8.5, color: a?.level === null || !a ? C.danger : C.ink, indent: 10 });
              if (a?.comment) para(x, `${P.comment} : ${a.comment}`, { size: 8.5, color: C.muted, indent: 10 });
              const files = r.evidence?.get(q.code);
              if (files?.length) para(x, `${t.evidence.title}\u00a0: ${files.join('\u202f; ')}`, { size: 8.5, color: C.muted, indent: 10 });
            });
            doc.moveDown(0.35);
          }
        }
      });
    }
  }, 160);
}

// --- page furniture ------------------------------------------------------------------------------

/** Page numbers and the plan's name, whole (on two lines when it is long), as pagination artifacts. */
function footers(x: Ctx) {
  const { doc, tags, r } = x;
  const range = doc.bufferedPageRange();
  const date = frenchDate(r.date);
  const footer = printable(P.footer(r.organisation.name, date));
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would make pdfkit start a new page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = PAGE.height - 44;
    tags.artifact(() => {
      doc.moveTo(M.left, y - 6).lineTo(M.left + W, y - 6).lineWidth(0.5).strokeColor(C.line).stroke();
      doc.font(FONT_REGULAR).fontSize(7).fillColor(C.muted);
      doc.text(footer, M.left, y, { width: W - 90, height: 30 });
      doc.text(P.pageOf(i - range.start + 1, range.count), M.left + W - 90, y, { width: 90, align: 'right', lineBreak: false });
    }, 'Pagination');
    doc.page.margins.bottom = margin;
  }
}

// Page contents, written the cheap way. pdfkit turns every drawing operator into its own byte
// array with a loop in JavaScript, keeps them all until the document ends (pages stay in memory
// until the footers, « Page 3 sur 40 », are written), and deflates each page at zlib's default
// level. For the largest plan (test/http/pdf-bound) that was hundreds of thousands of small arrays,
// which the garbage collector kept walking, and a fifth of the rendering in zlib for streams only
// 16 % smaller than at level 2. Here a page's operators are gathered as text (pdfkit writes them in
// Latin-1: glyphs are hexadecimal codes), turned into one buffer when the next page starts (the
// footer adds a second one later) and deflated at level 2 when the document ends.
const PAGE_DEFLATE_LEVEL = 2;

interface PageWithContent {
  write: (chunk: string | Uint8Array) => void;
  content?: { compress?: boolean; buffer: unknown; data: Record<string, unknown>; finalize: () => void };
}

function writePageContents(doc: Doc) {
  let current: (() => void) | null = null;
  const own = () => {
    current?.();
    current = null;
    const page = doc.page as unknown as PageWithContent;
    const ref = page.content;
    if (!ref || ref.compress !== true || !Array.isArray(ref.buffer) || typeof ref.finalize !== 'function') return;
    const chunks: Buffer[] = ref.buffer.map((b: Uint8Array) => Buffer.from(b));
    let pending = '';
    const seal = () => {
      if (pending) chunks.push(Buffer.from(pending, 'latin1'));
      pending = '';
    };
    page.write = (chunk) => {
      if (typeof chunk === 'string') pending += `${chunk}\n`;
      else {
        seal();
        chunks.push(Buffer.from(chunk));
      }
    };
    const finalize = ref.finalize;
    ref.finalize = function (this: NonNullable<PageWithContent['content']>) {
      seal();
      this.compress = false;
      this.buffer = chunks.length ? [deflateSync(Buffer.concat(chunks), { level: PAGE_DEFLATE_LEVEL })] : [];
      if (chunks.length) this.data.Filter = 'FlateDecode';
      chunks.length = 0;
      finalize.call(this);
    };
    ref.buffer = [];
    current = seal;
  };
  own();
  doc.on('pageAdded', own);
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * pdfkit copies the title, author and subject into the XMP metadata without escaping them: a
 * structure named « Lire & Faire » would break the XML. The document information dictionary is
 * written first, from the plain values; the XMP packet then gets escaped ones.
 */
function escapeXmpInfo(doc: Doc) {
  const d = doc as unknown as { info: Record<string, unknown>; endMetadata: () => void };
  const endMetadata = d.endMetadata.bind(doc);
  d.endMetadata = () => {
    for (const key of ['Title', 'Author', 'Subject', 'Creator', 'Producer', 'Keywords']) {
      const v = d.info[key];
      if (typeof v === 'string') d.info[key] = v.replace(/[&<>"']/g, (ch) => XML_ESCAPES[ch]!);
    }
    endMetadata();
  };
}

/**
 * pdfkit writes a PDF in small pieces, every line of every object (some 13,000 for the largest
 * plan), and each one went its own way through the HTTP response's streams and to the socket. They
 * leave gathered in pieces of 64 Kio.
 */
function inPieces(size = 64 * 1024): Transform {
  let held: Buffer[] = [];
  let bytes = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      held.push(chunk);
      bytes += chunk.length;
      if (bytes >= size) {
        this.push(Buffer.concat(held, bytes));
        held = [];
        bytes = 0;
      }
      done();
    },
    flush(done) {
      if (bytes) this.push(Buffer.concat(held, bytes));
      done();
    },
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
    // Tagged PDF/UA: structure tree, document language, title shown by the reader, XMP metadata.
    pdfVersion: '1.7',
    tagged: true,
    // pdfkit writes the PDF/UA identifier into the XMP metadata (its types do not list the subset yet).
    ...({ subset: 'PDF/UA' } as object),
    lang: 'fr-FR',
    displayTitle: true,
    info: {
      Title: `${P.title} — ${report.organisation.name}`,
      Author: 'CAP — réseau Coorace',
      Subject: P.subtitle,
      Creator: 'CAP',
      CreationDate: report.date,
    },
  });
  escapeXmpInfo(doc);
  doc.pipe(inPieces()).pipe(out);
  writePageContents(doc);
  registerFonts(doc, { reuseParsed: opts.reuseParsedFonts });
  const x: Ctx = { doc, tags: new Tags(doc), r: report };
  cover(x);
  summary(x);
  actionTable(x);
  servicesSection(x);
  themesDetail(x);
  readiness(x);
  reviews(x);
  annex(x);
  // Sections of other modules (src/certification/pdf-annex.ts) draw with the document itself: each
  // is one tagged division, read in order after the annex.
  for (const section of opts.sections ?? []) x.tags.leaf('Div', () => section(doc));
  footers(x);
  x.tags.end();
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
