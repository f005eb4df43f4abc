// What the federation's remarks are about: the whole diagnostic, a theme or a question. Pure.

export type TargetKind = 'diagnostic' | 'theme' | 'question';
export const TARGET_KINDS: readonly TargetKind[] = ['diagnostic', 'theme', 'question'];

/** Key of a comment's target, to group a diagnostic's comments once for a whole page. */
export function targetKey(kind: TargetKind, target: string): string {
  return `${kind}:${kind === 'diagnostic' ? '' : target}`;
}

export function groupComments<C extends { targetKind: TargetKind; target: string }>(comments: readonly C[]): Map<string, C[]> {
  const out = new Map<string, C[]>();
  for (const c of comments) {
    const key = targetKey(c.targetKind, c.target);
    const list = out.get(key);
    if (list) list.push(c);
    else out.set(key, [c]);
  }
  return out;
}

/** A remark with the replies that answer it, oldest first. */
export type Thread<C> = C & { replies: C[] };

interface Threadable {
  id: string;
  parentId: string | null;
  targetKind: TargetKind;
  target: string;
}

/**
 * Remarks grouped by target (as groupComments), each carrying its replies. A reply whose remark is
 * missing (it cannot be, replies go with their remark) is left out rather than shown alone.
 */
export function groupThreads<C extends Threadable>(comments: readonly C[]): Map<string, Thread<C>[]> {
  const threads = new Map<string, Thread<C>>();
  for (const c of comments) if (c.parentId === null) threads.set(c.id, { ...c, replies: [] });
  for (const c of comments) if (c.parentId !== null) threads.get(c.parentId)?.replies.push(c);
  return groupComments([...threads.values()]);
}

export interface ThemeRemarks {
  /** Remarks on the theme or one of its questions, not yet marked as dealt with. */
  open: number;
  /** Remarks the team answered since a reviewer last replied or closed them. */
  answered: number;
}

/**
 * Open and answered remarks per theme, for the theme cards. `themeOf` says which theme a question
 * belongs to; remarks on the whole diagnostic count in no theme.
 */
export function remarksByTheme<C extends Threadable & { resolvedAt: string | null; memberRepliedAt: string | null }>(
  comments: readonly C[],
  themeOf: (questionCode: string) => string | undefined,
): Map<string, ThemeRemarks> {
  const out = new Map<string, ThemeRemarks>();
  for (const c of comments) {
    if (c.parentId !== null || c.targetKind === 'diagnostic') continue;
    const theme = c.targetKind === 'theme' ? c.target : themeOf(c.target);
    if (!theme) continue;
    const counts = out.get(theme) ?? { open: 0, answered: 0 };
    if (c.resolvedAt === null) counts.open++;
    if (c.memberRepliedAt !== null) counts.answered++;
    out.set(theme, counts);
  }
  return out;
}
