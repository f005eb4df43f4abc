// Answers + referential → scores. One pass over the referential; each answer is one Map lookup.
import type { Question, Referential, StructureType, ThemeSlug } from '../referential/schema.ts';
import { isApplicable } from './applicability.ts';
import { bandFor } from './bands.ts';
import { belowCompliance, complianceLevelOf } from './legal.ts';
import { LEVEL_SCORES, type Level } from './levels.ts';
import { readinessAccumulator } from './readiness.ts';
import { addToTally, newTally, tallyCoverage, tallyScore, type Tally } from './tally.ts';
import type { Answers, CriterionScore, DiagnosticScores, QuestionScore, ThemeScore } from './types.ts';

/**
 * The level scoring trusts. An N/A on a question that does not allow it, or a level off the scale,
 * can only come from bad data; it is reported as unanswered rather than shrinking the denominator
 * or skewing the score without anyone noticing.
 */
function acceptedLevel(q: Question, raw: Level | undefined): Level | null {
  if (raw === undefined) return null;
  if (raw === 'na') return q.naAllowed ? 'na' : null;
  return LEVEL_SCORES[raw] === undefined ? null : raw;
}

function scoreQuestion(q: Question, themeSlug: ThemeSlug, criterionCode: string, raw: Level | undefined): QuestionScore {
  const level = acceptedLevel(q, raw);
  return {
    code: q.code,
    text: q.text,
    themeSlug,
    criterionCode,
    weight: q.weight,
    legal: q.legal,
    complianceLevel: complianceLevelOf(q),
    level,
    score: level === null || level === 'na' ? null : LEVEL_SCORES[level],
  };
}

function add(t: Tally, qs: QuestionScore): void {
  addToTally(t, qs.weight, qs.score, qs.level === 'na');
}

export function scoreDiagnostic(ref: Referential, types: readonly StructureType[], answers: Answers): DiagnosticScores {
  const overallTally = newTally();
  const readiness = readinessAccumulator();
  const questions: QuestionScore[] = [];
  const unanswered: QuestionScore[] = [];
  const legalFlags: QuestionScore[] = [];

  const themes: ThemeScore[] = ref.themes.map((theme) => {
    const themeTally = newTally();
    const criteria: CriterionScore[] = theme.criteria.flatMap((crit) => {
      const critTally = newTally();
      const critQuestions: QuestionScore[] = [];
      for (const q of crit.questions) {
        if (!isApplicable(q, types)) continue;
        const qs = scoreQuestion(q, theme.slug, crit.code, answers.get(q.code));
        add(critTally, qs);
        add(themeTally, qs);
        add(overallTally, qs);
        readiness.add(q, qs);
        critQuestions.push(qs);
        questions.push(qs);
        if (qs.level === null) unanswered.push(qs);
        else if (belowCompliance(qs)) legalFlags.push(qs);
      }
      // A criterion none of whose questions applies (« 0 sur 0 ») says nothing to this structure.
      if (!critQuestions.length) return [];
      return [{ code: crit.code, title: crit.title, score: tallyScore(critTally), coverage: tallyCoverage(critTally), questions: critQuestions }];
    });
    const coverage = tallyCoverage(themeTally);
    return { slug: theme.slug, title: theme.title, score: tallyScore(themeTally), coverage, complete: coverage.answered === coverage.applicable, criteria };
  });

  const overall = tallyScore(overallTally);
  const coverage = tallyCoverage(overallTally);
  const complete = coverage.answered === coverage.applicable;
  return {
    overall,
    band: bandFor(overall),
    coverage,
    complete,
    // A theme with no applicable question is trivially complete; it says nothing about progress.
    partial: !complete && themes.some((t) => t.complete && t.coverage.applicable > 0),
    themes,
    questions,
    unanswered,
    legalFlags,
    iso9001: readiness.iso9001(),
    iso26000: readiness.iso26000(),
    rse: readiness.rse(),
  };
}
