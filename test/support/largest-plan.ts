// The largest plan a user can legally build: every limit of src/validation/limits.ts reached and
// every text at its maximum length, in words that never repeat (no cache helps), written straight
// into a database. The PDF bound test renders it on the real server.
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/open.ts';
import { actions, diagnostics, organisations, reviewComments } from '../../src/db/schema.ts';
import { getDiagnosticContext, scoreDiagnosticById } from '../../src/db/diagnostics.ts';
import { listActions, syncProposedActions } from '../../src/db/actions.ts';
import { STRUCTURE_TYPES } from '../../src/referential/schema.ts';
import { listServices } from '../../src/referential/store.ts';
import { LIMITS, MAX_LENGTH } from '../../src/validation/limits.ts';
import { seededRandom } from '../../src/random.ts';
import { insertDiagnostic } from './plan.ts';

/** French-looking words that never repeat, exactly `length` characters. */
export function distinctWords(random: () => number) {
  const letters = 'abcdefghijklmnopqrstuvwxyzéèàçœ';
  return (length: number): string => {
    let out = '';
    while (out.length < length) {
      const n = 3 + Math.floor(random() * 7);
      let word = '';
      for (let i = 0; i < n; i++) word += letters[Math.floor(random() * letters.length)];
      out += (out ? ' ' : '') + word;
    }
    return out.slice(0, length).trimEnd().padEnd(length, 'x');
  };
}

export interface LargestPlan {
  diagnosticId: string;
  actions: number;
  remarks: number;
  /** Characters of free text the PDF prints. */
  characters: number;
}

export function buildLargestPlan(db: Db, organisationId: string, consultantId: string): LargestPlan {
  const text = distinctWords(seededRandom(2026));
  const now = new Date('2026-03-01T09:00:00Z');
  // Every structure type: every question of the referential applies.
  db.update(organisations).set({ name: text(MAX_LENGTH.organisationName), types: [...STRUCTURE_TYPES] }).where(eq(organisations.id, organisationId)).run();
  let characters = MAX_LENGTH.organisationName;
  const { id } = insertDiagnostic(db, {
    organisationId,
    types: [...STRUCTURE_TYPES],
    weak: 10_000, // every applicable question below target: one proposed action each
    status: 'validated',
    validatedBy: consultantId,
    comment: () => {
      characters += MAX_LENGTH.answerComment;
      return text(MAX_LENGTH.answerComment);
    },
  });
  const participants = Array.from({ length: LIMITS.participants }, () => ({ name: text(MAX_LENGTH.personName), role: 'direction' }));
  characters += LIMITS.participants * MAX_LENGTH.personName;
  db.update(diagnostics).set({ participants }).where(eq(diagnostics.id, id)).run();

  const ctx = getDiagnosticContext(db, id)!;
  syncProposedActions(db, ctx, scoreDiagnosticById(db, ctx), null, now);
  const services = listServices(db, { activeOnly: true }).map((s) => s.code);
  const at = now.toISOString();
  for (let i = listActions(db, id).length; i < LIMITS.actionsPerDiagnostic; i++) {
    db.insert(actions)
      .values({ id: `custom-${i}`, diagnosticId: id, origin: 'custom', themeSlug: 'identite', title: 'x', services: [services[i % services.length]!], priority: 'haute', rank: 1000 + i, createdAt: at, updatedAt: at, updatedBy: null })
      .run();
  }
  const rows = listActions(db, id);
  rows.forEach((a, i) => {
    db.update(actions)
      .set({
        title: text(MAX_LENGTH.actionTitle),
        description: text(MAX_LENGTH.actionDescription),
        owner: text(MAX_LENGTH.actionOwner),
        notes: text(MAX_LENGTH.actionNotes),
        dueDate: '2026-01-15',
        status: i % 3 === 0 ? 'in_progress' : 'todo',
        updatedAt: at,
      })
      .where(eq(actions.id, a.id))
      .run();
    characters += MAX_LENGTH.actionTitle + MAX_LENGTH.actionDescription + MAX_LENGTH.actionOwner + MAX_LENGTH.actionNotes;
  });
  for (let i = 0; i < LIMITS.remarksPerDiagnostic; i++) {
    db.insert(reviewComments).values({ id: `remark-${i}`, diagnosticId: id, targetKind: 'diagnostic', target: '', authorId: consultantId, body: text(MAX_LENGTH.remark), createdAt: at }).run();
    characters += MAX_LENGTH.remark;
  }
  return { diagnosticId: id, actions: rows.length, remarks: LIMITS.remarksPerDiagnostic, characters };
}
