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
