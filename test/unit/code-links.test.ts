import { describe, it, expect } from 'vitest';
import { linkCodes } from '../../src/diagnostics/code-links.ts';

const known = new Map([
  ['SV-7', '/t/services#cr-SV-7'],
  ['SV-7.2', '/t/services#q-SV-7-2'],
  ['ID-1.1', '/t/identite#q-ID-1-1'],
]);
const hrefOf = (code: string) => known.get(code);

describe('linkCodes', () => {
  it('links question and criterion codes of the referential, keeps the rest as text', () => {
    expect(linkCodes('Revoir SV-7.2 et le critère SV-7, puis ID-1.1.', hrefOf)).toEqual([
      { text: 'Revoir ' },
      { text: 'SV-7.2', href: '/t/services#q-SV-7-2', code: 'SV-7.2' },
      { text: ' et le critère ' },
      { text: 'SV-7', href: '/t/services#cr-SV-7', code: 'SV-7' },
      { text: ', puis ' },
      { text: 'ID-1.1', href: '/t/identite#q-ID-1-1', code: 'ID-1.1' },
      { text: '.' },
    ]);
  });

  it('accepts lower case and the non-breaking hyphen, in the canonical form', () => {
    const segs = linkCodes('voir sv\u20117.2', hrefOf);
    expect(segs[1]).toEqual({ text: 'sv\u20117.2', href: '/t/services#q-SV-7-2', code: 'SV-7.2' });
  });

  it('leaves unknown codes, codes glued to words and longer numbers alone', () => {
    expect(linkCodes('ZZ-9.9, XSV-7.2, SV-7.2a, SV-7.2.1', hrefOf).every((s) => !s.href)).toBe(true);
  });

  it('gives the text back whole when nothing is linked, even empty', () => {
    expect(linkCodes('Rien à signaler', hrefOf)).toEqual([{ text: 'Rien à signaler' }]);
    expect(linkCodes('', hrefOf)).toEqual([{ text: '' }]);
  });
});
