// A small hand-made network for the federation tests, inserted directly with drizzle so that every
// expected value in the tests can be worked out by hand:
//
// Occitanie
//   Alpha Insertion (ACI)   two diagnostics; latest A2 (2026-01-15, submitted, cached 70 %:
//                           identite 80, services 60, fonctions-support 70, amelioration-continue 70).
//                           Answers ID-1.1=1, ID-1.2=4, ID-2.1=0, ID-3.1=N/A. Plan: 1 done, 1 todo
//                           overdue (due 2026-02-01), 1 in progress (due 2026-04-01), 1 dropped
//                           → 1 / 3, 1 overdue. Open actions point to FORM-JURIDIQUE ×2, FORM-COMMERCIAL ×1.
//                           The older A1 (2025-01-10, validated, 40 %) must be ignored everywhere.
//   Bêta Services (AI, EI)  one draft B1 (2024-12-01, no cache) with ID-1.1=3 → computed 75 %,
//                           identite 75 %, provisional; stale (over 12 months). No plan.
//   Gamma Jardins (ACI)     no diagnostic: stale, status « aucun ».
//   Epsilon fermée (AI)     inactive: never shown.
// Bretagne
//   Delta Bretagne (EI)     D1 (2026-02-01, validated, cached 90 %), ID-1.1=0, an open action → FORM-QVT.
//
// « now » in tests is 2026-03-02T09:00:00Z.
import type { Db } from '../../src/db/open.ts';
import { actions, answers, diagnostics, organisations } from '../../src/db/schema.ts';
import { eq } from 'drizzle-orm';
import { org, text, user } from '../support/app.ts';
import { rebuildDerivedData } from '../../src/db/derived-data.ts';

export interface Network {
  orgs: { alpha: string; beta: string; gamma: string; delta: string; epsilon: string };
  diags: { a1: string; a2: string; b1: string; d1: string };
  users: { occ: string; bzh: string; admin: string; memberAlpha: string; memberDelta: string };
}

function diag(db: Db, v: { id: string; organisationId: string; status: 'draft' | 'submitted' | 'changes_requested' | 'validated'; createdAt: string; overall?: number; themes?: Record<string, number | null>; by?: string }) {
  db.insert(diagnostics)
    .values({
      id: v.id,
      organisationId: v.organisationId,
      referentialId: 'cap-2023',
      status: v.status,
      mode: 'autodiagnostic',
      participants: [{ name: 'Équipe', role: 'direction' }],
      createdBy: v.by ?? null,
      createdAt: v.createdAt,
      submittedAt: v.status === 'draft' ? null : v.createdAt.replace('T09', 'T15'),
      submittedBy: v.status === 'draft' ? null : (v.by ?? null),
      validatedAt: v.status === 'validated' ? v.createdAt.replace('T09', 'T17') : null,
      overallScore: v.overall ?? null,
      themeScores: v.themes ?? null,
    })
    .run();
}

function answer(db: Db, diagnosticId: string, questionCode: string, level: number | 'na', by: string | null, comment = '') {
  db.insert(answers)
    .values({ diagnosticId, questionCode, level: level === 'na' ? null : level, na: level === 'na', comment, updatedBy: by, updatedByRole: by ? 'member' : null, updatedAt: '2026-01-20T10:30:00Z', revision: 1 })
    .run();
}

let seq = 0;
function action(db: Db, diagnosticId: string, v: { title: string; status: 'todo' | 'in_progress' | 'done'; due?: string; services: string[]; dropped?: string }) {
  db.insert(actions)
    .values({
      id: `action-${++seq}`,
      diagnosticId,
      questionCode: null,
      origin: 'custom',
      themeSlug: 'identite',
      title: v.title,
      services: v.services,
      priority: 'haute',
      status: v.status,
      dueDate: v.due ?? null,
      droppedReason: v.dropped ?? null,
      createdAt: '2026-01-20T10:00:00Z',
      updatedAt: '2026-01-20T10:00:00Z',
    })
    .run();
}

