// The kinds of file CAP accepts as evidence (« justificatifs »), as data: the list, the « accept »
// attribute of the file input, and what the content-type check matches against. Pure; the check
// itself, which reads the file, is src/evidence/content-type.ts.
export interface EvidenceType {
  /** The extension the content proves, without the dot. */
  ext: string;
  mime: string;
  /** What a person calls it, in French. */
  label: string;
  /** Other spellings of the extension that name the same type. */
  aliases?: readonly string[];
}

export const EVIDENCE_TYPES: readonly EvidenceType[] = [
  { ext: 'pdf', mime: 'application/pdf', label: 'PDF' },
  { ext: 'jpg', mime: 'image/jpeg', label: 'image JPEG', aliases: ['jpeg', 'jpe'] },
  { ext: 'png', mime: 'image/png', label: 'image PNG' },
  { ext: 'gif', mime: 'image/gif', label: 'image GIF' },
  { ext: 'webp', mime: 'image/webp', label: 'image WebP' },
  { ext: 'heic', mime: 'image/heic', label: 'photo HEIC', aliases: ['heif'] },
  { ext: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'document Word' },
  { ext: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'classeur Excel' },
  { ext: 'pptx', mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', label: 'présentation PowerPoint' },
  { ext: 'odt', mime: 'application/vnd.oasis.opendocument.text', label: 'texte OpenDocument' },
  { ext: 'ods', mime: 'application/vnd.oasis.opendocument.spreadsheet', label: 'classeur OpenDocument' },
  { ext: 'odp', mime: 'application/vnd.oasis.opendocument.presentation', label: 'présentation OpenDocument' },
  { ext: 'odg', mime: 'application/vnd.oasis.opendocument.graphics', label: 'dessin OpenDocument' },
];

const BY_EXT = new Map(EVIDENCE_TYPES.map((t) => [t.ext, t]));
const BY_MIME = new Map(EVIDENCE_TYPES.map((t) => [t.mime, t]));

/** The accepted extensions, for the file input's `accept` attribute (a hint: the server decides). */
export const ACCEPT_ATTRIBUTE = EVIDENCE_TYPES.flatMap((t) => [t.ext, ...(t.aliases ?? [])].map((e) => `.${e}`)).join(',');

/** The stored type of a file (its MIME type), or undefined if it is not one CAP accepts. */
export function evidenceTypeOfMime(mime: string): EvidenceType | undefined {
  return BY_MIME.get(mime);
}

/** What the library found, reduced to what CAP accepts (pure, unit-tested on the table). */
export function acceptedType(found: { ext: string; mime: string } | undefined): EvidenceType | undefined {
  if (!found) return undefined;
  const t = BY_EXT.get(found.ext);
  // file-type names JPEG « jpg » and HEIF photos « heic » with a few MIME variants; the extension
  // it proves is what we match on, and the MIME we store is ours.
  return t;
}

/** Whether a file name already ends with an extension that names this type. */
export function nameMatchesType(name: string, type: EvidenceType): boolean {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return false;
  const ext = name.slice(dot + 1).toLowerCase();
  return ext === type.ext || (type.aliases ?? []).includes(ext);
}
