// Finding a name as people type it, among a few thousand: « jardins » finds « Les Jardins du
// Lauragais », « interim » finds « Armor Intérim Solidaire », « n 12 » finds « n° 12 ». Case,
// accents, ligatures and punctuation are ignored, and every word typed must start a word of the
// name (so « art » does not find « Chantier des Terrils »). Digits typed together (at least three,
// spaces allowed) are also read as the start of a SIRET. Pure: the lists filter their rows with it.
import { MAX_LENGTH } from './validation/limits.ts';
import { fold } from './sort-key.ts';

export { fold };

/** Words of a search beyond this many are ignored. */
export const MAX_SEARCH_WORDS = 6;

export interface Search {
  /** Folded words, each to start a word of the name. */
  words: string[];
  /** The digits of a query that looks like the start of a SIRET. */
  siret: string | null;
}

/** A search box's query, read once; null when there is nothing to look for. */
export function parseSearch(query: string | undefined): Search | null {
  const q = (query ?? '').slice(0, MAX_LENGTH.filter);
  const words = [...new Set(fold(q).split(' ').filter(Boolean))].slice(0, MAX_SEARCH_WORDS);
  const compact = q.replace(/[\s.\u00a0\u202f]/g, '');
  const siret = /^\d{3,14}$/.test(compact) ? compact : null;
  return words.length ? { words, siret } : null;
}

/** Whether a name (or its SIRET) answers the search. */
export function matches(search: Search, name: string, siret?: string): boolean {
  if (search.siret && siret?.startsWith(search.siret)) return true;
  const nameWords = fold(name).split(' ');
  return search.words.every((w) => nameWords.some((n) => n.startsWith(w)));
}

const collator = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });

/** Names in French order: « n° 2 » before « n° 11 », « Élan » beside « Elan ». */
export function byName<T extends { name: string }>(a: T, b: T): number {
  return collator.compare(a.name, b.name);
}
