// A referential's validation errors in its author's terms: the question, criterion or theme they
// belong to, named by its code (« question ID-1.2 ») as the author wrote it, and the field in
// French (« poids »), the JSON path kept as a detail. Pure: it reads the submitted document only
// to find the codes and titles, whatever its shape.
import type { ValidationError } from './validate.ts';
import { t } from '../i18n/index.ts';

const r = t.referentials.errorPlaces;

export interface PlacedError {
  /** The field in French (« poids », « clause ISO 9001 n° 2 »); empty for the place as a whole. */
  field: string;
  message: string;
  /** The JSON path, for the author's editor (`themes[0].criteria[0].questions[1].weight`). */
  path: string;
}

export interface ErrorGroup {
  /** « Question ID-1.2 », « Critère ID-1 », « Thème « Identité » », « Le document ». */
  title: string;
  /** Where the place stands, for a question or a criterion: « n° 2 du critère ID-1, thème « Identité » ». */
  context: string;
  errors: PlacedError[];
}

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const asRecord = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 80) : null);

interface Located {
  theme?: number;
  criterion?: number;
  question?: number;
  /** What follows the place in the path: `weight`, `iso9001[1]`, `recommendation.title`. */
  rest: string;
}

const PLACE = /^themes\[(\d+)\](?:\.criteria\[(\d+)\](?:\.questions\[(\d+)\])?)?(?:\.(.*))?$/;

/** Splits a path into the place it belongs to and the field inside it. */
export function locate(path: string): Located {
  const m = PLACE.exec(path);
  if (!m) return { rest: path === '(document)' ? '' : path };
  return {
    theme: Number(m[1]),
    criterion: m[2] === undefined ? undefined : Number(m[2]),
    question: m[3] === undefined ? undefined : Number(m[3]),
    rest: m[4] ?? '',
  };
}

function nodes(input: unknown, at: Located) {
  const theme = at.theme === undefined ? {} : asRecord(asArray(asRecord(input).themes)[at.theme]);
  const criterion = at.criterion === undefined ? {} : asRecord(asArray(theme.criteria)[at.criterion]);
  const question = at.question === undefined ? {} : asRecord(asArray(criterion.questions)[at.question]);
  return { theme, criterion, question };
}

function themeName(theme: Record<string, unknown>, index: number): string {
  const name = text(theme.title) ?? text(theme.slug);
  return name ? r.theme(name) : r.themeNumber(index + 1);
}

/** « critère ID-1, thème « Identité » », or by its position when its code is missing. */
function criterionPhrase(criterion: Record<string, unknown>, index: number, theme: string): string {
  const code = text(criterion.code);
  return code ? r.criterionIn(code, theme) : r.criterionAt(index + 1, theme);
}

/** The place by its position, for a code used twice: « question n° 1 du critère ID-1, thème « Identité » ». */
export function positionOf(input: unknown, path: string): string {
  const at = locate(path);
  if (at.theme === undefined) return r.document;
  const n = nodes(input, at);
  const theme = themeName(n.theme, at.theme);
  if (at.criterion === undefined) return theme;
  // A criterion's own code is the one in question: name it by position.
  if (at.question === undefined) return at.rest === 'code' ? r.criterionAt(at.criterion + 1, theme) : criterionPhrase(n.criterion, at.criterion, theme);
  return r.questionAt(at.question + 1, criterionPhrase(n.criterion, at.criterion, theme));
}

function placeOf(input: unknown, at: Located): { title: string; context: string } {
  if (at.theme === undefined) return { title: r.document, context: '' };
  const n = nodes(input, at);
  const theme = themeName(n.theme, at.theme);
  if (at.criterion === undefined) return { title: theme, context: '' };
  if (at.question === undefined) {
    const code = text(n.criterion.code);
    return { title: code ? r.criterion(code) : r.criterionNumber(at.criterion + 1), context: r.placeContext(at.criterion + 1, theme) };
  }
  const code = text(n.question.code);
  return { title: code ? r.question(code) : r.questionNumber(at.question + 1), context: r.placeContext(at.question + 1, criterionPhrase(n.criterion, at.criterion, theme)) };
}

/** The field part of a path in French: `iso9001[1]` → « clause ISO 9001 n° 2 »; unknown keys stay as written. */
export function fieldName(rest: string): string {
  if (!rest) return '';
  const m = /^([A-Za-z0-9_$-]+)(?:\[(\d+)\])?(?:\.(.*))?$/.exec(rest);
  if (!m) return r.unknownField(rest);
  const [, key, index, sub] = m;
  const names = r.fields[key as keyof typeof r.fields];
  if (!names) return r.unknownField(rest);
  if (sub) {
    const subNames = key === 'recommendation' ? r.recommendationFields[sub as keyof typeof r.recommendationFields] : undefined;
    return subNames ?? `${names.one} — ${r.unknownField(sub)}`;
  }
  if (index === undefined) return names.all;
  return key === 'levels' ? names.one.replace('{n}', index) : names.one.replace('{n}', String(Number(index) + 1));
}

const FIELD_ORDER = Object.keys(r.fields);

function fieldRank(path: string): number {
  const key = /^[A-Za-z0-9_$-]*/.exec(locate(path).rest)![0];
  const rank = FIELD_ORDER.indexOf(key);
  return rank < 0 ? FIELD_ORDER.length : rank;
}

/** Errors grouped by place, in the order of the document (the errors come sorted that way). */
export function groupErrors(input: unknown, errors: readonly ValidationError[]): ErrorGroup[] {
  const groups = new Map<string, ErrorGroup>();
  for (const e of errors) {
    const at = locate(e.path);
    const key = [at.theme, at.criterion, at.question].join('/');
    let group = groups.get(key);
    if (!group) {
      group = { ...placeOf(input, at), errors: [] };
      groups.set(key, group);
    }
    group.errors.push({ field: fieldName(at.rest), message: e.message, path: e.path });
  }
  // Within a place, the fields in the order an exported file writes them; unknown keys last.
  for (const g of groups.values()) g.errors.sort((a, b) => fieldRank(a.path) - fieldRank(b.path));
  return [...groups.values()];
}
