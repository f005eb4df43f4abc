// Every requirement clause of ISO 9001:2015 that a CAP question may be mapped to (chapters 4 to
// 10, the list of the referential schema), with its French title as in NF EN ISO 9001:2015 and,
// in our own words, what it expects and which documented information an auditor asks to see.
// Amendment 1:2024 (climate action changes) added to 4.1 that the organisation determines whether
// climate change is a relevant issue, and to 4.2 a note that interested parties can have
// climate-related requirements; both are written into those two clauses below.
//
// The text of the standard is ISO's: nothing here quotes it. Titles are the clause titles.
import { ISO9001_CLAUSES, type Iso9001Clause } from '../referential/schema.ts';
import { clauseGroup, type Iso9001Group } from './iso9001.ts';

export interface Iso9001ClauseInfo {
  code: Iso9001Clause;
  group: Iso9001Group;
  /** The clause that contains this one (5.1.2 → 5.1), if it is a sub-clause. */
  parent: Iso9001Clause | null;
  title: string;
  /** What the clause expects, in plain words. */
  expects: string;
  /** The documented information the clause asks the organisation to keep or maintain, if any. */
  documented: string | null;
  /** Changed by amendment 1:2024 (climate change). */
  climate2024: boolean;
}

type Entry = Omit<Iso9001ClauseInfo, 'code' | 'group' | 'parent'>;

