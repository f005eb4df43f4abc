// Which files may be attached as evidence (« justificatifs »), decided from their content alone:
// the `file-type` library reads the magic numbers (and, for office documents, the zip's entries);
// the uploaded name and the Content-Type the browser declares are never consulted. Anything the
// library does not recognise, or recognises as another type, is refused.
//
// Accepted: PDF, common photos and images, Office Open XML (Word, Excel, PowerPoint) and
// OpenDocument (texte, classeur, présentation, dessin). Refused on purpose:
// - macro-enabled Office files (.docm, .xlsm, .pptm): they carry code;
// - the legacy binary Office formats (.doc, .xls, .ppt): their container (CFB) is the same as a
//   Windows installer's (.msi), and the content alone cannot tell them apart; the message asks for
//   the file to be saved as .docx/.xlsx/.odt or PDF;
// - SVG, HTML, text and CSV: text formats that a browser may run or that nothing identifies.
import { fileTypeFromFile } from 'file-type';
import { acceptedType, type EvidenceType } from './types.ts';

export type { EvidenceType };

/** Reads the start of the file (and a zip's directory) and says which accepted type it is. */
export async function detectEvidenceType(path: string): Promise<EvidenceType | undefined> {
  try {
    return acceptedType(await fileTypeFromFile(path));
  } catch {
    // A truncated or malformed container is no accepted file.
    return undefined;
  }
}
