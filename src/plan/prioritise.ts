// Scores → proposed actions, in the order a member should tackle them: unmet legal obligations
// first (a compliance risk outweighs any improvement), then the largest weight × gap. An action's
// title is its recommendation's own title, written to be read alone: nothing is cut from a text.
import type { Referential } from '../referential/schema.ts';
import { indexOf } from '../referential/lookup.ts';
import type { DiagnosticScores, QuestionScore } from '../scoring/types.ts';
import { belowCompliance } from '../scoring/legal.ts';
import { DEFAULT_TARGET_LEVEL, type Priority, type ProposedAction, type ProposeOptions } from './types.ts';

function priorityOf(obligation: boolean, urgency: number): Priority {
  if (obligation) return 'obligation';
  if (urgency >= 6) return 'haute';
  if (urgency >= 3) return 'moyenne';
  return 'basse';
}

/** What a question's answer asks of the plan: nothing when it is unanswered, N/A or at its aim. */
export interface Need {
  gap: number;
  urgency: number;
  priority: Priority;
  quickWin: boolean;
}

/**
 * The need of one scored question. Below its compliance level a legal obligation is not met: it
 * comes first whatever its weight, and is proposed even when the plan aims lower than that level.
 */
export function needOf(qs: Pick<QuestionScore, 'legal' | 'level' | 'complianceLevel' | 'weight'>, target: number = DEFAULT_TARGET_LEVEL): Need | null {
  if (typeof qs.level !== 'number') return null;
  const obligation = belowCompliance(qs);
  const aim = obligation ? Math.max(target, qs.complianceLevel) : target;
  if (qs.level >= aim) return null;
  const gap = aim - qs.level;
  const urgency = qs.weight * gap;
  return { gap, urgency, priority: priorityOf(obligation, urgency), quickWin: gap === 1 && qs.weight === 3 };
}

/**
 * One action per applicable question answered below the target level. N/A and unanswered
 * questions never yield one: there is nothing known to improve (unanswered ones are reported by
 * scoring instead). Deterministic: equal urgencies keep the referential order.
 */
export function proposeActions(ref: Referential, scores: DiagnosticScores, options: ProposeOptions = {}): ProposedAction[] {
  const target = options.targetLevel ?? DEFAULT_TARGET_LEVEL;
  const index = indexOf(ref);

  // scores.questions is in referential order: its index is the tie-breaker.
  const candidates: { action: Omit<ProposedAction, 'rank'>; order: number }[] = [];
  scores.questions.forEach((qs, order) => {
    const q = index.questions.get(qs.code)?.question;
    const need = q && typeof qs.level === 'number' ? needOf(qs, target) : null;
    if (!q || !need || typeof qs.level !== 'number') return;
    candidates.push({
      order,
      action: {
        questionCode: qs.code,
        themeSlug: qs.themeSlug,
        criterionCode: qs.criterionCode,
        title: q.recommendation.title,
        description: q.recommendation.text,
        services: [...q.services],
        legal: qs.legal,
        weight: qs.weight,
        level: qs.level,
        ...need,
      },
    });
  });

  candidates.sort((a, b) => {
    const aFirst = a.action.priority === 'obligation' ? 0 : 1;
    const bFirst = b.action.priority === 'obligation' ? 0 : 1;
    return aFirst - bFirst || b.action.urgency - a.action.urgency || a.order - b.order;
  });
  return candidates.map((c, i) => ({ ...c.action, rank: i + 1 }));
}
