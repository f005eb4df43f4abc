// Demo of the federation's review (issue: federation side). Idempotent: an organisation that
// already has a diagnostic is left alone.
//  - membre3's organisation (EI, Bretagne): a diagnostic accompanied by Yann Le Gall, submitted
//    ten months ago, commented (whole diagnostic, a theme, two questions) and validated;
//  - membre4's organisation (ETTI, Bretagne): submitted six weeks ago, changes requested.
import type { Db } from '../db/open.ts';
import type { DemoIds } from './base.ts';
import { getDiagnosticContext, listOrganisationDiagnostics } from '../db/diagnostics.ts';
import { getOrganisation } from '../db/organisations.ts';
import { created, createDiagnostic, submitDiagnostic } from '../db/diagnostic-writes.ts';
import { addComment, requestChanges, validateDiagnostic } from '../db/reviews.ts';
import { defaultReferentialId, getReferential } from '../referential/store.ts';
import { answer, applicable, comment, level, sitting, unit, type Author } from './diagnostics.ts';

export function loadReviewsDemo(db: Db, ids: DemoIds, now: Date): void {
  const referentialId = defaultReferentialId(db);
  if (!referentialId) return;
  const ref = getReferential(db, referentialId)!;
  const yann: Author = { id: ids.users['conseil.bretagne@cap.test']!, role: 'consultant' };

  const tiLabour = getOrganisation(db, ids.organisations[2]!);
  if (tiLabour && !listOrganisationDiagnostics(db, tiLabour.id).length) {
    const maelle: Author = { id: ids.users['membre3@cap.test']!, role: 'member' };
    const d = created(createDiagnostic(
      db,
      {
        organisationId: tiLabour.id,
        referentialId,
        mode: 'accompagne',
        participants: [
          { name: 'Maëlle Guillou', role: 'direction' },
          { name: 'Goulven Le Bihan', role: 'permanent' },
          { name: 'Océane Kerbrat', role: 'parcours' },
          { name: 'Hervé Morvan', role: 'administrateur' },
        ],
        userId: maelle.id,
      },
      sitting(now, 320, 0),
    ));
    const means: Record<string, number> = { identite: 3.1, services: 2.8, 'fonctions-support': 2.4, 'amelioration-continue': 2.2 };
    applicable(ref, tiLabour.types).forEach(({ q, theme }, i) => {
      const value = level(q, means[theme] ?? 2.5, `t1:${q.code}`);
      const by = unit(`t1:${q.code}:who`) < 0.5 ? yann : maelle;
      answer(db, d.id, q, value, comment(q, value, `t1:${q.code}`), 0, by, sitting(now, 320 - (i % 3) * 7, i % 30));
    });
    const ctx = getDiagnosticContext(db, d.id)!;
    submitDiagnostic(db, ctx, maelle.id, sitting(now, 300, 0));
    const row = getDiagnosticContext(db, d.id)!.diagnostic;
    addComment(db, { diagnostic: row, targetKind: 'diagnostic', target: '', body: 'Diagnostic sérieux et bien documenté : les preuves étaient disponibles pour presque toutes les questions. Bravo à toute l’équipe.', userId: yann.id }, sitting(now, 295, 0));
    addComment(db, { diagnostic: row, targetKind: 'theme', target: 'amelioration-continue', body: 'C’est le thème où la marge de progrès est la plus nette : la revue de direction annuelle serait un bon premier pas.', userId: yann.id }, sitting(now, 295, 1));
    addComment(db, { diagnostic: row, targetKind: 'question', target: 'FS-2.1', body: 'Le DUERP a été mis à jour en séance : pensez à le dater et à le présenter au CSE.', userId: yann.id }, sitting(now, 295, 2));
    addComment(db, { diagnostic: row, targetKind: 'question', target: 'SV-4.1', body: 'Les sorties sont bien suivies ; la distinction emploi durable / de transition pourrait figurer dans le rapport d’activité.', userId: yann.id }, sitting(now, 295, 3));
    validateDiagnostic(db, row, yann.id, sitting(now, 290, 0));
  }

  const armor = getOrganisation(db, ids.organisations[3]!);
  if (armor && !listOrganisationDiagnostics(db, armor.id).length) {
    const erwan: Author = { id: ids.users['membre4@cap.test']!, role: 'member' };
    const d = created(createDiagnostic(
      db,
      { organisationId: armor.id, referentialId, mode: 'autodiagnostic', participants: [{ name: 'Erwan Tanguy', role: 'direction' }, { name: 'Soizic Le Roux', role: 'permanent' }], userId: erwan.id },
      sitting(now, 60, 0),
    ));
    applicable(ref, armor.types).forEach(({ q }, i) => {
      const value = level(q, 2.6, `a1:${q.code}`);
      answer(db, d.id, q, value, comment(q, value, `a1:${q.code}`), 0, erwan, sitting(now, 60 - (i % 2) * 10, i % 30));
    });
    submitDiagnostic(db, getDiagnosticContext(db, d.id)!, erwan.id, sitting(now, 45, 0));
    const row = getDiagnosticContext(db, d.id)!.diagnostic;
    addComment(db, { diagnostic: row, targetKind: 'question', target: 'SV-7.3', body: 'Merci de joindre un exemple de contrat de mission et la preuve de sa remise dans les deux jours ouvrables.', userId: yann.id }, sitting(now, 40, 0));
    requestChanges(db, row, yann.id, 'Avant validation, merci de compléter les preuves des questions sur le travail temporaire (SV-7) et de revoir le niveau de la revue de direction.', sitting(now, 40, 1));
  }
}
