// Scores → proposed actions, in the order a member should tackle them: unmet legal obligations
// first (a compliance risk outweighs any improvement), then the largest weight × gap.
import type { Referential } from '../referential/schema.ts';
import { indexOf } from '../referential/lookup.ts';
import type { DiagnosticScores } from '../scoring/types.ts';
import { DEFAULT_TARGET_LEVEL, LEGAL_MINIMUM_LEVEL, type Priority, type ProposedAction, type ProposeOptions } from './types.ts';

export const TITLE_MAX_LENGTH = 140;

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

/** Trailing punctuation a title should not end with (a period above all). */
const TRAILING = /[\s.…:;,]+$/;

/**
 * A short imperative title. Recommendations are written as instructions (« Formalisez… »), so the
 * first sentence already reads as one; long sentences are cut at a word boundary with an ellipsis.
 */
export function actionTitle(recommendation: string): string {
  const sentence = firstSentence(recommendation).replace(/\s+/g, ' ').replace(TRAILING, '');
  if (sentence.length <= TITLE_MAX_LENGTH) return sentence;
  const room = sentence.slice(0, TITLE_MAX_LENGTH - 1);
  const lastSpace = room.lastIndexOf(' ');
  const cut = (lastSpace > TITLE_MAX_LENGTH / 2 ? room.slice(0, lastSpace) : room).replace(TRAILING, '');
  return `${cut}…`;
}

function priorityOf(obligation: boolean, urgency: number): Priority {
  if (obligation) return 'obligation';
  if (urgency >= 6) return 'haute';
  if (urgency >= 3) return 'moyenne';
  return 'basse';
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
    if (!q || typeof qs.level !== 'number' || qs.level >= target) return;
    const gap = target - qs.level;
    const urgency = qs.weight * gap;
    const obligation = qs.legal && qs.level < LEGAL_MINIMUM_LEVEL;
    candidates.push({
      order,
      action: {
        questionCode: qs.code,
        themeSlug: qs.themeSlug,
        criterionCode: qs.criterionCode,
        title: actionTitle(q.recommendation.text),
        description: q.recommendation.text,
        services: [...q.services],
        legal: qs.legal,
        weight: qs.weight,
        level: qs.level,
        gap,
        urgency,
        priority: priorityOf(obligation, urgency),
        quickWin: gap === 1 && qs.weight === 3,
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
