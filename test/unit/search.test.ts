import { describe, expect, it } from 'vitest';
import { byName, fold, matches, parseSearch } from '../../src/search.ts';

const find = (query: string, names: string[]) => {
  const s = parseSearch(query);
  return s ? names.filter((n) => matches(s, n)) : names;
};

describe('searching names as people type them', () => {
  const names = ['Les Jardins du Lauragais (démo)', 'Armor Intérim Solidaire', 'Chantier des Terrils', 'L’Atelier « Cœur de Garonne »', 'Structure n° 12', 'Structure n° 120'];

  it('ignores case, accents, ligatures and punctuation', () => {
    expect(fold('L’Atelier « Cœur de Garonne »')).toBe('l atelier coeur de garonne');
    expect(find('INTERIM', names)).toEqual(['Armor Intérim Solidaire']);
    expect(find('coeur', names)).toEqual(['L’Atelier « Cœur de Garonne »']);
    expect(find('l’atelier', names)).toEqual(['L’Atelier « Cœur de Garonne »']);
  });

  it('wants every word at the start of a word of the name', () => {
    expect(find('jard laur', names)).toEqual(['Les Jardins du Lauragais (démo)']);
    expect(find('jard terr', names)).toEqual([]);
    expect(find('art', names)).toEqual([]);
    expect(find('n° 12', names)).toEqual(['Structure n° 12', 'Structure n° 120']);
  });

  it('reads digits as the start of a SIRET', () => {
    const s = parseSearch('732 829')!;
    expect(s.siret).toBe('732829');
    expect(matches(s, 'Autre nom', '73282932000074')).toBe(true);
    expect(matches(s, 'Autre nom', '44306184100047')).toBe(false);
    expect(parseSearch('12')!.siret).toBeNull();
  });

  it('has nothing to look for in blanks or punctuation, and bounds what it reads', () => {
    expect(parseSearch('')).toBeNull();
    expect(parseSearch('  « » ’ ')).toBeNull();
    expect(parseSearch(undefined)).toBeNull();
    expect(parseSearch('a b c d e f g h i j')!.words).toHaveLength(6);
    expect(parseSearch('x'.repeat(10_000))!.words[0]).toHaveLength(100);
  });

  it('sorts in French order', () => {
    expect(['n° 11', 'n° 2', 'Élan', 'Zèbre', 'elan'].map((name) => ({ name })).sort(byName).map((o) => o.name)).toEqual(['Élan', 'elan', 'n° 2', 'n° 11', 'Zèbre']);
  });
});
