import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectEvidenceType } from '../../src/evidence/content-type.ts';
import { EVIDENCE_TYPES, nameMatchesType } from '../../src/evidence/types.ts';
import { attachmentDisposition, cleanFilename, MAX_FILENAME_LENGTH } from '../../src/evidence/filename.ts';
import { CSV, executable, HTML, JPEG, odt, ooxml, PNG, samplePdf, SVG, zip } from '../support/files.ts';

const dir = mkdtempSync(join(tmpdir(), 'cap-evidence-types-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
async function detect(bytes: Buffer, name = 'fichier.pdf') {
  const path = join(dir, `${n++}-${name}`);
  writeFileSync(path, bytes);
  return detectEvidenceType(path);
}

const PDF = EVIDENCE_TYPES.find((t) => t.ext === 'pdf')!;
const PNG_T = EVIDENCE_TYPES.find((t) => t.ext === 'png')!;
const JPG = EVIDENCE_TYPES.find((t) => t.ext === 'jpg')!;

describe('the type of an evidence file comes from its content', () => {
  it.each([
    ['a PDF', samplePdf(), 'application/pdf'],
    ['a PNG image', PNG, 'image/png'],
    ['a JPEG photo', JPEG, 'image/jpeg'],
    ['a Word document', ooxml('docx'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['an Excel workbook', ooxml('xlsx'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['an OpenDocument text', odt(), 'application/vnd.oasis.opendocument.text'],
  ])('accepts %s', async (_what, bytes, mime) => {
    expect((await detect(bytes))?.mime).toBe(mime);
  });

  it.each([
    ['an executable renamed .pdf', executable(), 'rapport.pdf'],
    ['a macro-enabled Word file', ooxml('docm'), 'rapport.docx'],
    ['an HTML page', HTML, 'page.pdf'],
    ['an SVG image (it can carry script)', SVG, 'logo.png'],
    ['a CSV file (nothing in it proves a type)', CSV, 'tableau.xlsx'],
    ['a plain zip archive', zip([{ name: 'a.txt', data: 'x' }]), 'archive.docx'],
    ['a truncated zip', zip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.text' }]).subarray(0, 20), 'texte.odt'],
    ['an empty file', Buffer.alloc(0), 'vide.pdf'],
  ])('refuses %s whatever its name', async (_what, bytes, name) => {
    expect(await detect(bytes, name)).toBeUndefined();
  });

  it('tells whether a name already carries the proven extension', () => {
    expect(nameMatchesType('Rapport.PDF', PDF)).toBe(true);
    expect(nameMatchesType('photo.jpeg', JPG)).toBe(true);
    expect(nameMatchesType('rapport.pdf', PNG_T)).toBe(false);
    expect(nameMatchesType('.pdf', PDF)).toBe(false);
  });
});

describe('the name of an evidence file is a clean label', () => {
  it('keeps an ordinary French name as it is', () => {
    expect(cleanFilename('Procès-verbal du CA — 12 mars 2025.pdf', PDF)).toBe('Procès-verbal du CA — 12 mars 2025.pdf');
  });
  it.each([
    ['../../etc/passwd.pdf', 'passwd.pdf'],
    ['C:\\Users\\direction\\Documents\\charte.pdf', 'charte.pdf'],
    ['..', 'justificatif.pdf'],
    ['/', 'justificatif.pdf'],
    ['rap\u0000po\u0007rt\r\n.pdf', 'rapport.pdf'],
    ['\u202efdp.exe', 'fdp.exe.pdf'],
    ['.htaccess', 'htaccess.pdf'],
    ['   ', 'justificatif.pdf'],
  ])('cleans %j into %j', (raw, clean) => {
    expect(cleanFilename(raw, PDF)).toBe(clean);
  });
  it('makes the extension tell the truth', () => {
    expect(cleanFilename('rapport.pdf', PNG_T)).toBe('rapport.pdf.png');
    expect(cleanFilename('scan', PDF)).toBe('scan.pdf');
  });
  it('bounds a long name and keeps its extension whole', () => {
    const name = cleanFilename(`${'é'.repeat(400)}.pdf`, PDF);
    expect(Array.from(name)).toHaveLength(MAX_FILENAME_LENGTH);
    expect(name.endsWith('é.pdf')).toBe(true);
  });
  it('writes a Content-Disposition any browser reads, exact in UTF-8', () => {
    const v = attachmentDisposition('Charte « valeurs » d’été.pdf');
    expect(v).toMatch(/^attachment; filename="Charte _ valeurs _ d_ete.pdf"; filename\*=UTF-8''/);
    expect(decodeURIComponent(v.split("UTF-8''")[1]!)).toBe('Charte « valeurs » d’été.pdf');
    expect(attachmentDisposition('a"b\\c.pdf')).toContain('filename="a_b_c.pdf"');
  });
});
