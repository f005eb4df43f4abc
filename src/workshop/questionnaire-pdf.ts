// The blank questionnaire for workshops: every question that applies to a structure type, with its
// help, its five levels as boxes to tick, the evidence examples and lined space to write. Teams
// often answer on paper together first and type the answers in afterwards. Pure layout (pdfkit):
// a referential and a type in, a PDF out; same fonts as the plan's PDF. A version with a guide to
// choosing a level (CAP 2026) prints its levels on the cover, and the definitions of the glossary
// terms the printed questions use at the end.
import PDFDocument from 'pdfkit';
import { Writable } from 'node:stream';
import { t } from '../i18n/index.ts';
import type { Referential, StructureType } from '../referential/schema.ts';
import { isApplicable } from '../scoring/applicability.ts';
import { termsUsed } from '../referential/glossary.ts';
import { FONT_BOLD, FONT_REGULAR, PAGE, registerFonts } from '../plan/pdf.ts';
import { frenchDate } from '../dates.ts';

const W_ = t.workshop;

export interface BlankQuestionnaire {
  referential: Referential;
  type: StructureType;
  /** When it is printed (cover and footers). */
  date: Date;
}

type Doc = PDFKit.PDFDocument;

const M = { top: 50, bottom: 60, left: 50, right: 50 } as const;
const W = PAGE.width - M.left - M.right;
const BOTTOM = PAGE.height - M.bottom;
const C = { ink: '#1d2330', muted: '#4f5768', brand: '#0b5e75', brandDark: '#084658', line: '#b9bfcb', soft: '#eef1f5', danger: '#a4161a' } as const;

/** The questions of the referential that apply to the type, grouped as in the referential. */
export function questionsFor(ref: Referential, type: StructureType) {
  return ref.themes
    .map((theme) => ({
      theme,
      criteria: theme.criteria.map((criterion) => ({ criterion, questions: criterion.questions.filter((q) => isApplicable(q, [type])) })).filter((c) => c.questions.length),
    }))
    .filter((th) => th.criteria.length);
}

function ensureSpace(doc: Doc, height: number) {
  if (doc.y + height > BOTTOM) doc.addPage();
}

function text(doc: Doc, value: string, opts: { size?: number; bold?: boolean; color?: string; indent?: number; gap?: number } = {}) {
  const indent = opts.indent ?? 0;
  doc
    .font(opts.bold ? FONT_BOLD : FONT_REGULAR)
    .fontSize(opts.size ?? 10)
    .fillColor(opts.color ?? C.ink)
    .text(value, M.left + indent, doc.y, { width: W - indent });
  if (opts.gap) doc.moveDown(opts.gap);
}

function heightOf(doc: Doc, value: string, size: number, bold: boolean, width: number): number {
  return doc.font(bold ? FONT_BOLD : FONT_REGULAR).fontSize(size).heightOfString(value, { width });
}

function writingLines(doc: Doc, count: number, indent = 0) {
  for (let i = 0; i < count; i++) {
    ensureSpace(doc, 20);
    const y = doc.y + 16;
    doc.moveTo(M.left + indent, y).lineTo(M.left + W, y).lineWidth(0.5).strokeColor(C.line).stroke();
    doc.y = y + 2;
  }
}

function checkbox(doc: Doc, x: number, y: number) {
  doc.rect(x, y + 1, 8, 8).lineWidth(0.8).strokeColor(C.ink).stroke();
}

function cover(doc: Doc, q: BlankQuestionnaire, count: number) {
  doc.rect(0, 0, PAGE.width, 12).fillColor(C.brand).fill();
  doc.y = 90;
  text(doc, W_.title, { size: 22, bold: true, color: C.brandDark, gap: 0.3 });
  text(doc, W_.subtitle(t.common.structureTypes[q.type] ?? q.type), { size: 13, gap: 0.2 });
  text(doc, W_.referential(q.referential.label), { size: 10, color: C.muted });
  text(doc, W_.questionsCount(count), { size: 10, color: C.muted, gap: 1.2 });
  for (const label of [W_.fillIn.structure, W_.fillIn.date]) {
    text(doc, label, { size: 10, bold: true });
    writingLines(doc, 1);
    doc.moveDown(0.6);
  }
  text(doc, W_.fillIn.participants, { size: 10, bold: true });
  writingLines(doc, 4);
  doc.moveDown(1.2);
  text(doc, W_.howTo, { size: 10, gap: 0.8 });
  text(doc, W_.scale, { size: 10.5, bold: true, gap: 0.2 });
  const guide = q.referential.levelGuide;
  const lines = guide ? guide.levels.map((level, i) => `${i} — ${level}`) : W_.scaleLines;
  for (const line of lines) text(doc, line, { size: 10, indent: 10 });
  if (q.referential.glossary?.length) text(doc, W_.glossaryHint, { size: 9, color: C.muted, indent: 10 });
}

