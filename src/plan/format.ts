// Dates, percentages and names as the plan page and the PDF print them. Pure: the clock is always
// passed in. Days are read in Paris time: a member working late on 31 December is still in 2026.

const PARIS = 'Europe/Paris';

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: PARIS, year: 'numeric', month: '2-digit', day: '2-digit' });
const longFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS, year: 'numeric', month: 'long', day: 'numeric' });
const longFormatUtc = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' });
const shortFormatUtc = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });

/** The calendar day of an instant in Paris, as `AAAA-MM-JJ`. */
export function parisDay(at: Date): string {
  return dayFormat.format(at);
}

function withFirst(formatted: string): string {
  // French writes « 1er novembre », not « 1 novembre ».
  return formatted.replace(/^1 /, '1er ');
}

/** « 26 novembre 2026 » for an instant (read in Paris time). */
export function frenchDate(at: Date): string {
  return withFirst(longFormat.format(at));
}

/** « 26 novembre 2026 » for a calendar day `AAAA-MM-JJ` (no time zone shift). */
export function frenchDay(isoDay: string): string {
  return withFirst(longFormatUtc.format(new Date(`${isoDay}T00:00:00Z`)));
}

/** « 4 sept. 2026 », for narrow table columns. */
export function frenchDayShort(isoDay: string): string {
  return withFirst(shortFormatUtc.format(new Date(`${isoDay}T00:00:00Z`)));
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const FRENCH_DAY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

function realDay(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A due date typed in a form: `AAAA-MM-JJ` (what a date input sends) or `JJ/MM/AAAA` (what people
 * type where the browser has no date picker). '' means no date; null means not a real date.
 */
export function parseDay(input: string): string | '' | null {
  const s = input.trim();
  if (!s) return '';
  let m = ISO_DAY.exec(s);
  if (m) return realDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = FRENCH_DAY.exec(s);
  if (m) return realDay(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

/** An action is overdue when its due day is past (in Paris) and it is not done. */
export function isOverdue(action: { dueDate: string | null; status: string }, today: string): boolean {
  return !!action.dueDate && action.status !== 'done' && action.dueDate < today;
}

/** « 62 % » (narrow no-break space, as French typography wants); « — » without a score. */
export function percent(score: number | null): string {
  return score === null ? '—' : `${Math.round(score)}\u202f%`;
}

/** ASCII, lower case, dashes: « Les Jardins du Lauragais (démo) » → « les-jardins-du-lauragais-demo ». */
export function slugify(name: string): string {
  const slug = name
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'OE')
    .replace(/æ/g, 'ae')
    .replace(/Æ/g, 'AE')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'structure';
}
