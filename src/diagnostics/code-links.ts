// Question and criterion codes written in a remark or a change request (« voir SV-7.2 », « le
// critère SV-7 ») become links to that place of the questionnaire. Pure: the caller says which
// codes exist and where they lead, so a code absent from the diagnostic's referential stays text.

export type Segment = { text: string; href?: undefined } | { text: string; href: string; code: string };

// Two or three letters, a hyphen (or the non-breaking one), a number, an optional « .number »; not
// glued to a letter or digit before or after (« XID-1 » or « ID-12a » are not codes).
const CODE = /(?<![\p{L}\p{N}])([A-Za-z]{2,3})[-\u2011](\d{1,3})(?:\.(\d{1,3}))?(?![\p{L}\p{N}]|\.\d)/gu;

/**
 * Splits `text` into plain and linked segments. `hrefOf` receives the code in its canonical form
 * (« SV-7.2 », upper case, ASCII hyphen) and returns where it leads, or undefined to leave it as text.
 */
export function linkCodes(text: string, hrefOf: (code: string) => string | undefined): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(CODE)) {
    const code = `${m[1]!.toUpperCase()}-${m[2]}${m[3] !== undefined ? `.${m[3]}` : ''}`;
    const href = hrefOf(code);
    if (!href) continue;
    if (m.index > last) out.push({ text: text.slice(last, m.index) });
    out.push({ text: m[0], href, code });
    last = m.index + m[0].length;
  }
  if (last < text.length || out.length === 0) out.push({ text: text.slice(last) });
  return out;
}