const ENTRIES: Record<Iso9001Clause, Entry> = {
  '4.1': {
    title: 'Compréhension de l’organisme et de son contexte',
    expects:
      'Identifier les enjeux internes et externes qui comptent pour la finalité de la structure et les résultats attendus de son système qualité, les suivre et les revoir. Depuis l’amendement de 2024, déterminer aussi si le changement climatique est un enjeu pertinent.',
    documented: null,
    climate2024: true,
  },
  '4.2': {
    title: 'Compréhension des besoins et des attentes des parties intéressées',
    expects:
      'Savoir quelles parties intéressées comptent (salariés en parcours, clients, financeurs, prescripteurs, partenaires) et ce qu’elles attendent, et tenir cette connaissance à jour. L’amendement de 2024 rappelle que ces attentes peuvent porter sur le changement climatique.',
    documented: null,
    climate2024: true,
  },
  '4.3': {
    title: 'Détermination du domaine d’application du système de management de la qualité',
    expects: 'Fixer les limites du système qualité (activités, sites, services couverts) et justifier toute exigence jugée non applicable.',
    documented: 'Le domaine d’application, écrit et tenu à jour.',
    climate2024: false,
  },
  '4.4': {
    title: 'Système de management de la qualité et ses processus',
    expects: 'Décrire les processus nécessaires, leurs entrées, sorties, enchaînements, responsables, indicateurs et risques, les mettre en œuvre et les améliorer.',
    documented: 'Ce qui permet de faire fonctionner les processus, et la preuve qu’ils se déroulent comme prévu.',
    climate2024: false,
  },
  '5.1': {
    title: 'Leadership et engagement',
    expects: 'La direction s’implique dans le système qualité et en répond : politique et objectifs, ressources, communication, amélioration.',
    documented: null,
    climate2024: false,
  },
  '5.1.1': {
    title: 'Généralités',
    expects: 'La direction rend compte de l’efficacité du système qualité, l’intègre au fonctionnement de la structure, promeut l’approche processus et l’amélioration.',
    documented: null,
    climate2024: false,
  },
  '5.1.2': {
    title: 'Orientation client',
    expects: 'La direction veille à ce que les exigences des clients (et des personnes accompagnées) et les obligations légales soient comprises et satisfaites, et que leur satisfaction soit suivie.',
    documented: null,
    climate2024: false,
  },
  '5.2': {
    title: 'Politique',
    expects: 'Une politique qualité adaptée au projet de la structure, qui sert de cadre aux objectifs, communiquée, comprise et appliquée.',
    documented: 'La politique qualité, disponible et tenue à jour.',
    climate2024: false,
  },
  '5.3': {
    title: 'Rôles, responsabilités et autorités au sein de l’organisme',
    expects: 'Attribuer et faire connaître qui est responsable de quoi, notamment du bon fonctionnement du système qualité et du compte rendu à la direction.',
    documented: null,
    climate2024: false,
  },
  '6.1': {
    title: 'Actions à mettre en œuvre face aux risques et opportunités',
    expects: 'Repérer les risques et opportunités liés au contexte et aux parties intéressées, prévoir des actions proportionnées et en évaluer l’efficacité.',
    documented: null,
    climate2024: false,
  },
  '6.2': {
    title: 'Objectifs qualité et planification des actions pour les atteindre',
    expects: 'Fixer des objectifs mesurables, cohérents avec la politique, et planifier quoi, avec quels moyens, qui, pour quand et comment évaluer le résultat.',
    documented: 'Les objectifs qualité.',
    climate2024: false,
  },
  '6.3': {
    title: 'Planification des modifications',
    expects: 'Préparer les changements du système qualité (organisation, outils, services) en pesant leurs conséquences, les ressources et les responsabilités.',
    documented: null,
    climate2024: false,
  },
  '7.1': {
    title: 'Ressources',
    expects: 'Déterminer et fournir les ressources nécessaires au système qualité, en tenant compte de ce que la structure a déjà et de ce qu’elle doit obtenir de prestataires.',
    documented: null,
    climate2024: false,
  },
  '7.1.1': {
    title: 'Généralités',
    expects: 'Connaître les capacités et les contraintes des ressources internes et ce qu’il faut obtenir à l’extérieur.',
    documented: null,
    climate2024: false,
  },
  '7.1.2': {
    title: 'Ressources humaines',
    expects: 'Disposer des personnes nécessaires au fonctionnement des processus et du système qualité.',
    documented: null,
    climate2024: false,
  },
  '7.1.3': {
    title: 'Infrastructure',
    expects: 'Disposer des locaux, équipements, véhicules et outils informatiques nécessaires, et les entretenir.',
    documented: null,
    climate2024: false,
  },
  '7.1.4': {
    title: 'Environnement pour la mise en œuvre des processus',
    expects: 'Un environnement de travail adapté, y compris ses dimensions sociales et psychologiques (prévention des risques, climat de travail).',
    documented: null,
    climate2024: false,
  },
  '7.1.5': {
    title: 'Ressources pour la surveillance et la mesure',
    expects: 'Des moyens de mesure et de suivi fiables et adaptés (outils, indicateurs, instruments étalonnés s’il y en a).',
    documented: 'La preuve que ces moyens conviennent (et les étalonnages, le cas échéant).',
    climate2024: false,
  },
  '7.1.6': {
    title: 'Connaissances organisationnelles',
    expects: 'Identifier, conserver et transmettre les savoirs nécessaires (savoir-faire, retours d’expérience), et acquérir ceux qui manquent.',
    documented: null,
    climate2024: false,
  },
  '7.2': {
    title: 'Compétences',
    expects: 'Définir les compétences nécessaires, s’assurer que les personnes les ont (formation, expérience), agir sinon et évaluer ces actions.',
    documented: 'Les preuves de compétence (diplômes, formations, évaluations).',
    climate2024: false,
  },
  '7.3': {
    title: 'Sensibilisation',
    expects: 'Chacun connaît la politique qualité, les objectifs qui le concernent, sa contribution et les conséquences d’un écart.',
    documented: null,
    climate2024: false,
  },
  '7.4': {
    title: 'Communication',
    expects: 'Décider quoi communiquer, quand, à qui, comment et par qui, en interne comme en externe.',
    documented: null,
    climate2024: false,
  },
  '7.5': {
    title: 'Informations documentées',
    expects: 'Créer, mettre à jour et maîtriser les documents et enregistrements : identification, validation, diffusion, accès, conservation, protection.',
    documented: 'Les documents exigés par la norme et ceux que la structure juge nécessaires, maîtrisés.',
    climate2024: false,
  },
  '8.1': {
    title: 'Planification et maîtrise opérationnelles',
    expects: 'Planifier et piloter les activités (critères, ressources, contrôles) et maîtriser les changements et les activités confiées à l’extérieur.',
    documented: 'Ce qui donne confiance que les activités se déroulent comme prévu.',
    climate2024: false,
  },
  '8.2': {
    title: 'Exigences relatives aux produits et services',
    expects: 'Communiquer avec les clients et les personnes accompagnées, déterminer et revoir leurs exigences avant de s’engager, et gérer leurs modifications.',
    documented: 'Le résultat des revues des demandes et des commandes, et leurs modifications.',
    climate2024: false,
  },
  '8.3': {
    title: 'Conception et développement de produits et services',
    expects: 'Concevoir de nouveaux services ou parcours avec une démarche maîtrisée : étapes, données d’entrée, revues, validation, changements.',
    documented: 'Les éléments de la conception (données d’entrée, revues, validations, modifications).',
    climate2024: false,
  },
  '8.4': {
    title: 'Maîtrise des processus, produits et services fournis par des prestataires externes',
    expects: 'Choisir, évaluer et suivre les prestataires et partenaires qui interviennent dans le service rendu, et leur dire ce qui est attendu.',
    documented: 'Les évaluations des prestataires et leurs suites.',
    climate2024: false,
  },
  '8.5': {
    title: 'Production et prestation de service',
    expects: 'Réaliser le service dans des conditions maîtrisées (consignes, compétences, suivi), l’identifier et le tracer, protéger ce qui appartient aux clients ou aux personnes, et maîtriser les changements.',
    documented: 'Les caractéristiques du service et les résultats visés ; la traçabilité utile ; les changements décidés.',
    climate2024: false,
  },
  '8.6': {
    title: 'Libération des produits et services',
    expects: 'Vérifier, aux étapes prévues, que le service répond aux exigences avant de le livrer ou de le clore.',
    documented: 'La preuve de conformité et qui a autorisé la livraison.',
    climate2024: false,
  },
  '8.7': {
    title: 'Maîtrise des éléments de sortie non conformes',
    expects: 'Repérer ce qui ne va pas dans le service rendu, le traiter (correction, information du client) et en garder la trace.',
    documented: 'La description des non-conformités, des actions menées et des décisions.',
    climate2024: false,
  },
  '9.1': {
    title: 'Surveillance, mesure, analyse et évaluation',
    expects: 'Décider ce qu’il faut suivre et mesurer, comment et quand, puis analyser et évaluer les résultats.',
    documented: 'Les résultats du suivi et de l’évaluation.',
    climate2024: false,
  },
  '9.1.1': {
    title: 'Généralités',
    expects: 'Choisir les indicateurs, les méthodes et les moments de mesure et d’analyse.',
    documented: 'La preuve des résultats obtenus.',
    climate2024: false,
  },
  '9.1.2': {
    title: 'Satisfaction du client',
    expects: 'Suivre la façon dont les clients et les personnes accompagnées perçoivent la réponse à leurs attentes (enquêtes, retours, réclamations).',
    documented: null,
    climate2024: false,
  },
  '9.1.3': {
    title: 'Analyse et évaluation',
    expects: 'Analyser les données pour juger de la conformité, de la satisfaction, de l’efficacité du système, des actions face aux risques, des prestataires et des besoins d’amélioration.',
    documented: null,
    climate2024: false,
  },
  '9.2': {
    title: 'Audit interne',
    expects: 'Mener des audits internes planifiés pour vérifier que le système est conforme et efficace, et en traiter les résultats.',
    documented: 'Le programme d’audit et les résultats des audits.',
    climate2024: false,
  },
  '9.3': {
    title: 'Revue de direction',
    expects: 'La direction fait régulièrement le point sur le système qualité (résultats, écarts, satisfaction, risques, ressources) et décide des améliorations.',
    documented: 'Les résultats des revues de direction.',
    climate2024: false,
  },
  '10.1': {
    title: 'Généralités',
    expects: 'Rechercher et saisir les occasions d’amélioration des services, de la satisfaction et du système qualité.',
    documented: null,
    climate2024: false,
  },
  '10.2': {
    title: 'Non-conformité et action corrective',
    expects: 'Face à un problème ou une réclamation : corriger, en chercher les causes, agir pour qu’il ne se reproduise pas et vérifier l’efficacité de l’action.',
    documented: 'La nature des non-conformités, les actions menées et leurs résultats.',
    climate2024: false,
  },
  '10.3': {
    title: 'Amélioration continue',
    expects: 'Améliorer en continu la pertinence, l’adéquation et l’efficacité du système qualité, à partir des analyses et de la revue de direction.',
    documented: null,
    climate2024: false,
  },
};

/** The parent clause of a sub-clause: the code less its last part, when that code is a clause too. */
function parentOf(code: Iso9001Clause): Iso9001Clause | null {
  const parts = code.split('.');
  if (parts.length < 3) return null;
  const parent = parts.slice(0, -1).join('.');
  return (ISO9001_CLAUSES as readonly string[]).includes(parent) ? (parent as Iso9001Clause) : null;
}

/** Every clause from 4.1 to 10.3, in the order of the standard. */
export const ISO9001_CLAUSE_LIST: readonly Iso9001ClauseInfo[] = ISO9001_CLAUSES.map((code) => ({
  code,
  group: clauseGroup(code),
  parent: parentOf(code),
  ...ENTRIES[code],
}));

/** The clauses that contain sub-clauses (5.1, 7.1, 9.1) and their sub-clauses. */
export function subClausesOf(code: Iso9001Clause): Iso9001Clause[] {
  return ISO9001_CLAUSE_LIST.filter((c) => c.parent === code).map((c) => c.code);
}
