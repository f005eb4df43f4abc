// Demo diagnostics (issue: questionnaire). Idempotent: an organisation that already has a
// diagnostic is left alone. Answers go through the same writes as the application (revision
// checks, audit trail), dated as if teams had answered over several sittings.
//  - membre1's organisation: a diagnostic accompanied by the federation on CAP 2023, submitted
//    about a year ago with every applicable question answered, then a draft on CAP 2026 started
//    from it twelve days ago (answers carried through the mapping), identity and services
//    reviewed (the rest still marked « repris », new questions still to answer);
//  - membre2's organisation: a draft, first theme answered and the second begun.
import type { Db } from '../db/open.ts';
import type { DemoIds } from './base.ts';
import { getAnswer, getDiagnosticContext, listOrganisationDiagnostics } from '../db/diagnostics.ts';
import { getOrganisation } from '../db/organisations.ts';
import { created, createDiagnostic, saveAnswer, submitDiagnostic, type Participant } from '../db/diagnostic-writes.ts';
import { defaultReferentialId, getReferential } from '../referential/store.ts';
import type { Question, Referential, StructureType } from '../referential/schema.ts';
import { isApplicable } from '../scoring/index.ts';
import type { Role } from '../auth/permissions.ts';

const DAY = 86_400_000;

/** A stable number in [0, 1) from a string: the demo is the same on every machine. */
export function unit(seed: string): number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  return ((h >>> 0) % 10_000) / 10_000;
}

function pick<T>(list: readonly T[], seed: string): T {
  return list[Math.floor(unit(seed) * list.length)]!;
}

/** « Charte des valeurs » → « charte des valeurs », but « CA » and « DUERP » keep their capitals. */
function lower(s: string): string {
  return s.length > 1 && s[1] === s[1]!.toLowerCase() ? s[0]!.toLowerCase() + s.slice(1) : s;
}

const COMMENTS: Record<number, readonly string[]> = {
  0: [
    'Rien n’existe aujourd’hui sur ce point ; le sujet n’a jamais été mis à l’ordre du jour.',
    'Pas de pratique identifiée. Piste évoquée en séance : {ev}.',
    'Sujet découvert pendant le diagnostic : personne ne s’en occupe pour l’instant.',
  ],
  1: [
    'Se fait au cas par cas, selon la personne présente. Rien d’écrit.',
    'Quelques initiatives isolées, sans suivi. {Ev} à construire.',
    'Dépend surtout de la directrice ; l’équipe le fait quand elle a le temps.',
  ],
  2: [
    'Des actions existent ({ev}) mais elles ne sont ni formalisées ni évaluées.',
    'Pratique réelle mais inégale selon les antennes ; {ev} en cours de rédaction.',
    'On le fait, mais sans trace écrite ni bilan : difficile à montrer à un financeur.',
  ],
  3: [
    'Formalisé : {ev}. Point de suivi en réunion d’équipe chaque mois.',
    'Procédure écrite et appliquée ; preuve disponible : {ev}.',
    'Écrit, connu de l’équipe et suivi avec des indicateurs simples.',
  ],
  4: [
    'Intégré et revu chaque année avec l’équipe et le conseil d’administration ({ev}).',
    'Pratique partagée avec le réseau Coorace, améliorée après chaque bilan ; {ev} tenu à jour.',
  ],
};

const REVIEWED: readonly string[] = [
  'Progrès depuis le dernier diagnostic : {ev} désormais en place.',
  'Revu en séance : situation inchangée, à reprendre dans le plan de progrès.',
  'Amélioration engagée cette année ({ev}), à consolider.',
  'Discuté avec les salariés en parcours : leur avis confirme ce niveau.',
];

export function comment(q: Question, level: number | 'na', seed: string, templates?: readonly string[]): string {
  if (level === 'na') return 'Sans objet pour notre structure aujourd’hui.';
  // About one answer in six carries no comment, as in real sessions.
  if (!templates && unit(`${seed}:empty`) < 0.17) return '';
  const ev = pick(q.evidence, `${seed}:ev`);
  const text = pick(templates ?? COMMENTS[level]!, `${seed}:tpl`);
  return text.replace('{ev}', lower(ev)).replace('{Ev}', ev);
}

/** A level around the theme's mean, legal obligations a little better looked after. */
export function level(q: Question, mean: number, seed: string): number | 'na' {
  if (q.naAllowed && !q.legal && unit(`${seed}:na`) < 0.3) return 'na';
  const l = Math.round(mean + (unit(seed) - 0.5) * 2.4 + (q.legal ? 0.4 : 0));
  return Math.max(0, Math.min(4, l));
}

export function applicable(ref: Referential, types: readonly string[], themes?: readonly string[]) {
  return ref.themes
    .filter((th) => !themes || themes.includes(th.slug))
    .flatMap((th) => th.criteria.flatMap((c) => c.questions.filter((q) => isApplicable(q, types as StructureType[])).map((q) => ({ q, theme: th.slug }))));
}

export interface Author {
  id: string;
  role: Role;
}

