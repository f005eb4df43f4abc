// Corrections made in place to built-in versions already stored: an author's note shipped in a
// help text (« vérifier le texte applicable ») is replaced by what it should have said. Help is
// guidance read next to a question, not what a structure answered: the question, its levels and
// its answers stay as they are, so the version keeps its id instead of becoming a « révision 2 ».
// Each correction applies only to the exact text it replaces.

export interface HelpCorrection {
  /** The built-in version (and its revisions: `cap-2023-2`, …). */
  family: string;
  code: string;
  from: string;
  to: string;
}

export const HELP_CORRECTIONS: readonly HelpCorrection[] = [
  {
    // CAP 2023 « entretien professionnel »: the law of 24 October 2025 it pointed at, now written out.
    family: 'cap-2023',
    code: 'FS-1.2',
    from: 'L’entretien professionnel porte sur les perspectives d’évolution et de formation : l’article L6315-1 du code du travail l’impose tous les deux ans dans le cadre en vigueur en 2023, avec un état des lieux récapitulatif à six ans (une loi de 2025 en a revu le rythme : vérifier le texte applicable). L’entretien annuel d’évaluation n’est pas obligatoire, mais il structure le dialogue entre manager et salarié.',
    to: 'L’entretien professionnel porte sur les perspectives d’évolution et de formation : l’article L6315-1 du code du travail l’imposait tous les deux ans dans le cadre en vigueur en 2023, avec un état des lieux récapitulatif à six ans. Depuis la loi n° 2025-989 du 24 octobre 2025, c’est l’entretien de parcours professionnel : dans l’année qui suit l’embauche, puis tous les quatre ans, avec un état des lieux à huit ans (question FS-1.5 de CAP 2026). L’entretien annuel d’évaluation n’est pas obligatoire, mais il structure le dialogue entre manager et salarié.',
  },
];