export async function network(db: Db): Promise<Network> {
  const alpha = org(db, { name: 'Alpha Insertion', region: 'Occitanie', types: ['ACI'], siret: '73282932000074' });
  const beta = org(db, { name: 'Bêta Services', region: 'Occitanie', types: ['AI', 'EI'], siret: '44306184100047' });
  const gamma = org(db, { name: 'Gamma Jardins', region: 'Occitanie', types: ['ACI'], siret: '55203253400646' });
  const epsilon = org(db, { name: 'Epsilon fermée', region: 'Occitanie', types: ['AI'], siret: '38012986600078' });
  db.update(organisations).set({ active: false }).where(eq(organisations.id, epsilon)).run();
  const delta = org(db, { name: 'Delta Bretagne', region: 'Bretagne', types: ['EI'], siret: '48265332500011' });

  const users = {
    occ: await user(db, 'consultant', 'conseil.occitanie@cap.test', { regions: ['Occitanie'] }),
    bzh: await user(db, 'consultant', 'conseil.bretagne@cap.test', { regions: ['Bretagne'] }),
    admin: await user(db, 'admin', 'admin@cap.test'),
    memberAlpha: await user(db, 'member', 'membre.alpha@cap.test', { organisationIds: [alpha] }),
    memberDelta: await user(db, 'member', 'membre.delta@cap.test', { organisationIds: [delta] }),
  };

  diag(db, { id: 'diag-a1', organisationId: alpha, status: 'validated', createdAt: '2025-01-10T09:00:00Z', overall: 40, themes: { identite: 40, services: 40, 'fonctions-support': 40, 'amelioration-continue': 40 } });
  answer(db, 'diag-a1', 'ID-1.1', 4, users.memberAlpha);
  action(db, 'diag-a1', { title: 'Ancienne action', status: 'todo', due: '2025-02-01', services: ['FORM-QVT'] });

  diag(db, { id: 'diag-a2', organisationId: alpha, status: 'submitted', createdAt: '2026-01-15T09:00:00Z', overall: 70, themes: { identite: 80, services: 60, 'fonctions-support': 70, 'amelioration-continue': 70 }, by: users.memberAlpha });
  answer(db, 'diag-a2', 'ID-1.1', 1, users.memberAlpha, 'Valeurs à écrire');
  answer(db, 'diag-a2', 'ID-1.2', 4, users.memberAlpha);
  answer(db, 'diag-a2', 'ID-2.1', 0, users.memberAlpha);
  answer(db, 'diag-a2', 'ID-3.1', 'na', users.memberAlpha);
  action(db, 'diag-a2', { title: 'Fait', status: 'done', services: ['FORM-COMMERCIAL'] });
  action(db, 'diag-a2', { title: 'En retard', status: 'todo', due: '2026-02-01', services: ['FORM-JURIDIQUE', 'FORM-COMMERCIAL'] });
  action(db, 'diag-a2', { title: 'En cours', status: 'in_progress', due: '2026-04-01', services: ['FORM-JURIDIQUE'] });
  action(db, 'diag-a2', { title: 'Abandonnée', status: 'todo', due: '2026-01-01', services: ['FORM-QVT'], dropped: 'Hors sujet' });

  diag(db, { id: 'diag-b1', organisationId: beta, status: 'draft', createdAt: '2024-12-01T09:00:00Z' });
  answer(db, 'diag-b1', 'ID-1.1', 3, null);

  diag(db, { id: 'diag-d1', organisationId: delta, status: 'validated', createdAt: '2026-02-01T09:00:00Z', overall: 90, themes: { identite: 90, services: 90, 'fonctions-support': 90, 'amelioration-continue': 90 } });
  answer(db, 'diag-d1', 'ID-1.1', 0, users.memberDelta);
  action(db, 'diag-d1', { title: 'Secret breton', status: 'todo', due: '2026-01-01', services: ['FORM-QVT'] });

  // Written by hand: what the app derives from such rows (scores, statistics) is derived now.
  rebuildDerivedData(db);
  return { orgs: { alpha, beta, gamma, delta, epsilon }, diags: { a1: 'diag-a1', a2: 'diag-a2', b1: 'diag-b1', d1: 'diag-d1' }, users };
}

/** Visible text of each body row of the table with this class. */
export function rowsOf(html: string, tableClass: string): string[] {
  const table = html.match(new RegExp(`<table class="(?:[^"]* )?${tableClass}(?: [^"]*)?"[\\s\\S]*?</table>`))?.[0];
  if (!table) return [];
  const body = table.match(/<tbody>([\s\S]*?)<\/tbody>/)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => text(m[1]!));
}

