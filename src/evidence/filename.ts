// The name an uploaded file is shown and downloaded under. It is only ever a label: files are
// stored under their content hash, so nothing here reaches the file system. It is still cleaned,
// because it comes back in a Content-Disposition header, in pages, in the PDF and in the CSV:
// - a path (« ../../etc/passwd », « C:\Users\x\rapport.pdf ») keeps only its last part;
// - control characters (C0, DEL, C1) and the invisible bidirectional overrides that can disguise
//   an extension (« rapport‮fdp.exe ») are removed; other Unicode (accents, emoji) is kept;
// - its length is bounded, keeping the extension;
// - the extension is made to tell the truth: a PNG uploaded as « rapport.pdf » is named
//   « rapport.pdf.png », so the computer that downloads it opens it with the right program.
import { nameMatchesType, type EvidenceType } from './types.ts';
import { EVIDENCE_LIMITS } from '../validation/limits.ts';

export const MAX_FILENAME_LENGTH = EVIDENCE_LIMITS.filenameLength;
const FALLBACK = 'justificatif';

// C0 controls, DEL, C1 controls; bidi embeddings/overrides/isolates, zero-width and BOM.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** The cleaned display name of an upload; `type` is the type its content proved. */
export function cleanFilename(raw: string, type?: EvidenceType): string {
  let name = raw.normalize('NFC');
  // Keep the last part of a path, Windows or POSIX.
  name = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  name = name.replace(UNSAFE, '').replace(/\s+/g, ' ').trim();
  // Leading dots would hide the file on Unix; « . » and « .. » mean nothing as names.
  name = name.replace(/^\.+/, '').trim();
  if (type && name && !nameMatchesType(name, type)) name = `${name}.${type.ext}`;
  if (!name) name = type ? `${FALLBACK}.${type.ext}` : FALLBACK;
  return shorten(name);
}

/** Cuts a long name in its middle part, keeping the extension whole (no ellipsis: a name). */
function shorten(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= MAX_FILENAME_LENGTH) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 10 ? Array.from(name.slice(dot)) : [];
  const stem = chars.slice(0, chars.length - ext.length);
  return [...stem.slice(0, MAX_FILENAME_LENGTH - ext.length), ...ext].join('').trim();
}

/**
 * A Content-Disposition value that every browser reads: an ASCII fallback in `filename` (accents
 * dropped, quotes and backslashes replaced) and the exact UTF-8 name in `filename*` (RFC 6266).
 */
export function attachmentDisposition(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