export function answer(db: Db, diagnosticId: string, q: Question, value: number | 'na', text: string, revision: number, by: Author, at: Date): void {
  const r = saveAnswer(
    db,
    { diagnosticId, questionCode: q.code, level: value === 'na' ? null : value, na: value === 'na', comment: text, revision, userId: by.id, role: by.role },
    at,
  );
  if (r.kind !== 'saved') throw new Error(`demo answer ${q.code}: ${r.kind}`);
}

/** Sitting n of a diagnostic: a morning, answers a few minutes apart. */
export function sitting(now: Date, daysAgo: number, index: number): Date {
  const d = new Date(now.getTime() - daysAgo * DAY);
  d.setUTCHours(8, 30, 0, 0);
  return new Date(d.getTime() + index * 4 * 60_000);
}

export function loadDiagnosticsDemo(db: Db, ids: DemoIds, now: Date): void {
  const referentialId = defaultReferentialId(db);
  if (!referentialId) return;
  const ref = getReferential(db, referentialId)!;
  const sophie: Author = { id: ids.users['membre1@cap.test']!, role: 'member' };
  const ines: Author = { id: ids.users['conseil.occitanie@cap.test']!, role: 'consultant' };
  const karim: Author = { id: ids.users['membre2@cap.test']!, role: 'member' };

  const garonne = getOrganisation(db, ids.organisations[0]!);
  // Last year's diagnostic used the version then in force.
  const lastYearRef = getReferential(db, 'cap-2023') ? 'cap-2023' : referentialId;
  if (garonne && !listOrganisationDiagnostics(db, garonne.id).length) {
    const team: Participant[] = [
      { name: 'Sophie Durand', role: 'direction' },
      { name: 'Julien Roux', role: 'permanent' },
      { name: 'Aïcha Benmoussa', role: 'permanent' },
      { name: 'Fatou Diallo', role: 'parcours' },
      { name: 'Bernard Lemaire', role: 'administrateur' },
    ];
    const means: Record<string, number> = { identite: 2.7, services: 2.3, 'fonctions-support': 1.9, 'amelioration-continue': 1.3 };
    const questions = applicable(getReferential(db, lastYearRef)!, garonne.types);
    const first = created(createDiagnostic(db, { organisationId: garonne.id, referentialId: lastYearRef, mode: 'accompagne', participants: team, userId: sophie.id }, sitting(now, 381, 0)));
    // Three sittings a week apart; the consultant took notes for about a third of the questions.
    questions.forEach(({ q, theme }, i) => {
      const value = level(q, means[theme] ?? 2, `g1:${q.code}`);
      const by = unit(`g1:${q.code}:who`) < 0.35 ? ines : sophie;
      const day = 380 - Math.floor((i * 3) / questions.length) * 7;
      answer(db, first.id, q, value, comment(q, value, `g1:${q.code}`), 0, by, sitting(now, day, i % 30));
    });
    const ctx = getDiagnosticContext(db, first.id)!;
    submitDiagnostic(db, ctx, sophie.id, sitting(now, 365, 40));

    // This year's diagnostic, started from last year's answers; identity and services reviewed:
    // a carried answer is confirmed or raised, a new question answered for the first time.
    const second = created(createDiagnostic(
      db,
      { organisationId: garonne.id, referentialId, mode: 'autodiagnostic', participants: [...team.slice(0, 3), { name: 'Mamadou Sy', role: 'parcours' }, team[4]!], fromId: first.id, userId: sophie.id },
      sitting(now, 12, 0),
    ));
    applicable(ref, garonne.types, ['identite', 'services']).forEach(({ q, theme }, i) => {
      const carried = getAnswer(db, second.id, q.code);
      const at = sitting(now, i < 20 ? 12 : 5, i % 25);
      if (!carried || (!carried.na && carried.level === null)) {
        const value = level(q, means[theme] ?? 2, `g2:${q.code}`);
        answer(db, second.id, q, value, comment(q, value, `g2:${q.code}`), carried?.revision ?? 0, sophie, at);
        return;
      }
      const after = carried.na ? 'na' : Math.min(4, carried.level! + (unit(`g2:${q.code}`) < 0.45 ? 1 : 0));
      const text = after === 'na' ? comment(q, 'na', `g2:${q.code}`) : comment(q, after, `g2:${q.code}`, REVIEWED);
      answer(db, second.id, q, after, text, carried.revision, sophie, at);
    });
  }

  const jardins = getOrganisation(db, ids.organisations[1]!);
  if (jardins && !listOrganisationDiagnostics(db, jardins.id).length) {
    const draft = created(createDiagnostic(
      db,
      {
        organisationId: jardins.id,
        referentialId,
        mode: 'autodiagnostic',
        participants: [
          { name: 'Karim Benali', role: 'direction' },
          { name: 'Claire Fabre', role: 'permanent' },
          { name: 'Lucas Martin', role: 'parcours' },
        ],
        userId: karim.id,
      },
      sitting(now, 20, 0),
    ));
    const identite = applicable(ref, jardins.types, ['identite']);
    const services = applicable(ref, jardins.types, ['services']);
    [...identite, ...services.slice(0, Math.ceil(services.length / 2))].forEach(({ q }, i) => {
      const value = level(q, 2.2, `j1:${q.code}`);
      answer(db, draft.id, q, value, comment(q, value, `j1:${q.code}`), 0, karim, sitting(now, i < 18 ? 20 : 6, i % 18));
    });
  }
}
