// ISO 9001 and ISO 26000 readiness, accumulated question by question while the diagnostic is
// scored (one pass over the referential, no rescans).
import { ISO26000_SUBJECTS, type Iso26000Subject, type Question } from '../referential/schema.ts';
import { clauseGroup, ISO9001_GROUP_LABELS, ISO9001_GROUPS, type Iso9001Group } from './iso9001.ts';
import { ISO26000_SUBJECT_LABELS, rseLevelFor, rsePoints } from './rse.ts';
import { addToTally, newTally, tallyCoverage, tallyScore, type Tally } from './tally.ts';
import type { ClauseGroupReadiness, QuestionScore, RseReadiness, SubjectReadiness } from './types.ts';

interface Bucket {
  tally: Tally;
  questions: string[];
}

function newBucket(): Bucket {
  return { tally: newTally(), questions: [] };
}

/**
 * Adds a question to a bucket at most once. A question mapped to 9.1 and 9.1.2 (or listing a
 * subject twice) must not weigh double; questions arrive one at a time, so checking the last code
 * added is enough.
 */
function addOnce(bucket: Bucket, qs: QuestionScore): void {
  if (bucket.questions[bucket.questions.length - 1] === qs.code) return;
  bucket.questions.push(qs.code);
  addToTally(bucket.tally, qs.weight, qs.score, qs.level === 'na');
}

export interface ReadinessAccumulator {
  add(q: Question, qs: QuestionScore): void;
  iso9001(): ClauseGroupReadiness[];
  iso26000(): SubjectReadiness[];
  rse(): RseReadiness;
}

export function readinessAccumulator(): ReadinessAccumulator {
  const groups = new Map<Iso9001Group, Bucket>(ISO9001_GROUPS.map((g) => [g, newBucket()]));
  const subjects = new Map<Iso26000Subject, Bucket>(ISO26000_SUBJECTS.map((s) => [s, newBucket()]));
  const rse = newBucket();

  return {
    add(q, qs) {
      for (const clause of q.iso9001) {
        const bucket = groups.get(clauseGroup(clause));
        if (bucket) addOnce(bucket, qs);
      }
      for (const subject of q.iso26000) {
        const bucket = subjects.get(subject);
        if (bucket) addOnce(bucket, qs);
      }
      if (q.iso26000.length > 0) addOnce(rse, qs);
    },
    iso9001() {
      return ISO9001_GROUPS.map((group) => {
        const b = groups.get(group) ?? newBucket();
        return { group, label: ISO9001_GROUP_LABELS[group], score: tallyScore(b.tally), coverage: tallyCoverage(b.tally), questions: b.questions };
      });
    },
    iso26000() {
      return ISO26000_SUBJECTS.map((subject) => {
        const b = subjects.get(subject) ?? newBucket();
        const score = tallyScore(b.tally);
        return { subject, label: ISO26000_SUBJECT_LABELS[subject], score, coverage: tallyCoverage(b.tally), questions: b.questions, rseLevel: rseLevelFor(score) };
      });
    },
    rse() {
      const score = tallyScore(rse.tally);
      return { score, points: score === null ? null : rsePoints(score), level: rseLevelFor(score), coverage: tallyCoverage(rse.tally) };
    },
  };
}
