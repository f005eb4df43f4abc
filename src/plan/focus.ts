// « Vos priorités »: the few open actions that matter most now, and the order of the rest. The
// plan page, the results page and the PDF all take them from here. Pure.
import { belowCompliance } from '../scoring/legal.ts';
import { DEFAULT_TARGET_LEVEL } from './types.ts';
import { needOf } from './prioritise.ts';
import type { QuestionScore } from '../scoring/types.ts';

/** How many actions « Vos priorités » shows. */
export const FOCUS_COUNT = 5;

/** What the order needs to know of an action (a stored row or a proposal). */
export interface FocusItem {
  questionCode: string | null;
  priority: string;
  rank: number;
  status: string;
  droppedReason: string | null;
}

/** Urgency (weight × gap) of a structure's own action, from the priority it chose. */
const CUSTOM_URGENCY: Record<string, number> = { haute: 6, moyenne: 3, basse: 1 };

function key(item: FocusItem, questions: ReadonlyMap<string, QuestionScore>) {
  const qs = item.questionCode ? questions.get(item.questionCode) : undefined;
  if (qs) {
    const gap = typeof qs.level === 'number' ? Math.max(0, DEFAULT_TARGET_LEVEL - qs.level) : 0;
    return { obligation: belowCompliance(qs), urgency: qs.weight * gap };
  }
  return { obligation: item.priority === 'obligation', urgency: CUSTOM_URGENCY[item.priority] ?? 0 };
}

/**
 * Open actions (not done, not dropped) in the order to tackle them: legal obligations below their
 * compliance level first, then the largest weight × gap (as the answers stand now), then the plan's
 * own order. A structure's own action counts with the priority it was given.
 */
export function focusOrder<T extends FocusItem>(items: readonly T[], questions: readonly QuestionScore[]): T[] {
  const byCode = new Map(questions.map((q) => [q.code, q]));
  return items
    .filter((a) => a.droppedReason === null && a.status !== 'done')
    .map((a, i) => ({ a, i, k: key(a, byCode) }))
    .sort((x, y) => Number(y.k.obligation) - Number(x.k.obligation) || y.k.urgency - x.k.urgency || x.a.rank - y.a.rank || x.i - y.i)
    .map((x) => x.a);
}

/** The first `n` of focusOrder: « Vos priorités ». */
export function priorities<T extends FocusItem>(items: readonly T[], questions: readonly QuestionScore[], n = FOCUS_COUNT): T[] {
  return focusOrder(items, questions).slice(0, n);
}

/**
 * The priority to show for an action as the answers stand now: its question's need when it has
 * one (a legal obligation below its compliance level is « à sécuriser » whatever was stored), else
 * the stored priority (a structure's own action, or a question already at its aim).
 */
export function priorityNow(item: Pick<FocusItem, 'questionCode' | 'priority'>, questions: readonly QuestionScore[]): string {
  const qs = item.questionCode ? questions.find((q) => q.code === item.questionCode) : undefined;
  return (qs && needOf(qs)?.priority) ?? item.priority;
}
