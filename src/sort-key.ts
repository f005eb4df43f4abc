// The key that sorts names as a French reader expects — « n° 2 » before « n° 11 », « Élan » beside
// « Elan », « L’Atelier » with « L Atelier » — by plain byte comparison. SQLite compares text
// byte by byte (better-sqlite3 has no custom collations), so lists sort, page and search on a
// stored key column with an ordinary index instead of sorting every row in JavaScript.

/** Longest digit run kept whole; longer runs are cut (no name carries a 100-digit number). */
const MAX_DIGITS = 99;

/** Lower case, without accents or ligatures, punctuation as single spaces: what sorting and searching compare. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The folded name (see fold) with every run of digits
 * written as its length on two digits followed by the digits (leading zeros dropped): « 2 » → « 012 »,
 * « 11 » → « 0211 », so that a shorter number always comes first and equal lengths compare digit
 * by digit. Digits sort before letters, as in the French collation.
 */
export function sortKey(name: string): string {
  return fold(name).replace(/\p{N}+/gu, (run) => {
    const digits = run.replace(/\D/g, '').replace(/^0+/, '').slice(0, MAX_DIGITS);
    return String(digits.length).padStart(2, '0') + digits;
  });
}

/** Words of a search beyond this many are ignored (each one is a LIKE over the list). */
export const MAX_SEARCH_TERMS = 6;

/**
 * The words of a search box query as LIKE patterns over `' ' || key || ' '`, all to be matched: a
 * word matches the start of a word of the name (« jard » finds « Les Jardins »), a number a whole
 * number (« 12 » finds « n° 12 », not « n° 120 »). Keys hold only letters, digits and single
 * spaces, so no pattern carries a LIKE wildcard of its own. Empty when nothing searchable is left.
 */
export function searchPatterns(query: string): string[] {
  const words = [...new Set(sortKey(query).split(' ').filter(Boolean))].slice(0, MAX_SEARCH_TERMS);
  return words.map((w) => (/^\d+$/.test(w) ? `% ${w} %` : `% ${w}%`));
}

/** The digits of a query that looks like a SIRET or the start of one (at least 3 digits, spaces allowed). */
export function siretPrefix(query: string): string | null {
  const compact = query.replace(/[\s.\u00a0\u202f]/g, '');
  return /^\d{3,14}$/.test(compact) ? compact : null;
}
