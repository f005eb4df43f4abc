// Dates as CAP shows them, in one place: every instant is read in metropolitan French time
// (Europe/Paris) whatever the server's zone, and French writes the first of the month « 1er ».
// Pure: the clock is always passed in. The zone arithmetic (the instant a Paris day starts) is
// @date-fns/tz's, not ours; the formatting is the platform's Intl.
import { TZDate } from '@date-fns/tz';

export const PARIS = 'Europe/Paris';

type When = string | Date;
const at = (when: When) => (typeof when === 'string' ? new Date(when) : when);

const isoDayFmt = new Intl.DateTimeFormat('en-CA', { timeZone: PARIS, year: 'numeric', month: '2-digit', day: '2-digit' });
const longFmt = new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS, year: 'numeric', month: 'long', day: 'numeric' });
const longDayFmt = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' });
const shortDayFmt = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });
const numericFmt = new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS, day: '2-digit', month: '2-digit', year: 'numeric' });
const numericTimeFmt = new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const timeFmt = new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS, hour: '2-digit', minute: '2-digit' });

/** French writes « 1er mars », not « 1 mars ». */
function withFirst(formatted: string): string {
  return formatted.replace(/^1 /, '1er ');
}

/** The calendar day of an instant in Paris, as `AAAA-MM-JJ` (due dates, file names). */
export function parisDay(when: When): string {
  return isoDayFmt.format(at(when));
}

/**
 * Intl formatting costs microseconds a call, and an answer's status line formats the same instant
 * two or three times (« Répondu le … à … », « Enregistré à … »). For an ISO instant in UTC, the
 * Paris day depends on its UTC hour only and the Paris time on its UTC minute (Paris is a whole
 * number of hours from UTC): the last results are kept per hour or minute.
 */
function memo(key: (iso: string) => string, format: (when: When) => string): (when: When) => string {
  const cache = new Map<string, string>();
  return (when) => {
    if (typeof when !== 'string' || when.length < 17 || when[10] !== 'T' || !when.endsWith('Z')) return format(when);
    const k = key(when);
    let v = cache.get(k);
    if (v === undefined) {
      if (cache.size >= 256) cache.clear();
      cache.set(k, (v = format(when)));
    }
    return v;
  };
}

const dateOf = memo((iso) => iso.slice(0, 13), (when) => withFirst(longFmt.format(at(when))));
const timeOf = memo((iso) => iso.slice(0, 16), (when) => timeFmt.format(at(when)));

/** « 1er mars 2026 » for an instant (read in Paris time). */
export function frenchDate(when: When): string {
  return dateOf(when);
}

/** « 1er mars 2026 à 10:01 ». */
export function frenchDateTime(when: When): string {
  return `${frenchDate(when)} à ${frenchTime(when)}`;
}

/** « 10:01 » in Paris. */
export function frenchTime(when: When): string {
  return timeOf(when);
}

/** « 26 novembre 2026 » for a calendar day `AAAA-MM-JJ` (no time zone shift). */
export function frenchDay(isoDay: string): string {
  return withFirst(longDayFmt.format(new Date(`${isoDay}T00:00:00Z`)));
}

/** « 4 sept. 2026 », for narrow table columns. */
export function frenchDayShort(isoDay: string): string {
  return withFirst(shortDayFmt.format(new Date(`${isoDay}T00:00:00Z`)));
}

/**
 * A date to give as an example in a form: `days` after the calendar day `today` (AAAA-MM-JJ),
 * written « JJ/MM/AAAA » as the French date picker shows it and as people type it where there is
 * none (parseDay reads both). An example in the future reads as a date one would really enter.
 */
export function exampleDay(today: string, days = 90): string {
  const m = ISO_DAY.exec(today);
  const base = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Date.now();
  const d = new Date(base + days * 86_400_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

/** « 02/03/2026 », as spreadsheets read a date (CSV exports). */
export function numericDate(when: When): string {
  return numericFmt.format(at(when));
}

/** « 02/03/2026 10:01 » (CSV exports). */
export function numericDateTime(when: When): string {
  return numericTimeFmt.format(at(when)).replace(',', '');
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
 * A day typed in a form: `AAAA-MM-JJ` (what a date input sends) or `JJ/MM/AAAA` (what people type
 * where the browser has no date picker). '' means no date; null means not a real date.
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

/** The instant a calendar day `AAAA-MM-JJ` starts in France (CET or CEST), as an ISO string; null for no such day. */
export function parisDayStart(day: string): string | null {
  const m = ISO_DAY.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = new Date(Date.UTC(y, mo - 1, d));
  if (utc.getUTCFullYear() !== y || utc.getUTCMonth() !== mo - 1 || utc.getUTCDate() !== d) return null;
  return new Date(new TZDate(y, mo - 1, d, PARIS).getTime()).toISOString();
}

/** The day after `AAAA-MM-JJ`. */
export function nextDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** A year before `now`: a structure with no diagnostic started since is « stale ». */
export function yearBefore(now: Date): string {
  const d = new Date(now.getTime());
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  return d.toISOString();
}

/** Days from one moment to another as the calendar in Paris counts them (yesterday evening: 1), never negative. */
export function calendarDaysBetween(from: When, to: When): number {
  const days = (Date.parse(parisDay(to)) - Date.parse(parisDay(from))) / 86_400_000;
  return Math.max(0, Math.round(days));
}
