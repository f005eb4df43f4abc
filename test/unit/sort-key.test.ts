import { describe, it, expect } from 'vitest';
import { searchPatterns, siretPrefix, sortKey } from '../../src/sort-key.ts';

const sorted = (names: string[]) => [...names].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));

describe('sortKey: names in the order a French reader expects, by byte comparison', () => {
  it('puts « n° 2 » before « n° 11 » and « n° 100 »', () => {
    expect(sorted(['Structure n° 11', 'Structure n° 100', 'Structure n° 2', 'Structure n° 1'])).toEqual(['Structure n° 1', 'Structure n° 2', 'Structure n° 11', 'Structure n° 100']);
  });

  it('ignores accents, case, ligatures and punctuation', () => {
    expect(sortKey('Élan Solidaire')).toBe(sortKey('elan solidaire'));
    expect(sortKey('L’Œuvre')).toBe(sortKey("l'oeuvre"));
    expect(sorted(['Fable', 'Élan', 'Ecole', 'atelier'])).toEqual(['atelier', 'Ecole', 'Élan', 'Fable']);
  });

  it('drops leading zeros, keeps digits before letters', () => {
    expect(sortKey('Lot 007')).toBe(sortKey('Lot 7'));
    expect(sorted(['Régie B', 'Régie 3', 'Régie A'])).toEqual(['Régie 3', 'Régie A', 'Régie B']);
  });

  it('agrees with Intl.Collator (fr, numeric) on names like the network’s', () => {
    const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true, ignorePunctuation: true });
    const heads = ['Tremplin', 'Élan', 'Atelier', 'Régie', 'Jardins'];
    const names: string[] = [];
    for (const h of heads) for (const n of [1, 2, 9, 10, 11, 20, 100, 101, 999, 1000]) names.push(`${h} de l’Estuaire ${n}`);
    expect(sorted(names)).toEqual([...names].sort(collator.compare));
  });

  it('holds only letters, digits and single spaces', () => {
    expect(sortKey('  A % b _ c \\ d  ')).toMatch(/^[a-z0-9 ]+$/);
    expect(sortKey('  A % b _ c \\ d  ')).not.toMatch(/ {2}/);
  });
});

describe('search patterns', () => {
  it('match the start of words, numbers whole', () => {
    expect(searchPatterns('Jard LAURA')).toEqual(['% jard%', '% laura%']);
    expect(searchPatterns('n° 12')).toEqual(['% n%', '% 0212 %']);
    const key = ` ${sortKey('Les Jardins du Lauragais n° 12')} `;
    const like = (p: string) => new RegExp(`^${p.replace(/%/g, '.*')}$`).test(key);
    expect(searchPatterns('jardins 12').every(like)).toBe(true);
    expect(searchPatterns('jardins 1').every(like)).toBe(false);
    expect(searchPatterns('ardins').every(like)).toBe(false);
  });

  it('are empty for a query of punctuation, bounded in number', () => {
    expect(searchPatterns(' %%_ ')).toEqual([]);
    expect(searchPatterns('a b c d e f g h i j').length).toBe(6);
  });

  it('recognise a SIRET or its start', () => {
    expect(siretPrefix('732 829 320')).toBe('732829320');
    expect(siretPrefix('73282932000074')).toBe('73282932000074');
    expect(siretPrefix('12')).toBeNull();
    expect(siretPrefix('Jardins 12345')).toBeNull();
  });
});
