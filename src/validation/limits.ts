// Every bound on what one request can make CAP store, compute or render, in one place. A limit is
// checked before any work (parsing a list, loading rows, rendering a page) and a refusal never
// echoes more than the limit. The PDF of the largest plan these limits allow is measured against
// the real server in test/http/pdf-bound.test.ts: raise a text limit here and that test says
// whether the PDF still fits in its time and memory.

/** Sizes and counts. */
export const LIMITS = {
  /** Bytes in a request body (413 above, before it is read). */
  bodyBytes: 1024 * 1024,
  /** Fields in one form, whatever their names (the largest theme form has about 4 per question). */
  formFields: 2000,
  /** Nesting of a JSON document (a referential import). */
  jsonDepth: 32,
  /** People named when a diagnostic starts. */
  participants: 30,
  /** Actions of one diagnostic's plan: proposed, carried over and the structure's own, dropped ones included. */
  actionsPerDiagnostic: 150,
  /** The federation's review remarks on one diagnostic. */
  remarksPerDiagnostic: 100,
  /** Replies (by the team or a reviewer) to one remark. */
  repliesPerRemark: 50,
  /** Questions in one referential version (every one of them may propose an action). */
  questionsPerReferential: 150,
  /** Services in the federation's catalogue. */
  services: 100,
  /** Structures a member account is attached to (administration form). */
  organisationsPerUser: 200,
} as const;

/**
 * Evidence files (« justificatifs ») on answers. The size is checked while the upload streams (and
 * on an announced length, before reading); the count and the organisation's quota in the same
 * transaction that records the file.
 */
export const EVIDENCE_LIMITS = {
  /** One file: 10 Mo (a scanned multi-page PDF or a phone photo fits; a video does not). */
  fileBytes: 10 * 1024 * 1024,
  /** Space per organisation, all its diagnostics together, unless CAP_FILES_QUOTA_MB says otherwise. */
  defaultQuotaBytes: 200 * 1024 * 1024,
  /** Files on one answer: a handful is evidence, more is an archive. */
  perAnswer: 20,
  /** What a multipart request may add around the file (boundaries, the token, the name). */
  requestOverheadBytes: 64 * 1024,
  /** Characters of a file's display name (its extension kept whole). */
  filenameLength: 150,
} as const;

/**
 * The memory operators give the server (systemd's MemoryMax, docs/exploitation.md). V8's heap is
 * bounded at 160 MB by `npm start`; the rest is code, buffers and SQLite's cache.
 */
export const MEMORY_CEILING_BYTES = 512 * 1024 * 1024;

/**
 * Invitations: each one makes CAP send an e-mail, to any address, in the federation's name. So
 * that an account (a structure's lead is an ordinary member) cannot turn that into a mailing tool,
 * « Renvoyer » waits a few minutes after the last message, and each person sends a bounded number
 * of invitations and resends a day (administrators are not held).
 */
export const INVITATION_LIMITS = {
  /** Minutes after an invitation's last message before it may be sent again. */
  resendAfterMinutes: 10,
  /** Invitations and resends per rolling 24 hours, by the role of the person who sends them. */
  perDay: { member: 20, consultant: 200 },
} as const;

/** Maximum length, in characters, of every free-text field. */
export const MAX_LENGTH = {
  personName: 120,
  organisationName: 200,
  email: 254,
  /** Passwords are hashed whole; more than this is no stronger, only slower. */
  password: 200,
  answerComment: 2000,
  actionTitle: 200,
  actionDescription: 1000,
  actionOwner: 120,
  actionNotes: 1000,
  dropReason: 500,
  remark: 1000,
  reviewMessage: 2000,
  serviceName: 200,
  serviceDescription: 1000,
  serviceContact: 300,
  serviceContactName: 120,
  servicePhone: 30,
  serviceUrl: 300,
  referentialLabel: 120,
  /** A search or filter typed in a query string. */
  filter: 100,
} as const;

// C0 controls other than tab and newline, DEL and the C1 controls: invisible, never typed on
// purpose, and some of them (NUL, escape sequences) confuse terminals, logs and PDF readers.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * A submitted text as CAP stores it: newlines as LF (browsers post CRLF), control characters other
 * than tab and newline removed, composed to NFC (an « é » typed as e + accent is one character, as
 * lengths, searches and the PDF expect).
 */
export function cleanText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(CONTROL, '').normalize('NFC');
}

/** The first `max` items of a list and whether there were more: what a refusal may echo. */
export function atMost<T>(items: readonly T[], max: number): { items: T[]; over: boolean } {
  return items.length > max ? { items: items.slice(0, max), over: true } : { items: [...items], over: false };
}

/**
 * How deep a JSON text nests its arrays and objects, counted on the text without parsing it, so
 * that a document nested 100,000 levels deep is refused before JSON.parse or a schema recurses
 * into it. Brackets inside strings do not count.
 */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) max = Math.max(max, ++depth);
    else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return max;
}
