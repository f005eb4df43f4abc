// Toward certification: the ISO 9001 gap analysis (and its ISO 26000 reading), and what a year of
// actions moved between two diagnostics.
import type { GapReason, GapStatus } from '../../scoring/gap-analysis.ts';
import type { MoveKind } from '../../scoring/actions-progress.ts';

const int = (n: number) => n.toLocaleString('fr-FR');
const plural = (n: number, one: string, many: string) => `${int(n)} ${n > 1 ? many : one}`;
const codes = (list: readonly string[]) => list.join(', ');

export const certification = {
  iso: {
    title: 'Analyse d’écart ISO 9001',
    pageTitle: (org: string) => `Analyse d’écart ISO 9001 — ${org}`,
    intro:
      'Chaque exigence de la norme ISO 9001:2015, de 4.1 à 10.3 (avec l’amendement de 2024 sur le changement climatique en 4.1 et 4.2) : ce que le diagnostic en dit, les justificatifs joints et les actions du plan qui y répondent. C’est une lecture préparatoire, pas un audit : seul un organisme certificateur délivre la certification.',
    rulesTitle: 'Comment le statut est établi',
    rules: [
      'Une exigence est renseignée par les questions du diagnostic qui lui sont reliées (pour 5.1, 7.1 et 9.1, aussi par celles de leurs sous-clauses). Les réponses « non applicable » sont montrées mais ne comptent pas.',
      '« Couvert » : toutes ces questions ont une réponse, toutes au niveau 3 ou 4 (formalisé, appliqué et suivi), et au moins un justificatif est joint.',
      '« À construire » : toutes les réponses sont au niveau 0 ou 1 ; rien n’est en place au-delà de pratiques informelles.',
      '« Partiel » : les autres cas — une pratique existe, mais une question est en dessous du niveau 3, reste sans réponse, ou aucun justificatif n’est joint.',
      '« Sans réponse » : aucune des questions reliées n’a encore de réponse. « Non renseignée » : aucune question du questionnaire ne porte sur cette exigence ; elle reste à examiner avec un accompagnement.',
    ],
    summary: 'Synthèse',
    clause: 'Exigence',
    status: 'Statut',
    expects: 'Ce qu’attend la norme',
    documented: 'Informations documentées demandées',
    climate: 'Amendement 2024 : changement climatique',
    questions: 'Questions du diagnostic',
    questionsOf: (n: number) => (n > 1 ? `Les ${int(n)} questions du diagnostic : niveaux, commentaires, preuves` : 'La question du diagnostic : niveau, commentaire, preuves'),
    evidence: 'Justificatifs',
    actions: 'Actions du plan',
    actionsOf: (n: number) => `Les ${int(n)} actions du plan`,
    noQuestion: 'Aucune question du questionnaire ne renseigne cette exigence.',
    noEvidence: 'aucun justificatif',
    cellCut: ' […] (la suite sur la page de l’analyse dans CAP)',
    noAction: 'aucune',
    via: (sub: string) => `par ${sub}`,
    comment: 'Commentaire',
    level: 'Niveau',
    download: 'Télécharger le tableur (.xlsx)',
    print: 'Imprimer',
    pdfAnnex: 'Joindre cette analyse au PDF du plan',
    backToResults: 'Retour aux résultats',
    byClause: 'Par exigence ISO 9001',
    bySubject: 'Par question centrale ISO 26000 (RSE)',
    rseTitle: 'Lecture RSE par question centrale ISO 26000',
    rseIntro: 'Les mêmes règles, appliquées aux sept questions centrales de l’ISO 26000 : une préparation à un label RSE (Engagé RSE, LUCIE 26000…), qui n’est pas certifiable en elle-même.',
    subject: 'Question centrale',
    link: 'Analyse d’écart ISO 9001 et RSE',
    linkHint: 'Exigence par exigence : ce que vous avez, où c’est écrit, ce qui reste à construire.',
    group: (code: string, label: string) => `${code} ${label}`,
    countsLine: (counts: Record<GapStatus, number>) =>
      `${counts.couvert === 0 ? 'Aucune exigence couverte' : plural(counts.couvert, 'exigence couverte', 'exigences couvertes')}, ${int(counts.partiel)} ${counts.partiel > 1 ? 'partielles' : 'partielle'}, ${int(counts['a-construire'])} à construire, ${int(counts['sans-reponse'])} sans réponse, ${int(counts['non-informe'])} non ${counts['non-informe'] > 1 ? 'renseignées' : 'renseignée'} par le questionnaire`,
  },
  statuses: {
    couvert: 'couvert',
    partiel: 'partiel',
    'a-construire': 'à construire',
    'sans-reponse': 'sans réponse',
    'non-informe': 'non renseignée',
  } satisfies Record<GapStatus, string>,
  reason(r: GapReason): string {
    switch (r.kind) {
      case 'no-question':
        return 'aucune question du questionnaire ne porte sur cette exigence';
      case 'all-na':
        return 'les questions reliées sont toutes « non applicable »';
      case 'none-answered':
        return `${plural(r.codes.length, 'question sans réponse', 'questions sans réponse')} (${codes(r.codes)})`;
      case 'unanswered':
        return `${plural(r.codes.length, 'question encore sans réponse', 'questions encore sans réponse')} (${codes(r.codes)})`;
      case 'informal-only':
        return 'toutes les réponses sont au niveau 0 ou 1';
      case 'below-formalised':
        return `en dessous du niveau 3 : ${r.items.map((i) => `${i.code} (niveau ${i.level})`).join(', ')}`;
      case 'no-evidence':
        return 'aucun justificatif joint';
      case 'formalised':
        return `tout est au niveau 3 ou 4, ${plural(r.evidence, 'justificatif joint', 'justificatifs joints')}`;
    }
  },
  /** The reasons of a status as one sentence. */
  reasons(list: readonly GapReason[]): string {
    const s = list.map((r) => certification.reason(r)).join('\u202f; ');
    return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
  },
  level: (level: number | 'na' | null) => (level === null ? 'sans réponse' : level === 'na' ? 'non applicable' : `niveau ${level}`),
  actionStatus: { todo: 'à faire', in_progress: 'en cours', done: 'fait' } as Record<string, string>,

  progress: {
    title: 'Actions faites → progrès constatés',
    intro: (from: string) =>
      `Entre le diagnostic du ${from} et celui-ci : pour chaque question, le niveau d’avant et d’aujourd’hui, et les actions du plan terminées entre les deux qui la visaient. C’est une chronologie, pas une preuve : un niveau peut monter pour d’autres raisons, et une action peut demander plus d’un an pour porter ses fruits.`,
    none: 'Aucune question n’a de niveau dans les deux diagnostics : rien à comparer pour l’instant.',
    kinds: {
      'with-action-progress': 'Actions faites, progrès constaté',
      'with-action-no-progress': 'Actions faites, pas de progrès constaté (encore)',
      'moved-without-action': 'Évolutions sans action du plan',
      steady: 'Sans changement ni action',
    } satisfies Record<MoveKind, string>,
    counts: (c: Record<MoveKind, number>, completed: number) =>
      `${plural(completed, 'action terminée', 'actions terminées')} entre les deux diagnostics ; ${plural(c['with-action-progress'], 'question a progressé', 'questions ont progressé')} après une action, ${plural(c['with-action-no-progress'], 'n’a pas bougé', 'n’ont pas bougé')} malgré une action, ${plural(c['moved-without-action'], 'a changé', 'ont changé')} sans action.`,
    question: 'Question',
    before: 'Avant',
    after: 'Aujourd’hui',
    change: 'Évolution',
    actions: 'Actions terminées',
    criteria: 'Par critère',
    criterion: 'Critère',
    delta: (d: number) => (d > 0 ? `+${d}` : d < 0 ? `−${-d}` : '='),
    deltaLabel: (d: number) => (d > 0 ? `en hausse de ${plural(d, 'niveau', 'niveaux')}` : d < 0 ? `en baisse de ${plural(-d, 'niveau', 'niveaux')}` : 'inchangé'),
    notYetReviewed: (n: number) =>
      `${plural(n, 'question est laissée', 'questions sont laissées')} de côté\u202f: ${n > 1 ? 'leur réponse est encore celle reprise' : 'sa réponse est encore celle reprise'} du diagnostic précédent, à confirmer ou à modifier.`,
    notCompared: (n: number) => `${plural(n, 'action terminée porte', 'actions terminées portent')} sur une question sans niveau dans l’un des deux diagnostics : elles ne sont pas comparées.`,
    completedOn: (date: string) => `terminée le ${date}`,
  },

  region: {
    title: 'Services suivis de progrès dans la région',
    caption: 'Services de la fédération et progrès constatés après leurs actions',
    intro:
      'Pour chaque service de la fédération : combien d’actions terminées y faisaient appel, et combien ont été suivies d’un niveau plus haut à la question visée au diagnostic suivant. Ce sont des constats, pas des preuves d’efficacité : bien d’autres choses font progresser une structure.',
    threshold: (min: number) => `Un service n’est montré que si au moins ${int(min)} structures différentes sont derrière ses actions, pour que personne ne puisse être reconnu.`,
    base: (n: number) => (n === 0 ? 'Aucune structure n’a deux diagnostics comparables dans la sélection.' : `${plural(n, 'structure a', 'structures ont')} deux diagnostics comparables dans la sélection.`),
    hidden: (n: number) => `${plural(n, 'service est masqué', 'services sont masqués')} faute d’assez de structures.`,
    empty: 'Pas encore assez de structures avec deux diagnostics pour en dire quelque chose.',
    regionFilter: 'Région',
    allRegions: 'Toutes mes régions',
    allTypes: 'Tous les types',
    apply: 'Afficher',
    link: 'Services suivis de progrès',
    linkHint: 'Quels services de la fédération précèdent le plus souvent un progrès, d’un diagnostic au suivant.',
    service: 'Service',
    actions: 'Actions terminées',
    followed: 'Suivies de progrès',
    structures: 'Structures',
    share: (up: number, all: number) => `${int(up)} sur ${int(all)} (${Math.round((100 * up) / all)}\u202f%)`,
  },
};
