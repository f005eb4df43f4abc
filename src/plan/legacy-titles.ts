// Action titles as CAP wrote them before recommendations had a title of their own: the
// recommendation's first sentence, cut at 140 characters with « … ». Plans stored then still hold
// such titles; upgradeLegacyActionTitles (src/db/action-titles.ts) recognises them with this
// function and puts the recommendation's title in their place. Nothing else may call it: CAP no
// longer makes a title by cutting a text.

const LEGACY_MAX_LENGTH = 140;

/**
 * Words whose period does not end a sentence in recommendations written by French authors
 * (« art. L. 5132-1 », « cf. », « p. ex. »…). Single letters are handled separately.
 */
const ABBREVIATIONS = new Set(['art', 'cf', 'ex', 'p', 'pp', 'al', 'réf', 'ref', 'env', 'min', 'max', 'mme', 'mm', 'st', 'ste', 'chap', 'vol', 'no', 'n°']);

/** The first sentence of a text: up to the first . ! ? or … that is followed by a space and a new sentence. */
export function firstSentence(text: string): string {
  const trimmed = text.trim();
  const end = /[.!?…](?=\s+[«"“(]?\s*[A-ZÀ-ÖØ-Þ0-9])/g;
  for (let m = end.exec(trimmed); m !== null; m = end.exec(trimmed)) {
    if (m[0] === '.') {
      const word = /(\S+)$/.exec(trimmed.slice(0, m.index))?.[1] ?? '';
      const bare = word.replace(/^[«"“(]+/, '').toLowerCase();
      // « L. 1234 », « R. 5132 »: initials and code article prefixes.
      if (bare.length === 1 || ABBREVIATIONS.has(bare)) continue;
    }
    return trimmed.slice(0, m.index + 1);
  }
  return trimmed;
}

const TRAILING = /[\s.…:;,]+$/;

/** The title CAP used to derive from a recommendation's text. */
export function legacyActionTitle(recommendation: string): string {
  const sentence = firstSentence(recommendation).replace(/\s+/g, ' ').replace(TRAILING, '');
  if (sentence.length <= LEGACY_MAX_LENGTH) return sentence;
  const room = sentence.slice(0, LEGACY_MAX_LENGTH - 1);
  const lastSpace = room.lastIndexOf(' ');
  const cut = (lastSpace > LEGACY_MAX_LENGTH / 2 ? room.slice(0, lastSpace) : room).replace(TRAILING, '');
  return `${cut}…`;
}
