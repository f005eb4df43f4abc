// Strings of the results page (scores, radar, readiness, comparison, benchmark).

const plural = (n: number, one: string, many: string) => (n < 2 ? one : many);
const int = (n: number) => n.toLocaleString('fr-FR');
import { frenchDate } from '../../dates.ts';
import { shownScore } from '../../scoring/rounding.ts';

export const results = {
  title: 'Résultats du diagnostic',
  titleOf: (org: string) => `Résultats du diagnostic — ${org}`,
  breadcrumbOverview: 'Retour au diagnostic',
  toPlan: 'Voir le plan de progrès',
  toPdf: 'Télécharger le plan en PDF',
  date: (iso: string) => frenchDate(iso),
  /** A score for display: rounded, French digits, narrow no-break space before %. */
  pct: (score: number) => `${int(shownScore(score))}\u202F%`,
  noScore: 'pas de score',
  meta: (ref: string, created: string) => `Référentiel ${ref} — diagnostic commencé le ${created}`,
  submittedOn: (date: string) => `soumis le ${date}`,
  validatedWith: (name: string, date: string) => `Validé avec ${name} le ${date}`,
  formerConsultant: 'un·e conseiller·ère dont le compte a été supprimé',
  partialLabel: 'Résultats partiels',
  partialExplain: (done: number, total: number) =>
    `${int(done)} ${plural(done, 'thème est complet', 'thèmes sont complets')} sur ${int(total)} : les scores ci-dessous ne portent que sur les questions déjà renseignées et évolueront avec les réponses manquantes.`,
  notYetTitle: 'Pas encore de résultats',
  notYet: 'Les résultats s’affichent dès qu’un thème est entièrement renseigné (chaque question a un niveau ou « non applicable »). Aucun thème n’est encore complet.',
  notYetProgress: (answered: number, applicable: number) => `${int(answered)} ${plural(answered, 'question renseignée', 'questions renseignées')} sur ${int(applicable)} applicables.`,
  continueLink: 'Continuer le questionnaire',

  summaryTitle: 'L’essentiel',
  provisional: 'provisoire',
  provisionalTitle: 'Résultats provisoires',
  provisionalExplain: (toConfirm: number, unanswered: number) =>
    [
      'Le diagnostic est encore en cours : ces résultats changeront avec les réponses.',
      toConfirm > 0 ? `${int(toConfirm)} ${plural(toConfirm, 'réponse reprise du diagnostic précédent reste', 'réponses reprises du diagnostic précédent restent')} à confirmer.` : '',
      unanswered > 0 ? `${int(unanswered)} ${plural(unanswered, 'question n’a', 'questions n’ont')} pas encore de réponse.` : '',
    ]
      .filter(Boolean)
      .join(' '),
  toConfirmLink: 'Reprendre le questionnaire',
  strengthsTitle: 'Points forts',
  strengthsNone: 'Aucune réponse au niveau 3 (« formalisé, avec suivi ») ou plus pour l’instant : vos points forts apparaîtront avec vos progrès.',
  prioritiesTitle: 'Priorités',
  prioritiesNone: 'Aucune action ouverte au plan.',
  prioritiesLink: 'Tout le plan de progrès',
  legalSummaryTitle: 'Obligations légales à sécuriser',
  legalCount: (n: number) => `${int(n)} ${plural(n, 'obligation légale est renseignée', 'obligations légales sont renseignées')} en dessous du niveau qui la satisfait.`,
  legalAll: (n: number) => (n > 1 ? `Les ${int(n)} obligations, avec leur niveau` : 'L’obligation, avec son niveau'),
  detailsTitle: 'Le détail',
  peersOnBar: (label: string, pct: string) => `${label} : ${pct}`,
  peersReference: (label: string) => label.charAt(0).toLowerCase() + label.slice(1),
  peersLegend: 'Moyenne des structures similaires',
  criteriaDetails: (title: string) => `Détail par critère — ${title}`,
  readinessOpen: 'Afficher le détail par chapitre et par question centrale',
  overallLabel: 'Score global',
  bandLabel: 'Niveau de maturité',
  noOverall: 'Aucune question n’est encore notée : pas de score global.',
  /** What a percentage counts: scored questions, applicable ones, N/A and unanswered. */
  coverage: (c: { applicable: number; answered: number; na: number }) => {
    const scored = c.answered - c.na;
    const missing = c.applicable - c.answered;
    const parts = [`${int(scored)} ${plural(scored, 'question notée', 'questions notées')} sur ${int(c.applicable)} ${plural(c.applicable, 'applicable', 'applicables')}`];
    if (c.na > 0) parts.push(`${int(c.na)} non ${plural(c.na, 'applicable', 'applicables')}`);
    if (missing > 0) parts.push(`${int(missing)} sans réponse`);
    return parts.join(', ');
  },
  coverageNote: 'Les questions « non applicable » et celles qui ne concernent pas vos types de structure sont exclues du calcul ; les questions sans réponse ne comptent pas pour zéro, elles sont signalées.',
  scoreRule: 'Chaque niveau vaut 0, 25, 50, 75 ou 100 % ; les scores sont des moyennes pondérées par le poids des questions (1 à 3).',

  radarTitle: 'Profil par thème',
  radarSvgTitle: 'Graphique radar des scores des quatre thèmes',
  radarDesc: (items: string) => `Score de chaque thème sur 100 : ${items}.`,
  radarReferenceDesc: (label: string, items: string) => `En pointillés, ${label} : ${items}.`,
  radarLegendYou: 'Votre structure',
  radarTableCaption: 'Scores par thème (données du graphique)',
  theme: 'Thème',
  score: 'Score',
  coverageCol: 'Ce que compte le score',

  themesTitle: 'Scores par thème et par critère',
  seeTheme: (title: string) => `Voir les questions du thème « ${title} »`,
  criterion: 'Critère',
  criteriaOf: (theme: string) => `Critères du thème « ${theme} »`,
  strongest: 'Points forts',
  weakest: 'Points à améliorer',
  noStrongest: 'Aucune question notée dans ce thème.',
  noWeakest: 'Pas assez de questions notées pour distinguer des points à améliorer.',
  levelOf: (level: number) => `niveau ${level} sur 4`,
  themeIncomplete: 'thème incomplet',

  coverageTitle: 'Questions sans réponse',
  allAnswered: 'Toutes les questions applicables ont une réponse.',
  unansweredIntro: (n: number) => `${int(n)} ${plural(n, 'question applicable n’a', 'questions applicables n’ont')} pas encore de réponse :`,

  legalTitle: 'Obligations légales à sécuriser',
  legalIntro: 'Ces questions portent sur une obligation légale et sont renseignées en dessous du niveau qui la satisfait : elles méritent d’être traitées en priorité.',
  legalNone: 'Aucune obligation légale n’est renseignée en dessous du niveau qui la satisfait.',
  legalLevel: (level: number, needed: number) => `niveau ${level} sur 4, obligation satisfaite à partir du niveau ${needed}`,

  readinessTitle: 'Préparation à l’ISO 9001 et à un label RSE',
  readinessDisclaimer:
    'Ces indicateurs vous aident à préparer une démarche de certification ISO 9001 ou de labellisation RSE. Ce sont des indications tirées de votre autodiagnostic : ils ne valent ni certification ni label, que seul un organisme indépendant peut délivrer.',
  isoTitle: 'ISO 9001 : chapitres 4 à 10',
  isoGroup: 'Chapitre',
  isoGroupLabel: (group: string, label: string) => `${group}. ${label}`,
  questionsBehind: 'Questions concernées',
  noQuestions: 'aucune question applicable',
  rseTitle: 'RSE : questions centrales de l’ISO 26000',
  rseSubject: 'Question centrale',
  rseLevel: 'Niveau (échelle de type Engagé RSE)',
  rseOverall: (points: string, level: string) => `Niveau RSE global indicatif : ${level} (${points} points sur 1 000).`,
  rseOverallNone: 'Pas encore de niveau RSE global : aucune question liée à l’ISO 26000 n’est notée.',
  rseScale: 'Échelle : Initial jusqu’à 300 points, Progression de 301 à 500, Confirmé de 501 à 700, Exemplaire au-delà de 700 (score × 10).',

  comparisonTitle: 'Évolution depuis le diagnostic précédent',
  comparisonNone: 'Aucun diagnostic précédent soumis ou validé pour cette structure : l’évolution s’affichera au prochain diagnostic.',
  comparisonIntro: (date: string) => `Comparaison avec le diagnostic commencé le ${date}.`,
  comparisonAcross: (label: string, newQuestions: number) =>
    `Le diagnostic précédent suivait la version ${label} du référentiel : chaque question est comparée à celles dont elle reprend le contenu (table de correspondance), au niveau le plus bas d’entre elles quand plusieurs ont été fusionnées. Les scores de thème portent sur des questions en partie différentes : lisez-les comme une tendance.` +
    (newQuestions === 0 ? '' : newQuestions === 1 ? ' Une question nouvelle n’a pas d’équivalent et n’est comparée à rien.' : ` ${newQuestions} questions nouvelles n’ont pas d’équivalent et ne sont comparées à rien.`),
  comparisonOtherVersion: (label: string) => `Le diagnostic précédent suivait la version ${label} du référentiel : seules les questions de même code sont comparées.`,
  formerCodes: (codes: readonly string[]) => `(auparavant ${codes.join(', ')})`,
  before: 'Avant',
  after: 'Maintenant',
  evolution: 'Évolution',
  overallRow: 'Score global',
  /** A difference already computed from the shown values (shownDelta): whole points. */
  delta: (r: number) => {
    return r === 0 ? 'stable' : `${r > 0 ? '+' : '−'}${int(Math.abs(r))}\u00A0${plural(Math.abs(r), 'point', 'points')}`;
  },
  trend: { up: 'en hausse', down: 'en baisse', same: 'stable', 'n/a': 'non comparable' } as Record<string, string>,
  trendSymbol: { up: '↑', down: '↓', same: '=', 'n/a': '–' } as Record<string, string>,
  questionCounts: (c: { up: number; down: number; same: number }) =>
    `Sur les questions communes aux deux diagnostics : ${int(c.up)} en hausse, ${int(c.down)} en baisse, ${int(c.same)} ${plural(c.same, 'stable', 'stables')}.`,
  questionsTrend: {
    up: (n: number) => `Questions en hausse (${int(n)})`,
    down: (n: number) => `Questions en baisse (${int(n)})`,
    same: (n: number) => `Questions stables (${int(n)})`,
  },
  levelChange: (before: number, after: number) => `niveau ${before} → ${after}`,
  noneInList: 'Aucune.',

  benchmarkTitle: 'Comparaison avec des structures similaires',
  benchmarkIntro: (types: string) =>
    `Moyenne des derniers diagnostics soumis ou validés des autres structures adhérentes ayant au moins un type en commun avec la vôtre (${types}).`,
  benchmarkNational: 'Moyenne nationale',
  benchmarkRegional: (region: string) => `Moyenne régionale (${region})`,
  benchmarkYou: 'Votre structure',
  benchmarkPeers: (n: number) => `${int(n)} ${plural(n, 'structure', 'structures')}`,
  benchmarkHidden: (scope: string, n: number, min: number) =>
    `${scope} n’est pas affichée : ${n === 0 ? 'aucune autre structure comparable n’a' : `${int(n)} ${plural(n, 'autre structure comparable seulement a', 'autres structures comparables seulement ont')}`} un diagnostic soumis ou validé, et il en faut au moins ${int(min)} pour préserver l’anonymat de chacune.`,
  benchmarkScopeNational: 'La moyenne nationale',
  benchmarkScopeRegional: (region: string) => `La moyenne régionale (${region})`,

  reviewTitle: 'Remarques de la fédération',
};
