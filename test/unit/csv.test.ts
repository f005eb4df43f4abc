// The CSV writer: quoting, French numbers, CSV-injection neutralisation.
import { describe, it, expect } from 'vitest';
import { csvCell, csvLine, toCsv } from '../../src/web/csv.ts';

describe('csvCell', () => {
  it('quotes every value and doubles inner quotes', () => {
    expect(csvCell('Simple')).toBe('"Simple"');
    expect(csvCell('Il a dit "oui"; puis\r\nnon')).toBe('"Il a dit ""oui""; puis\r\nnon"');
    expect(csvCell('')).toBe('""');
    expect(csvCell(null)).toBe('""');
    expect(csvCell(undefined)).toBe('""');
  });

  it('writes numbers with a decimal comma and never neutralises them', () => {
    expect(csvCell(72.5)).toBe('"72,5"');
    expect(csvCell(0)).toBe('"0"');
    expect(csvCell(-3)).toBe('"-3"');
    expect(csvCell(Number.NaN)).toBe('""');
  });

  it('neutralises text that a spreadsheet would run as a formula', () => {
    expect(csvCell('=1+1')).toBe(`"'=1+1"`);
    expect(csvCell('+33 6 00 00 00 00')).toBe(`"'+33 6 00 00 00 00"`);
    expect(csvCell('-1')).toBe(`"'-1"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvCell('\t=1')).toBe(`"'\t=1"`);
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvCell('=HYPERLINK("http://x";"y")')).toBe(`"'=HYPERLINK(""http://x"";""y"")"`);
    // Only the first character matters.
    expect(csvCell('a=1')).toBe('"a=1"');
    expect(csvCell(' =1')).toBe('" =1"');
  });
});

describe('toCsv', () => {
  it('starts with a BOM, separates with `;`, ends lines with CRLF', () => {
    expect(csvLine(['a', 1, null])).toBe('"a";"1";""\r\n');
    expect(toCsv(['Nom', 'Score'], [['Équipe', 12.25]])).toBe('\uFEFF"Nom";"Score"\r\n"Équipe";"12,25"\r\n');
  });
});
