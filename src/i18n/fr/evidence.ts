// Evidence files (« justificatifs ») attached to answers.
const int = (n: number) => n.toLocaleString('fr-FR');
const plural = (n: number, one: string, many: string) => `${int(n)} ${n > 1 ? many : one}`;

/** « 2,4 Mo », « 830 ko », « 12 octets »: sizes as a person reads them (1 Mo = 1 048 576 octets). */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return plural(bytes, 'octet', 'octets');
  if (bytes < 1024 * 1024) {
    const kb = bytes / 1024;
    return `${kb.toLocaleString('fr-FR', { maximumFractionDigits: kb < 10 ? 1 : 0 })}\u00a0ko`;
  }
  const mb = bytes / (1024 * 1024);
  return `${mb.toLocaleString('fr-FR', { maximumFractionDigits: mb < 10 ? 1 : 0 })}\u00a0Mo`;
}

export const evidence = {
  title: 'Justificatifs',
  hint: (max: string) => `PDF, photo ou image, document Word, Excel, PowerPoint ou OpenDocument ; ${max} au plus par fichier.`,
  none: 'Aucun justificatif joint.',
  count: (n: number) => plural(n, 'justificatif', 'justificatifs'),
  file: 'Fichier à joindre',
  attach: 'Joindre le fichier',
  uploading: 'Envoi en cours…',
  /** Filled in by static/evidence.js as the upload goes. */
  progress: 'Envoi : {pct} %',
  attached: (name: string) => `Justificatif « ${name} » joint.`,
  remove: 'Retirer',
  removeLabel: (name: string) => `Retirer le justificatif « ${name} »`,
  removed: (name: string) => `Justificatif « ${name} » retiré.`,
  download: (name: string) => `Télécharger ${name}`,
  by: (who: string, when: string) => `joint par ${who} le ${when}`,
  carried: 'repris du diagnostic précédent',
  usage: (used: string, quota: string) => `Espace utilisé par la structure : ${used} sur ${quota}.`,
  examples: 'Exemples de preuves',
  backToQuestion: (code: string) => `Revenir à la question ${code}`,
  errors: {
    title: 'Le justificatif n’a pas été joint',
    noFile: 'Choisissez un fichier à joindre.',
    empty: 'Ce fichier est vide (0 octet) : choisissez le document lui-même.',
    tooLarge: (max: string) => `Ce fichier dépasse ${max}, la taille maximale d’un justificatif. Réduisez-le (PDF compressé, photo moins lourde) ou découpez-le.`,
    type: 'Ce type de fichier n’est pas accepté. Joignez un PDF, une image (JPEG, PNG, WebP, GIF, HEIC), un document Word, Excel ou PowerPoint (.docx, .xlsx, .pptx) ou OpenDocument (.odt, .ods, .odp, .odg). Les anciens formats Office (.doc, .xls, .ppt) et les fichiers avec macros sont refusés : enregistrez-les au format .docx, .xlsx, .odt ou PDF. Le type est reconnu d’après le contenu du fichier, pas d’après son nom.',
    quota: (used: string, quota: string, size: string) =>
      `L’espace réservé aux justificatifs de la structure est plein : ${used} utilisés sur ${quota}, et ce fichier fait ${size}. Retirez des justificatifs devenus inutiles, ou demandez plus d’espace à la fédération.`,
    tooMany: (max: number) => `Cette réponse a déjà ${int(max)} justificatifs, le maximum. Retirez-en un avant d’en joindre un autre, ou regroupez-les dans un seul PDF.`,
    locked: (status: string) => `Le diagnostic est « ${status} » : ses justificatifs ne peuvent plus être modifiés.`,
    badRequest: 'L’envoi du fichier a échoué (requête incomplète). Réessayez.',
  },
  csvHeader: 'Justificatifs',
  pdfTitle: 'Justificatifs joints',
  pdfLine: (name: string, size: string, who: string, when: string) => `${name} (${size}) — ${who}, ${when}`,
};
