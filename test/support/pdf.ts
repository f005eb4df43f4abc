// Reading a PDF in the unit and HTTP tests with Mozilla's PDF.js (pdfjs-dist), so that `npm test`
// needs nothing but `npm ci`: no poppler on the machine. The browser suite may still use poppler.
import { getDocument, OPS, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

async function open<T>(pdf: Uint8Array, run: (doc: PDFDocumentProxy) => Promise<T>): Promise<T> {
  // PDF.js takes ownership of the bytes it is given: hand it a copy, the caller keeps its buffer.
  // fontExtraProperties keeps each font's type on the objects pdfFonts() reads.
  const task = getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false, verbosity: 0, fontExtraProperties: true });
  const doc = await task.promise;
  try {
    return await run(doc);
  } finally {
    await task.destroy();
  }
}

const RTL_RUN = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]+/g;

/**
 * The text of a PDF in the order it is drawn, like `pdftotext -raw`: the glyphs of each text
 * object (pdfkit draws a line per text object), a new line after each. Read from the drawing
 * operators rather than PDF.js's text layer, which reorders right-to-left runs for display.
 * `first`/`last` (1-based, inclusive) pick pages.
 */
export async function pdfText(pdf: Uint8Array, pages: { first?: number; last?: number } = {}): Promise<string> {
  return open(pdf, async (doc) => {
    const first = Math.max(1, pages.first ?? 1);
    const last = Math.min(doc.numPages, pages.last ?? doc.numPages);
    let out = '';
    for (let n = first; n <= last; n++) {
      const ops = await (await doc.getPage(n)).getOperatorList();
      for (let i = 0; i < ops.fnArray.length; i++) {
        const fn = ops.fnArray[i];
        if (fn === OPS.endText) out += '\n';
        if (fn !== OPS.showText) continue;
        for (const glyph of (ops.argsArray[i] as [unknown[]])[0]) {
          // Numbers are positioning (thousandths of an em): a wide gap reads as a space.
          if (typeof glyph === 'number') out += glyph < -200 ? ' ' : '';
          else if (glyph && typeof glyph === 'object' && 'unicode' in glyph) out += String(glyph.unicode);
        }
      }
      out += '\f';
    }
    // pdfkit (fontkit) draws a right-to-left word in visual order: turn each run back to reading
    // order, as pdftotext does.
    return out.replace(RTL_RUN, (run) => [...run].reverse().join(''));
  });
}

export interface PdfInfo {
  pages: number;
  /** Size of the first page in points. */
  width: number;
  height: number;
}

export async function pdfInfo(pdf: Uint8Array): Promise<PdfInfo> {
  return open(pdf, async (doc) => {
    const view = (await doc.getPage(1)).view;
    return { pages: doc.numPages, width: view[2]! - view[0]!, height: view[3]! - view[1]! };
  });
}

export interface PdfFont {
  /** The font's PostScript name, with its subset prefix (« ABCDEF+DejaVuSans »). */
  name: string;
  /** PDF font type as PDF.js reads it (« CIDFontType2 » for a CID TrueType font). */
  type: string;
  /** A composite (Type0) font: two-byte CIDs, as pdfkit writes with Identity-H. */
  composite: boolean;
  embedded: boolean;
}

/** The fonts used on every page (deduplicated by name), as `pdffonts` lists them. */
export async function pdfFonts(pdf: Uint8Array): Promise<PdfFont[]> {
  return open(pdf, async (doc) => {
    const fonts = new Map<string, PdfFont>();
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const ops = await page.getOperatorList();
      for (let i = 0; i < ops.fnArray.length; i++) {
        // setFont's first argument is the font's id among the page's common objects.
        if (ops.fnArray[i] !== OPS.setFont) continue;
        const id = (ops.argsArray[i] as [string])[0];
        const font = page.commonObjs.get(id) as { name?: string; type?: string; composite?: boolean; missingFile?: boolean };
        const name = font.name ?? id;
        if (!fonts.has(name)) fonts.set(name, { name, type: font.type ?? '', composite: !!font.composite, embedded: !font.missingFile });
      }
    }
    return [...fonts.values()];
  });
}