function glossary(doc: Doc, terms: ReturnType<typeof termsUsed>) {
  doc.addPage();
  text(doc, W_.glossaryTitle, { size: 17, bold: true, color: C.brandDark, gap: 0.4 });
  for (const term of terms) {
    ensureSpace(doc, heightOf(doc, term.term, 10, true, W) + heightOf(doc, term.definition, 9, false, W) + 8);
    text(doc, term.term, { size: 10, bold: true });
    text(doc, term.definition, { size: 9, gap: 0.4 });
  }
}

function question(doc: Doc, q: Referential['themes'][number]['criteria'][number]['questions'][number]) {
  const title = `${q.code} — ${q.text}`;
  // Keep the question with its help and first levels on one page.
  ensureSpace(doc, heightOf(doc, title, 10, true, W) + heightOf(doc, q.help, 8.5, false, W) + 90);
  doc.moveDown(0.5);
  text(doc, title, { size: 10, bold: true });
  if (q.legal) text(doc, `(${W_.legal})`, { size: 8.5, color: C.danger });
  text(doc, `${W_.help} : ${q.help}`, { size: 8.5, color: C.muted, gap: 0.3 });
  q.levels.forEach((descriptor, i) => {
    const line = `${W_.level(i)} — ${descriptor}`;
    const h = heightOf(doc, line, 9, false, W - 18);
    ensureSpace(doc, h + 4);
    const y = doc.y;
    checkbox(doc, M.left + 2, y);
    doc.font(FONT_REGULAR).fontSize(9).fillColor(C.ink).text(line, M.left + 18, y, { width: W - 18 });
    doc.moveDown(0.15);
  });
  if (q.naAllowed) {
    ensureSpace(doc, 16);
    const y = doc.y;
    checkbox(doc, M.left + 2, y);
    doc.font(FONT_REGULAR).fontSize(9).fillColor(C.ink).text(W_.na, M.left + 18, y, { width: W - 18 });
  }
  doc.moveDown(0.3);
  text(doc, `${W_.evidence} : ${q.evidence.join(' ; ')}`, { size: 8.5, color: C.muted, gap: 0.2 });
  ensureSpace(doc, 70);
  text(doc, W_.notes, { size: 8.5, bold: true });
  writingLines(doc, 3);
  doc.moveDown(0.4);
}

function footers(doc: Doc, q: BlankQuestionnaire) {
  const range = doc.bufferedPageRange();
  const type = q.type === 'autre' ? (t.common.structureTypes[q.type] ?? q.type) : q.type;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = PAGE.height - 38;
    doc.font(FONT_REGULAR).fontSize(7.5).fillColor(C.muted);
    doc.text(`${W_.footer(type, q.referential.label)} — ${frenchDate(q.date)}`, M.left, y, { width: W - 90, lineBreak: false });
    doc.text(W_.pageOf(i - range.start + 1, range.count), M.left + W - 90, y, { width: 90, align: 'right', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
}

export function writeBlankQuestionnaire(q: BlankQuestionnaire, out: Writable): { pages: number; questions: number } {
  const groups = questionsFor(q.referential, q.type);
  const count = groups.reduce((n, th) => n + th.criteria.reduce((m, c) => m + c.questions.length, 0), 0);
  const doc = new PDFDocument({
    size: 'A4',
    margins: M,
    bufferPages: true,
    lang: 'fr-FR',
    displayTitle: true,
    info: { Title: `${W_.title} — ${q.type}`, Author: 'CAP — réseau Coorace', CreationDate: q.date },
  });
  doc.pipe(out);
  registerFonts(doc);
  cover(doc, q, count);
  for (const { theme, criteria } of groups) {
    doc.addPage();
    text(doc, theme.title, { size: 17, bold: true, color: C.brandDark, gap: 0.2 });
    text(doc, theme.description, { size: 9, color: C.muted, gap: 0.4 });
    for (const { criterion, questions } of criteria) {
      ensureSpace(doc, 120);
      doc.moveDown(0.4);
      text(doc, `${criterion.code} ${criterion.title}`, { size: 12, bold: true, color: C.brand });
      for (const item of questions) question(doc, item);
    }
  }
  const printed = groups.flatMap((g) => g.criteria.flatMap((c) => c.questions.flatMap((x) => [x.text, x.help])));
  const terms = termsUsed(printed, q.referential.glossary);
  if (terms.length) glossary(doc, terms);
  footers(doc, q);
  const pages = doc.bufferedPageRange().count;
  doc.end();
  return { pages, questions: count };
}

export function renderBlankQuestionnaire(q: BlankQuestionnaire): Promise<{ pdf: Buffer; pages: number; questions: number }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc: BufferEncoding, cb: () => void) {
        chunks.push(chunk);
        cb();
      },
    });
    let result = { pages: 0, questions: 0 };
    sink.on('finish', () => resolve({ pdf: Buffer.concat(chunks), ...result }));
    sink.on('error', reject);
    try {
      result = writeBlankQuestionnaire(q, sink);
    } catch (err) {
      reject(err);
    }
  });
}
