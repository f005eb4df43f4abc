// Finding glossary terms in a text, so that pages can link each one to its definition. Pure: the
// views turn the segments into links to an anchor on the same page (no JavaScript needed).
import type { GlossaryTerm } from './schema.ts';

export type Segment = { text: string; termId?: undefined } | { text: string; termId: string };

interface Form {
  form: string;
  termId: string;
}

/** A letter or digit: a form matches only between characters that are neither. */
const WORD_CHAR = /[\p{L}\p{N}]/u;

function isBoundary(text: string, index: number): boolean {
  const ch = text[index];
  return ch === undefined || !WORD_CHAR.test(ch);
}

// The forms of a glossary, longest first so that « PASS IAE » wins over « IAE ». Cached per
// glossary array (a referential version never changes once published).
const formsCache = new WeakMap<readonly GlossaryTerm[], Form[]>();

function formsOf(glossary: readonly GlossaryTerm[]): Form[] {
  let forms = formsCache.get(glossary);
  if (!forms) {
    forms = glossary.flatMap((t) => t.forms.map((form) => ({ form, termId: t.id }))).sort((a, b) => b.form.length - a.form.length);
    formsCache.set(glossary, forms);
  }
  return forms;
}

/**
 * Splits `text` into plain segments and term segments. Matches are exact (case-sensitive), whole
 * words only, never overlapping (the longest form wins); each term is marked at its first
 * occurrence only, so a sentence is not cluttered with repeated links.
 */
export function linkTerms(text: string, glossary: readonly GlossaryTerm[] | undefined): Segment[] {
  if (!glossary || glossary.length === 0 || text.length === 0) return [{ text }];
  const matches: { start: number; end: number; termId: string }[] = [];
  for (const { form, termId } of formsOf(glossary)) {
    for (let from = 0; ; ) {
      const start = text.indexOf(form, from);
      if (start === -1) break;
      const end = start + form.length;
      from = start + 1;
      if (!isBoundary(text, start - 1) || !isBoundary(text, end)) continue;
      if (matches.some((m) => start < m.end && end > m.start)) continue;
      matches.push({ start, end, termId });
    }
  }
  matches.sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  const seen = new Set<string>();
  let at = 0;
  for (const m of matches) {
    if (seen.has(m.termId)) continue;
    seen.add(m.termId);
    if (m.start > at) segments.push({ text: text.slice(at, m.start) });
    segments.push({ text: text.slice(m.start, m.end), termId: m.termId });
    at = m.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return segments;
}

/** The terms found in some texts, in glossary order: what a page's glossary section lists. */
export function termsUsed(texts: readonly string[], glossary: readonly GlossaryTerm[] | undefined): GlossaryTerm[] {
  if (!glossary || glossary.length === 0) return [];
  const ids = new Set<string>();
  for (const text of texts) for (const s of linkTerms(text, glossary)) if (s.termId) ids.add(s.termId);
  return glossary.filter((t) => ids.has(t.id));
}