export interface PdfNode {
  role: string;
  /** The text of the node's own marked content and of its descendants, in order. */
  text: string;
  alt?: string;
  children: PdfNode[];
}

export interface PdfTags {
  /** Document information and the XMP packet's title and PDF/UA part. */
  info: Record<string, unknown>;
  xmpTitle: string | null;
  pdfUaPart: string | null;
  marked: boolean;
  /** Each page's structure tree (PDF.js getStructTree), with the text of each element. */
  pages: PdfNode[];
}

/** The structure tree and metadata of a tagged PDF, as a screen reader would get them. */
export async function pdfTags(pdf: Uint8Array): Promise<PdfTags> {
  return open(pdf, async (doc) => {
    const md = await doc.getMetadata();
    const xmp = md.metadata as { get(name: string): unknown } | null;
    const markInfo = (await doc.getMarkInfo()) as { Marked?: boolean } | null;
    const pages: PdfNode[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      // The text of each marked-content id.
      const content = await page.getTextContent({ includeMarkedContent: true });
      const texts = new Map<string, string>();
      const open: string[] = [];
      for (const item of content.items as { type?: string; id?: string; str?: string }[]) {
        if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') open.push(item.id ?? '');
        else if (item.type === 'endMarkedContent') open.pop();
        else if (typeof item.str === 'string') {
          const id = open[open.length - 1];
          if (id) texts.set(id, (texts.get(id) ?? '') + item.str);
        }
      }
      const convert = (node: { role?: string; alt?: string; type?: string; id?: string; children?: unknown[] }): PdfNode => {
        const children = (node.children ?? []).map((c) => c as typeof node);
        const kids = children.filter((c) => c.role).map(convert);
        const own = children.filter((c) => c.type === 'content').map((c) => texts.get(c.id ?? '') ?? '');
        const text = [...own, ...kids.map((k) => k.text)].join(' ').replace(/\s+/g, ' ').trim();
        return { role: node.role ?? '', text, alt: node.alt, children: kids };
      };
      pages.push(convert((await page.getStructTree()) as never));
    }
    return {
      info: md.info as Record<string, unknown>,
      xmpTitle: (xmp?.get('dc:title') as string | undefined) ?? null,
      pdfUaPart: (xmp?.get('pdfuaid:part') as string | undefined) ?? null,
      marked: !!markInfo?.Marked,
      pages,
    };
  });
}

/** Every node of a tree, depth first. */
export function flatten(node: PdfNode): PdfNode[] {
  return [node, ...node.children.flatMap(flatten)];
}

/** A piece of text on a page and where it is drawn (PDF units, origin at the bottom left). */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  height: number;
}

/** The text pieces of one page (1-based) with their positions, from PDF.js's text layer. */
export async function pdfTextItems(pdf: Uint8Array, page: number): Promise<PdfTextItem[]> {
  return open(pdf, async (doc) => {
    const content = await (await doc.getPage(page)).getTextContent();
    return content.items.flatMap((item) => ('str' in item && item.str.trim() ? [{ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number, height: item.height }] : []));
  });
}

/**
 * Pages whose marked content does not nest: an end (EMC) that closes nothing, or a begin (BMC/BDC)
 * left open at the page's end. Each page's content must be balanced on its own (ISO 32000, 14.6).
 */
export async function unbalancedMarkedContent(pdf: Uint8Array): Promise<{ page: number; problem: string }[]> {
  return open(pdf, async (doc) => {
    const problems: { page: number; problem: string }[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const ops = await (await doc.getPage(n)).getOperatorList();
      let depth = 0;
      for (const fn of ops.fnArray) {
        if (fn === OPS.beginMarkedContent || fn === OPS.beginMarkedContentProps) depth++;
        else if (fn === OPS.endMarkedContent && --depth < 0) {
          problems.push({ page: n, problem: 'EMC sans BDC' });
          depth = 0;
        }
      }
      if (depth > 0) problems.push({ page: n, problem: `${depth} BDC non fermé(s)` });
    }
    return problems;
  });
}
